/**
 * The command definitions (case 21: valid for Discord, checked here rather than at start-up) and their deployment
 * (case 20: guild or global, a refusal exits non-zero with a hint), against the fake Discord through DISCORD_API_URL.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DeployError, deployCommands, runDeploy } from '../../scripts/deploy-commands.ts';
import { commandDefinitions, commands, findCommand } from '../../src/discord/commands/index.ts';
import { FakeDiscord } from '../fake-discord/server.ts';
import { TOKEN } from './fixtures.ts';

/** Discord's pattern for command and option names (CHAT_INPUT). */
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

type Option = { name: string; description: string; type: number; options?: Option[]; max_length?: number };

function allOptions(options: Option[] = []): Option[] {
  return options.flatMap((o) => [o, ...allOptions(o.options)]);
}

describe('command definitions', () => {
  const definitions = commandDefinitions();

  test('the static list holds ask, quote, speakers, article and help, each routable by name', () => {
    expect(definitions.map((d) => d.name)).toEqual(['ask', 'quote', 'speakers', 'article', 'help']);
    for (const c of commands) expect(findCommand(c.definition.name)).toBe(c);
  });

  test.each(commandDefinitions().map((d) => [d.name, d] as const))('/%s has valid names and descriptions', (_, d) => {
    const names = [d.name, ...allOptions(d.options as Option[]).map((o) => o.name)];
    for (const name of names) {
      expect(name).toMatch(NAME);
      expect(name).toBe(name.toLowerCase());
      expect(name.normalize('NFC')).toBe(name);
      // No diacritics, zero-width or bidi marks sneaking in.
      expect(name).not.toMatch(/[\u064B-\u065F\u0670\u200B-\u200F\u2066-\u2069]/);
    }
    for (const o of [d, ...allOptions(d.options as Option[])]) {
      expect(o.description.length).toBeGreaterThanOrEqual(1);
      expect(o.description.length).toBeLessThanOrEqual(100);
    }
    expect(JSON.stringify(d).length).toBeLessThan(8000);
  });

  test.each(commandDefinitions().map((d) => [d.name, d] as const))(
    '/%s works in servers and DMs, for both installs',
    (_, d) => {
      expect(d.contexts).toEqual([
        InteractionContextType.Guild,
        InteractionContextType.BotDM,
        InteractionContextType.PrivateChannel,
      ]);
      expect(d.integration_types).toEqual([
        ApplicationIntegrationType.GuildInstall,
        ApplicationIntegrationType.UserInstall,
      ]);
    },
  );

  test('/ask takes a required autocompleted question up to Discord’s 6000 characters, and an optional private flag', () => {
    const ask = definitions.find((d) => d.name === 'ask');
    const [question, priv] = (ask?.options ?? []) as (Option & { required?: boolean; autocomplete?: boolean })[];
    expect(question).toMatchObject({ name: 'question', type: 3, required: true, autocomplete: true, max_length: 6000 });
    expect(priv).toMatchObject({ name: 'private', type: 5 });
    expect(priv?.required ?? false).toBe(false);
  });
});

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TOKEN });
});
afterAll(async () => {
  await fake?.close();
});

const commandsRoute = /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { log: (l: string) => out.push(l), error: (l: string) => err.push(l) }, out, err };
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, ...extra };
}

describe('deployCommands', () => {
  test('with a guild id: PUT to that guild only, the full command list, authenticated', async () => {
    const since = fake.requests.length;
    const result = await deployCommands({
      token: TOKEN,
      clientId: fake.applicationId,
      guildId: fake.guild.id,
      apiUrl: fake.apiUrl,
    });
    const puts = fake.requests.slice(since);
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({
      method: 'PUT',
      route: `/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`,
      authorization: `Bot ${TOKEN}`,
      body: JSON.parse(JSON.stringify(commandDefinitions())),
    });
    expect(result).toEqual({
      scope: 'guild',
      route: `/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`,
      names: ['ask', 'quote', 'speakers', 'article', 'help'],
    });
  });

  test('without a guild id: PUT globally; every command declares guild, bot DM and group DM contexts', async () => {
    const since = fake.requests.length;
    const { io, out } = capture();
    expect(await runDeploy(env(), io)).toBe(0);
    const [put] = fake.requests.slice(since);
    expect(put?.route).toBe(`/applications/${fake.applicationId}/commands`);
    for (const c of (put?.body ?? []) as { contexts: number[] }[]) expect(c.contexts).toEqual([0, 1, 2]);
    expect(out.join('\n')).toContain('global');
  });

  test('50001 Missing Access → DeployError with the applications.commands hint, exit code 1', async () => {
    fake.fail({ method: 'PUT', route: commandsRoute, status: 403, code: 50001, message: 'Missing Access' });
    const error = await deployCommands({
      token: TOKEN,
      clientId: fake.applicationId,
      guildId: fake.guild.id,
      apiUrl: fake.apiUrl,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeployError);
    expect((error as DeployError).code).toBe(50001);
    expect((error as DeployError).hint).toContain('applications.commands');

    fake.fail({ method: 'PUT', route: commandsRoute, status: 403, code: 50001, message: 'Missing Access' });
    const { io, err } = capture();
    expect(await runDeploy(env({ DISCORD_GUILD_ID: fake.guild.id }), io)).toBe(1);
    expect(err.join('\n')).toMatch(/Missing Access[\s\S]*Hint: Re-invite.*applications\.commands/);
    expect(err.join('\n')).not.toContain(TOKEN);
  });

  test('401 → hint to check the token, which is never printed', async () => {
    const { io, err } = capture();
    expect(await runDeploy(env({ DISCORD_TOKEN: 'OTk5.wrong.token-value' }), io)).toBe(1);
    expect(err.join('\n')).toContain('check DISCORD_TOKEN');
    expect(err.join('\n')).not.toContain('wrong.token-value');
  });

  test('missing DISCORD_CLIENT_ID or an invalid variable → exit code 1 with the reason', async () => {
    const a = capture();
    expect(await runDeploy({ DISCORD_TOKEN: TOKEN }, a.io)).toBe(1);
    expect(a.err.join('\n')).toContain('DISCORD_CLIENT_ID');
    const b = capture();
    expect(await runDeploy(env({ DISCORD_GUILD_ID: 'not-an-id' }), b.io)).toBe(1);
    expect(b.err.join('\n')).toContain('DISCORD_GUILD_ID');
  });
});

// Bug fixed (break10 #40): against a proxy answering HTML or JSON that is not Discord's, the deploy printed
// "Registering global commands failed: result.map is not a function".
describe('deployCommands against an API that does not answer as Discord does', () => {
  let server: Server;
  let apiUrl = '';
  /** What the fake API answers to every request: a content type and a body, with status 200. */
  let answer = { type: 'text/html', body: '<html><body>Welcome to the proxy</body></html>' };
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': answer.type }).end(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test.each([
    ['an HTML page', 'text/html', '<html><body>Welcome to the proxy</body></html>', 'not a JSON array of commands'],
    ['a JSON object', 'application/json', '{"ok":true,"result":[]}', 'not a JSON array of commands'],
    ['an array of other things', 'application/json', '[1,2,3]', 'not a JSON array of commands'],
    ['JSON that does not parse', 'application/json', '{"ok": tru', 'JSON'],
  ])(
    '%s: says so, naming the API, with the DISCORD_API_URL hint and never the token',
    async (_name, type, body, why) => {
      answer = { type, body };
      const { io, out, err } = capture();
      const code = await runDeploy(
        { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678', DISCORD_API_URL: apiUrl },
        io,
      );
      const text = err.join('\n');
      expect(code).toBe(1);
      expect(out).toEqual([]);
      expect(text).toContain(
        `Registering global commands failed: the API at ${apiUrl} answered PUT /applications/123456789012345678/commands ` +
          "with something that is not Discord's JSON (",
      );
      expect(text).toContain(why);
      expect(text).toContain('Hint: Check DISCORD_API_URL');
      expect(text).not.toContain('is not a function');
      expect(text).not.toContain(TOKEN);
    },
  );
});

test('the deploy-commands script itself exits non-zero with the hint on 50001', async () => {
  fake.fail({ method: 'PUT', route: commandsRoute, status: 403, code: 50001, message: 'Missing Access' });
  const script = fileURLToPath(new URL('../../scripts/deploy-commands.ts', import.meta.url));
  // tsx's loader in this node process (what `npm run deploy-commands` does through the tsx CLI, minus one process).
  const loader = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', loader, script],
      // Run outside the repository so that a developer's .env cannot interfere.
      { env: { PATH: process.env.PATH, ...env({ DISCORD_GUILD_ID: fake.guild.id }) }, cwd: tmpdir() },
      (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
    );
  });
  expect(result.stderr).toContain('applications.commands');
  expect(result.stderr).not.toContain(TOKEN);
  expect(result.code).toBe(1);
}, 15_000);

// Found by break test 17: a 429 was queued and retried silently (an hour for a global limit); an empty 404 from a
// proxy was blamed on DISCORD_CLIENT_ID; a server that never answered failed after 60 s with "This operation was
// aborted".
describe('deployCommands against rate limits, bare error pages and silence', () => {
  let server: Server;
  let apiUrl = '';
  let reply: (res: import('node:http').ServerResponse) => void = (res) => res.end();
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => reply(res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const deploy = (rest = {}) =>
    deployCommands({ token: TOKEN, clientId: '123456789012345678', apiUrl, rest }).then(
      () => {
        throw new Error('expected the deploy to fail');
      },
      (err: unknown) => err as DeployError,
    );

  test('a 429 fails at once, saying how long to wait', async () => {
    reply = (res) =>
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': '3600', 'x-ratelimit-global': 'true' })
        .end(JSON.stringify({ message: 'You are being rate limited.', retry_after: 3600, global: true }));
    const started = Date.now();
    const error = await deploy();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(DeployError);
    expect(error.message).toContain('rate-limited');
    expect(error.message).toMatch(/retry after \d+ s/);
    expect(error.message).not.toContain(TOKEN);
  });

  test.each([
    [404, ''],
    [500, 'oops'],
  ])('an HTTP %i with no Discord error names the API and DISCORD_API_URL', async (status, body) => {
    reply = (res) => res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
    const error = await deploy({ retries: 0 });
    expect(error.message).toContain(`the API at ${apiUrl} answered PUT`);
    expect(error.message).toContain(`HTTP ${status}`);
    expect(error.hint).toContain('DISCORD_API_URL');
    expect(error.hint).not.toContain('DISCORD_CLIENT_ID');
  });

  test('an API that never answers is named with the time it was given', async () => {
    reply = () => {};
    const error = await deploy({ timeout: 200, retries: 0 });
    expect(error.message).toContain('did not answer PUT');
    expect(error.message).toContain('0.2 s');
    expect(error.hint).toContain('DISCORD_API_URL');
  });
});
