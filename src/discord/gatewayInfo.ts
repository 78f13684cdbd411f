/**
 * GET /gateway/bot: the first request of every login (the single-process bot and the shard manager ask it before
 * anything else). It checks the token and tells where the gateway is; asking it ourselves, with a deadline and a check
 * of the answer's shape, turns the two ways a wrong DISCORD_API_URL fails into messages that name it:
 *
 * - a server that never answers: discord.js's REST waits 15 s per attempt and retries, so the login used to end in
 *   "Discord did not send READY within 30000 ms", blaming the gateway for what REST did;
 * - a server that answers something else: discord.js reads `session_start_limit.reset_after` of whatever came back
 *   and failed with "Cannot read properties of null (reading 'reset_after')";
 * - a server that cannot be reached (refused, no such host, reset): the bare "connect ECONNREFUSED 127.0.0.1:9" did
 *   not say which setting pointed there;
 * - a 429 of any kind (global, user, shared, Cloudflare's HTML page): discord.js waited it out in silence until the
 *   deadline blamed the API; it is named as Discord's rate limit, with the time to wait.
 *
 * Importing this module has no side effect.
 */
import {
  type APIRequest,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  type RateLimitQueueFilter,
  type REST,
  RESTEvents,
  type RESTGetAPIGatewayBotResult,
  type RESTOptions,
  type ResponseLike,
  Routes,
} from 'discord.js';
import { z } from 'zod';

/** How long GET /gateway/bot may take before the login gives up and names the API. */
export const DEFAULT_GATEWAY_INFO_TIMEOUT_MS = 10_000;

/** The fields of Discord's answer that discord.js and the shard manager read. */
const GatewayBotSchema = z.object({
  url: z.string(),
  shards: z.number().int().nonnegative(),
  session_start_limit: z.object({
    total: z.number(),
    remaining: z.number(),
    reset_after: z.number(),
    max_concurrency: z.number().int().positive(),
  }),
});

/**
 * The REST API at DISCORD_API_URL (or Discord's) did not answer GET /gateway/bot as Discord does: no connection, no
 * answer in time, an HTTP error other than 401, or a body that is not Discord's JSON. The message names the URL and says to check
 * DISCORD_API_URL; `cause` holds the underlying error, if any. (A refused token, 401, is not this: it is thrown as
 * discord.js's own DiscordAPIError, which the callers turn into "reset the token".)
 */
export class GatewayInfoError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'GatewayInfoError';
  }
}

/** The REST base URL as shown in messages: without credentials, query or fragment (never secrets). */
export function describeApiUrl(api: string): string {
  if (!URL.canParse(api)) return api;
  const url = new URL(api);
  return `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '');
}

/** What to do about an API that does not answer as Discord does (also deploy-commands' hint for it). */
export const CHECK_API_URL =
  "Check DISCORD_API_URL: unset, it is Discord's own API; set, it must be Discord's API or a REST proxy that " +
  'forwards to it.';

/**
 * Codes of a request that got no HTTP answer at all: the system's (connection refused, no such host or no answer from
 * DNS, reset, host or network unreachable, timed out) and those of undici, discord.js's HTTP client (the server closed
 * the socket, connecting timed out). Our own deadline's abort is not among them: it is reported as the deadline.
 */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/**
 * True for an error of the connection rather than of an answer: one of {@link UNREACHABLE_CODES}, or a TLS handshake
 * that failed (`ERR_SSL_…`, `ERR_TLS_…`: often https:// given for a plain-HTTP proxy, or the other way round).
 */
function isUnreachable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (UNREACHABLE_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))
  );
}

/** A short description of why `data` is not the expected answer (the first two problems). */
function shapeProblem(data: unknown, error: z.ZodError): string {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || data instanceof ArrayBuffer) {
    return 'not a JSON object';
  }
  return error.issues
    .slice(0, 2)
    .map((issue) => `${issue.path.join('.') || 'the body'}: ${issue.message}`)
    .join('; ');
}

/**
 * Asks `rest` for GET /gateway/bot within `timeoutMs` and checks that the answer has Discord's shape.
 *
 * @param rest - with the token set, pointed at DISCORD_API_URL when set.
 * @returns Discord's answer: the gateway URL, the recommended shard count and the session start limits.
 * @throws {@link GatewayInfoError} naming the API's URL when it does not answer in time, answers with an HTTP error
 *   other than 401, answers something that is not Discord's JSON, or cannot be reached (refused, no such host,
 *   reset, unreachable, TLS failure: the network error is the `cause` and its message is quoted); a
 *   {@link GatewayInfoError} naming Discord's rate limit and the time to wait for any 429, at once; discord.js's
 *   DiscordAPIError for 401 (the token is refused).
 */
export async function fetchGatewayBot(
  rest: REST,
  timeoutMs: number = DEFAULT_GATEWAY_INFO_TIMEOUT_MS,
): Promise<RESTGetAPIGatewayBotResult> {
  const api = describeApiUrl(rest.options.api);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new GatewayInfoError(
          `the REST API at ${api} did not answer GET /gateway/bot within ${formatSeconds(timeoutMs)} (the step ` +
            `before the gateway). ${CHECK_API_URL} Also check the network or proxy between this machine and it.`,
        ),
      );
    }, timeoutMs);
  });
  let data: unknown;
  try {
    data = await Promise.race([getFailingFastOnRateLimit(rest, controller.signal), deadline]);
  } catch (err) {
    if (err instanceof GatewayInfoError) throw err;
    if (err instanceof DiscordAPIError && err.status === 401) throw err;
    if (err instanceof DiscordAPIError || err instanceof HTTPError) {
      throw new GatewayInfoError(
        `the API at ${api} answered GET /gateway/bot with HTTP ${err.status} (${err.message}). ${CHECK_API_URL}`,
        { cause: err },
      );
    }
    if (isUnreachable(err)) {
      throw new GatewayInfoError(
        `the REST API at ${api} could not be reached for GET /gateway/bot (the step before the gateway): ` +
          `${(err as Error).message}. ${CHECK_API_URL} Also check the network or proxy between this machine and it.`,
        { cause: err },
      );
    }
    // A body announced as JSON that does not parse.
    if (err instanceof SyntaxError) {
      throw new GatewayInfoError(
        `the API at ${api} answered GET /gateway/bot with something that is not Discord's JSON (${err.message}). ${CHECK_API_URL}`,
        { cause: err },
      );
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
  const parsed = GatewayBotSchema.safeParse(data);
  if (!parsed.success) {
    throw new GatewayInfoError(
      `the API at ${api} answered GET /gateway/bot with something that is not Discord's JSON ` +
        `(${shapeProblem(data, parsed.error)}). ${CHECK_API_URL}`,
    );
  }
  return data as RESTGetAPIGatewayBotResult;
}

/**
 * GET /gateway/bot through `rest`, with any 429 thrown as a {@link GatewayInfoError} that names Discord's rate limit
 * and the time to wait. discord.js queues a 429 and retries after Retry-After (an hour, for the limit a wrong token
 * earns), and tells only of some (RESTEvents.RateLimited fires for a global limit, not for a user or shared one, nor
 * for Cloudflare's HTML 429): the deadline then blamed the API, sending the operator to look for a network problem.
 * So, for this one request, `rejectOnRateLimit` makes discord.js throw on every 429, and the 429 itself (seen through
 * RESTEvents.Response) says how long to wait. Both are undone afterwards: `rest` is the client's own.
 */
async function getFailingFastOnRateLimit(rest: REST, signal: AbortSignal): Promise<unknown> {
  const route = Routes.gatewayBot();
  let limited: ResponseLike | undefined;
  const onResponse = (request: APIRequest, response: ResponseLike) => {
    if (request.path === route && response.status === 429) limited = response;
  };
  const previousFilter = rest.options.rejectOnRateLimit;
  rest.options.rejectOnRateLimit = rejectingRoute(route, previousFilter);
  rest.on(RESTEvents.Response, onResponse);
  try {
    return await rest.get(route, { signal });
  } catch (err) {
    if (!(err instanceof RateLimitError)) throw err;
    const seconds = limited === undefined ? undefined : await retryAfterSeconds(limited);
    throw new GatewayInfoError(rateLimitMessage(err.global, seconds), { cause: err });
  } finally {
    rest.off(RESTEvents.Response, onResponse);
    rest.options.rejectOnRateLimit = previousFilter;
  }
}

/** A `rejectOnRateLimit` that rejects every rate limit of `route` and leaves the others to `previous`. */
function rejectingRoute(route: string, previous: RESTOptions['rejectOnRateLimit']): RateLimitQueueFilter {
  return (data) => {
    if (data.route === route) return true;
    if (typeof previous === 'function') return previous(data);
    return previous?.some((prefix) => data.route.startsWith(prefix.toLowerCase())) ?? false;
  };
}

/**
 * How long a 429 asks to wait, in seconds: the Retry-After header (Discord's and Cloudflare's), else Discord's JSON
 * `retry_after`; undefined when neither says.
 */
async function retryAfterSeconds(response: ResponseLike): Promise<number | undefined> {
  const header = Number(response.headers.get('retry-after') ?? Number.NaN);
  if (Number.isFinite(header) && header >= 0) return header;
  const body: unknown = await response.json().catch(() => undefined);
  const fromBody = (body as { retry_after?: unknown } | null | undefined)?.retry_after;
  return typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody >= 0 ? fromBody : undefined;
}

/** The start-up message for a 429 on GET /gateway/bot (worded as deploy-commands words its own). */
function rateLimitMessage(global: boolean, seconds: number | undefined): string {
  const wait = seconds === undefined ? 'it did not say for how long' : `retry after ${Math.ceil(seconds)} s`;
  return (
    `Discord rate-limited GET /gateway/bot${global ? ' (global limit)' : ''}: ${wait}. Many invalid requests in a ` +
    'row (a wrong token, say) can earn an hour; wait that long before starting again.'
  );
}

/** 10000 → "10 s", 250 → "0.25 s". */
function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
