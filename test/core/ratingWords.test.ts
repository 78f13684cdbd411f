import { describe, expect, test } from 'vitest';
import { ratingOf, saysNoneOfThese } from '../../src/core/ratingWords.ts';

describe('ratingOf', () => {
  test.each(['good', 'Good!', '+1', '👍', '👍🏽', 'جيد', 'صح'])('%s rates up', (word) => {
    expect(ratingOf(word)).toBe(1);
  });

  // Bug fixed: سيء, the common Arabic "bad", was no rating word while غلط was.
  test.each(['bad', 'BAD.', '-1', '👎🏿', 'خطأ', 'خطا', 'غلط', 'سيء', 'سيئ', 'سيء!'])('%s rates down', (word) => {
    expect(ratingOf(word)).toBe(-1);
  });

  test.each(['good answer, thanks', 'what is good?', '', 'goodbye', '0'])('%j is no rating', (text) => {
    expect(ratingOf(text)).toBeUndefined();
  });
});

// Bug fixed: after "bad", "0" was recorded as "none of these was right" while "4" was out of range.
describe('saysNoneOfThese', () => {
  test.each(['none', 'None.', 'none of these', 'ولا واحد', 'لا شيء', 'لا شي'])('%j says none was right', (text) => {
    expect(saysNoneOfThese(text)).toBe(true);
  });

  test.each(['0', '٠', '00', '4', '', 'no', 'nothing else?'])('%j does not', (text) => {
    expect(saysNoneOfThese(text)).toBe(false);
  });
});
