/**
 * A fake Discord on 127.0.0.1 for end-to-end tests with the real discord.js Client: one node:http server for REST
 * (`/api/v10/...`) and a `ws` WebSocket gateway (`/gateway`, resumes on `/resume`), both on a random port.
 *
 * It records every REST request (method, route, query, JSON body) and enforces what Discord enforces and bots get
 * wrong: an interaction is acknowledged once (second callback → 40060), within 3 s of its creation (→ 10062), and
 * webhook edits/follow-ups need that acknowledgement. Any route can be told to fail with a status and code.
 *
 * Sharding as Discord does it: GET /gateway/bot recommends `shards` (option, default 1); each IDENTIFY names its
 * `shard: [id, count]` and gets its own session; guild events go to shard `(guild_id >> 22) % count`, DMs (and
 * anything else without a guild) to shard 0. With several shards the test guild lives on the last one, so DMs and
 * guild events always travel through different shards.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  type FakeGuild,
  type FakeUser,
  guildCreate,
  interaction,
  type Json,
  member,
  message,
  type Place,
  user,
} from './payloads.ts';
import { shardOf, snowflake, timestampOf } from './snowflake.ts';

export interface RecordedRequest {
  method: string;
  /** Raw path as received, e.g. `/api/v10/webhooks/1/tok/messages/%40original`. */
  path: string;
  /** Path after `/api/v10`. */
  route: string;
  query: Record<string, string>;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  authorization: string | undefined;
  status: number;
  /** Discord error code of the response, if it was an error; `injected` when a {@link FailRule} produced it. */
  error?: { code: number; injected: boolean };
  at: number;
}

/** Makes matching requests fail. `times` counts down; `retryAfter` (seconds) is sent as Retry-After for 429. */
export interface FailRule {
  method?: string;
  route: RegExp;
  status: number;
  code?: number;
  message?: string;
  retryAfter?: number;
  times?: number;
}

export interface GatewayConnection {
  path: string;
  socket: WebSocket;
  /** op codes the client sent on this connection, in order. */
  received: number[];
}

interface InteractionState {
  createdAt: number;
  token: string;
  acked: boolean;
  place: Place;
  user: FakeUser;
  original?: Json;
}

interface Session {
  id: string;
  /** `[shard id, shard count]` from the IDENTIFY that opened the session. */
  shard: [number, number];
  seq: number;
  /** Dispatches sent, for replay on RESUME. */
  log: Json[];
  /** The connection the session currently lives on (replaced on RESUME). */
  conn: GatewayConnection;
}

export interface FakeDiscordOptions {
  token: string;
  /** How long an interaction accepts its first callback. @defaultValue 3000 (Discord's deadline) */
  interactionDeadlineMs?: number;
  /**
   * Keep every request in {@link FakeDiscord.requests}. The load bench turns it off (and listens with
   * {@link FakeDiscord.onRequest}) so that the fake's own memory does not blur the bot's. @defaultValue true
   */
  recordRequests?: boolean;
  /** Dispatches kept for replay on RESUME (oldest dropped first). @defaultValue 10_000 */
  replayLimit?: number;
  /** The shard count GET /gateway/bot recommends. @defaultValue 1 */
  shards?: number;
  /** `session_start_limit.max_concurrency` of GET /gateway/bot (identify buckets). @defaultValue 1 */
  maxConcurrency?: number;
}

/** One running fake. Create with {@link FakeDiscord.start}, end with {@link FakeDiscord.close}. */
export class FakeDiscord {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly bot: FakeUser;
  readonly guild: FakeGuild;
  /** The shard count GET /gateway/bot recommends. */
  readonly recommendedShards: number;
  readonly requests: RecordedRequest[] = [];
  readonly connections: GatewayConnection[] = [];
  identifies = 0;
  resumes = 0;
  /** The `d` of the last IDENTIFY (intents, properties; the token is checked, then replaced). */
  lastIdentify: Json | undefined;
  /** `[shard id, shard count]` of every accepted IDENTIFY, in order (`[0, 1]` when the client sent no `shard`). */
  readonly identifiedShards: Array<[number, number]> = [];
  /**
   * When set, the next IDENTIFY with the right token is refused by closing the gateway with this code, like Discord
   * does for disallowed intents (4014) or a token revoked between REST and gateway (4004).
   */
  refuseIdentify: number | undefined;

  readonly #server: Server;
  readonly #wss: WebSocketServer;
  readonly #sockets = new Set<Socket>();
  readonly #interactions = new Map<string, InteractionState>();
  readonly #rules: FailRule[] = [];
  readonly #waiters = new Set<{
    match: (r: RecordedRequest) => boolean;
    resolve: (r: RecordedRequest) => void;
    cancel: () => void;
  }>();
  readonly #dmChannels = new Map<string, string>();
  readonly #deadlineMs: number;
  readonly #record: boolean;
  readonly #replayLimit: number;
  readonly #listeners = new Set<(r: RecordedRequest) => void>();
  readonly #maxConcurrency: number;
  /** The live session of each shard id. */
  readonly #sessions = new Map<number, Session>();
  #port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.token = options.token;
    this.#deadlineMs = options.interactionDeadlineMs ?? 3000;
    this.#record = options.recordRequests ?? true;
    this.#replayLimit = options.replayLimit ?? 10_000;
    this.recommendedShards = Math.max(1, options.shards ?? 1);
    this.#maxConcurrency = Math.max(1, options.maxConcurrency ?? 1);
    this.guild = {
      id: guildIdOnShard(this.recommendedShards - 1, this.recommendedShards),
      channelId: snowflake(),
      name: 'Test Guild',
    };
    this.bot = user(this.applicationId, 'iqtibas', true);
    this.#server = createServer((req, res) => void this.#onHttp(req, res));
    this.#server.on('connection', (s) => {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
    });
    this.#wss = new WebSocketServer({ noServer: true });
    this.#server.on('upgrade', (req, socket, head) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path !== '/gateway' && path !== '/resume') {
        socket.destroy();
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onGateway(ws, path));
    });
  }

  /** Starts the fake on 127.0.0.1 with a random port. */
  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  /** Sockets accepted by the fake and still open (its side of every connection). */
  get openSockets(): number {
    return this.#sockets.size;
  }

  /** REST base for discord.js `rest.api` (the library appends /v10). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  /** Client options that point discord.js at this fake. */
  get clientOptions() {
    return { rest: { api: this.apiUrl, globalRequestsPerSecond: 10_000 } };
  }

  /** Closes every socket and the server. */
  async close(): Promise<void> {
    for (const w of [...this.#waiters]) w.cancel();
    for (const c of this.#wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Test controls

  /** Calls `listener` with every request once answered (recorded or not). Returns a function that unsubscribes. */
  onRequest(listener: (r: RecordedRequest) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Makes the next matching request(s) fail. */
  fail(rule: FailRule): void {
    this.#rules.push({ times: 1, ...rule });
  }

  /**
   * Resolves with the first request matching `match`, looking at requests recorded from index `since` on first.
   * Rejects after `timeoutMs`.
   */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 3000, since = 0): Promise<RecordedRequest> {
    const found = this.requests.slice(since).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (r: RecordedRequest) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(r);
        },
        cancel: () => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          reject(new Error('fake-discord: closed while waiting for a request'));
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`fake-discord: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** Every recorded request about one interaction (its callback and its webhook calls), in order. */
  requestsFor(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.route.includes(`/${token}/`) || r.route.endsWith(`/${token}`));
  }

  /**
   * Sends a dispatch (op 0) on the session of `shard`, by default the shard Discord would use: the guild's shard
   * when `d` has a `guild_id`, else shard 0 (DMs). Queued for replay when that session's connection is not live.
   *
   * @throws when that shard never identified.
   */
  dispatch(t: string, d: unknown, shard: number = this.shardFor(d)): void {
    const session = this.#sessions.get(shard);
    if (!session) throw new Error(`fake-discord: no session on shard ${shard} (the client never identified it)`);
    const payload = { op: 0, t, s: ++session.seq, d };
    session.log.push(payload);
    if (session.log.length > this.#replayLimit) session.log.splice(0, session.log.length - this.#replayLimit);
    if (session.conn.socket.readyState === 1) session.conn.socket.send(JSON.stringify(payload));
  }

  /** The shard an event goes to: `(guild_id >> 22) % count` with a `guild_id`, else 0; count as identified. */
  shardFor(d: unknown): number {
    const guildId = (d as { guild_id?: unknown } | null)?.guild_id;
    return typeof guildId === 'string' ? shardOf(guildId, this.#shardCount()) : 0;
  }

  /** Shard ids with a session, ascending. */
  get shardIds(): number[] {
    return [...this.#sessions.keys()].sort((a, b) => a - b);
  }

  /** Tells the client to reconnect (op 7 RECONNECT) on `shard`, or on every shard; it should resume. */
  requestReconnect(shard?: number): void {
    for (const s of this.#targets(shard)) s.conn.socket.send(JSON.stringify({ op: 7, d: null }));
  }

  /**
   * Closes the gateway connection of `shard` (default: every shard) from the server side with `code` (4000 =
   * unknown error: the client resumes).
   */
  closeGateway(code = 4000, shard?: number): void {
    for (const s of this.#targets(shard)) s.conn.socket.close(code, 'fake-discord closed the connection');
  }

  /** Resolves once sessions have been resumed `count` times in all and every session's connection is open. */
  async waitForResumes(count: number, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    const allOpen = () => [...this.#sessions.values()].every((s) => s.conn.socket.readyState === 1);
    while (this.resumes < count || this.#sessions.size === 0 || !allOpen()) {
      if (Date.now() > until) throw new Error(`fake-discord: ${this.resumes} resumes, expected ${count}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Resolves when the gateway connection is closed by the client (after `client.destroy()`). */
  async waitForGatewayClosed(timeoutMs = 3000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ([...this.#wss.clients].some((c) => c.readyState !== 3)) {
      if (Date.now() > until) throw new Error('fake-discord: gateway still open');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Users acting

  /** A new user (random id). */
  newUser(name?: string): FakeUser {
    return user(snowflake(), name);
  }

  /** The DM channel id between the bot and `u` (stable per user). */
  dmChannelOf(u: FakeUser): string {
    let id = this.#dmChannels.get(u.id);
    if (!id) {
      id = snowflake();
      this.#dmChannels.set(u.id, id);
    }
    return id;
  }

  /**
   * Dispatches an interaction and returns its id and token. `createdAt` backdates its snowflake (to test the
   * deferral of late interactions); `inDm` puts it in the bot's DM with the user instead of the guild channel, or
   * with `'group'` in a group DM of that user (context 2, channel type 3).
   */
  interact(fields: {
    type: 2 | 3 | 4;
    data: Json;
    user?: FakeUser;
    inDm?: boolean | 'group';
    createdAt?: number;
    message?: Json;
  }): { id: string; token: string; user: FakeUser } {
    const u = fields.user ?? this.newUser();
    const place: Place = fields.inDm
      ? { kind: 'dm', channelId: this.dmChannelOf(u), ...(fields.inDm === 'group' && { group: true }) }
      : { kind: 'guild', guild: this.guild };
    const id = snowflake(fields.createdAt);
    const token = `itok-${randomUUID()}`;
    this.#interactions.set(id, { createdAt: timestampOf(id), token, acked: false, place, user: u });
    this.dispatch(
      'INTERACTION_CREATE',
      interaction({
        type: fields.type,
        applicationId: this.applicationId,
        user: u,
        place,
        data: fields.data,
        id,
        token,
        ...(fields.message && { message: fields.message }),
      }),
    );
    return { id, token, user: u };
  }

  /** Dispatches `/name` with string/boolean options, like a user pressing enter. */
  slash(
    name: string,
    options: Record<string, string | boolean> = {},
    extra: { user?: FakeUser; inDm?: boolean | 'group'; createdAt?: number } = {},
  ) {
    return this.interact({
      type: 2,
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
      ...extra,
    });
  }

  /** Dispatches an autocomplete request for `/name` with `option` focused at `value`. */
  autocomplete(
    name: string,
    option: string,
    value: string,
    extra: { user?: FakeUser; inDm?: boolean; createdAt?: number } = {},
  ) {
    return this.interact({
      type: 4,
      data: { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value, focused: true }] },
      ...extra,
    });
  }

  /**
   * Clicks a button on a message the bot sent. `on` is the recorded request that created the message (a callback,
   * edit, follow-up or channel message); its embeds and components become the clicked message.
   */
  click(
    customId: string,
    on: RecordedRequest,
    options: { user?: FakeUser; inDm?: boolean; createdAt?: number; messageId?: string } = {},
  ) {
    const { messageId, ...extra } = options;
    const data = messageData(on);
    const state = [...this.#interactions.values()].find((s) => on.route.includes(s.token));
    const msg = message({
      ...(messageId !== undefined && { id: messageId }),
      channelId: state?.place.kind === 'dm' ? state.place.channelId : this.guild.channelId,
      ...(state?.place.kind !== 'dm' && { guildId: this.guild.id }),
      author: this.bot,
      content: typeof data.content === 'string' ? data.content : '',
      embeds: (data.embeds as unknown[]) ?? [],
      components: (data.components as unknown[]) ?? [],
      flags: typeof data.flags === 'number' ? data.flags : 0,
      applicationId: this.applicationId,
    });
    return this.interact({
      type: 3,
      data: { custom_id: customId, component_type: 2 },
      message: msg,
      ...(state && { user: state.user, inDm: state.place.kind === 'dm' }),
      ...extra,
    });
  }

  /** A user sends a DM to the bot (a cold start: the client has never seen this channel). Returns the message id. */
  dm(content: string, from: FakeUser = this.newUser()): { id: string; channelId: string; user: FakeUser } {
    const channelId = this.dmChannelOf(from);
    const msg = message({ channelId, author: from, content });
    this.dispatch('MESSAGE_CREATE', { ...msg, channel_type: 1 });
    return { id: msg.id as string, channelId, user: from };
  }

  /** A user posts in the guild channel; `mentionBot` adds the bot to `mentions` (put `<@id>` in content yourself). */
  post(content: string, options: { from?: FakeUser; mentionBot?: boolean; asBot?: boolean } = {}) {
    const from = options.from ?? (options.asBot ? user(snowflake(), 'otherbot', true) : this.newUser());
    const msg = message({
      channelId: this.guild.channelId,
      guildId: this.guild.id,
      author: from,
      content,
      mentions: options.mentionBot ? [this.bot] : [],
    });
    this.dispatch('MESSAGE_CREATE', { ...msg, member: member(from), channel_type: 0 });
    return { id: msg.id as string, user: from };
  }

  /**
   * A user uses Discord's "Reply" on a message in the guild channel: by default one the bot sent (its content and
   * embeds from `on`, the recorded request that created it), else `author`'s. As Discord does, the event carries
   * `message_reference` and `referenced_message` (left out with `deleted`, as when the replied message is gone),
   * and with `ping` (the reply's mention left on) the replied author is listed in `mentions`. `forward` sends a
   * forward (message_reference type 1) instead, which is no reply.
   */
  reply(
    content: string,
    options: {
      from?: FakeUser;
      ping?: boolean;
      on?: RecordedRequest;
      author?: FakeUser;
      deleted?: boolean;
      forward?: boolean;
    } = {},
  ): { id: string; user: FakeUser; repliedTo: string } {
    const from = options.from ?? this.newUser();
    const author = options.author ?? this.bot;
    const data = options.on ? messageData(options.on) : {};
    const replied = message({
      channelId: this.guild.channelId,
      guildId: this.guild.id,
      author,
      content: typeof data.content === 'string' ? data.content : '',
      embeds: (data.embeds as unknown[]) ?? [],
    });
    const reference = {
      type: options.forward ? 1 : 0,
      message_id: replied.id,
      channel_id: this.guild.channelId,
      guild_id: this.guild.id,
    };
    const msg = message({
      channelId: this.guild.channelId,
      guildId: this.guild.id,
      author: from,
      content,
      mentions: options.ping ? [author] : [],
      messageReference: reference,
    });
    this.dispatch('MESSAGE_CREATE', {
      ...msg,
      ...(options.forward && { type: 0 }),
      ...(!options.forward && !options.deleted && { referenced_message: replied }),
      ...(!options.forward && options.deleted && { referenced_message: null }),
      member: member(from),
      channel_type: 0,
    });
    return { id: msg.id as string, user: from, repliedTo: replied.id as string };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Gateway

  /** The shard count the clients identified with (the recommended one before any IDENTIFY). */
  #shardCount(): number {
    for (const s of this.#sessions.values()) return s.shard[1];
    return this.recommendedShards;
  }

  #targets(shard: number | undefined): Session[] {
    if (shard === undefined) return [...this.#sessions.values()];
    const session = this.#sessions.get(shard);
    return session ? [session] : [];
  }

  #onGateway(socket: WebSocket, path: string): void {
    const conn: GatewayConnection = { path, socket, received: [] };
    this.connections.push(conn);
    socket.on('message', (raw) => this.#onGatewayMessage(conn, raw.toString()));
    socket.on('error', () => {});
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
  }

  #onGatewayMessage(conn: GatewayConnection, raw: string): void {
    let payload: { op: number; d: Json | null };
    try {
      payload = JSON.parse(raw);
    } catch {
      conn.socket.close(4002, 'Decode error');
      return;
    }
    conn.received.push(payload.op);
    const send = (p: unknown) => conn.socket.send(JSON.stringify(p));
    switch (payload.op) {
      case 1:
        send({ op: 11 });
        break;
      case 2: {
        if (payload.d?.token !== this.token) {
          conn.socket.close(4004, 'Authentication failed');
          return;
        }
        if (this.refuseIdentify !== undefined) {
          const code = this.refuseIdentify;
          this.refuseIdentify = undefined;
          conn.socket.close(code, code === 4014 ? 'Disallowed intent(s).' : 'Refused by fake-discord');
          return;
        }
        const shard = parseShard(payload.d.shard);
        if (!shard) {
          conn.socket.close(4010, 'Invalid shard.');
          return;
        }
        const [shardId, shardCount] = shard;
        this.identifies++;
        this.identifiedShards.push(shard);
        this.lastIdentify = { ...payload.d, token: '[checked]' };
        const session: Session = { id: randomUUID().replaceAll('-', ''), shard, seq: 0, log: [], conn };
        this.#sessions.set(shardId, session);
        const hasGuild = shardOf(this.guild.id, shardCount) === shardId;
        this.dispatch(
          'READY',
          {
            v: 10,
            user: this.bot,
            guilds: hasGuild ? [{ id: this.guild.id, unavailable: true }] : [],
            session_id: session.id,
            resume_gateway_url: `ws://127.0.0.1:${this.#port}/resume`,
            shard,
            application: { id: this.applicationId, flags: 0 },
            private_channels: [],
            relationships: [],
            presences: [],
            guild_join_requests: [],
            geo_ordered_rtc_regions: [],
            user_settings: {},
          },
          shardId,
        );
        if (hasGuild) this.dispatch('GUILD_CREATE', guildCreate(this.guild, this.bot), shardId);
        break;
      }
      case 6: {
        const d = payload.d ?? {};
        const session = [...this.#sessions.values()].find((s) => s.id === d.session_id);
        if (d.token !== this.token || !session) {
          send({ op: 9, d: false });
          return;
        }
        this.resumes++;
        session.conn = conn;
        const from = typeof d.seq === 'number' ? d.seq : 0;
        for (const p of session.log) if ((p.s as number) > from) send(p);
        this.dispatch('RESUMED', {}, session.shard[0]);
        break;
      }
      default:
        break;
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // REST

  async #onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = url.pathname.replace(/^\/api\/v\d+/, '');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      route,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization,
      status: 0,
      at: Date.now(),
    };
    const reply = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (this.#record) this.requests.push(record);
      for (const listener of this.#listeners) listener(record);
      res.writeHead(status, json === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(json === undefined ? undefined : JSON.stringify(json));
      for (const w of [...this.#waiters]) if (w.match(record)) w.resolve(record);
    };
    const error = (status: number, code: number, msg: string, injected = false) => {
      record.error = { code, injected };
      reply(status, { message: msg, code });
    };

    const rule = this.#rules.find((r) => (r.method ?? record.method) === record.method && r.route.test(route));
    if (rule) {
      rule.times = (rule.times ?? 1) - 1;
      if (rule.times <= 0) this.#rules.splice(this.#rules.indexOf(rule), 1);
      if (rule.status === 429) {
        const after = rule.retryAfter ?? 0.05;
        reply(
          429,
          { message: 'You are being rate limited.', retry_after: after, global: false },
          { 'retry-after': String(after), 'x-ratelimit-scope': 'user' },
        );
        return;
      }
      error(rule.status, rule.code ?? 0, rule.message ?? `fake failure ${rule.code ?? rule.status}`, true);
      return;
    }

    const m = record.method;
    // Interaction routes authenticate with the interaction token, not the bot token.
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(route);
    if (callback && m === 'POST') {
      this.#callback(callback[1] ?? '', callback[2] ?? '', body as Json, url, reply, error);
      return;
    }
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/(%40original|@original|\d+))?$/.exec(route);
    if (webhook) {
      this.#webhook(m, webhook[1] ?? '', webhook[2] ?? '', webhook[4], body as Json, reply, error);
      return;
    }
    if (record.authorization !== `Bot ${this.token}`) {
      error(401, 0, '401: Unauthorized');
      return;
    }
    if (m === 'GET' && route === '/gateway/bot') {
      reply(200, {
        url: `ws://127.0.0.1:${this.#port}/gateway`,
        shards: this.recommendedShards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: this.#maxConcurrency,
        },
      });
      return;
    }
    if (m === 'GET' && route === '/users/@me') {
      reply(200, this.bot);
      return;
    }
    const channelMessages = /^\/channels\/(\d+)\/messages$/.exec(route);
    if (channelMessages && m === 'POST') {
      const b = (body ?? {}) as Json;
      const channelId = channelMessages[1] ?? '';
      const inGuild = channelId === this.guild.channelId;
      reply(
        200,
        message({
          channelId,
          ...(inGuild && { guildId: this.guild.id }),
          author: this.bot,
          content: typeof b.content === 'string' ? b.content : '',
          embeds: (b.embeds as unknown[]) ?? [],
          components: (b.components as unknown[]) ?? [],
          ...(b.message_reference !== undefined && { messageReference: b.message_reference as Json }),
        }),
      );
      return;
    }
    const commands = /^\/applications\/(\d+)(\/guilds\/(\d+))?\/commands$/.exec(route);
    if (commands && m === 'PUT') {
      const guildId = commands[3];
      if (commands[1] !== this.applicationId) {
        error(403, 50001, 'Missing Access');
        return;
      }
      const list = Array.isArray(body) ? (body as Json[]) : [];
      reply(
        200,
        list.map((c) => ({
          id: snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
          default_member_permissions: null,
          type: 1,
          ...c,
          ...(guildId && { guild_id: guildId }),
        })),
      );
      return;
    }
    error(404, 0, '404: Not Found');
  }

  #callback(
    id: string,
    token: string,
    body: Json,
    url: URL,
    reply: (s: number, j?: unknown) => void,
    error: (s: number, c: number, m: string, injected?: boolean) => void,
  ): void {
    const state = this.#interactions.get(id);
    if (!state || state.token !== token || Date.now() - state.createdAt > this.#deadlineMs) {
      error(404, 10062, 'Unknown interaction');
      return;
    }
    if (state.acked) {
      error(400, 40060, 'Interaction has already been acknowledged.');
      return;
    }
    state.acked = true;
    const type = body?.type;
    const data = (body?.data ?? {}) as Json;
    if (type === 4 || type === 7 || type === 5) state.original = this.#webhookMessage(state, data);
    if (url.searchParams.get('with_response') === 'true') {
      reply(200, {
        interaction: { id, type: 2, activity_instance_id: null, response_message_id: state.original?.id ?? null },
        ...(state.original && { resource: { type, message: state.original } }),
      });
      return;
    }
    reply(204);
  }

  #webhook(
    method: string,
    appId: string,
    token: string,
    messageId: string | undefined,
    body: Json,
    reply: (s: number, j?: unknown) => void,
    error: (s: number, c: number, m: string, injected?: boolean) => void,
  ): void {
    const state = [...this.#interactions.values()].find((s) => s.token === token);
    if (appId !== this.applicationId || !state) {
      error(404, 10015, 'Unknown Webhook');
      return;
    }
    if (!state.acked) {
      error(404, 10008, 'Unknown Message');
      return;
    }
    if (messageId === undefined && method === 'POST') {
      reply(200, this.#webhookMessage(state, body ?? {}));
      return;
    }
    if (!state.original) {
      error(404, 10008, 'Unknown Message');
      return;
    }
    if (method === 'PATCH') {
      state.original = { ...state.original, ...this.#webhookMessage(state, body ?? {}), id: state.original.id };
      reply(200, state.original);
      return;
    }
    if (method === 'GET') {
      reply(200, state.original);
      return;
    }
    if (method === 'DELETE') {
      delete state.original;
      reply(204);
      return;
    }
    error(405, 0, '405: Method Not Allowed');
  }

  #webhookMessage(state: InteractionState, data: Json): Json {
    return message({
      channelId: state.place.kind === 'dm' ? state.place.channelId : state.place.guild.channelId,
      ...(state.place.kind === 'guild' && { guildId: state.place.guild.id }),
      author: this.bot,
      content: typeof data.content === 'string' ? data.content : '',
      embeds: (data.embeds as unknown[]) ?? [],
      components: (data.components as unknown[]) ?? [],
      flags: typeof data.flags === 'number' ? data.flags : 0,
      webhookId: this.applicationId,
      applicationId: this.applicationId,
    });
  }
}

/** `shard` of an IDENTIFY: absent means `[0, 1]`; undefined when malformed or out of range (Discord closes 4010). */
function parseShard(value: unknown): [number, number] | undefined {
  if (value === undefined || value === null) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [id, count] = value as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return undefined;
  const [i, c] = [id as number, count as number];
  return c >= 1 && i >= 0 && i < c ? [i, c] : undefined;
}

/** A fresh guild id whose events go to shard `shard` of `count` (its timestamp picks the shard). */
function guildIdOnShard(shard: number, count: number): string {
  const now = Date.now();
  for (let back = 0; ; back++) {
    const id = snowflake(now - back);
    if (shardOf(id, count) === shard) return id;
  }
}

/** The message part of a recorded request: `data` of an interaction callback, else the body itself. */
export function messageData(r: RecordedRequest): Json {
  const body = (r.body ?? {}) as Json;
  return r.route.endsWith('/callback') ? ((body.data ?? {}) as Json) : body;
}
