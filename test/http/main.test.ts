/**
 * `npm run start:http` as a process (`node --import tsx src/http/main.ts`): it refuses to start without
 * DISCORD_PUBLIC_KEY, answers a signed PING on 127.0.0.1, and stops cleanly on SIGTERM and SIGINT.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { PING, signed, testKeys } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function start(env: Record<string, string>): { child: ChildProcess; out: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/http/main.ts'], {
    cwd: ROOT,
    // Blank values beat a developer's .env (dotenv never overrides what is set).
    env: {
      ...process.env,
      DISCORD_TOKEN: '',
      DISCORD_PUBLIC_KEY: '',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      RECORD: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

test.concurrent('without DISCORD_PUBLIC_KEY it exits 1 and says what to set', async () => {
  const p = start({});
  expect(await p.exit).toBe(1);
  expect(p.out()).toMatch(/start:http needs DISCORD_PUBLIC_KEY/);
  expect(p.out()).toMatch(/Developer Portal/);
});

test.concurrent('an invalid DISCORD_PUBLIC_KEY exits 1 with the configuration message', async () => {
  const p = start({ DISCORD_PUBLIC_KEY: 'not-a-key' });
  expect(await p.exit).toBe(1);
  expect(p.out()).toMatch(/DISCORD_PUBLIC_KEY must be 64 hex characters/);
});

// Bug fixed: a taken port, an unresolvable HOST or an address not of this machine ended with node's errno
// ("listen EADDRINUSE", "getaddrinfo ENOTFOUND", "listen EADDRNOTAVAIL") and no word of the setting to change.
test.concurrent('a taken PORT or an unusable HOST exits 1, naming the setting and what to set', async () => {
  const keys = testKeys();
  const other = createServer();
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const address = other.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const taken = start({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, PORT: String(port) });
    const unresolved = start({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, HOST: '999.1.1.1' });
    expect(await taken.exit).toBe(1);
    expect(taken.out()).toContain(`start:http cannot listen on 127.0.0.1:${port}: PORT ${port} is already in use`);
    expect(taken.out()).toContain('set PORT to a free port');
    expect(await unresolved.exit).toBe(1);
    expect(unresolved.out()).toContain('HOST 999.1.1.1 is not an IP address');
    expect(unresolved.out()).toContain('set HOST to 127.0.0.1');
    expect(taken.out() + unresolved.out()).not.toContain('failed to start');
  } finally {
    await new Promise<void>((resolve) => other.close(() => resolve()));
  }
});

describe.each(['SIGTERM', 'SIGINT'] as const)('running, then %s', (signal) => {
  test.concurrent('answers a signed PING, then stops cleanly with exit 0', async () => {
    const keys = testKeys();
    const port = await freePort();
    const p = start({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, PORT: String(port) });
    await until(() => p.out().includes('interactions endpoint listening'));
    const req = signed(keys, PING);
    const res = await fetch(`http://127.0.0.1:${port}/interactions`, {
      method: 'POST',
      headers: { 'x-signature-ed25519': req.signature ?? '', 'x-signature-timestamp': req.timestamp ?? '' },
      body: req.body,
    });
    expect(await res.json()).toEqual({ type: 1 });
    p.child.kill(signal);
    expect(await p.exit).toBe(0);
    expect(p.out()).toContain('interactions endpoint stopped');
  });
});
