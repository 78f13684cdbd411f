/**
 * "Show me paragraph 3": requests for a whole paragraph by number, in the ways people write them. Parsed on the
 * question after digit folding (src/core/normalize.ts foldDigits), before any matching.
 */

/** The word "paragraph": English, Arabic (with ة or ه), and short forms ("p12", "para 3"). */
const PARAGRAPH = `(?:paragraph|para|par|p|الفقرة|الفقره|فقرة|فقره|فقرت|الفقرات|fa2ra|fakra|faqra)`;

/** Words before the request that ask to see it ("show me", "what is in", "اعرض", "ماذا في", "شو في"). */
const LEAD = String.raw`(?:(?:please\s+)?(?:show|display|read|print|open|give|get)(?:\s+me)?(?:\s+the)?|what(?:'s|\s+is|\s+does)?\s+(?:in|say)\s*(?:the)?|ماذا\s+(?:في|تقول|يقول)|ما\s+(?:في|هي)|شو\s+في|ايش\s+في|إيش\s+في|وش\s+في|اعرض(?:\s+لي)?|أعرض(?:\s+لي)?|اقرأ|اقرا|ورجيني|وريني|هات|اعطني|أعطني)`;

/** Ordinals 1–14, English and Arabic (feminine, as الفقرة takes). Index + 1 is the number. */
const ORDINALS: ReadonlyArray<readonly string[]> = [
  ['first', 'الأولى', 'الاولى', 'الاولي', 'اولى'],
  ['second', 'الثانية', 'الثانيه'],
  ['third', 'الثالثة', 'الثالثه'],
  ['fourth', 'الرابعة', 'الرابعه'],
  ['fifth', 'الخامسة', 'الخامسه'],
  ['sixth', 'السادسة', 'السادسه'],
  ['seventh', 'السابعة', 'السابعه'],
  ['eighth', 'الثامنة', 'الثامنه'],
  ['ninth', 'التاسعة', 'التاسعه'],
  ['tenth', 'العاشرة', 'العاشره'],
  ['eleventh', 'الحادية عشرة', 'الحادية عشر', 'الحاديه عشر'],
  ['twelfth', 'الثانية عشرة', 'الثانية عشر', 'الثانيه عشر'],
  ['thirteenth', 'الثالثة عشرة', 'الثالثة عشر', 'الثالثه عشر'],
  ['fourteenth', 'الرابعة عشرة', 'الرابعة عشر', 'الرابعه عشر'],
];

/** "The last paragraph", whatever the count. */
const LAST = ['last', 'الأخيرة', 'الاخيرة', 'الاخيره', 'الأخيره'];

const ORDINAL_WORDS = [...ORDINALS.flat(), ...LAST]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, String.raw`\s+`))
  .join('|');

/** A number (any length: "paragraph 99999999999" is a request for a paragraph that does not exist) or an ordinal. */
const WHICH = String.raw`(\d+|${ORDINAL_WORDS})`;

/**
 * "paragraph 12", "p12", "الفقرة ١٢", "show paragraph 3", "what is in paragraph 5?", "ماذا في الفقرة 5؟",
 * "الفقرة الثالثة", "the third paragraph", optionally followed by the label in parentheses that paragraph
 * alternatives carry ("الفقرة 12 (فيصل المقداد)").
 */
const REQUEST = new RegExp(
  String.raw`^(?:${LEAD}\s*)?(?:the\s+)?(?:${PARAGRAPH}\s*(?:no\.?|number|رقم)?\s*#?\s*${WHICH}|${WHICH}\s+${PARAGRAPH})\s*(?:\([^)]*\))?\s*[?؟.!]*$`,
  'i',
);

/**
 * The paragraph number a question asks to see, or undefined when it is not such a request. The number may be out of
 * range (the caller says how many paragraphs there are). Whole numbers only: "-1" and "3.5" are not requests.
 *
 * @param text - the question with digits folded to ASCII, trimmed.
 * @param count - how many paragraphs the article has ("the last paragraph" is this one).
 */
export function paragraphRequested(text: string, count: number): number | undefined {
  const m = REQUEST.exec(text.replace(/\s+/g, ' '));
  const which = m?.[1] ?? m?.[2];
  if (which === undefined) return undefined;
  if (/^\d+$/.test(which)) return Number(which);
  const word = which.toLowerCase().replace(/\s+/g, ' ');
  if (LAST.includes(word)) return count;
  const index = ORDINALS.findIndex((forms) => forms.includes(word));
  return index >= 0 ? index + 1 : undefined;
}
