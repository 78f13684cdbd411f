/**
 * Tampering: 10,000 requests that Discord did not sign as they are (a flipped bit in the body, the signature or the
 * timestamp; old or future timestamps, correctly signed; another key; missing, non-hex or mis-sized headers) are all
 * refused with 401 and never reach the handler. Most run in-process through the server's own verify+dispatch
 * function; a few hundred go over real HTTP on 127.0.0.1. Valid requests mixed in prove the spy counts.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { Conversations } from '../../src/core/followup.ts';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { handleInteraction, type InteractionHandler } from '../../src/http/handler.ts';
import { createEndpoint } from '../../src/http/server.ts';
import { createEd25519Verifier, MAX_CLOCK_SKEW_MS, type SignedRequest } from '../../src/http/verify.ts';
import { createLogger } from '../../src/logger.ts';
import { NULL_RECORDER } from '../../src/store/recorder.ts';
import { realAnswerer } from '../discord/harness.ts';
import {
  autocompletePayload,
  clickPayload,
  nowSeconds,
  PING,
  type RunningEndpoint,
  signed,
  slashPayload,
  startEndpoint,
  type TestKeys,
  testKeys,
} from './helpers.ts';

/** A small seeded PRNG (mulberry32): the same 10,000 cases on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOW = Date.now();

const BASES: unknown[] = [
  PING,
  slashPayload('ask', { question: 'ماذا قال الاسد في الاجتماع؟' }),
  slashPayload('ask', { question: 'What did Mekdad say about coordination?', private: true }),
  slashPayload('quote', { speaker: 'abadi' }),
  slashPayload('help'),
  autocompletePayload('ask', 'question', 'ماذا'),
  clickPayload('quote:abadi:1'),
];

type Tamper = (
  keys: TestKeys,
  other: TestKeys,
  base: SignedRequest & { body: Buffer },
  rnd: () => number,
) => SignedRequest;

function flipBit(bytes: Buffer, rnd: () => number): Buffer {
  const copy = Buffer.from(bytes);
  const i = Math.floor(rnd() * copy.length);
  copy[i] = (copy[i] ?? 0) ^ (1 << Math.floor(rnd() * 8));
  return copy;
}

/**
 * Flips one of the low 7 bits of one character. Bit 5 (0x20) is skipped: on a hex letter it only changes the case,
 * which decodes to the same bytes (the same signature, not a forgery).
 */
function flipCharBit(text: string, rnd: () => number): string {
  const i = Math.floor(rnd() * text.length);
  const code = text.charCodeAt(i) ^ (1 << ([0, 1, 2, 3, 4, 6][Math.floor(rnd() * 6)] ?? 0));
  return text.slice(0, i) + String.fromCharCode(code) + text.slice(i + 1);
}

/** Each way a request can be forged or replayed, by name. */
const TAMPERS: Record<string, Tamper> = {
  'body bit flipped': (_k, _o, b, rnd) => ({ ...b, body: flipBit(b.body, rnd) }),
  'signature bit flipped': (_k, _o, b, rnd) => ({
    ...b,
    signature: flipBit(Buffer.from(b.signature ?? '', 'hex'), rnd).toString('hex'),
  }),
  'signature hex character bit flipped': (_k, _o, b, rnd) => ({ ...b, signature: flipCharBit(b.signature ?? '', rnd) }),
  'timestamp bit flipped': (_k, _o, b, rnd) => ({ ...b, timestamp: flipCharBit(b.timestamp ?? '', rnd) }),
  'old timestamp, correctly signed': (k, _o, b, rnd) =>
    signed(k, b.body.toString(), nowSeconds(NOW - MAX_CLOCK_SKEW_MS - 1000 - Math.floor(rnd() * 86_400_000))),
  'future timestamp, correctly signed': (k, _o, b, rnd) =>
    signed(k, b.body.toString(), nowSeconds(NOW + MAX_CLOCK_SKEW_MS + 1000 + Math.floor(rnd() * 86_400_000))),
  'signed with another key': (_k, o, b) => signed(o, b.body.toString(), b.timestamp),
  'signature of another body': (k, _o, b) => ({ ...b, signature: signed(k, '{"type":1}', b.timestamp).signature }),
  'byte appended to the body': (_k, _o, b) => ({ ...b, body: Buffer.concat([b.body, Buffer.from(' ')]) }),
  'body truncated': (_k, _o, b, rnd) => ({ ...b, body: b.body.subarray(0, Math.floor(rnd() * b.body.length)) }),
  'signature header missing': (_k, _o, b) => ({ ...b, signature: undefined }),
  'timestamp header missing': (_k, _o, b) => ({ ...b, timestamp: undefined }),
  'both headers missing': (_k, _o, b) => ({ ...b, signature: undefined, timestamp: undefined }),
  'non-hex signature': (_k, _o, b, rnd) => {
    const s = b.signature ?? '';
    const i = Math.floor(rnd() * s.length);
    return { ...b, signature: `${s.slice(0, i)}${'gxz-+ '[Math.floor(rnd() * 6)]}${s.slice(i + 1)}` };
  },
  'signature too short or too long': (_k, _o, b, rnd) => ({
    ...b,
    signature: rnd() < 0.5 ? (b.signature ?? '').slice(0, 126) : `${b.signature}00`,
  }),
  'timestamp not a number': (_k, _o, b, rnd) => ({
    ...b,
    timestamp: ['', ' ', '-1', '1e9', 'now', `${b.timestamp}.0`, ` ${b.timestamp}`][Math.floor(rnd() * 7)],
  }),
  'timestamp in milliseconds': (k, _o, b) => signed(k, b.body.toString(), String(NOW)),
};

const NAMES = Object.keys(TAMPERS);

/** `count` tampered requests, cycling through every kind and every base, deterministically. */
function tampered(
  keys: TestKeys,
  other: TestKeys,
  count: number,
  seed: number,
): { kind: string; request: SignedRequest }[] {
  const rnd = prng(seed);
  const bases = BASES.map((p) => signed(keys, p, nowSeconds(NOW)));
  const out: { kind: string; request: SignedRequest }[] = [];
  for (let i = 0; i < count; i++) {
    const kind = NAMES[i % NAMES.length] ?? '';
    const base = bases[Math.floor(i / NAMES.length) % bases.length];
    const tamper = TAMPERS[kind];
    if (!base || !tamper) throw new Error('bad case');
    out.push({ kind, request: tamper(keys, other, base, rnd) });
  }
  return out;
}

describe('10,000 tampered requests in-process', () => {
  const keys = testKeys();
  const other = testKeys();
  const handle = vi.fn<InteractionHandler>((payload, ctx) => handleInteraction(payload, ctx));
  const ctx = {
    answerer: realAnswerer(),
    logger: createLogger('silent'),
    cooldown: new Cooldown(),
    autocompleteCooldown: new Cooldown(),
    recorder: NULL_RECORDER,
    conversations: new Conversations(realAnswerer()),
  };

  test('every one is refused with 401 and the handler never runs', async () => {
    const endpoint = createEndpoint({
      verifier: await createEd25519Verifier(keys.publicKeyHex),
      ctx,
      handle,
      now: () => NOW,
    });
    const cases = tampered(keys, other, 10_000, 7);
    const byKind = new Map<string, number>();
    const statuses = new Map<number, number>();
    for (const { kind, request } of cases) {
      const { status } = await endpoint(request);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status !== 401) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(byKind)).toEqual({});
    expect(Object.fromEntries(statuses)).toEqual({ 401: 10_000 });
    expect(handle).not.toHaveBeenCalled();

    // Control: the same endpoint and spy let the untampered requests through.
    for (const p of BASES) expect((await endpoint(signed(keys, p, nowSeconds(NOW)))).status).toBe(200);
    expect(handle).toHaveBeenCalledTimes(BASES.length);

    // Bug fixed: the same signed request sent again within the 5-minute window was answered (and recorded) twice.
    const calls = handle.mock.calls.length;
    // Bug fixed too: the replay was refused as "invalid request signature", which it is not; it says "replayed".
    for (const p of BASES.filter((b) => (b as { type?: number }).type !== 1)) {
      expect(await endpoint(signed(keys, p, nowSeconds(NOW)))).toEqual({
        status: 401,
        body: { error: 'replayed request' },
      });
    }
    expect(handle.mock.calls.length).toBe(calls);
  });

  // Bug fixed (break10 #41): the replay cache was keyed on the header string while any case of hex verifies, so
  // re-casing one hex letter of a captured signature replayed it (7 answers from one signed /ask).
  test('a replay with the signature re-cased is refused as replayed, in every spelling', async () => {
    const endpoint = createEndpoint({
      verifier: await createEd25519Verifier(keys.publicKeyHex),
      ctx,
      handle,
      now: () => NOW,
    });
    const calls = handle.mock.calls.length;
    for (const payload of [slashPayload('ask', { question: 'What did Mekdad say?' }), clickPayload('more:mekdad')]) {
      const original = signed(keys, payload, nowSeconds(NOW));
      expect((await endpoint(original)).status).toBe(200);
      const lower = original.signature ?? '';
      const spellings = [...lower.matchAll(/[a-f]/g)]
        .slice(0, 8)
        .map(({ index }) => `${lower.slice(0, index)}${lower.charAt(index).toUpperCase()}${lower.slice(index + 1)}`);
      expect(spellings).toHaveLength(8);
      for (const signature of [...spellings, lower.toUpperCase(), lower]) {
        expect(await endpoint({ ...original, signature })).toEqual({
          status: 401,
          body: { error: 'replayed request' },
        });
      }
    }
    expect(handle.mock.calls.length).toBe(calls + 2);
  });
});

describe('tampered requests over HTTP on 127.0.0.1', () => {
  let e: RunningEndpoint;
  const handle = vi.fn<InteractionHandler>((payload, ctx) => handleInteraction(payload, ctx));
  beforeAll(async () => {
    e = await startEndpoint({ handle });
  });
  afterAll(async () => {
    await e?.close();
  });

  async function send(request: SignedRequest, extraHeaders: Record<string, string> = {}): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...extraHeaders };
    if (request.signature !== undefined) headers['x-signature-ed25519'] = request.signature;
    if (request.timestamp !== undefined) headers['x-signature-timestamp'] = request.timestamp;
    const res = await fetch(`${e.url}/interactions`, { method: 'POST', headers, body: Buffer.from(request.body) });
    await res.arrayBuffer();
    return res.status;
  }

  test('400 tampered requests, 8 at a time: all 401, the handler never runs', async () => {
    const other = testKeys();
    // Headers cannot carry every character: keep the cases fetch can send (the rest are covered in-process).
    const cases = tampered(e.keys, other, 400, 11).filter(
      ({ request }) => !/[^\x21-\x7e]/.test(`${request.signature ?? ''}${request.timestamp ?? ''}`),
    );
    expect(cases.length).toBeGreaterThan(300);
    const statuses: number[] = [];
    for (let i = 0; i < cases.length; i += 8) {
      statuses.push(...(await Promise.all(cases.slice(i, i + 8).map((c) => send(c.request)))));
    }
    expect(statuses.filter((s) => s !== 401)).toEqual([]);
    expect(handle).not.toHaveBeenCalled();
  });

  test('a signature header sent twice (node joins the values) is refused', async () => {
    const req = signed(e.keys, PING);
    const res = await fetch(`${e.url}/interactions`, {
      method: 'POST',
      headers: [
        ['x-signature-ed25519', req.signature ?? ''],
        ['x-signature-ed25519', req.signature ?? ''],
        ['x-signature-timestamp', req.timestamp ?? ''],
      ],
      body: req.body,
    });
    expect(res.status).toBe(401);
    expect(handle).not.toHaveBeenCalled();
  });

  test('control: the untampered requests pass', async () => {
    for (const p of BASES) expect(await send(signed(e.keys, p))).toBe(200);
    expect(handle).toHaveBeenCalledTimes(BASES.length);
  });
});
