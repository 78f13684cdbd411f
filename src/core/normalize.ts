/**
 * Arabic (and Latin) text normalization for matching keys.
 *
 * Each step is one small exported function, applied in `normalize` in a fixed order. The same `normalize` is
 * used for every index key (article, curated questions, lexicon) and for every question, so the two sides
 * always agree. Normalized text is a matching key only: it loses distinctions (ة/ه, ى/ي, hamza seats) that
 * matter for display, so it is never shown to a user.
 *
 * Sources of the rules: Unicode blocks Arabic (U+0600–U+06FF), Arabic Presentation Forms-A/B
 * (U+FB50–U+FDFF, U+FE70–U+FEFF), General Punctuation (U+2000–U+206F); the Bidi_Control property
 * (UAX #9); CAMeL Tools' normalize/dediac steps and PyArabic's named letter groups.
 */

import { numbersAsDigits } from './numberWords.ts';

/**
 * NFKC: presentation forms and ligatures (U+FB50–U+FDFF, U+FE70–U+FEFF, e.g. ﻻ → لا, ﷲ → الله) and
 * full-width Latin become base letters; a decomposed hamza (ا + U+0654 HAMZA ABOVE) recomposes to أ.
 * Loses: the distinction between a compatibility character and its base (never meaningful for search).
 */
export function applyNfkc(text: string): string {
  return text.normalize('NFKC');
}

/**
 * Every Bidi_Control code point (U+061C ALM, U+200E LRM, U+200F RLM, U+202A–U+202E embeddings/overrides,
 * U+2066–U+2069 isolates) plus zero-width characters (U+200C ZWNJ, U+200D ZWJ, U+2060 WJ, U+FEFF BOM, U+00AD
 * soft hyphen), and every other Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties: U+180E, U+034F,
 * variation selectors, the tag characters U+E0000–U+E007F that can smuggle hidden ASCII, found by the twentieth break
 * test). They are invisible, so users paste them by accident; removed (not spaced) because they can sit
 * inside a word. U+200B ZERO WIDTH SPACE is the exception: it is a word boundary (Unicode line-breaking class ZW),
 * and some keyboards and pastes use it between words ("ماذا\u200Bقال\u200Bالأسد"), so it becomes a space.
 * Loses: nothing visible.
 */
export function removeInvisibles(text: string): string {
  return text.replace(/\u200B/g, ' ').replace(/\p{Default_Ignorable_Code_Point}/gu, '');
}

/**
 * Tatweel / kashida (U+0640): a stretching character with no meaning (المقـــداد = المقداد). Loses nothing.
 */
export function removeTatweel(text: string): string {
  return text.replace(/\u0640/g, '');
}

/**
 * Chat elongation: an Arabic letter typed three or more times in a row (مااااذا, الأسسسد) stands for one. Arabic
 * spelling doubles a letter at most (ممكن; a geminate is one letter with shadda), so a run of three is never a word's
 * own spelling. Arabic letters U+0621–U+064A; Latin is left alone ("good" and "so" elongate alike).
 */
export function collapseElongation(text: string): string {
  return text.replace(/([\u0621-\u064A])\1{2,}/g, '$1');
}

/**
 * Arabic diacritics (harakat): fathatan..sukun U+064B–U+0652, the extended marks U+0653 (maddah above),
 * U+0655–U+065F, superscript alef U+0670, and Quranic annotation marks U+06D6–U+06ED. Most text omits
 * them, so a vocalized question (قالَ فالِح) must match unvocalized text. U+0654 (hamza above) is not here:
 * NFKC has already composed it onto its seat. Loses: vowel distinctions (كَتب/كُتب), irrelevant for keys.
 */
export function removeDiacritics(text: string): string {
  return text.replace(/[\u064B-\u0653\u0655-\u065F\u0670\u06D6-\u06ED]/g, '');
}

/**
 * Alef/hamza folding: أ إ آ ٱ (U+0623, U+0625, U+0622, U+0671) and a bare U+0654/U+0655 left after NFKC
 * → ا; ؤ (U+0624) → و; ئ (U+0626) → ي; a hamza written on the line (ء U+0621) before ي or و takes that letter,
 * as the seat it lacks (رءيس = رئيس → رييس, مسءول = مسؤول → مسوول); any other ء is dropped. Writers are careless
 * with hamza seats (the article itself writes الاسد and الأسد). Loses: hamza distinctions (أمل/امل, سأل/سال).
 */
export function foldAlefHamza(text: string): string {
  return text
    .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, 'ا')
    .replace(/\u0624/g, 'و')
    .replace(/\u0626/g, 'ي')
    .replace(/\u0621(?=[\u064A\u0648])/g, (_hamza, offset: number, whole: string) => whole.charAt(offset + 1))
    .replace(/[\u0621\u0654\u0655]/g, '');
}

/**
 * Alef maksura ى (U+0649) → ي (U+064A): often swapped in writing (علي/على). Loses: على vs علي.
 */
export function foldAlefMaksura(text: string): string {
  return text.replace(/\u0649/g, 'ي');
}

/**
 * Teh marbuta ة (U+0629) → ه (U+0647): often written as heh (المشتركه). Loses: feminine ending vs pronoun.
 */
export function foldTehMarbuta(text: string): string {
  return text.replace(/\u0629/g, 'ه');
}

/**
 * Persian/Urdu keyboard letters: ی (U+06CC FARSI YEH), ې/ۍ/ێ (U+06D0, U+06CD, U+06CE) and Urdu ے/ۓ (U+06D2, U+06D3
 * YEH BARREE) → ي; ک (U+06A9 KEHEH) → ك; ە (U+06D5), ہ/ھ (U+06C1, U+06BE), ۀ/ۂ (U+06C0, U+06C2) and Urdu ۃ (U+06C3,
 * TEH MARBUTA GOAL) → ه; گ (U+06AF GAF) → ق, as Iraqi
 * and Gulf writers use it for the dialect's g-sound of qaf (گال = قال); ڤ (U+06A4) → ف, پ (U+067E) → ب,
 * چ (U+0686) → ج. Users on Persian layouts type
 * them for Arabic letters. Loses: distinctions that only matter in those languages.
 */
export function foldPersianLetters(text: string): string {
  return text
    .replace(/\u06AF/g, 'ق')
    .replace(/\u06A4/g, 'ف')
    .replace(/\u067E/g, 'ب')
    .replace(/\u0686/g, 'ج')
    .replace(/[\u06CC\u06D0\u06CD\u06CE\u06D2\u06D3]/g, 'ي')
    .replace(/\u06A9/g, 'ك')
    .replace(/[\u06D5\u06C1\u06BE\u06C0\u06C2\u06C3]/g, 'ه');
}

/**
 * Arabic-Indic digits ٠–٩ (U+0660–U+0669) and Persian digits ۰–۹ (U+06F0–U+06F9) → ASCII 0–9, so ٦٠٥
 * matches 605. Also the Arabic decimal/thousands separators (U+066B, U+066C) → '.' and ','. Loses nothing.
 */
export function foldDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066B/g, '.')
    .replace(/\u066C/g, ',');
}

/**
 * Latin: lowercase, then strip combining marks (U+0300–U+036F after NFD) so "Fayyāḍ" and "FAYYAD" both give
 * "fayyad". Arabic letters are untouched (NFD is applied to Latin runs only, so alef forms stay composed).
 * Loses: case and Latin accents.
 */
export function foldLatin(text: string): string {
  return text.replace(/[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+/g, (run) =>
    run
      .normalize('NFD')
      .replace(/[\u0300-\u036F]/g, '')
      .toLowerCase(),
  );
}

/**
 * Punctuation, symbols and odd spaces → one ASCII space. Combining marks left by the earlier steps (category M:
 * marks of other scripts, a flood of U+0300s on an Arabic letter) are removed first; then anything that is not
 * a letter or a digit (Unicode categories L, N) becomes a space, then runs of spaces collapse and the ends
 * are trimmed. Covers Arabic punctuation (، ؛ ؟ U+060C, U+061B, U+061F), quotes, emoji, NBSP (U+00A0),
 * the U+2000–U+200A spaces and U+3000. Loses: punctuation, which carries no matching meaning here.
 */
export function collapsePunctuationAndSpaces(text: string): string {
  return text
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .normalize('NFKC'); // removals can bring composable characters together (Hangul jamo): keep the key stable
}

/**
 * The letter folds of `normalize`, in order, without its last step (punctuation to spaces): for readers that keep
 * punctuation, such as the paragraph-request grammar.
 */
/**
 * "US", "U.S.", "U.S.A." in capitals, in a message that is not all capitals, is the country: "USA" (lowercased next),
 * which is no pronoun "us". "TELL US WHAT ASSAD SAID" is shouting, and left as it is.
 */
export function spellTheUs(text: string): string {
  if (!/\bU\.?S\b/.test(text) || !/[a-z\u0600-\u06FF]/.test(text)) return text;
  return text.replace(/\bU\.?S\.?(?:A\b\.?)?(?![\w.])/g, 'USA');
}

export const LETTER_FOLDS: ReadonlyArray<(text: string) => string> = Object.freeze([
  applyNfkc,
  removeInvisibles,
  removeTatweel,
  removeDiacritics,
  foldAlefHamza,
  foldAlefMaksura,
  foldTehMarbuta,
  foldPersianLetters,
  foldDigits,
  spellTheUs,
  foldLatin,
  // After the folds, which can make a run (الطائيي → الطاييي): collapsing first left normalize not idempotent.
  collapseElongation,
]);

/**
 * "ماذاقال الأسد", "شوقال": a question word typed onto the verb of saying after it (a missed space, common on phone
 * keyboards) is split from it. Runs on folded text, so one spelling of each covers the hamza and teh-marbuta variants.
 */
function splitGluedQuestionWord(text: string): string {
  return text.replace(GLUED_QUESTION_WORD, '$1$2 $3');
}

const GLUED_QUESTION_WORD = /(^| )(ماذا|شو|ايش|وش|شنو)(قال|قالت|يقول|تقول|حكي|حكت|صرح|ذكر)(?= |$)/g;

/** The normalization steps in the order `normalize` applies them (exported for tests and documentation). */
export const NORMALIZATION_STEPS: ReadonlyArray<(text: string) => string> = Object.freeze([
  ...LETTER_FOLDS,
  collapsePunctuationAndSpaces,
  splitGluedQuestionWord,
  numbersAsDigits,
]);

/**
 * normalize's results for short texts while an index is built (see `withNormalizeMemo`): building it normalizes each
 * curated question, term and word two or three times (13,000 calls, 5,800 texts), which a cold process pays before
 * its first answer. Undefined otherwise: questions are not remembered, so the heap holds nothing per question asked.
 */
let normalizedMemo: Map<string, string> | undefined;
const NORMALIZED_MEMO_MAX_CHARS = 300;

/**
 * Runs `build` with normalize remembering its results for texts of up to 300 characters, then forgets them (also
 * when `build` throws). Nested calls share the outer memo. Returns what `build` returns.
 */
export function withNormalizeMemo<T>(build: () => T): T {
  const outer = normalizedMemo;
  normalizedMemo = outer ?? new Map();
  try {
    return build();
  } finally {
    normalizedMemo = outer;
  }
}

/**
 * The matching key of any text: all steps above, in order. Idempotent (normalize(normalize(x)) ===
 * normalize(x)); the result holds letters (Arabic folded, Latin lowercased and unaccented, other scripts as
 * given), digits (Arabic-Indic and Persian ones as ASCII) and single spaces.
 * Never throws; an input of only marks and punctuation gives ''.
 */
export function normalize(text: string): string {
  const memo = normalizedMemo;
  if (memo === undefined || text.length > NORMALIZED_MEMO_MAX_CHARS) return applySteps(text);
  const remembered = memo.get(text);
  if (remembered !== undefined) return remembered;
  const out = applySteps(text);
  memo.set(text, out);
  return out;
}

function applySteps(text: string): string {
  let out = text;
  for (const step of NORMALIZATION_STEPS) out = step(out);
  return out;
}
