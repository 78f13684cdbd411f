/**
 * The question reference 👍 / 👎 buttons carry (src/store/questionRef.ts): a keyed permutation of the row id that
 * the bot can open again, and that shows an observer no order.
 */
import { describe, expect, test } from 'vitest';
import { encodeButton } from '../../src/discord/customIds.ts';
import { openQuestionRef, sealQuestionId } from '../../src/store/questionRef.ts';

const SECRET = 'question-ref-test-secret';

describe('sealQuestionId / openQuestionRef', () => {
  test('every id opens back to itself, with the same key (another process, a restart)', () => {
    for (const id of [1, 2, 3, 41, 1000, 65_535, 2 ** 24, 2 ** 31 + 7, 2 ** 48 - 1]) {
      const ref = sealQuestionId(SECRET, id);
      expect(ref, String(id)).toBeDefined();
      expect(openQuestionRef(SECRET, ref ?? 0), String(id)).toBe(id);
    }
  });

  test('references are distinct, exactly ten base-36 characters, and not in the order of the ids', () => {
    const refs = Array.from({ length: 2000 }, (_, i) => sealQuestionId(SECRET, i + 1) ?? 0);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs.every((r) => r.toString(36).length === 10)).toBe(true);
    // Consecutive ids: about half the next references are smaller; sequential ids would give none.
    const descents = refs.slice(1).filter((r, i) => r < (refs[i] ?? 0)).length;
    expect(descents).toBeGreaterThan(800);
    expect(descents).toBeLessThan(1200);
    // The difference between two references says nothing of the number of questions in between.
    expect(new Set(refs.slice(1).map((r, i) => r - (refs[i] ?? 0))).size).toBe(refs.length - 1);
  });

  test('another key gives other references', () => {
    const mine = sealQuestionId(SECRET, 5);
    expect(sealQuestionId('another-secret-of-16+', 5)).not.toBe(mine);
    expect(openQuestionRef('another-secret-of-16+', mine ?? 0)).not.toBe(5);
  });

  test.each([0, -1, 1.5, 2 ** 48, Number.NaN])('no reference for the id %s', (id) => {
    expect(sealQuestionId(SECRET, id)).toBeUndefined();
  });

  // An older release wrote the row id itself: it must not open to some unrelated question.
  test.each([1, 3, 36 ** 9, 2 ** 48 - 1, 2 ** 49, Number.MAX_SAFE_INTEGER, -5])(
    '%s, which no reference is, opens to nothing',
    (ref) => {
      expect(openQuestionRef(SECRET, ref)).toBeUndefined();
    },
  );

  test('a vote button with a reference stays within 100 characters and round-trips through its custom_id', () => {
    const ref = sealQuestionId(SECRET, 2 ** 48 - 1);
    const customId = encodeButton({
      kind: 'vote',
      vote: -1,
      surface: 'slash',
      ...(ref !== undefined && { questionId: ref }),
      ref: 'p12-syria-war-supports-iraq',
      alternatives: ['p02-abadi-message-content', 'p14-mosul-near-liberation', 'p02-existing-cooperation'],
    });
    expect(customId).toMatch(/^vote:d:s:[0-9a-z]{10}:p12-syria-war-supports-iraq:p02-abadi-message-content,/);
    expect(customId?.length).toBeLessThanOrEqual(100);
  });
});
