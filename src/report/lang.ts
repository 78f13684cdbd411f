/**
 * A rough guess of a question's language tag, so the report can say under which key of `seeds/qa.json`'s
 * `questions` a phrasing belongs. Rough on purpose: the curator reads the question anyway; the guess only saves a
 * look-up. Script first (src/core/answerer.ts `detectScript`), then Arabizi by its digit-letters, then a dialect
 * by a few words that only that dialect uses.
 */
import { detectScript } from '../core/answerer.ts';
import { stripChatNoise } from '../core/noise.ts';
import { normalize } from '../core/normalize.ts';
import type { QuestionLang } from '../core/types.ts';

/**
 * A Latin word written with the digits Arabizi uses as letters (2 ء, 3 ع, 5 خ, 6 ط, 7 ح, 8 غ/ق, 9 ق/ص): `3abadi`,
 * `7doud`, `ma2al`. On normalized text (lowercase, Arabic-Indic digits folded).
 */
const ARABIZI_DIGIT_WORD = /^[a-z0-9]*(?:[a-z][2356789]|[2356789][a-z])[a-z0-9]*$/;

/** Numbers with an English suffix are not Arabizi: 605km, 3rd, 5th, 2pm, 9am. */
const NUMBER_WITH_UNIT = /^\d+(?:st|nd|rd|th|km|kms|k|m|mi|s|h|hrs|am|pm|kg|g|mm|cm|x|d)$/;

/** Frequent Arabizi function words that English does not use (spelled without digits). */
const ARABIZI_WORDS: ReadonlySet<string> = new Set([
  'shu',
  'sho',
  'shou',
  'chou',
  'chnou',
  'chno',
  'shnu',
  'shno',
  'shinu',
  'ezay',
  'ezzay',
  'izzay',
  'leh',
  'meen',
  'mino',
  'minu',
  'wesh',
  'wech',
  'wach',
  'kifash',
  'kifach',
  'feen',
  'fein',
  'shlon',
  'shaku',
  'maku',
  'mesh',
  'mish',
  'msh',
  'elli',
  'illi',
  'yalli',
  'el',
  'wel',
  'bel',
  'shkoun',
  'chkoun',
  'emta',
  'imta',
  'fel',
  'lel',
]);

/**
 * Words (normalized: ة→ه, ى→ي, hamza folded) that mark one dialect and, as far as we can tell, no other. A word
 * shared by several dialects (ليش, شلون, شنو, وين, مين) decides nothing.
 */
const DIALECT_WORDS: Readonly<Record<Exclude<QuestionLang, 'ar' | 'en' | 'arabizi'>, readonly string[]>> = {
  'ar-lev': ['شو', 'هيك', 'بدي', 'بدو', 'بدك', 'هلق', 'قديش', 'كتير', 'منيح'],
  'ar-eg': ['ايه', 'ازاي', 'ليه', 'عايز', 'عاوز', 'دلوقتي', 'بتاع', 'بتاعه', 'كده', 'مفيش', 'اهو'],
  'ar-iq': ['شكد', 'اكو', 'ماكو', 'هواي', 'دز', 'شكو', 'هسه', 'ويا'],
  'ar-gulf': ['وش', 'وايد', 'الحين', 'جذي', 'يبغي', 'ابغي', 'يبي', 'شقد'],
  'ar-ma': ['واش', 'كيفاش', 'علاش', 'بزاف', 'ديال', 'دابا', 'شحال', 'كاين', 'غادي', 'هاد', 'لاش'],
};

const DIALECT_OF: ReadonlyMap<string, QuestionLang> = new Map(
  Object.entries(DIALECT_WORDS).flatMap(([lang, words]) => words.map((w) => [w, lang as QuestionLang] as const)),
);

/** True when a normalized Latin word is Arabizi by its digits or is a frequent Arabizi-only word. */
function isArabiziWord(word: string): boolean {
  return (ARABIZI_DIGIT_WORD.test(word) && !NUMBER_WITH_UNIT.test(word)) || ARABIZI_WORDS.has(word);
}

/**
 * Guesses the `seeds/qa.json` language key of a question.
 *
 * - Latin script: `arabizi` when a word uses digits as letters (`3abadi`, not `605km`) or is a common Arabizi word
 *   (`shu`, `meen`, `ezay`), else `en`.
 * - Arabic script: a dialect (`ar-lev`, `ar-eg`, `ar-iq`, `ar-gulf`, `ar-ma`) when its marker words outnumber every
 *   other dialect's, else `ar` (Modern Standard Arabic, or a dialect we cannot tell).
 * - Mixed script: whichever script has more letters. No letters at all: undefined.
 *
 * @example guessLang('شو قال الأسد؟') // 'ar-lev'
 * @example guessLang('shu 2al el asad?') // 'arabizi'
 */
export function guessLang(typed: string): QuestionLang | undefined {
  // Terminal escapes and mentions are no words: "\x1b[2J" would read as the Arabizi-looking "2j".
  const question = stripChatNoise(typed);
  let script = detectScript(question);
  if (script === 'none') return undefined;
  if (script === 'mixed') {
    const arabic = question.match(/[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/g)?.length ?? 0;
    const latin = question.match(/[A-Za-z]/g)?.length ?? 0;
    script = arabic >= latin ? 'arabic' : 'latin';
  }
  const words = normalize(question).split(' ');
  if (script === 'latin') {
    return words.some((w) => /[a-z]/.test(w) && isArabiziWord(w)) ? 'arabizi' : 'en';
  }
  const hits = new Map<QuestionLang, number>();
  for (const word of words) {
    // A leading و ("and") or ب/ف/ل clitic does not hide the marker: وشو, بهيك.
    const lang = DIALECT_OF.get(word) ?? (/^[وبفل]../.test(word) ? DIALECT_OF.get(word.slice(1)) : undefined);
    if (lang) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
  const ranked = [...hits].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || (second && second[1] === best[1])) return 'ar';
  return best[0];
}
