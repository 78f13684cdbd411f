/**
 * The long-running package.json scripts as an operator runs them, through npm: `npm run start:http` and `npm start`
 * (terminal chat, gateway bot, and the shard manager with SHARDS). npm forwards SIGINT/SIGTERM to its child only,
 * so each script must `exec` the one node process that serves: a `tsx` CLI or a shell in between took the signal
 * and died, leaving the server running as an orphan. Also: with stdout a closed pipe, SIGTERM still ends the process.
 *
 * Linux process tools only (`ps`); everything listens on 127.0.0.1. The tests run concurrently (npm alone takes a
 * few hundred milliseconds to start).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { TOKEN } from '../discord/fixtures.ts';
import { FakeDiscord } from '../fake-discord/server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TIMEOUT_MS = 40_000;

/** Every process these tests started, and their descendants seen so far: killed at the end whatever happens. */
const started = new Set<number>();
afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids of `pid`'s children (ps), remembered for the final clean-up. */
function childrenOf(pid: number): number[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when there is none
  }
  const pids = out
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((n) => n > 0);
  for (const p of pids) started.add(p);
  return pids;
}

/** `pid` and all its descendants (depth first). */
function tree(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(tree)];
}

/** The command line of a process. */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

async function until(check: () => boolean, what: string, ms = TIMEOUT_MS - 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** True when something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function publicKeyHex(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
}

interface Running {
  child: ChildProcess;
  out: () => string;
  exit: Promise<number | null>;
}

/** Starts `command args` in the project root with `env` over a clean environment (blanks beat a developer's .env). */
function start(command: string, args: readonly string[], env: Record<string, string>, detached = false): Running {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      npm_config_update_notifier: 'false',
      DISCORD_TOKEN: '',
      DISCORD_PUBLIC_KEY: '',
      SHARDS: '',
      RECORD: 'off',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, so that a test can signal the group as a terminal's Ctrl-C does.
    detached,
  });
  if (child.pid) started.add(child.pid);
  let text = '';
  child.stdout?.on('data', (c: Buffer) => {
    text += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    text += c.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => text, exit };
}

const npm = (script: string, env: Record<string, string>, detached = false): Running =>
  start('npm', ['run', '--silent', script], env, detached);

test('every script that runs our TypeScript execs one node process (no tsx CLI, no shell left in between)', () => {
  const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const typescript = Object.entries(scripts).filter(([, command]) => /\.ts\b/.test(command));
  expect(typescript.length).toBeGreaterThanOrEqual(10);
  for (const [name, command] of typescript) {
    expect(`${name}: ${command}`).toMatch(new RegExp(`^${name}: exec node (--[\\w-]+ )*--import tsx \\S+\\.ts$`));
  }
});

describe('SIGTERM to npm stops the server it started, and nothing is left behind', () => {
  test.concurrent(
    'npm run start:http',
    async () => {
      const port = await freePort();
      const run = npm('start:http', { DISCORD_PUBLIC_KEY: publicKeyHex(), PORT: String(port) });
      await until(() => run.out().includes('interactions endpoint listening'), 'the endpoint to listen');
      const npmPid = run.child.pid ?? 0;
      const below = tree(npmPid).slice(1);
      expect(below.map(commandOf).join('\n')).toMatch(/node --import tsx src\/http\/main\.ts/);
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
      await until(() => below.every((pid) => !alive(pid)), 'no process left');
      expect(await listening(port)).toBe(false);
      expect(run.out()).toContain('interactions endpoint stopped');
    },
    TIMEOUT_MS,
  );

  test.concurrent(
    'npm start (the terminal chat, waiting for input)',
    async () => {
      const run = npm('start', {});
      run.child.stdin?.write('ماذا قال الأسد؟\n');
      await until(() => run.out().includes('بشار الأسد'), 'the first answer');
      const below = tree(run.child.pid ?? 0).slice(1);
      expect(below.map(commandOf).join('\n')).toMatch(/node --import tsx src\/main\.ts/);
      run.child.kill('SIGTERM');
      await run.exit;
      await until(() => below.every((pid) => !alive(pid)), 'no process left');
    },
    TIMEOUT_MS,
  );

  describe('npm start with DISCORD_TOKEN, against a fake Discord', () => {
    // One fake for the three tests; started on first use (the tests start together, so they share the promise).
    let fake: Promise<FakeDiscord> | undefined;
    const fakeDiscord = (): Promise<FakeDiscord> => {
      fake ??= FakeDiscord.start({ token: TOKEN });
      return fake;
    };
    afterAll(async () => {
      await (await fake)?.close();
    });

    test.concurrent(
      'the gateway bot',
      async () => {
        const f = await fakeDiscord();
        const run = npm('start', { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: f.apiUrl });
        await until(() => run.out().includes('discord bot ready'), 'READY (SHARDS= blank must not matter)');
        const below = tree(run.child.pid ?? 0).slice(1);
        run.child.kill('SIGTERM');
        expect(await run.exit).toBe(0);
        await until(() => below.every((pid) => !alive(pid)), 'no process left');
        expect(run.out()).toContain('discord bot stopped');
      },
      TIMEOUT_MS,
    );

    test.concurrent(
      'the shard manager (SHARDS=1) and its shard',
      async () => {
        const f = await fakeDiscord();
        const run = npm('start', { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: f.apiUrl, SHARDS: '1' });
        await until(() => run.out().includes('"msg":"shard ready"'), 'the shard to be ready');
        const below = tree(run.child.pid ?? 0).slice(1);
        expect(below.length).toBeGreaterThanOrEqual(2); // the manager and the shard
        run.child.kill('SIGTERM');
        expect(await run.exit).toBe(0);
        await until(() => below.every((pid) => !alive(pid)), 'no process left');
        expect(run.out()).toContain('"msg":"shard stopped"');
      },
      TIMEOUT_MS,
    );

    test.concurrent(
      "Ctrl-C (SIGINT to npm's whole process group, which npm forwards again) is one clean stop, exit 0",
      async () => {
        const f = await fakeDiscord();
        const run = npm('start', { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: f.apiUrl }, true);
        await until(() => run.out().includes('discord bot ready'), 'READY (SHARDS= blank must not matter)');
        const below = tree(run.child.pid ?? 0).slice(1);
        process.kill(-(run.child.pid ?? 0), 'SIGINT');
        expect(await run.exit).toBe(0);
        await until(() => below.every((pid) => !alive(pid)), 'no process left');
        expect(run.out()).toContain('discord bot stopped');
        expect(run.out()).not.toContain('second signal');
      },
      TIMEOUT_MS,
    );
  });
});

test.concurrent(
  'with stdout a closed pipe, SIGTERM still ends start:http (a log line it cannot write does not keep it alive)',
  async () => {
    const port = await freePort();
    const run = start(process.execPath, ['--import', 'tsx', 'src/http/main.ts'], {
      DISCORD_PUBLIC_KEY: publicKeyHex(),
      PORT: String(port),
    });
    await until(() => run.out().includes('interactions endpoint listening'), 'the endpoint to listen');
    // What `… | head -c 1` does once it has read its byte: the reading end of stdout goes away.
    run.child.stdout?.destroy();
    run.child.kill('SIGTERM');
    const code = await Promise.race([run.exit, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 10_000))]);
    expect(code).toBe(0);
    expect(await listening(port)).toBe(false);
  },
  TIMEOUT_MS,
);
