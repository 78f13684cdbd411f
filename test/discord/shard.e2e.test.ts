/**
 * `npm start` with SHARDS (src/main.ts as a shard manager in a child process, one more process per shard) against the
 * fake Discord, which recommends 2 shards on GET /gateway/bot and routes events as Discord does: DMs on shard 0,
 * the guild's events on `(guild_id >> 22) % 2` (the fake puts its guild on shard 1). Spawn-heavy: each test starts
 * two or three Node processes, so they run concurrently and with generous timeouts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.ts';
import { callbackOf, TOKEN } from './harness.ts';

const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const loader = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const SPAWN_TIMEOUT = 60_000;
const QUESTION = 'ماذا قال الأسد؟';

interface LogLine {
  msg: string;
  time: number;
  shard?: number;
  role?: string;
  [key: string]: unknown;
}

const managers = new Set<ChildProcess>();
const shardPids = new Set<number>();
afterAll(() => {
  for (const c of managers) c.kill('SIGKILL');
  for (const pid of shardPids) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs main.ts against `fake` from a temporary folder (no developer .env), recording nothing. */
function run(fake: FakeDiscord, env: Record<string, string>, token = TOKEN) {
  const child = spawn(process.execPath, ['--import', loader, main], {
    cwd: tmpdir(),
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: token,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'debug',
      RECORD: 'off',
      ...env,
    },
  });
  managers.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.on('exit', (code) => {
      managers.delete(child);
      resolve({ code, stderr });
    });
  });
  /** Every JSON log line so far, from the manager and the shards (they share its stdout). */
  const logs = (): LogLine[] =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as LogLine];
        } catch {
          return [];
        }
      });
  const spawnedPids = () => {
    const pids = logs()
      .filter((l) => l.msg === 'shard spawned')
      .map((l) => l.pid as number);
    for (const pid of pids) shardPids.add(pid);
    return pids;
  };
  return { child, exited, logs, spawnedPids, stdout: () => stdout, stderr: () => stderr };
}

async function until(check: () => boolean, what: string, ms = 40_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const replyTo = (fake: FakeDiscord, id: string) =>
  fake.requests.filter(
    (r) =>
      (r.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id === id,
  );

describe('npm start with SHARDS (a ShardingManager, one process per shard)', () => {
  test.concurrent(
    'SHARDS=auto: 2 shards identify; a DM is answered once by shard 0, a guild /ask once by shard 1; SIGTERM exits 0',
    async () => {
      const fake = await FakeDiscord.start({ token: TOKEN, shards: 2, maxConcurrency: 2 });
      try {
        const bot = run(fake, { SHARDS: 'auto' });
        const ready = (shard: number) => bot.logs().some((l) => l.msg === 'discord bot ready' && l.shard === shard);
        await until(() => ready(0) && ready(1), 'both shards ready');
        expect(bot.logs().find((l) => l.msg === 'shards planned')).toMatchObject({ shards: 2, source: 'Discord' });
        expect([...fake.identifiedShards].sort()).toEqual([
          [0, 2],
          [1, 2],
        ]);

        const dm = fake.dm(QUESTION);
        await fake.waitForRequest((r) => replyTo(fake, dm.id).includes(r), 10_000);
        expect(fake.shardFor({ guild_id: fake.guild.id })).toBe(1);
        const ask = fake.slash('ask', { question: QUESTION });
        await callbackOf(fake, ask.token, 10_000);
        await new Promise((r) => setTimeout(r, 300));
        expect(replyTo(fake, dm.id)).toHaveLength(1);
        expect(fake.requestsFor(ask.token).filter((r) => r.route.endsWith('/callback'))).toHaveLength(1);
        expect(bot.logs().filter((l) => l.msg === 'message answered' && l.messageId === dm.id)).toEqual([
          expect.objectContaining({ shard: 0 }),
        ]);
        expect(bot.logs().filter((l) => l.msg === 'command answered')).toEqual([expect.objectContaining({ shard: 1 })]);

        const pids = bot.spawnedPids();
        expect(pids).toHaveLength(2);
        bot.child.kill('SIGTERM');
        const { code } = await bot.exited;
        expect(code).toBe(0);
        expect(pids.filter(alive)).toEqual([]);
        expect(bot.logs().filter((l) => l.msg === 'shard stopped')).toEqual([
          expect.objectContaining({ exitCode: 0 }),
          expect.objectContaining({ exitCode: 0 }),
        ]);
        expect(bot.stdout() + bot.stderr()).not.toContain(TOKEN);
      } finally {
        await fake.close();
      }
    },
    SPAWN_TIMEOUT,
  );

  test.concurrent(
    'SHARDS=2 with one identify bucket: shard 1 starts a bucket interval later; a killed shard is respawned; SIGINT exits 0',
    async () => {
      const fake = await FakeDiscord.start({ token: TOKEN, shards: 1, maxConcurrency: 1 });
      try {
        const bot = run(fake, { SHARDS: '2' });
        const readies = () => bot.logs().filter((l) => l.msg === 'shard ready' && l.role === 'shard-manager');
        await until(() => readies().length === 2, 'both shards ready');
        expect(bot.logs().find((l) => l.msg === 'shards planned')).toMatchObject({ shards: 2, source: 'SHARDS' });
        const spawns = bot.logs().filter((l) => l.msg === 'shard spawned');
        expect(spawns.map((l) => l.shard)).toEqual([0, 1]);
        expect((spawns[1]?.time ?? 0) - (spawns[0]?.time ?? 0)).toBeGreaterThanOrEqual(5_400);

        const [, second] = bot.spawnedPids();
        process.kill(second ?? 0, 'SIGKILL');
        await until(() => readies().length === 3, 'shard 1 respawned and ready');
        expect(bot.logs().find((l) => l.msg === 'shard exited')).toMatchObject({ shard: 1, signal: 'SIGKILL' });
        expect(fake.identifiedShards.filter(([id]) => id === 1)).toHaveLength(2);

        const pids = bot.spawnedPids();
        bot.child.kill('SIGINT');
        const { code } = await bot.exited;
        expect(code).toBe(0);
        expect(pids.filter(alive)).toEqual([]);
      } finally {
        await fake.close();
      }
    },
    SPAWN_TIMEOUT,
  );

  test.concurrent(
    'a token Discord refuses: exit 1 before any shard starts, naming the fix, the token never printed',
    async () => {
      const fake = await FakeDiscord.start({ token: 'MTk5.other.token', shards: 2 });
      try {
        const bot = run(fake, { SHARDS: 'auto' });
        const { code, stderr } = await bot.exited;
        expect(code).toBe(1);
        expect(stderr).toMatch(/iqtibas failed to start: Discord login failed \(GET \/gateway\/bot\): .*Reset Token/);
        expect(bot.spawnedPids()).toEqual([]);
        expect(bot.stdout() + stderr).not.toContain(TOKEN);
      } finally {
        await fake.close();
      }
    },
    SPAWN_TIMEOUT,
  );

  test.concurrent(
    'the gateway refuses the token (4004) for one shard: the manager exits 1 with the fix at once, no respawn',
    async () => {
      const fake = await FakeDiscord.start({ token: TOKEN, shards: 2, maxConcurrency: 2 });
      fake.refuseIdentify = 4004;
      try {
        const bot = run(fake, { SHARDS: 'auto' });
        const { code, stderr } = await bot.exited;
        expect(code).toBe(1);
        expect(stderr).toMatch(
          /iqtibas stopped: shard [01]: Discord login failed: Discord rejected the token \(gateway close 4004.*Reset Token/,
        );
        const pids = bot.spawnedPids();
        expect(pids).toHaveLength(2); // one per shard: nothing was respawned
        expect(pids.filter(alive)).toEqual([]);
        expect(bot.logs().some((l) => l.msg === 'shard respawning')).toBe(false);
        expect(bot.stdout() + stderr).not.toContain(TOKEN);
      } finally {
        await fake.close();
      }
    },
    SPAWN_TIMEOUT,
  );
});
