/**
 * GET /gateway/bot (src/discord/gatewayInfo.ts) when the REST API cannot be reached: every kind of connection failure
 * is named with the API's URL and DISCORD_API_URL, with the network error as the cause. The requests fail in a stub
 * `makeRequest`, so no DNS or network is involved; test/discord/lifecycle.test.ts does it over real sockets.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST, RESTEvents } from 'discord.js';
import { expect, test } from 'vitest';
import { fetchGatewayBot, GatewayInfoError } from '../../src/discord/gatewayInfo.ts';

const API = 'http://127.0.0.1:9/api';

/** A REST client whose every request fails as Node or undici fails it, with `code` and `message`. */
function failingRest(code: string, message: string): REST {
  return new REST({
    api: API,
    retries: 0,
    makeRequest: async () => {
      throw Object.assign(new Error(message), { code });
    },
  }).setToken('AAAA.BBBB.CCCC');
}

test.each([
  ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'],
  ['ENOTFOUND', 'getaddrinfo ENOTFOUND discord.example'],
  ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN discord.example'],
  ['ECONNRESET', 'read ECONNRESET'],
  ['EHOSTUNREACH', 'connect EHOSTUNREACH 10.0.0.1:443'],
  ['UND_ERR_SOCKET', 'other side closed'],
  ['ERR_SSL_WRONG_VERSION_NUMBER', 'ssl3_get_record:wrong version number'],
])('%s: a GatewayInfoError naming the API, DISCORD_API_URL and the network error', async (code, message) => {
  const rest = failingRest(code, message);
  try {
    const error = (await fetchGatewayBot(rest).catch((e: unknown) => e)) as GatewayInfoError;
    expect(error).toBeInstanceOf(GatewayInfoError);
    expect(error.message).toBe(
      `the REST API at ${API} could not be reached for GET /gateway/bot (the step before the gateway): ${message}. ` +
        "Check DISCORD_API_URL: unset, it is Discord's own API; set, it must be Discord's API or a REST proxy that " +
        'forwards to it. Also check the network or proxy between this machine and it.',
    );
    expect((error.cause as { code?: unknown }).code).toBe(code);
    expect(error.message).not.toContain('AAAA.BBBB.CCCC');
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
});

test('an error that is not about the connection is passed on as is', async () => {
  const rest = new REST({
    api: API,
    retries: 0,
    makeRequest: async () => {
      throw new RangeError('something else');
    },
  }).setToken('AAAA.BBBB.CCCC');
  try {
    const error = await fetchGatewayBot(rest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
});

// Bug fixed (break test 17): a 429 on GET /gateway/bot was queued by discord.js, and the deadline then said the API
// "did not answer" and sent the operator to check DISCORD_API_URL.
test('a 429 is named as Discord’s rate limit, with the time to wait', async () => {
  const rest = new REST({
    api: API,
    retries: 0,
    makeRequest: async () =>
      new Response(JSON.stringify({ message: 'You are being rate limited.', retry_after: 3600, global: true }), {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '3600', 'x-ratelimit-global': 'true' },
      }) as never,
  }).setToken('AAAA.BBBB.CCCC');
  try {
    const error = (await fetchGatewayBot(rest, 300).catch((e: unknown) => e)) as GatewayInfoError;
    expect(error).toBeInstanceOf(GatewayInfoError);
    expect(error.message).toContain('rate-limited GET /gateway/bot (global limit)');
    expect(error.message).toContain('retry after 3600 s');
    expect(error.message).not.toContain('DISCORD_API_URL');
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
});

/** A stand-in for the API on 127.0.0.1 that answers every request with `reply`; `close` ends it and its sockets. */
async function stubApi(reply: (res: ServerResponse) => void) {
  const server = createServer((req, res) => {
    req.resume();
    reply(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const RATE_LIMITED = JSON.stringify({ message: 'You are being rate limited.', retry_after: 3600, global: false });

// Bug fixed (break test 18, F12): only a 429 marked global was named; discord.js waited out a user or shared one, or
// Cloudflare's HTML 429, in silence, and the deadline said the API "did not answer" and sent the operator to check
// DISCORD_API_URL and the network.
test.each([
  [
    'a user-scoped 429',
    { 'content-type': 'application/json', 'retry-after': '3600', 'x-ratelimit-scope': 'user' },
    RATE_LIMITED,
    'retry after 3600 s',
  ],
  [
    'a shared-scope 429',
    { 'content-type': 'application/json', 'retry-after': '3600', 'x-ratelimit-scope': 'shared' },
    RATE_LIMITED,
    'retry after 3600 s',
  ],
  [
    "Cloudflare's HTML 429",
    { 'content-type': 'text/html', 'retry-after': '1800' },
    '<html><body>Error 1015: You are being rate limited</body></html>',
    'retry after 1800 s',
  ],
  [
    'a 429 with only retry_after in its body',
    { 'content-type': 'application/json' },
    JSON.stringify({ message: 'You are being rate limited.', retry_after: 64.57, global: false }),
    'retry after 65 s',
  ],
  ['a 429 that says nothing of the wait', { 'content-type': 'text/plain' }, 'slow down', 'it did not say for how long'],
])('%s fails at once, named as Discord’s rate limit with the time to wait', async (_kind, headers, body, wait) => {
  const api = await stubApi((res) => res.writeHead(429, headers).end(body));
  const rest = new REST({ api: api.url, retries: 0 }).setToken('AAAA.BBBB.CCCC');
  try {
    const started = Date.now();
    const error = (await fetchGatewayBot(rest, 5_000).catch((e: unknown) => e)) as GatewayInfoError;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(GatewayInfoError);
    expect(error.message).toBe(
      `Discord rate-limited GET /gateway/bot: ${wait}. Many invalid requests in a row (a wrong token, say) can earn ` +
        'an hour; wait that long before starting again.',
    );
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    await api.close();
  }
});

test('the client’s REST is left as it was: its rate limits are queued again afterwards', async () => {
  const api = await stubApi((res) => res.writeHead(429, { 'retry-after': '3600' }).end());
  const rest = new REST({ api: api.url, retries: 0 }).setToken('AAAA.BBBB.CCCC');
  try {
    await fetchGatewayBot(rest, 5_000).catch(() => undefined);
    expect(rest.options.rejectOnRateLimit).toBeNull();
    expect(rest.listenerCount(RESTEvents.Response)).toBe(0);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    await api.close();
  }
});
