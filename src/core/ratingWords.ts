/**
 * Words a user types to rate the last answer ("good", "bad", 👍, صح, غلط …) and to say, after "bad", that none of the
 * alternatives was right, shared by the terminal chat (where they record a vote or a pick) and Discord messages
 * (where they get a note on how to rate): one list, so the two agree. Compared as commands are ({@link commandKey}):
 * folded like a question, without trailing punctuation or emoji skin tones.
 */
import { commandKey } from './commandWords.ts';

/** Ratings up: English, signs, the thumbs-up emoji, Arabic "good"/"right". */
const GOOD = new Set(['good', '+', '+1', '👍', 'جيد', 'صح'].map(commandKey));
/**
 * Ratings down: English, signs, the thumbs-down emoji, Arabic "wrong" (خطأ, with or without its hamza; غلط) and
 * "bad" (سيء, also spelled سيئ).
 */
const BAD = new Set(['bad', '-', '-1', '👎', 'خطأ', 'خطا', 'غلط', 'سيء', 'سيئ'].map(commandKey));

/**
 * After "bad": none of the alternatives offered was right. A number never is: "0" is out of range like "4", so a
 * slip of the finger is asked again instead of recorded.
 */
const NONE = new Set(['none', 'none of these', 'none of them', 'ولا واحد', 'لا شيء', 'ولا شيء'].map(commandKey));

/**
 * The rating a typed word gives: 1 (good), -1 (bad), or undefined for anything else. The word is compared as a
 * command ({@link commandKey}): case, hamza and ة/ه folded, trailing punctuation ("good!") and emoji skin tones gone.
 *
 * @example ratingOf('Good!') // 1
 * @example ratingOf('👎🏽') // -1
 * @example ratingOf('سيئ') // -1
 * @example ratingOf('good answer, thanks') // undefined
 */
export function ratingOf(text: string): 1 | -1 | undefined {
  const word = commandKey(text);
  if (GOOD.has(word)) return 1;
  if (BAD.has(word)) return -1;
  return undefined;
}

/**
 * Whether a typed line says that none of the alternatives listed after "bad" was right ("none", «ولا واحد»). A
 * number is not: "0" is no alternative and no "none".
 *
 * @example saysNoneOfThese('None.') // true
 * @example saysNoneOfThese('0') // false
 */
export function saysNoneOfThese(text: string): boolean {
  return NONE.has(commandKey(text));
}
