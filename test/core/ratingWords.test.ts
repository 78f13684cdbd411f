import { describe, expect, test } from 'vitest';
import { ratingOf } from '../../src/core/ratingWords.ts';

describe('ratingOf', () => {
  test.each(['good', 'Good!', '+1', '👍', '👍🏽', 'جيد', 'صح'])('%s rates up', (word) => {
    expect(ratingOf(word)).toBe(1);
  });

  test.each(['bad', 'BAD.', '-1', '👎🏿', 'خطأ', 'خطا', 'غلط'])('%s rates down', (word) => {
    expect(ratingOf(word)).toBe(-1);
  });

  test.each(['good answer, thanks', 'what is good?', '', 'goodbye', '0'])('%j is no rating', (text) => {
    expect(ratingOf(text)).toBeUndefined();
  });
});
