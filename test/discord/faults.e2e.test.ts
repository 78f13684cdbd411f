/**
 * Faults at the edges of the bot's life, against the fake Discord: a configured cooldown reaching the bot (case 19),
 * gateway closes discord.js never recovers from (4004 token rejected, 4014 disallowed intents), and `npm start`
 * itself (src/main.ts in a child process) exiting non-zero with a message that names the fix. (SIGINT/SIGTERM and
 * uncaught errors are covered on an EventEmitter in process.test.ts.)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startBot } from '../../src/discord/bot.ts';
import type { GatewayFatalError } from '../../src/discord/errors.ts';
import { FakeDiscord } from '../fake-discord/server.ts';
import { memoryLogger, realAnswerer, startHarness, TOKEN } from './harness.ts';

const isReplyTo = (body: unknown, id: string) =>
  (body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id === id;

describe('cooldown from the configuration (case 19)', () => {
  test('COOLDOWN_MAX=2, COOLDOWN_WINDOW_SECONDS=1: two answers, one notice saying when, then silence', async () => {
    const h = await startHarness({ env: { COOLDOWN_MAX: '2', COOLDOWN_WINDOW_SECONDS: '1' } });
    try {
      const user = h.fake.newUser('configured');
      const ids = Array.from({ length: 5 }, (_, i) => h.fake.dm(`ماذا قال الأسد؟ ${i}`, user).id);
      await h.fake.waitForRequest((r) => isReplyTo(r.body, ids[2] ?? ''));
      await new Promise((r) => setTimeout(r, 100));
      const counts = ids.map((id) => h.fake.requests.filter((r) => isReplyTo(r.body, id)).length);
      expect(counts).toEqual([1, 1, 1, 0, 0]);
      const notice = h.fake.requests.find((r) => isReplyTo(r.body, ids[2] ?? ''))?.body as { content?: string };
      expect(notice.content).toMatch(/quickly; you can ask again in \u2068?1 s/);
    } finally {
      await h.close();
    }
  });
});

describe('memory stays bounded with many users', () => {
  test('idle DM channels leave the cache; the user’s next DM is answered like a first one (case 13)', async () => {
    const h = await startHarness({ tuning: { dmChannelIdleMs: 1, sweepIntervalMs: 30 } });
    try {
      const user = h.fake.newUser('returning');
      const channel = h.fake.dmChannelOf(user);
      for (let visit = 0; visit < 2; visit++) {
        const { id } = h.fake.dm('ماذا قال الطائي؟', user);
        await h.fake.waitForRequest((r) => isReplyTo(r.body, id));
        const until = Date.now() + 2000;
        while (h.bot.client.channels.cache.has(channel) && Date.now() < until)
          await new Promise((r) => setTimeout(r, 10));
        expect(h.bot.client.channels.cache.has(channel)).toBe(false);
      }
      expect(h.logs.some((l) => l.msg === 'idle DM channels swept')).toBe(true);
    } finally {
      await h.close();
    }
  });
});

describe('gateway closes that discord.js does not recover from', () => {
  test('4014 (disallowed intents) at start: startBot rejects at once, naming the fix, and cleans up', async () => {
    const fake = await FakeDiscord.start({ token: TOKEN });
    fake.refuseIdentify = 4014;
    const { logger, lines } = memoryLogger();
    const started = Date.now();
    const error = (await startBot({
      config: loadConfig({ DISCORD_TOKEN: TOKEN }),
      answerer: realAnswerer(),
      logger,
      clientOptions: fake.clientOptions,
    }).catch((e: unknown) => e)) as Error;
    expect(Date.now() - started).toBeLessThan(3000); // not the 30-second READY timeout
    expect(error.message).toMatch(/^Discord login failed: .*4014.*Privileged Gateway Intents/);
    expect(lines.join('')).not.toContain(TOKEN);
    await fake.waitForGatewayClosed();
    await fake.close();
  });

  test('4004 (authentication failed) after READY: onFatal once with the fix, no reconnect attempt', async () => {
    const fatal: GatewayFatalError[] = [];
    const h = await startHarness({ onFatal: (e) => fatal.push(e) });
    try {
      const connections = h.fake.connections.length;
      h.fake.closeGateway(4004);
      const until = Date.now() + 3000;
      while (fatal.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 200));
      expect(fatal).toHaveLength(1);
      expect(fatal[0]?.code).toBe(4004);
      expect(fatal[0]?.message).toContain('Reset Token');
      expect(h.fake.connections.length).toBe(connections);
      expect(h.logs.find((l) => l.msg === 'gateway closed for good')).toMatchObject({ level: 60, code: 4004 });
      expect(h.rawLogs()).not.toContain(TOKEN);
    } finally {
      await h.close();
    }
  });
});

describe('npm start (src/main.ts) in Discord mode', { timeout: 60_000 }, () => {
  const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
  const loader = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
  const children = new Set<ChildProcess>();
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
  });

  /** Runs main.ts against `fake` (outside the repository, so no developer .env interferes). */
  function run(fake: FakeDiscord, token = TOKEN) {
    const child = spawn(process.execPath, ['--import', loader, main], {
      cwd: tmpdir(),
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: token,
        DISCORD_API_URL: fake.apiUrl,
        LOG_LEVEL: 'info',
        RECORD: 'off',
      },
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += String(d);
    });
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      child.on('exit', (code) => {
        children.delete(child);
        resolve({ code, stdout, stderr });
      });
    });
    return { child, exited, stdout: () => stdout };
  }

  async function until(check: () => boolean, ms = 40_000): Promise<void> {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  test.concurrent('a token Discord rejects: exit 1, a clear message with the fix, the token never printed', async () => {
    const fake = await FakeDiscord.start({ token: 'MTk5.other.token' });
    try {
      const { code, stdout, stderr } = await run(fake).exited;
      expect(code).toBe(1);
      expect(stderr).toMatch(/iqtibas failed to start: Discord login failed: An invalid token was provided\./);
      expect(stderr).toContain('Reset Token');
      expect(stdout + stderr).not.toContain('super-secret-test-token');
    } finally {
      await fake.close();
    }
  });

  test.concurrent('4014 at identify: exit 1 naming the privileged intents setting', async () => {
    const fake = await FakeDiscord.start({ token: TOKEN });
    fake.refuseIdentify = 4014;
    try {
      const { code, stderr } = await run(fake).exited;
      expect(code).toBe(1);
      expect(stderr).toMatch(/4014.*Privileged Gateway Intents/);
    } finally {
      await fake.close();
    }
  });

  test.concurrent('4004 while running: the process handlers stop the bot and exit 1 with the fix', async () => {
    const fake = await FakeDiscord.start({ token: TOKEN });
    try {
      const bad = run(fake);
      await until(() => bad.stdout().includes('discord bot ready'));
      fake.closeGateway(4004);
      const { code, stderr, stdout } = await bad.exited;
      expect(code).toBe(1);
      expect(stderr).toMatch(/iqtibas stopped: Discord rejected the token \(gateway close 4004.*Reset Token/);
      expect(stdout).toContain('gateway closed for good');
      expect(stdout + stderr).not.toContain('super-secret-test-token');
    } finally {
      await fake.close();
    }
  });
});
