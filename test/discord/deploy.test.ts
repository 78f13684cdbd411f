/**
 * Case 20: deploy-commands registers to the guild when DISCORD_GUILD_ID is set, else globally; a refusal exits
 * non-zero with a hint. Run against the fake Discord (through DISCORD_API_URL, as a user would with a proxy).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DeployError, deployCommands, runDeploy } from '../../scripts/deploy-commands.ts';
import { commandDefinitions } from '../../src/discord/commands/index.ts';
import { FakeDiscord } from '../fake-discord/server.ts';
import { TOKEN } from './harness.ts';

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

test('`npm run deploy-commands` exits non-zero with the hint on 50001', async () => {
  fake.fail({ method: 'PUT', route: commandsRoute, status: 403, code: 50001, message: 'Missing Access' });
  const script = fileURLToPath(new URL('../../scripts/deploy-commands.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile(
      tsx,
      [script],
      // No .env is read from the test's cwd: dotenv does not override variables that are already set.
      { env: { PATH: process.env.PATH, ...env({ DISCORD_GUILD_ID: fake.guild.id }) }, cwd: '/tmp' },
      (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
    );
  });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('applications.commands');
  expect(result.stderr).not.toContain(TOKEN);
}, 15_000);
