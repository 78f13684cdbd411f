/**
 * The HTTP interactions endpoint (`npm run start:http`): Discord POSTs each interaction to the Interactions Endpoint
 * URL and reads our answer from the HTTP response. node:http only (no framework: three routes and a body cap do not
 * need one).
 *
 * Routes: `POST /interactions` (signature checked, then {@link handleInteraction}); `GET /healthz` → 200; another
 * method on those paths → 405 with `Allow`; any other path → 404.
 *
 * Defences, in order: a per-socket idle timeout (and a connection that sends nothing is closed at the headers
 * deadline), a deadline for the headers and one for the whole request (a slow
 * client cannot hold a connection), a body cap (413, and we stop reading), the Ed25519 signature and timestamp window
 * (401, before any parsing: the handler never sees an unsigned byte), then JSON (400) and the interaction's shape
 * (400). Nothing a client sends can crash the process: an unexpected error is logged and answered 500.
 *
 * Importing this module opens nothing; {@link InteractionsServer.listen} does.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Config } from '../config.ts';
import { Conversations } from '../core/followup.ts';
import type { Answerer } from '../core/types.ts';
import { DEFAULT_TUNING } from '../discord/context.ts';
import { Cooldown } from '../discord/cooldown.ts';
import { describeError } from '../discord/errors.ts';
import type { Logger } from '../logger.ts';
import { NULL_RECORDER, type Recorder } from '../store/recorder.ts';
import { FollowUpQueue, type FollowUpSender, restFollowUps } from './followups.ts';
import { type FollowUp, type HttpContext, handleInteraction, type InteractionHandler } from './handler.ts';
import { listenError } from './listenError.ts';
import {
  createEd25519Verifier,
  type Ed25519Verifier,
  MAX_CLOCK_SKEW_MS,
  SIGNATURE_HEADER,
  type SignedRequest,
  TIMESTAMP_HEADER,
  verifyRequest,
} from './verify.ts';

/** Limits and timeouts of the server, with their defaults in {@link DEFAULT_HTTP_LIMITS}. */
export interface HttpLimits {
  /**
   * Largest request body read, in bytes; a larger one gets 413 and the connection is closed. Discord's interactions
   * are a few KiB (a button click carries the clicked message: at most ~20 KiB of embeds). @defaultValue 65_536
   */
  maxBodyBytes: number;
  /** The request line and headers must arrive within this (node's `server.headersTimeout`). @defaultValue 5_000 */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (node's `server.requestTimeout`). @defaultValue 10_000 */
  requestTimeoutMs: number;
  /** A socket with no traffic either way for this long is destroyed (`server.setTimeout`). @defaultValue 15_000 */
  socketTimeoutMs: number;
  /** An idle keep-alive connection is closed after this (`server.keepAliveTimeout`). @defaultValue 5_000 */
  keepAliveTimeoutMs: number;
  /** How often node checks the two request deadlines (`connectionsCheckingInterval`). @defaultValue 1_000 */
  timeoutCheckIntervalMs: number;
  /** On close, in-flight requests get this long before their connections are cut. @defaultValue 3_000 */
  closeGraceMs: number;
  /**
   * Open connections at most (`server.maxConnections`); past it a new connection is closed at once. The signature
   * can only be checked once the body is in, so each unauthenticated connection may hold up to `maxBodyBytes` for up
   * to `requestTimeoutMs`: this bounds that memory (256 × 64 KiB = 16 MiB) whatever the number of sockets a client
   * opens. Discord's interactions arrive a few at a time. @defaultValue 256
   */
  maxConnections: number;
}

/** The defaults of {@link HttpLimits}, frozen; documented field by field on the interface. */
export const DEFAULT_HTTP_LIMITS: Readonly<HttpLimits> = Object.freeze({
  maxBodyBytes: 64 * 1024,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  socketTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  timeoutCheckIntervalMs: 1_000,
  closeGraceMs: 3_000,
  maxConnections: 256,
});

/** Connections refused at the cap are logged at most this often (ms), with how many were refused meanwhile. */
const DROP_LOG_INTERVAL_MS = 10_000;

/**
 * A 'drop' listener (node closes connections past `server.maxConnections`): a warning that says the cap is reached and
 * how many were refused since the last one, at most every DROP_LOG_INTERVAL_MS, so a flood is seen in the logs without
 * writing a line per socket.
 */
function warnOfDroppedConnections(logger: Logger, maxConnections: number): () => void {
  let refused = 0;
  let lastWarning = Number.NEGATIVE_INFINITY;
  return () => {
    refused++;
    const now = Date.now();
    if (now - lastWarning < DROP_LOG_INTERVAL_MS) return;
    logger.warn(
      { refused, maxConnections },
      'connection limit reached: new connections are refused (limit connections per client at the proxy in front)',
    );
    refused = 0;
    lastWarning = now;
  };
}

/** The answer to one request on `/interactions`, before it is written. */
export interface EndpointResult {
  status: number;
  /** JSON body. */
  body: unknown;
  /** Messages to send once the response is out. */
  followUp?: FollowUp;
}

/** Verify, parse, dispatch: what `POST /interactions` runs on a fully read body. Never rejects. */
export type Endpoint = (request: SignedRequest) => Promise<EndpointResult>;

/** Refusal bodies (short and fixed: they tell an attacker nothing). */
const REFUSED = Object.freeze({
  signature: { error: 'invalid request signature' },
  // Still 401 (the request is refused as unauthenticated), but saying why: the signature was good, the copy is not.
  replayed: { error: 'replayed request' },
  json: { error: 'invalid JSON' },
  tooLarge: { error: 'request body too large' },
  method: { error: 'method not allowed' },
  notFound: { error: 'not found' },
  internal: { error: 'internal error' },
});

/**
 * The signature check and the dispatch, without sockets: the server runs it for each POST /interactions, and tests
 * call it in-process (thousands of tampered requests in a second or two).
 *
 * @param options.verifier - from {@link createEd25519Verifier} with the application's public key.
 * @param options.handle - the dispatcher. @defaultValue {@link handleInteraction}
 * @param options.now - clock in ms, for the timestamp window. @defaultValue Date.now
 */
export function createEndpoint(options: {
  verifier: Ed25519Verifier;
  ctx: HttpContext;
  handle?: InteractionHandler;
  now?: () => number;
}): Endpoint {
  const { verifier, ctx } = options;
  const handle = options.handle ?? handleInteraction;
  const now = options.now ?? Date.now;
  const seen = new SeenSignatures();
  return async (request) => {
    const verdict = await verifyRequest(verifier, request, now());
    if (!verdict.ok) {
      ctx.logger.debug({ reason: verdict.reason }, 'request refused: signature check');
      return { status: 401, body: REFUSED.signature };
    }
    let payload: unknown;
    try {
      const { body } = request;
      payload = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
    } catch {
      return { status: 400, body: REFUSED.json };
    }
    // A signed request sent again within the timestamp window (a replay) verifies too: refuse the second copy. A
    // PING changes nothing, and Discord's endpoint check may repeat it. Keyed on the canonical signature, not the
    // header: the same bytes spelled with other hex letter cases are the same request.
    const ping = (payload as { type?: unknown } | null)?.type === 1;
    if (!ping && !seen.first(verdict.signature, now())) {
      ctx.logger.info('request refused: replayed signature');
      return { status: 401, body: REFUSED.replayed };
    }
    return handle(payload, ctx);
  };
}

/** Replays are remembered for the whole window a timestamp is accepted in: 5 minutes either side of now. */
const REPLAY_MEMORY_MS = 2 * MAX_CLOCK_SKEW_MS;

/** Most signatures remembered (memory bound under a flood of valid requests; the oldest are forgotten first). */
const MAX_REMEMBERED_SIGNATURES = 200_000;

/**
 * Signatures of accepted requests, each until its replay could no longer pass the timestamp check. Per process: a
 * replay sent to another instance behind the load balancer is not caught (Discord's tokens make a replayed
 * interaction fail anyway: one response per interaction).
 */
class SeenSignatures {
  private readonly until = new Map<string, number>();

  /** True the first time `signature` is seen (it is then remembered), false for a replay. */
  first(signature: string, now: number): boolean {
    const known = this.until.get(signature);
    if (known !== undefined && known > now) return false;
    this.until.delete(signature);
    this.until.set(signature, now + REPLAY_MEMORY_MS);
    // Insertion order is expiry order (same lifetime for all): drop expired and overflowing entries from the front.
    for (const [key, expires] of this.until) {
      if (expires > now && this.until.size <= MAX_REMEMBERED_SIGNATURES) break;
      this.until.delete(key);
    }
    return true;
  }
}

export interface InteractionsServerOptions {
  /** Uses `http.publicKey` (required), `http.port`, `http.host`, `cooldown` and `discordApiUrl` (follow-ups). */
  config: Config;
  answerer: Answerer;
  logger: Logger;
  /** @defaultValue a new per-process Cooldown from `config.cooldown` */
  cooldown?: Cooldown;
  /** Records /ask questions and 👍 / 👎. @defaultValue {@link NULL_RECORDER} (nothing recorded, no vote buttons) */
  recorder?: Recorder;
  /** Overrides of {@link DEFAULT_HTTP_LIMITS}. */
  limits?: Partial<HttpLimits>;
  /** Clock in ms (timestamp window). @defaultValue Date.now */
  now?: () => number;
  /** The dispatcher (tests wrap it in a spy). @defaultValue {@link handleInteraction} */
  handle?: InteractionHandler;
  /** How follow-ups are sent. @defaultValue {@link restFollowUps} at `config.discordApiUrl` */
  sendFollowUp?: FollowUpSender;
}

export interface InteractionsServer {
  /**
   * Binds and resolves with the address once listening. Imports the public key first, so a bad key fails here.
   * @throws {@link ListenError} naming HOST or PORT and what to set (port in use, not an address of this machine, a
   *   host name that does not resolve, a privileged port).
   * @param port - @defaultValue `config.http.port` (0 picks a free port)
   * @param host - @defaultValue `config.http.host`
   */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /** The bound address, or undefined before listen and after close. */
  address(): AddressInfo | undefined;
  /**
   * Stops accepting connections, lets in-flight requests finish (up to `closeGraceMs`, then cuts them), waits for
   * pending follow-ups, and resolves. Idempotent.
   */
  close(): Promise<void>;
  /** The context every request is handled with. */
  readonly ctx: HttpContext;
}

/**
 * Creates the endpoint's server (not yet listening).
 *
 * @throws Error when `config.http.publicKey` is missing or not 64 hex characters.
 */
/**
 * Destroys a connection that has sent no byte within `ms` of opening. Node 20 closes one whose headers are late, but
 * one that never starts them escapes both that deadline and the socket timeout once the socket timeout is longer
 * than the headers one (as the defaults are), and such sockets could exhaust the process's file descriptors. Reads
 * `bytesRead` only: a 'data' listener would take the stream away from node's HTTP parser.
 */
function closeIfSilent(socket: Socket, ms: number): void {
  const timer = setTimeout(() => {
    if (socket.bytesRead === 0) socket.destroy();
  }, ms);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

export function createInteractionsServer(options: InteractionsServerOptions): InteractionsServer {
  const { config, answerer, logger } = options;
  const publicKey = config.http.publicKey;
  if (!publicKey || !/^[0-9a-f]{64}$/i.test(publicKey)) {
    throw new Error('The HTTP endpoint needs DISCORD_PUBLIC_KEY: the 64 hex characters of the application public key');
  }
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  const ctx: HttpContext = {
    answerer,
    logger,
    cooldown: options.cooldown ?? new Cooldown(config.cooldown),
    autocompleteCooldown: new Cooldown(DEFAULT_TUNING.autocompleteLimit),
    recorder: options.recorder ?? NULL_RECORDER,
    conversations: new Conversations(answerer),
  };
  const followUps = new FollowUpQueue(
    options.sendFollowUp ?? restFollowUps(config.discordApiUrl ? { apiUrl: config.discordApiUrl } : {}),
    logger,
  );
  let endpoint: Endpoint | undefined;

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    },
    (req, res) => {
      onRequest(req, res).catch((err: unknown) => {
        logger.error({ err: describeError(err) }, 'request handler failed');
        if (!res.headersSent) sendJson(res, 500, REFUSED.internal, { connection: 'close' });
        else res.destroy();
      });
    },
  );
  server.setTimeout(limits.socketTimeoutMs);
  server.maxConnections = limits.maxConnections;
  server.on('drop', warnOfDroppedConnections(logger, limits.maxConnections));
  server.on('connection', (socket) => closeIfSilent(socket, limits.headersTimeoutMs));
  // Malformed HTTP, oversized headers and missed header/request deadlines are answered by node itself (400, 431,
  // 408) with the connection closed: no 'clientError' listener, so its safe default applies.

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      if (req.method === 'GET' || req.method === 'HEAD') sendJson(res, 200, { ok: true });
      else sendJson(res, 405, REFUSED.method, { allow: 'GET, HEAD' });
      return;
    }
    if (path !== '/interactions') {
      sendJson(res, 404, REFUSED.notFound);
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, REFUSED.method, { allow: 'POST' });
      return;
    }
    const body = await readBody(req, limits.maxBodyBytes);
    if (body === 'too-large') {
      sendJson(res, 413, REFUSED.tooLarge, { connection: 'close' });
      return;
    }
    if (body === 'aborted') return;
    if (!endpoint) throw new Error('request before listen()');
    const result = await endpoint({
      signature: headerOf(req, SIGNATURE_HEADER),
      timestamp: headerOf(req, TIMESTAMP_HEADER),
      body,
    });
    const { followUp } = result;
    if (followUp) res.once('finish', () => followUps.push(followUp));
    sendJson(res, result.status, result.body);
  }

  let closing: Promise<void> | undefined;
  return {
    ctx,
    async listen(port = config.http.port, host = config.http.host) {
      endpoint ??= createEndpoint({
        verifier: await createEd25519Verifier(publicKey),
        ctx,
        ...(options.handle && { handle: options.handle }),
        ...(options.now && { now: options.now }),
      });
      await new Promise<void>((resolve, reject) => {
        // node's "listen EADDRINUSE" or "getaddrinfo ENOTFOUND" does not say which setting to change.
        const fail = (error: unknown): void => reject(listenError(error, host, port));
        server.once('error', fail);
        server.listen(port, host, () => {
          server.off('error', fail);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      logger.info({ host: address.address, port: address.port }, 'interactions endpoint listening');
      return address;
    },
    address() {
      const a = server.address();
      return a !== null && typeof a === 'object' ? a : undefined;
    },
    close() {
      closing ??= (async () => {
        if (!server.listening) {
          await followUps.drain();
          return;
        }
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const grace = setTimeout(() => server.closeAllConnections(), limits.closeGraceMs);
        grace.unref();
        await closed;
        clearTimeout(grace);
        await followUps.drain();
        logger.info('interactions endpoint stopped');
      })();
      return closing;
    },
  };
}

/** A header's value when sent once; undefined when absent (a repeated header is joined by node and fails the check). */
function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Reads the body up to `cap` bytes. A declared Content-Length over the cap is refused before reading anything; a
 * chunked body is refused as soon as it passes the cap, and we stop listening to it (the 413 closes the connection).
 */
function readBody(req: IncomingMessage, cap: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (outcome: Buffer | 'too-large' | 'aborted'): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > cap) {
        req.pause();
        done('too-large');
      } else chunks.push(chunk);
    };
    const onEnd = (): void => done(Buffer.concat(chunks, size));
    const onClose = (): void => done('aborted');
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
