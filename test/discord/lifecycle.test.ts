import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startBot } from '../../src/discord/bot.ts';
import { FakeDiscord } from '../fake-discord/server.ts';
import { callbackOf, memoryLogger, realAnswerer, TOKEN } from './harness.ts';

/** Counts of active resources by type (Timeout, TCPSocketWrap, …). */
function resources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of process.getActiveResourcesInfo()) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

/** Resource types whose count is above the baseline. */
function leaks(baseline: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [type, n] of resources()) if (n > (baseline.get(type) ?? 0)) out[type] = n - (baseline.get(type) ?? 0);
  return out;
}

async function eventually(check: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

test('stop() closes the gateway and leaves no handles (timers, sockets) behind', async () => {
  const answerer = realAnswerer();
  await new Promise((r) => setTimeout(r, 50));
  const baseline = resources();
  const fake = await FakeDiscord.start({ token: TOKEN });
  const { logger } = memoryLogger();
  const bot = await startBot({
    config: loadConfig({ DISCORD_TOKEN: TOKEN }),
    answerer,
    logger,
    clientOptions: fake.clientOptions,
  });
  const { token } = fake.slash('ask', { question: 'ماذا قال الأسد؟' });
  await callbackOf(fake, token);
  fake.dm('ماذا قال الأسد؟');
  await fake.waitForRequest((r) => r.route.startsWith('/channels/'));

  expect(leaks(baseline).Timeout).toBeGreaterThan(0); // heartbeat and friends, while running
  await bot.stop();
  await bot.stop(); // idempotent
  await fake.waitForGatewayClosed();
  expect(bot.client.isReady()).toBe(false);
  // What keeps the event loop alive now is the fake alone: its listening server and its side of each connection
  // (the client's idle keep-alive sockets are unref'd and do not count).
  const fakeOnly = () => {
    const l = leaks(baseline);
    return l.Timeout === undefined && l.TCPSocketWrap === (fake.openSockets || undefined) && l.TCPServerWrap === 1;
  };
  await eventually(fakeOnly);
  expect(leaks(baseline)).toEqual({
    TCPServerWrap: 1,
    ...(fake.openSockets > 0 && { TCPSocketWrap: fake.openSockets }),
  });
  await fake.close();
  await eventually(() => Object.keys(leaks(baseline)).length === 0);
  expect(leaks(baseline)).toEqual({});
});

test('a rejected token: startBot fails with a clear error that never contains the token, and cleans up', async () => {
  await new Promise((r) => setTimeout(r, 50));
  const baseline = resources();
  const fake = await FakeDiscord.start({ token: 'OTk5.other.token' });
  const { logger, lines } = memoryLogger();
  const error = await startBot({
    config: loadConfig({ DISCORD_TOKEN: TOKEN }),
    answerer: realAnswerer(),
    logger,
    clientOptions: fake.clientOptions,
  }).catch((e: unknown) => e as Error);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toMatch(/^Discord login failed: .*token/i);
  expect((error as Error).message).not.toContain(TOKEN);
  expect(lines.join('')).not.toContain('super-secret-test-token');
  await fake.close();
  await eventually(() => Object.keys(leaks(baseline)).length === 0);
  expect(leaks(baseline)).toEqual({});
});

test('startBot refuses to start without a token', async () => {
  const { logger } = memoryLogger();
  await expect(startBot({ config: loadConfig({}), answerer: realAnswerer(), logger })).rejects.toThrow(/DISCORD_TOKEN/);
});

/** A server on 127.0.0.1 that answers every request with `handler` (or never, without one). */
async function fakeApi(handler?: (res: import('node:http').ServerResponse) => void) {
  const { createServer } = await import('node:http');
  const server = createServer((_req, res) => handler?.(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// Bug fixed: an API answering something else failed with "Cannot read properties of null (reading 'reset_after')".
test.each([
  [
    'JSON of another shape',
    'application/json',
    '{"url": "ws://127.0.0.1:1/", "shards": "many", "session_start_limit": null}',
  ],
  ['an HTML page', 'text/html', '<html><body>It works!</body></html>'],
  ['broken JSON', 'application/json', '{"url": '],
])('an API that answers %s: the login fails naming the API and DISCORD_API_URL', async (_kind, type, body) => {
  const api = await fakeApi((res) => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  });
  try {
    const error = (await startBot({
      config: loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: api.url }),
      answerer: realAnswerer(),
      logger: memoryLogger().logger,
      clientOptions: { rest: { retries: 0 } },
    }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      new RegExp(
        `^Discord login failed: the API at ${api.url} answered GET /gateway/bot with something that is not Discord's JSON`,
      ),
    );
    expect(error.message).toContain('DISCORD_API_URL');
    expect(error.message).not.toMatch(/Cannot read properties/);
    expect(error.message).not.toContain(TOKEN);
  } finally {
    await api.close();
  }
});

// Bug fixed (break test 18, F12): a 429 not marked global (here per-user, as Discord sends after many invalid
// requests) waited out the 10 s deadline and was reported as an API that "did not answer", to be looked for in
// DISCORD_API_URL and the network.
test('a per-user 429 on GET /gateway/bot fails the login at once, named as Discord’s rate limit', async () => {
  const api = await fakeApi((res) =>
    res
      .writeHead(429, { 'content-type': 'application/json', 'retry-after': '3600', 'x-ratelimit-scope': 'user' })
      .end(JSON.stringify({ message: 'You are being rate limited.', retry_after: 3600, global: false })),
  );
  try {
    const started = Date.now();
    const error = (await startBot({
      config: loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: api.url }),
      answerer: realAnswerer(),
      logger: memoryLogger().logger,
      tuning: { gatewayInfoTimeoutMs: 5_000 },
    }).catch((e: unknown) => e)) as Error;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.message).toBe(
      'Discord login failed: Discord rate-limited GET /gateway/bot: retry after 3600 s. Many invalid requests in a ' +
        'row (a wrong token, say) can earn an hour; wait that long before starting again.',
    );
  } finally {
    await api.close();
  }
});

// Bug fixed: a REST API that never answers gave "Discord did not send READY within 30000 ms" after 31.8 s, blaming
// the gateway for the REST step.
test('a REST API that never answers: the login fails within the token check deadline, naming REST and the URL', async () => {
  const api = await fakeApi();
  try {
    const started = Date.now();
    const error = (await startBot({
      config: loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: api.url }),
      answerer: realAnswerer(),
      logger: memoryLogger().logger,
      tuning: { gatewayInfoTimeoutMs: 300 },
    }).catch((e: unknown) => e)) as Error;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.message).toBe(
      `Discord login failed: the REST API at ${api.url} did not answer GET /gateway/bot within 0.3 s (the step before ` +
        "the gateway). Check DISCORD_API_URL: unset, it is Discord's own API; set, it must be Discord's API or a REST " +
        'proxy that forwards to it. Also check the network or proxy between this machine and it.',
    );
  } finally {
    await api.close();
  }
});

/** A server on 127.0.0.1 that resets every connection as soon as it is made. */
async function resettingApi() {
  const { createServer } = await import('node:net');
  const server = createServer((socket) => socket.resetAndDestroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A URL on 127.0.0.1 where nothing listens (a port just freed). */
async function refusingApi() {
  const api = await fakeApi();
  await api.close();
  return { url: api.url, close: async () => {} };
}

// Bug fixed: a refused connection said only "Discord login failed: connect ECONNREFUSED 127.0.0.1:9", naming neither
// the API nor DISCORD_API_URL, unlike an API that does not answer or answers something else.
test.each([
  ['refuses the connection', refusingApi, 'ECONNREFUSED'],
  ['resets the connection', resettingApi, 'ECONNRESET'],
])('an API that %s: the login fails naming the API and DISCORD_API_URL, never the token', async (_kind, make, code) => {
  const api = await make();
  try {
    const error = (await startBot({
      config: loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: api.url }),
      answerer: realAnswerer(),
      logger: memoryLogger().logger,
    }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      new RegExp(
        `^Discord login failed: the REST API at ${api.url} could not be reached for GET /gateway/bot \\(the step ` +
          `before the gateway\\): .*${code}`,
      ),
    );
    expect(error.message).toContain(
      "Check DISCORD_API_URL: unset, it is Discord's own API; set, it must be Discord's API or a REST proxy",
    );
    expect(error.message).not.toContain(TOKEN);
  } finally {
    await api.close();
  }
});
