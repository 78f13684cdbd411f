/**
 * Words a user types to rate the last answer ("good", "bad", 👍, صح, غلط …), shared by the terminal chat (where they
 * record a vote) and Discord messages (where they get a note on how to rate): one list, so the two agree.
 */

/** Ratings up: English, signs, the thumbs-up emoji, Arabic "good"/"right". */
const GOOD = new Set(['good', '+', '+1', '👍', 'جيد', 'صح']);
/** Ratings down: English, signs, the thumbs-down emoji, Arabic "wrong" (with or without its hamza). */
const BAD = new Set(['bad', '-', '-1', '👎', 'خطأ', 'خطا', 'غلط']);

/** Emoji skin-tone modifiers (U+1F3FB–U+1F3FF) and the emoji variation selector (U+FE0F), so that 👍🏽 is 👍. */
const EMOJI_VARIANTS = /[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu;

/**
 * The rating a typed word gives: 1 (good), -1 (bad), or undefined for anything else. The word is compared
 * lowercased, trimmed, without trailing punctuation ("good!") and without emoji skin tones.
 *
 * @example ratingOf('Good!') // 1
 * @example ratingOf('👎🏽') // -1
 * @example ratingOf('good answer, thanks') // undefined
 */
export function ratingOf(text: string): 1 | -1 | undefined {
  const word = text
    .toLowerCase()
    .replace(EMOJI_VARIANTS, '')
    .replace(/[\s?؟!.،,]+$/u, '')
    .trim();
  if (GOOD.has(word)) return 1;
  if (BAD.has(word)) return -1;
  return undefined;
}
