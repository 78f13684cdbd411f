/**
 * Signature and timestamp checks (src/http/verify.ts), on both crypto paths: WebCrypto Ed25519 (Node 20's) and the
 * node:crypto SPKI fallback.
 */
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import {
  createEd25519Verifier,
  isSmallOrderKey,
  MAX_CLOCK_SKEW_MS,
  type VerifyFailure,
  verifyRequest,
} from '../../src/http/verify.ts';
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
    const req = signed(keys, body, TS);
    expect(await verifyRequest(await verifier, req, NOW)).toEqual({ ok: true, signature: req.signature });
  });

  test('upper-case hex in the key and the signature is accepted, and the signature comes back lower-case', async () => {
    const upper = await createEd25519Verifier(keys.publicKeyHex.toUpperCase(), { webcrypto });
    const req = signed(keys, body, TS);
    const lower = req.signature ?? '';
    expect(lower).toMatch(/^[0-9a-f]{128}$/);
    expect(await verifyRequest(upper, { ...req, signature: lower.toUpperCase() }, NOW)).toEqual({
      ok: true,
      signature: lower,
    });
  });

  // Bug fixed (break10 #41): the replay cache keyed on the header string, so these spellings of one signature were
  // "new" requests. Every spelling must give the one key the cache uses.
  test('every re-casing of a signature verifies to the same canonical signature', async () => {
    const req = signed(keys, body, TS);
    const lower = req.signature ?? '';
    const letter = lower.search(/[a-f]/);
    expect(letter).toBeGreaterThanOrEqual(0);
    const oneRecased = `${lower.slice(0, letter)}${lower.charAt(letter).toUpperCase()}${lower.slice(letter + 1)}`;
    const alternating = [...lower].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
    for (const spelling of [oneRecased, alternating, lower.toUpperCase()]) {
      expect(spelling).not.toBe(lower);
      expect(await verifyRequest(await verifier, { ...req, signature: spelling }, NOW)).toEqual({
        ok: true,
        signature: lower,
      });
    }
  });

  // The bytes are the only other way to spell a signature: adding the group order L to S gives 64 other bytes that
  // a lenient verifier would accept. Ours refuses them, so the canonical hex is one key per signed request.
  test('a malleated signature (S + L, the same signature modulo the group order) is refused', async () => {
    const req = signed(keys, body, TS);
    expect(
      await verifyRequest(await verifier, { ...req, signature: addGroupOrderToS(req.signature ?? '') }, NOW),
    ).toEqual({ ok: false, reason: 'bad-signature' });
  });

  const cases: [string, (r: ReturnType<typeof signed>) => Parameters<typeof verifyRequest>[1], VerifyFailure][] = [
    ['no signature header', (r) => ({ ...r, signature: undefined }), 'missing-signature'],
    ['an empty signature', (r) => ({ ...r, signature: '' }), 'missing-signature'],
    ['no timestamp header', (r) => ({ ...r, timestamp: undefined }), 'missing-timestamp'],
    ['a short signature', (r) => ({ ...r, signature: r.signature?.slice(2) }), 'malformed-signature'],
    ['a non-hex signature', (r) => ({ ...r, signature: `zz${r.signature?.slice(2)}` }), 'malformed-signature'],
    ['a signature one hex digit too long', (r) => ({ ...r, signature: `${r.signature}0` }), 'malformed-signature'],
    ['a signature one hex digit short', (r) => ({ ...r, signature: r.signature?.slice(1) }), 'malformed-signature'],
    ['a signature with a 0x prefix', (r) => ({ ...r, signature: `0x${r.signature}` }), 'malformed-signature'],
    ['a signature with a trailing newline', (r) => ({ ...r, signature: `${r.signature}\n` }), 'malformed-signature'],
    [
      'a signature with a space inside',
      (r) => ({ ...r, signature: `${r.signature?.slice(0, 64)} ${r.signature?.slice(64)}` }),
      'malformed-signature',
    ],
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
    expect(result).toEqual(
      accepted ? { ok: true, signature: req.signature } : { ok: false, reason: 'stale-timestamp' },
    );
  });
});

test('a public key that is not 64 hex digits is refused when the verifier is created', async () => {
  await expect(createEd25519Verifier('abc')).rejects.toThrow(/64 hex/);
  await expect(createEd25519Verifier('g'.repeat(64))).rejects.toThrow(/64 hex/);
});

/** Ed25519's group order L (RFC 8032 §5.1). */
const GROUP_ORDER = (1n << 252n) + 27742317777372353535851937790883648493n;

/** The signature with S (its second half, little-endian) replaced by S + L, which still fits 32 bytes. */
function addGroupOrderToS(signatureHex: string): string {
  const bytes = Buffer.from(signatureHex, 'hex');
  const s = BigInt(`0x${Buffer.from(bytes.subarray(32)).reverse().toString('hex')}`) + GROUP_ORDER;
  const sBytes = Buffer.from(s.toString(16).padStart(64, '0'), 'hex').reverse();
  return Buffer.concat([bytes.subarray(0, 32), sBytes]).toString('hex');
}

// Bug fixed (break test 17): a small-order "public key" (the identity point, all zeros) was accepted, and with it a
// forged signature (R = identity, S = 0) verified for any request.
describe('small-order public keys', () => {
  const identity = `01${'0'.repeat(62)}`;
  const forged = `01${'0'.repeat(126)}`;

  test.each([
    ['all zeros', '0'.repeat(64)],
    ['the identity point', identity],
    ['the identity point with the sign bit set', `01${'0'.repeat(60)}80`],
    ['an order-8 point, upper case', '26E8958FC2B227B045C3F489F2EF98F0D5DFAC05D3C63339B13802886D53FC05'],
    ['p + 1 (a non-canonical 1)', `ee${'f'.repeat(60)}7f`],
  ])('%s is refused by the verifier and by the config', async (_name, key) => {
    expect(isSmallOrderKey(key)).toBe(true);
    await expect(createEd25519Verifier(key)).rejects.toThrow(/small-order/);
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: key })).toThrow(/not a usable key/);
  });

  test('generated keys are never taken for one, and the forged signature fails against them', async () => {
    for (let i = 0; i < 50; i++) {
      const keys = testKeys();
      expect(isSmallOrderKey(keys.publicKeyHex)).toBe(false);
      const verify = await createEd25519Verifier(keys.publicKeyHex);
      expect(await verify(Buffer.from(forged, 'hex'), Buffer.from('1700000000{"type":1}'))).toBe(false);
    }
    expect(forged).toHaveLength(128);
    expect(identity).toHaveLength(64);
  });
});
