/**
 * The question reference a 👍 / 👎 button carries instead of the question's row id. Row ids count up across every
 * server and DM, and anyone can read a button's custom_id (a client mod shows it), so two of one's own answers told
 * how many questions everyone asked in between. The reference is a keyed permutation of the id: unique, decodable
 * by any process holding the user-hash key (so buttons keep working across restarts and instances), and with no
 * visible order without the key.
 *
 * Construction: a 4-round Feistel network over 48 bits (two 24-bit halves) whose round function is HMAC-SHA256 keyed
 * with the user-hash secret, and a marker bit 2^48 on top. The marker makes every reference exactly 10 base-36
 * characters and tells a reference from a row id written by an older release (always below 2^48 in practice): such
 * an id is not a reference, so its vote is kept without a question rather than linked to an unrelated one.
 */
import { createHmac } from 'node:crypto';

/** Bits in each Feistel half. */
const HALF_BITS = 24;
const HALF = 2 ** HALF_BITS;
/** Ids and permuted values are below this (2^48). */
const DOMAIN = HALF * HALF;
/** Added to every reference: references are exactly [2^48, 2^49), ten base-36 characters. */
const MARKER = DOMAIN;
/** Four rounds: a Feistel network with pseudo-random round functions is a strong pseudo-random permutation. */
const ROUNDS = 4;
/** Prefix of every round's HMAC input, so these values differ from any user hash made with the same key. */
const LABEL = 'iqtibas question ref\0';

/** The round function: 24 bits of HMAC-SHA256(secret, label ‖ round ‖ half). */
function roundValue(secret: string, round: number, half: number): number {
  const input = Buffer.alloc(4);
  input.writeUInt8(round, 0);
  input.writeUIntBE(half, 1, 3);
  return createHmac('sha256', secret).update(LABEL, 'utf8').update(input).digest().readUIntBE(0, 3);
}

/** One direction of the Feistel network over 48-bit `value`. */
function feistel(secret: string, value: number, inverse: boolean): number {
  let left = Math.floor(value / HALF);
  let right = value % HALF;
  for (let i = 0; i < ROUNDS; i++) {
    if (inverse) {
      [left, right] = [right ^ roundValue(secret, ROUNDS - 1 - i, left), left];
    } else {
      [left, right] = [right, left ^ roundValue(secret, i, right)];
    }
  }
  return left * HALF + right;
}

/**
 * The reference a button carries for question row `id`, keyed with `secret` (the user-hash key).
 *
 * @returns a whole number in [2^48, 2^49) (ten base-36 characters), or undefined for an id that cannot be one: not a
 *   whole number from 1 to 2^48 − 1 (the vote is then kept without a question, as for one not recorded).
 */
export function sealQuestionId(secret: string, id: number): number | undefined {
  if (!Number.isSafeInteger(id) || id < 1 || id >= DOMAIN) return undefined;
  return MARKER + feistel(secret, id, false);
}

/**
 * The question row id behind a reference made by {@link sealQuestionId} with the same `secret`.
 *
 * @returns undefined for anything else: a row id written by an older release (below 2^48), a number out of range.
 *   A reference made with another key (USER_HASH_SECRET changed) opens to an unrelated id, which the store links
 *   only if that question exists (about one chance in 2^48 per stored question).
 */
export function openQuestionRef(secret: string, ref: number): number | undefined {
  if (!Number.isSafeInteger(ref) || ref < MARKER || ref >= MARKER + DOMAIN) return undefined;
  const id = feistel(secret, ref - MARKER, true);
  return id >= 1 ? id : undefined;
}
