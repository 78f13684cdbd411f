/**
 * Request authentication for the HTTP interactions endpoint. Discord signs every request it sends to the
 * Interactions Endpoint URL with the application's Ed25519 key: the signature (header `X-Signature-Ed25519`, 64 bytes
 * as 128 hex digits) covers `X-Signature-Timestamp` (unix seconds, as sent) followed by the raw body bytes. An
 * endpoint must answer 401 to a request that fails the check, and Discord sends deliberately forged requests when the
 * URL is saved and from time to time afterwards to make sure it does.
 * Source: https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 * (and the "Security and Authorization" section it links to).
 *
 * On top of the signature we refuse timestamps more than {@link MAX_CLOCK_SKEW_MS} away from our clock, either way:
 * a captured request cannot be replayed later, nor one stamped in the future be kept for later.
 *
 * Pure apart from the crypto: the clock is an argument. Node 20's WebCrypto implements Ed25519
 * (`crypto.subtle.importKey('raw', key, { name: 'Ed25519' }, …)`); {@link createEd25519Verifier} falls back to
 * node:crypto with an SPKI-wrapped key on a runtime whose WebCrypto lacks it.
 */
import { createPublicKey, verify as nodeVerify, webcrypto } from 'node:crypto';

/**
 * Encodings of the Ed25519 points of small order (1, 2, 4 or 8), the sign bit of the last byte ignored: with such a
 * "public key", a signature (R = the identity, S = 0) verifies for every message, so a key among them would let
 * anyone in. Source: libsodium's blocklist (crypto_core/ed25519/ref10/ed25519_ref10.c, `ge25519_has_small_order`),
 * also the point at p and p + 1 (non-canonical encodings of 0 and 1). Discord never issues such a key; a placeholder
 * or a typo can be one (all zeros is).
 */
const SMALL_ORDER_POINTS: readonly string[] = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

/**
 * Whether a 64-hex-digit Ed25519 public key is one of the small-order points above (any case; the last byte's top bit,
 * the x sign, is ignored as libsodium ignores it). Such a key accepts forged signatures.
 */
export function isSmallOrderKey(hex: string): boolean {
  const key = hex.toLowerCase();
  const lastByte = (Number.parseInt(key.slice(62, 64), 16) & 0x7f).toString(16).padStart(2, '0');
  const unsigned = key.slice(0, 62) + lastByte;
  return SMALL_ORDER_POINTS.some((point) => point === unsigned);
}

/** Requests stamped further than this from now, in the past or the future, are refused (5 minutes). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** Header names as node:http presents them (lowercase). */
export const SIGNATURE_HEADER = 'x-signature-ed25519';
export const TIMESTAMP_HEADER = 'x-signature-timestamp';

/** Why a request was refused. Logged at debug level; the client only ever sees 401. */
export type VerifyFailure =
  | 'missing-signature'
  | 'missing-timestamp'
  | 'malformed-signature'
  | 'malformed-timestamp'
  | 'stale-timestamp'
  | 'bad-signature';

/**
 * `signature` on success is the signature in its one canonical spelling (lower-case hex): the header accepts either
 * case of each hex letter, so the header string itself cannot key a replay cache (re-casing one letter would make a
 * "new" request out of a captured one).
 */
export type VerifyResult = { ok: true; signature: string } | { ok: false; reason: VerifyFailure };

/** Checks an Ed25519 signature over a message. Resolves false (never rejects) for a signature that does not verify. */
export type Ed25519Verifier = (signature: Uint8Array, message: Uint8Array) => Promise<boolean>;

const HEX_KEY = /^[0-9a-f]{64}$/i;
/** Exactly 128 hex digits (64 bytes), either case; nothing before or after (no whitespace, no `0x`). */
const HEX_SIGNATURE = /^[0-9a-f]{128}$/i;
/** Unix seconds: digits only (no sign, exponent or spaces), at most 12 of them (year 33658). */
const TIMESTAMP = /^\d{1,12}$/;

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE { AlgorithmIdentifier 1.3.101.112, BIT STRING }. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * A verifier for the application's public key (the 64 hex digits shown as "Public Key" in the Developer Portal).
 *
 * @param publicKeyHex - 32-byte Ed25519 public key as hex (any case).
 * @param options.webcrypto - false forces the node:crypto path (tests; runtimes without WebCrypto Ed25519).
 * @throws TypeError when the key is not 64 hex digits, or is a small-order point (see {@link isSmallOrderKey}).
 */
export async function createEd25519Verifier(
  publicKeyHex: string,
  options: { webcrypto?: boolean } = {},
): Promise<Ed25519Verifier> {
  if (!HEX_KEY.test(publicKeyHex)) throw new TypeError('Ed25519 public key must be 64 hex characters');
  if (isSmallOrderKey(publicKeyHex))
    throw new TypeError('Ed25519 public key is a small-order point: it verifies forgeries');
  const raw = Buffer.from(publicKeyHex, 'hex');
  if (options.webcrypto ?? true) {
    try {
      const key = await webcrypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
      return (signature, message) =>
        webcrypto.subtle.verify({ name: 'Ed25519' }, key, signature, message).catch(() => false);
    } catch {
      // NotSupportedError on runtimes without WebCrypto Ed25519: use node:crypto below.
    }
  }
  const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
  return async (signature, message) => {
    try {
      return nodeVerify(null, message, key, signature);
    } catch {
      return false;
    }
  };
}

/** What {@link verifyRequest} checks: the two headers as received (absent → undefined) and the raw body. */
export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  /** The body exactly as received, before any parsing (re-serialized JSON would not verify). */
  body: Uint8Array;
}

/**
 * Verifies one request: both headers present and well-formed, the timestamp within {@link MAX_CLOCK_SKEW_MS} of
 * `nowMs`, and the signature valid over `timestamp + body`. Cheap checks run first, so garbage costs no crypto.
 *
 * @returns `{ ok: true, signature }` with the signature as lower-case hex (see {@link VerifyResult}), else the reason.
 * @param nowMs - the current time in milliseconds since the epoch (injected for tests).
 * @param maxSkewMs - tolerance around `nowMs`. @defaultValue {@link MAX_CLOCK_SKEW_MS}
 */
export async function verifyRequest(
  verifier: Ed25519Verifier,
  request: SignedRequest,
  nowMs: number,
  maxSkewMs = MAX_CLOCK_SKEW_MS,
): Promise<VerifyResult> {
  const { signature, timestamp } = request;
  if (signature === undefined || signature === '') return { ok: false, reason: 'missing-signature' };
  if (timestamp === undefined || timestamp === '') return { ok: false, reason: 'missing-timestamp' };
  if (!HEX_SIGNATURE.test(signature)) return { ok: false, reason: 'malformed-signature' };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: 'malformed-timestamp' };
  if (Math.abs(Number(timestamp) * 1000 - nowMs) > maxSkewMs) return { ok: false, reason: 'stale-timestamp' };
  const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), request.body]);
  const bytes = Buffer.from(signature, 'hex');
  const valid = await verifier(bytes, message);
  return valid ? { ok: true, signature: bytes.toString('hex') } : { ok: false, reason: 'bad-signature' };
}
