/**
 * Signature and timestamp checks (src/http/verify.ts), on both crypto paths: WebCrypto Ed25519 (Node 20's) and the
 * node:crypto SPKI fallback.
 */
import { describe, expect, test } from 'vitest';
import { createEd25519Verifier, MAX_CLOCK_SKEW_MS, type VerifyFailure, verifyRequest } from '../../src/http/verify.ts';
import { nowSeconds, signed, testKeys } from './helpers.ts';

const keys = testKeys();
const NOW = 1_700_000_000_000;
const TS = nowSeconds(NOW);
const body = JSON.stringify({ type: 1 });

describe.each([
  ['WebCrypto', true],
  ['node:crypto', false],
])('verifyRequest with %s', (_, webcrypto) => {
  const verifier = createEd25519Verifier(keys.publicKeyHex, { webcrypto });

  test('a request signed with the application key, stamped now, passes', async () => {
    expect(await verifyRequest(await verifier, signed(keys, body, TS), NOW)).toEqual({ ok: true });
  });

  test('upper-case hex in the key and the signature is accepted', async () => {
    const upper = await createEd25519Verifier(keys.publicKeyHex.toUpperCase(), { webcrypto });
    const req = signed(keys, body, TS);
    expect(await verifyRequest(upper, { ...req, signature: req.signature?.toUpperCase() }, NOW)).toEqual({ ok: true });
  });

  const cases: [string, (r: ReturnType<typeof signed>) => Parameters<typeof verifyRequest>[1], VerifyFailure][] = [
    ['no signature header', (r) => ({ ...r, signature: undefined }), 'missing-signature'],
    ['an empty signature', (r) => ({ ...r, signature: '' }), 'missing-signature'],
    ['no timestamp header', (r) => ({ ...r, timestamp: undefined }), 'missing-timestamp'],
    ['a short signature', (r) => ({ ...r, signature: r.signature?.slice(2) }), 'malformed-signature'],
    ['a non-hex signature', (r) => ({ ...r, signature: `zz${r.signature?.slice(2)}` }), 'malformed-signature'],
    ['a timestamp with a sign', (r) => ({ ...r, timestamp: `+${r.timestamp}` }), 'malformed-timestamp'],
    ['a timestamp in milliseconds-style exponent', (r) => ({ ...r, timestamp: '1.7e9' }), 'malformed-timestamp'],
    ['a changed body', (r) => ({ ...r, body: Buffer.from(`${body} `) }), 'bad-signature'],
    [
      'a changed timestamp (still recent)',
      (r) => ({ ...r, timestamp: String(Number(r.timestamp) - 1) }),
      'bad-signature',
    ],
  ];
  test.each(cases)('%s is refused (%s)', async (_name, tamper, reason) => {
    expect(await verifyRequest(await verifier, tamper(signed(keys, body, TS)), NOW)).toEqual({ ok: false, reason });
  });

  test('a signature by another key is refused', async () => {
    const other = testKeys();
    expect(await verifyRequest(await verifier, signed(other, body, TS), NOW)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  test.each([
    ['exactly 5 minutes old', -MAX_CLOCK_SKEW_MS, true],
    ['5 minutes and 1 s old', -MAX_CLOCK_SKEW_MS - 1000, false],
    ['exactly 5 minutes ahead', MAX_CLOCK_SKEW_MS, true],
    ['5 minutes and 1 s ahead', MAX_CLOCK_SKEW_MS + 1000, false],
    ['a day old', -86_400_000, false],
  ])('a correctly signed request stamped %s: accepted = %s', async (_name, offset, accepted) => {
    const req = signed(keys, body, nowSeconds(NOW + offset));
    const result = await verifyRequest(await verifier, req, NOW);
    expect(result).toEqual(accepted ? { ok: true } : { ok: false, reason: 'stale-timestamp' });
  });
});

test('a public key that is not 64 hex digits is refused when the verifier is created', async () => {
  await expect(createEd25519Verifier('abc')).rejects.toThrow(/64 hex/);
  await expect(createEd25519Verifier('g'.repeat(64))).rejects.toThrow(/64 hex/);
});
