/**
 * Test helpers for the HTTP endpoint: an Ed25519 key pair made here (never a real application's), signed requests,
 * raw interaction bodies shaped like Discord's (the fake Discord's builders), a fake webhook API that records
 * follow-ups, and a running endpoint on 127.0.0.1.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.ts';
import type { Answerer } from '../../src/core/types.ts';
import { restFollowUps } from '../../src/http/followups.ts';
import type { InteractionHandler } from '../../src/http/handler.ts';
import { createInteractionsServer, type HttpLimits, type InteractionsServer } from '../../src/http/server.ts';
import type { SignedRequest } from '../../src/http/verify.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { realAnswerer } from '../discord/harness.ts';
import { type FakeUser, interaction, type Json, type Place, user } from '../fake-discord/payloads.ts';
import { snowflake } from '../fake-discord/snowflake.ts';

export interface TestKeys {
  /** The raw 32-byte public key as 64 lowercase hex digits, as the Developer Portal shows it. */
  publicKeyHex: string;
  privateKey: KeyObject;
  /** Hex signature of `timestamp + body`, as Discord computes it. */
  sign(timestamp: string, body: Buffer | string): string;
}

/** A fresh Ed25519 key pair (node:crypto), standing in for the application's. */
export function testKeys(): TestKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x;
  if (!x) throw new Error('no raw public key');
  return {
    publicKeyHex: Buffer.from(x, 'base64url').toString('hex'),
    privateKey,
    sign: (timestamp, body) =>
      sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey).toString('hex'),
  };
}

/** Unix seconds now (Discord's timestamp header). */
export function nowSeconds(ms = Date.now()): string {
  return String(Math.floor(ms / 1000));
}

/** A request signed like Discord signs it: `payload` serialized once, signed with the test key. */
export function signed(keys: TestKeys, payload: unknown, timestamp = nowSeconds()): SignedRequest & { body: Buffer } {
  const body = Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload));
  return { signature: keys.sign(timestamp, body), timestamp, body };
}

// ---------------------------------------------------------------------------------------------------------------
// Raw interactions, as Discord POSTs them (the same builders the fake gateway dispatches).

export const APPLICATION_ID = snowflake();
const GUILD = { id: snowflake(), channelId: snowflake(), name: 'Test Guild' };

function place(inDm: boolean | 'group', u: FakeUser): Place {
  if (!inDm) return { kind: 'guild', guild: GUILD };
  return { kind: 'dm', channelId: `${BigInt(u.id) + 1n}`, ...(inDm === 'group' && { group: true }) };
}

export interface RawOptions {
  user?: FakeUser;
  /** In the bot's DM with the user (context 1), or with `'group'` in a group DM (context 2, channel type 3). */
  inDm?: boolean | 'group';
}

/** A user for whom the cooldown is fresh. */
export function newUser(): FakeUser {
  return user();
}

/** `/name` with options (type 2 APPLICATION_COMMAND). */
export function slashPayload(name: string, options: Record<string, string | boolean> = {}, raw: RawOptions = {}): Json {
  const u = raw.user ?? newUser();
  return interaction({
    type: 2,
    applicationId: APPLICATION_ID,
    user: u,
    place: place(raw.inDm ?? false, u),
    data: {
      id: snowflake(),
      name,
      type: 1,
      options: Object.entries(options).map(([n, value]) => ({
        name: n,
        type: typeof value === 'boolean' ? 5 : 3,
        value,
      })),
    },
  });
}

/** Autocomplete for `/name` with `option` focused at `value` (type 4). */
export function autocompletePayload(name: string, option: string, value: string, raw: RawOptions = {}): Json {
  const u = raw.user ?? newUser();
  return interaction({
    type: 4,
    applicationId: APPLICATION_ID,
    user: u,
    place: place(raw.inDm ?? false, u),
    data: { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value, focused: true }] },
  });
}

/** A click on the button `customId` (type 3 MESSAGE_COMPONENT); `message` is the clicked message's data. */
export function clickPayload(customId: string, message: Json = {}, raw: RawOptions = {}): Json {
  const u = raw.user ?? newUser();
  return interaction({
    type: 3,
    applicationId: APPLICATION_ID,
    user: u,
    place: place(raw.inDm ?? false, u),
    data: { custom_id: customId, component_type: 2 },
    message: { id: snowflake(), channel_id: GUILD.channelId, content: '', components: [], embeds: [], ...message },
  });
}

export const PING: Json = { id: snowflake(), application_id: APPLICATION_ID, type: 1, token: 'ping-token', version: 1 };

// ---------------------------------------------------------------------------------------------------------------
// A fake of Discord's webhook API: records follow-ups, can fail the next ones.

export interface RecordedFollowUp {
  applicationId: string;
  token: string;
  body: Json;
  at: number;
}

export class FakeWebhooks {
  readonly received: RecordedFollowUp[] = [];
  /** Answer the next N follow-ups with 404 / 10015 Unknown Webhook (as when the response is not processed yet). */
  unknownWebhookTimes = 0;
  readonly #server: Server;
  #port = 0;

  private constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const m = /^\/api\/v10\/webhooks\/(\d+)\/([^/?]+)$/.exec(req.url ?? '');
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.method !== 'POST' || !m) return send(404, { code: 0, message: '404: Not Found' });
        if (this.unknownWebhookTimes > 0) {
          this.unknownWebhookTimes--;
          return send(404, { code: 10015, message: 'Unknown Webhook' });
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json;
        this.received.push({ applicationId: m[1] ?? '', token: decodeURIComponent(m[2] ?? ''), body, at: Date.now() });
        send(200, { id: snowflake(), ...body });
      });
    });
  }

  static async start(): Promise<FakeWebhooks> {
    const fake = new FakeWebhooks();
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  /** REST base for DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  /** Follow-ups posted with `token`, in order. */
  for(token: string): Json[] {
    return this.received.filter((r) => r.token === token).map((r) => r.body);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** Waits until `check` holds (polling), or throws. */
export async function eventually(check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A logger that keeps its lines in memory (level trace), to assert on what is (not) logged. */
export function memoryLogger(): { logger: Logger; text: () => string } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('trace', sink), text: () => lines.join('') };
}

// ---------------------------------------------------------------------------------------------------------------
// A running endpoint.

export interface RunningEndpoint {
  keys: TestKeys;
  server: InteractionsServer;
  webhooks: FakeWebhooks;
  url: string;
  logs: () => string;
  /** POSTs `payload` to /interactions, signed (override or drop headers with `headers`). */
  post(
    payload: unknown,
    options?: { timestamp?: string; headers?: Record<string, string | undefined> },
  ): Promise<{ status: number; body: Json; headers: Headers }>;
  close(): Promise<void>;
}

export async function startEndpoint(
  options: {
    answerer?: Answerer;
    env?: Record<string, string>;
    limits?: Partial<HttpLimits>;
    handle?: InteractionHandler;
    now?: () => number;
  } = {},
): Promise<RunningEndpoint> {
  const keys = testKeys();
  const webhooks = await FakeWebhooks.start();
  const { logger, text } = memoryLogger();
  const config = loadConfig({
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: webhooks.apiUrl,
    ...options.env,
  });
  const server = createInteractionsServer({
    config,
    answerer: options.answerer ?? realAnswerer(),
    logger,
    sendFollowUp: restFollowUps({ apiUrl: webhooks.apiUrl, retryDelaysMs: [20, 50] }),
    ...(options.limits && { limits: options.limits }),
    ...(options.handle && { handle: options.handle }),
    ...(options.now && { now: options.now }),
  });
  const { port } = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    keys,
    server,
    webhooks,
    url,
    logs: text,
    async post(payload, opts = {}) {
      const req = signed(keys, payload, opts.timestamp);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-signature-ed25519': req.signature ?? '',
        'x-signature-timestamp': req.timestamp ?? '',
      };
      for (const [k, v] of Object.entries(opts.headers ?? {})) {
        if (v === undefined) delete headers[k];
        else headers[k] = v;
      }
      const res = await fetch(`${url}/interactions`, { method: 'POST', headers, body: req.body });
      const raw = await res.text();
      return { status: res.status, body: (raw ? JSON.parse(raw) : {}) as Json, headers: res.headers };
    },
    async close() {
      await server.close();
      await webhooks.close();
    },
  };
}
