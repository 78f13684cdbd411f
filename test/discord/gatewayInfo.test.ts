/**
 * GET /gateway/bot (src/discord/gatewayInfo.ts) when the REST API cannot be reached: every kind of connection failure
 * is named with the API's URL and DISCORD_API_URL, with the network error as the cause. The requests fail in a stub
 * `makeRequest`, so no DNS or network is involved; test/discord/lifecycle.test.ts does it over real sockets.
 */
import { REST } from 'discord.js';
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
