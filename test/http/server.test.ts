/**
 * The endpoint over real HTTP on 127.0.0.1: routes and methods, the body cap, slow clients, follow-ups through
 * @discordjs/rest to a fake webhook API, and shutdown.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { askMessages } from '../../src/discord/commands/ask.ts';
import { handleInteraction, type InteractionHandler } from '../../src/http/handler.ts';
import { toRawMessage } from '../../src/http/payload.ts';
import { createInteractionsServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logger.ts';
import { realAnswerer, wrapAnswerer } from '../discord/harness.ts';
import { eventually, PING, type RunningEndpoint, signed, slashPayload, startEndpoint } from './helpers.ts';

const LONG = 'long answer please';
const answerer = wrapAnswerer(realAnswerer(), (q, real) => {
  const reply = real.ask(q === LONG ? 'ماذا قال الاسد؟' : q);
  return q === LONG && reply.kind === 'answer' ? { ...reply, quote: real.corpus.text.repeat(3) } : reply;
});

const LIMITS = {
  maxBodyBytes: 64 * 1024,
  headersTimeoutMs: 300,
  requestTimeoutMs: 600,
  socketTimeoutMs: 1000,
  keepAliveTimeoutMs: 500,
  timeoutCheckIntervalMs: 50,
  closeGraceMs: 500,
};

let e: RunningEndpoint;
const handle = vi.fn<InteractionHandler>((payload, ctx) => handleInteraction(payload, ctx));
beforeAll(async () => {
  e = await startEndpoint({ answerer, limits: LIMITS, handle });
});
afterAll(async () => {
  await e?.close();
});

/** A raw TCP client: what it received and when the server closed the connection. */
function rawClient(): { socket: Socket; received: () => string; closed: Promise<number> } {
  const { port } = e.server.address() ?? { port: 0 };
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  const started = Date.now();
  socket.on('data', (c) => chunks.push(c));
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
  return { socket, received: () => Buffer.concat(chunks).toString('latin1'), closed };
}

describe('routes', () => {
  test('POST /interactions with a signed PING → 200 {"type":1} as JSON', async () => {
    const res = await e.post(PING);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ type: 1 });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  test('a query string on /interactions is ignored', async () => {
    const req = signed(e.keys, PING);
    const res = await fetch(`${e.url}/interactions?x=1`, {
      method: 'POST',
      headers: { 'x-signature-ed25519': req.signature ?? '', 'x-signature-timestamp': req.timestamp ?? '' },
      body: req.body,
    });
    expect(res.status).toBe(200);
  });

  test('GET /healthz → 200; HEAD too', async () => {
    expect((await fetch(`${e.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${e.url}/healthz`, { method: 'HEAD' })).status).toBe(200);
  });

  test.each(['GET', 'PUT', 'DELETE', 'PATCH'])('%s /interactions → 405 with Allow: POST', async (method) => {
    const res = await fetch(`${e.url}/interactions`, { method, ...(method !== 'GET' && { body: '{}' }) });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  test('POST /healthz → 405 with Allow: GET, HEAD', async () => {
    const res = await fetch(`${e.url}/healthz`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  test.each(['/', '/interaction', '/interactions/', '/api/interactions', '/INTERACTIONS'])(
    'POST %s → 404',
    async (path) => {
      const res = await fetch(`${e.url}${path}`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
    },
  );

  test('an unsigned request → 401; a signed body that is not JSON → 400; neither reaches the handler', async () => {
    handle.mockClear();
    expect((await fetch(`${e.url}/interactions`, { method: 'POST', body: JSON.stringify(PING) })).status).toBe(401);
    const req = signed(e.keys, '{"type":1');
    const res = await fetch(`${e.url}/interactions`, {
      method: 'POST',
      headers: { 'x-signature-ed25519': req.signature ?? '', 'x-signature-timestamp': req.timestamp ?? '' },
      body: req.body,
    });
    expect(res.status).toBe(400);
    expect(handle).not.toHaveBeenCalled();
  });

  test('a signed JSON body that is not an interaction → 400', async () => {
    expect((await e.post({ hello: 'world' })).status).toBe(400);
  });
});

describe('body cap (64 KiB)', () => {
  test('a declared Content-Length over the cap → 413 before anything is read', async () => {
    const c = rawClient();
    c.socket.write(
      'POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 70000\r\n\r\n{',
    );
    const ms = await c.closed;
    expect(c.received()).toMatch(/^HTTP\/1\.1 413/);
    expect(ms).toBeLessThan(1000);
  });

  test('a chunked body that never ends: 413 once past the cap, and the connection is closed', async () => {
    const c = rawClient();
    c.socket.write('POST /interactions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = Buffer.alloc(8192, 'a');
    let sent = 0;
    const timer = setInterval(() => {
      if (c.socket.destroyed) return;
      c.socket.write(`${chunk.length.toString(16)}\r\n`);
      c.socket.write(chunk);
      c.socket.write('\r\n');
      sent += chunk.length;
    }, 2);
    const ms = await c.closed;
    clearInterval(timer);
    expect(c.received()).toMatch(/^HTTP\/1\.1 413/);
    // Generous: on a loaded 2-core CI machine the 2 ms timer may fire far less often (this failed once at 2 s).
    expect(ms).toBeLessThan(10_000);
    expect(sent).toBeGreaterThan(64 * 1024);
  });

  test('a signed body just under the cap is read and checked (400: not an interaction)', async () => {
    const filler = 'x'.repeat(64 * 1024 - 100);
    const res = await e.post({ type: 2, filler });
    expect(res.status).toBe(400);
  });
});

describe('slow clients cannot hold the server', () => {
  test('headers that never finish: 408 and closed after headersTimeout', async () => {
    const c = rawClient();
    c.socket.write('POST /interactions HTTP/1.1\r\nHost: x\r\n');
    const ms = await c.closed;
    expect(c.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(1500);
  });

  test('a body that stalls: 408 and closed after requestTimeout', async () => {
    const c = rawClient();
    c.socket.write('POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"type":');
    const ms = await c.closed;
    expect(c.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(2000);
  });

  test('a connection that sends nothing is closed', async () => {
    const c = rawClient();
    const ms = await c.closed;
    expect(ms).toBeLessThan(3000);
  });

  // Bug fixed: with node's defaults in this ratio (socket timeout 15 s > headers timeout 5 s), a connection that never
  // sent a byte was never closed (node 20), so idle sockets could exhaust file descriptors.
  test('a connection that sends nothing is closed even when the socket timeout is longer than the headers one', async () => {
    const slow = await startEndpoint({
      answerer,
      limits: { ...LIMITS, headersTimeoutMs: 300, socketTimeoutMs: 6000, timeoutCheckIntervalMs: 1000 },
    });
    try {
      const socket = connect(slow.server.address()?.port ?? 0, '127.0.0.1');
      socket.on('error', () => {});
      const started = Date.now();
      const ms = await new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
      expect(ms).toBeLessThan(3000);
    } finally {
      await slow.close();
    }
  });

  test('a header dribbled one byte at a time is cut at the deadline, not kept alive by the traffic', async () => {
    const c = rawClient();
    const head = `POST /interactions HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(500)}`;
    let i = 0;
    const timer = setInterval(() => {
      if (!c.socket.destroyed && i < head.length) c.socket.write(head[i++] ?? '');
    }, 20);
    const ms = await c.closed;
    clearInterval(timer);
    expect(ms).toBeLessThan(1500);
    expect(i).toBeLessThan(head.length);
  });

  // Bug fixed (break14 #22): 9,000 sockets each holding an unsigned 64 KiB body took the server from 115 to 810 MB.
  test('connections past maxConnections are closed at once, and the server answers again once they are gone', async () => {
    const capped = await startEndpoint({ answerer, limits: { ...LIMITS, maxConnections: 2 } });
    const port = capped.server.address()?.port ?? 0;
    const open = (): { socket: Socket; closed: Promise<number> } => {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      const started = Date.now();
      return { socket, closed: new Promise((resolve) => socket.on('close', () => resolve(Date.now() - started))) };
    };
    try {
      const held = [open(), open()];
      await Promise.all(held.map((c) => new Promise((resolve) => c.socket.on('connect', resolve))));
      for (const c of held) c.socket.write('POST /interactions HTTP/1.1\r\nHost: x\r\n');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const refused = open();
      expect(await refused.closed).toBeLessThan(250);
      await eventually(() => capped.logs().includes('connection limit reached'));
      for (const c of held) c.socket.destroy();
      await Promise.all(held.map((c) => c.closed));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await capped.post(PING)).status).toBe(200);
    } finally {
      await capped.close();
    }
  });

  test('the server still answers others meanwhile', async () => {
    const stalled = [rawClient(), rawClient(), rawClient()];
    for (const c of stalled) c.socket.write('POST /interactions HTTP/1.1\r\nHost: x\r\n');
    expect((await e.post(PING)).status).toBe(200);
    await Promise.all(stalled.map((c) => c.closed));
  });
});

describe('follow-ups', () => {
  test('a long answer: the response carries the first message, follow-ups carry the rest, in order', async () => {
    const expected = askMessages(answerer, LONG, false).map(toRawMessage);
    expect(expected.length).toBeGreaterThan(1);
    const payload = slashPayload('ask', { question: LONG });
    const res = await e.post(payload);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ type: 4, data: expected[0] });
    const token = payload.token as string;
    await eventually(() => e.webhooks.for(token).length === expected.length - 1);
    expect(e.webhooks.for(token)).toEqual(expected.slice(1));
    expect(e.webhooks.received.find((r) => r.token === token)?.applicationId).toBe(payload.application_id);
  });

  test('a follow-up refused with 10015 Unknown Webhook (response not processed yet) is retried', async () => {
    e.webhooks.unknownWebhookTimes = 1;
    const payload = slashPayload('ask', { question: LONG });
    expect((await e.post(payload)).status).toBe(200);
    await eventually(() => e.webhooks.for(payload.token as string).length > 0);
    expect(e.webhooks.unknownWebhookTimes).toBe(0);
  });

  test('a follow-up that keeps failing is logged without the interaction token', async () => {
    e.webhooks.unknownWebhookTimes = 100;
    const payload = slashPayload('ask', { question: LONG });
    expect((await e.post(payload)).status).toBe(200);
    await eventually(() => e.logs().includes('could not send follow-ups'));
    expect(e.logs()).toContain('/webhooks/');
    expect(e.logs()).not.toContain(payload.token as string);
    e.webhooks.unknownWebhookTimes = 0;
  });

  test('close() waits for pending follow-ups', async () => {
    const payload = slashPayload('ask', { question: LONG });
    expect((await e.post(payload)).status).toBe(200);
    await e.server.close();
    expect(e.webhooks.for(payload.token as string).length).toBeGreaterThan(0);
    e = await startEndpoint({ answerer, limits: LIMITS, handle });
  });
});

describe('lifecycle', () => {
  test('close() stops accepting, closes idle keep-alive connections and is idempotent', async () => {
    const own = await startEndpoint({ limits: LIMITS });
    expect((await own.post(PING)).status).toBe(200);
    await Promise.all([own.server.close(), own.server.close()]);
    expect(own.server.address()).toBeUndefined();
    await expect(fetch(`${own.url}/healthz`)).rejects.toThrow();
    await own.webhooks.close();
  });

  test('no public key: createInteractionsServer refuses with what to set', () => {
    const logger = createLogger('silent');
    expect(() => createInteractionsServer({ config: loadConfig({}), answerer, logger })).toThrow(/DISCORD_PUBLIC_KEY/);
  });

  test('the interaction tokens never appear in the logs', () => {
    expect(e.logs()).not.toMatch(/itok-/);
  });
});
