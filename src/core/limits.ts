/**
 * How much of a question is read: the bound on every message a user sends, before and after the NFKC expansion that
 * normalization applies. Shared by the answerer, the follow-up reader and the store.
 */

/** Longest question we read, in characters; the rest is ignored (keeps time bounded for pasted walls of text). */
export const MAX_QUESTION_CHARS = 2_000;

/**
 * `text` cut to {@link MAX_QUESTION_CHARS} UTF-16 units, never inside a surrogate pair; when its NFKC form (which
 * normalization takes) is longer than that, the NFKC form cut so: one U+FDFA «ﷺ» expands to 18 characters, and 2,000
 * of them would otherwise cost as much as a 36,000-character message (found by the nineteenth break test).
 */
export function withinQuestionLimit(text: string): string {
  const cut = cutAtUnits(text, MAX_QUESTION_CHARS);
  // No character expands more than 18-fold under NFKC (U+FDFA): a short question cannot pass the limit.
  if (cut.length * MAX_NFKC_EXPANSION <= MAX_QUESTION_CHARS) return cut;
  const expanded = cut.normalize('NFKC');
  return expanded.length > MAX_QUESTION_CHARS ? cutAtUnits(expanded, MAX_QUESTION_CHARS) : cut;
}

/** The most UTF-16 units one code point becomes under NFKC (U+FDFA, Unicode 15's decomposition data). */
const MAX_NFKC_EXPANSION = 18;

/** `text`'s first `max` UTF-16 units, one fewer when the last would be the first half of a surrogate pair. */
export function cutAtUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max);
}
