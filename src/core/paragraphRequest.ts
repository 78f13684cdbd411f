/**
 * "Show me paragraph 3": requests for a whole paragraph by number, in the ways people write them. Parsed on the
 * question after digit folding (src/core/normalize.ts foldDigits), before any matching.
 */

/** The word "paragraph": English, Arabic (with ة or ه), and short forms ("p12", "para 3"). */
const PARAGRAPH = `(?:paragraphs|paragraph|paras|para|par|p|§|الفقرة|الفقره|فقرة|فقره|فقرت|الفقرات|fa2ra|fakra|faqra)`;

/** Words before the request that ask to see it ("show me", "what is in", "اعرض", "ماذا في", "شو في"). */
const LEAD = String.raw`(?:(?:please\s+)?(?:show|display|read|print|open|give|get|translate|quote)(?:\s+me)?(?:\s+the)?|(?:can\s+you\s+)?(?:tell\s+me\s+about|translation\s+of|summari[sz]e)(?:\s+the)?|what(?:'s|\s+is|\s+does)?\s+(?:in|say|says)?\s*(?:the)?|ترجم(?:\s+لي)?|ماذا\s+(?:في|تقول|يقول)|ما\s+(?:في|هي)|شو\s+في|ايش\s+في|إيش\s+في|وش\s+في|اعرض(?:\s+لي)?|أعرض(?:\s+لي)?|اقرأ|اقرا|ورجيني|وريني|هات|اعطني|أعطني)`;

/** Words after the request that do not change it: "about", "in English please", "بالانجليزي", "عن شو". */
const TAIL = String.raw`(?:(?:about|in\s+english|in\s+arabic|translated|please|pls|plz|بالانجليزي|بالإنجليزي|بالانكليزي|بالعربي|عن\s+ماذا|عن\s+شو|عن\s+ايش)(?![a-z\u0600-\u06FF])\s*)+`;

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

/** Cardinals 0–14 ("paragraph fourteen", "الفقرة ستة"); 0 is a request for a paragraph that does not exist. */
const CARDINALS: ReadonlyArray<readonly string[]> = [
  ['zero', 'صفر'],
  ['one', 'واحد', 'واحده'],
  ['two', 'اثنين', 'اثنان', 'اتنين'],
  ['three', 'ثلاثة', 'ثلاثه', 'تلاته'],
  ['four', 'أربعة', 'اربعة', 'اربعه'],
  ['five', 'خمسة', 'خمسه'],
  ['six', 'ستة', 'سته'],
  ['seven', 'سبعة', 'سبعه'],
  ['eight', 'ثمانية', 'ثمانيه', 'تمانية', 'تمانيه'],
  ['nine', 'تسعة', 'تسعه'],
  ['ten', 'عشرة', 'عشره'],
  ['eleven', 'أحد عشر', 'احد عشر', 'إحدى عشرة', 'احدى عشر', 'حداشر'],
  ['twelve', 'اثنا عشر', 'اثني عشر', 'اثنعش', 'اتناشر'],
  ['thirteen', 'ثلاثة عشر', 'ثلاث عشرة', 'ثلاثطعش', 'تلاتاشر'],
  ['fourteen', 'أربعة عشر', 'اربعة عشر', 'أربع عشرة', 'اربعطعش', 'اربعتاشر'],
];

/** "The last paragraph", whatever the count. */
const LAST = ['last', 'الأخيرة', 'الاخيرة', 'الاخيره', 'الأخيره'];

const ORDINAL_WORDS = [...ORDINALS.flat(), ...CARDINALS.flat(), ...LAST]
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
  String.raw`^(?:${LEAD}\s*)?(?:the\s+)?(?:${PARAGRAPH}\s*(?:no\.?|number|رقم)?\s*#?\s*${WHICH}|${WHICH}\s+${PARAGRAPH})(?:\s*(,|and|&|و|-|to|الى|إلى)\s*${WHICH})?\s*(?:\([^)]*\))?\s*(?:${TAIL})?\s*[?؟.!]*$`,
  'i',
);

/**
 * The paragraph numbers a question asks to see (one; two for "paragraphs 3 and 4"; a range for "3 to 5", at most
 * `count` long), or undefined when it is not such a request. Numbers may be out of range (the caller says how many
 * paragraphs there are). Whole numbers only: "-1" and "3.5" are not requests.
 *
 * @param text - the question with digits folded to ASCII, trimmed.
 * @param count - how many paragraphs the article has ("the last paragraph" is this one).
 */
export function paragraphRequested(text: string, count: number): number[] | undefined {
  const m = REQUEST.exec(text.replace(/\s+/g, ' '));
  if (!m) return undefined;
  const first = numberOf(m[1] ?? m[2], count);
  if (first === undefined) return undefined;
  const second = numberOf(m[4], count);
  if (second === undefined || second === first) return [first];
  const ranged = ['-', 'to', 'الى', 'إلى'].includes(m[3] ?? '') && second > first;
  if (!ranged) return [first, second];
  // "paragraphs 3 to 5": capped so "1 to 99999" stays a short list.
  return Array.from({ length: Math.min(second - first + 1, count) }, (_, i) => first + i);
}

/** A matched number or number word as a paragraph number; undefined for an unmatched group. */
function numberOf(which: string | undefined, count: number): number | undefined {
  if (which === undefined) return undefined;
  if (/^\d+$/.test(which)) return Number(which);
  const word = which.toLowerCase().replace(/\s+/g, ' ');
  if (LAST.includes(word)) return count;
  const ordinal = ORDINALS.findIndex((forms) => forms.includes(word));
  if (ordinal >= 0) return ordinal + 1;
  const cardinal = CARDINALS.findIndex((forms) => forms.includes(word));
  return cardinal >= 0 ? cardinal : undefined;
}
