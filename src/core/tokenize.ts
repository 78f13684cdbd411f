/**
 * Tokenization and light stemming of normalized text (see normalize.ts), for Arabic, English and Arabizi.
 *
 * Every function here takes text already passed through `normalize`, so it only ever sees lowercase Latin,
 * ASCII digits, Arabic letters in folded form (ا not أ, ي not ى, ه not ة) and single spaces.
 */

const ARABIC_LETTER = /[\u0621-\u064A]/;
const LATIN_LETTER = /[a-z]/;

/** Which script a token is written in. Arabizi tokens are Latin tokens (digits like 3, 7 inside are letters). */
export type TokenScript = 'arabic' | 'latin' | 'number';

/** A token's script: 'arabic' when it has an Arabic letter, 'latin' when it has a Latin letter, else 'number'. */
export function scriptOf(token: string): TokenScript {
  if (ARABIC_LETTER.test(token)) return 'arabic';
  if (LATIN_LETTER.test(token)) return 'latin';
  return 'number';
}

/**
 * Splits normalized text into tokens at spaces, and splits a token where Arabic meets Latin or a number
 * meets Arabic ("605كم" → "605", "كم"), since users run them together; likewise a number of three or more digits
 * and Latin letters ("605km", "km605"). Arabizi digits inside Latin words ("3abadi", "7doud", "ra22a" for الرقة) stay
 * attached: in Arabizi they are letters.
 */
export function tokenize(normalized: string): string[] {
  if (normalized === '') return [];
  const tokens: string[] = [];
  for (const word of normalized.split(' ')) {
    for (const part of word.split(
      /(?<=[\u0621-\u064A])(?=[a-z0-9])|(?<=[a-z0-9])(?=[\u0621-\u064A])|(?<=\d{3})(?=[a-z])|(?<=[a-z])(?=\d{3})/,
    )) {
      if (part !== '') tokens.push(part);
    }
  }
  return tokens;
}

/**
 * Arabic proclitics, longest first: conjunction و/ف + preposition ب/ك/ل + article ال, in the combinations
 * that occur (Larkey, Ballesteros & Connell 2002, "light10", extended with فب, وب, ول, فل, وك). The ones
 * without ال are only removed when a stem of at least 3 letters remains, because many words start with
 * those letters (بلاد, وزير, فالح).
 */
const DEFINITE_PREFIXES = ['وبال', 'فبال', 'وكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'عال', 'لل', 'ال'];

/**
 * How many letters must remain after a definite prefix for it to be removed: 2, but 3 after the dialect عال
 * (على + ال, "عالموصل", "عالحدود") so عالم "world" and عالي "high" keep their letters.
 */
function definitePrefixOf(token: string): string | undefined {
  return DEFINITE_PREFIXES.find((p) => token.startsWith(p) && token.length - p.length >= (p === 'عال' ? 3 : 2));
}
// A bare و/ف is removed whenever 3 letters remain, so a few words that merely start with them are over-stemmed
// (وزير → زير, فالح → الح). It happens identically to the article and the question, so matching is unaffected;
// names are matched through the speaker lexicon anyway.
const CONJUNCTIONS = ['و', 'ف'];
const PREPOSITIONS = ['ب', 'ل', 'ك'];
/**
 * Dialect future markers fused to a present-tense verb: Egyptian ه and Levantine ح (هيزور, حيزور "will visit").
 * Read off only before a present-tense prefix (ي ت ن) with at least 3 letters after it, so حيدر and حاليا keep their
 * letters.
 */
const FUTURE_PREFIXES = ['ه', 'ح'];
const IMPERFECT = /^[يتن].{3,}/;

/**
 * Arabic enclitic pronouns (هما كما هم هن ها نا كم ه, and the Levantine و "his": رسالتو, منصبو), then inflection endings (dual/plural تين تان ات ون ين ان,
 * nisba يه ي, feminine ه, past-tense ت), longest first (light10 extended). One of each is removed, pronoun first
 * (غاراته → غارات → غار), each only while at least 3 letters remain, so short roots survive.
 */
const PRONOUN_SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'ها', 'نا', 'كم', 'ه', 'و'];
const INFLECTION_SUFFIXES = ['تين', 'تان', 'ات', 'ون', 'ين', 'ان', 'يه', 'ي', 'ه', 'ت'];

/**
 * Light stem of a normalized Arabic token: strips at most one proclitic group, then at most one pronoun
 * suffix and one inflection suffix (see `PRONOUN_SUFFIXES`).
 * E.g. والعراقي → عراق, البلدين → بلد, حربهما → حرب, بالتنظيمات → تنظيم. Not a root extractor: it merges
 * inflections of one word, never different words of one root (which would hurt precision in a 14-paragraph text).
 * A bare preposition (ب ل ك without ال) is ambiguous (بحث is a word, ب+حث is not), so it is kept here;
 * `alternateStem` gives the other reading.
 */
export function stemArabic(token: string): string {
  let stem = token;
  const definite = definitePrefixOf(stem);
  if (definite) {
    stem = stem.slice(definite.length);
  } else {
    const conjunction = CONJUNCTIONS.find((p) => stem.startsWith(p) && stem.length - p.length >= 3);
    if (conjunction) stem = stem.slice(conjunction.length);
  }
  return stripSuffix(stem);
}

/** A normalized Arabic token without its definite article and any proclitic before it (والقتلى → قتلي). */
export function withoutDefiniteArticle(token: string): string {
  const definite = definitePrefixOf(token);
  return definite ? token.slice(definite.length) : token;
}

/**
 * The other reading of an ambiguous prefix, when there is one: a bare preposition ب/ل/ك or a dialect future
 * marker ه/ح (after an optional و/ف) removed (لتسليح → تسليح, وبقصف → قصف, هيزور → يزور), else a و/ف that `stemArabic` removed kept as part of the word
 * (وصلت "arrived" → وصل, not صلت). Undefined when the token has no such prefix or too little would remain.
 */
export function alternateStem(token: string): string | undefined {
  let rest = token;
  if (definitePrefixOf(rest) !== undefined) return undefined;
  const conjunction = CONJUNCTIONS.find((p) => rest.startsWith(p) && rest.length - p.length >= 4);
  if (conjunction) rest = rest.slice(1);
  const preposition = PREPOSITIONS.find((p) => rest.startsWith(p) && rest.length - p.length >= 3);
  if (preposition || (FUTURE_PREFIXES.includes(rest[0] ?? '') && IMPERFECT.test(rest.slice(1)) && rest.length >= 5)) {
    return stripSuffix(rest.slice(1));
  }
  const strippedConjunction = CONJUNCTIONS.some((p) => token.startsWith(p) && token.length - p.length >= 3);
  return strippedConjunction ? stripSuffix(token) : undefined;
}

function stripSuffix(word: string): string {
  let stem = word;
  const pronoun = PRONOUN_SUFFIXES.find((x) => stem.endsWith(x) && stem.length - x.length >= 3);
  if (pronoun) {
    stem = stem.slice(0, -pronoun.length);
    // Under a pronoun, teh marbuta is written ت (رسالته = رسالة + ه): restore it so both forms share a stem.
    if (stem.endsWith('ت') && !stem.endsWith('ات')) stem = `${stem.slice(0, -1)}ه`;
  }
  const inflection = INFLECTION_SUFFIXES.find((x) => stem.endsWith(x) && stem.length - x.length >= 3);
  if (inflection) stem = stem.slice(0, -inflection.length);
  return stem;
}

/**
 * Light English stem: possessive, plural and common verb endings (a small subset of Porter's step 1),
 * enough to merge border/borders, attack/attacked/attacking, coordinate/coordination.
 */
export function stemEnglish(token: string): string {
  let t = token;
  if (t.length <= 3) return t;
  if (t.endsWith('ies') && t.length > 4) return `${t.slice(0, -3)}y`;
  for (const suffix of ['ations', 'ation', 'ating', 'ated', 'ates', 'ate', 'ing', 'ed', 'es', 's']) {
    if (t.endsWith(suffix) && t.length - suffix.length >= 3 && !(suffix === 's' && t.endsWith('ss'))) {
      t = t.slice(0, -suffix.length);
      break;
    }
  }
  if (t.endsWith('e') && t.length > 4) t = t.slice(0, -1);
  return t;
}

/** Arabic letter → consonant class of the phonetic skeleton (see `skeleton`). Letters not listed are dropped. */
const ARABIC_SKELETON: Readonly<Record<string, string>> = {
  ب: 'b',
  ت: 't',
  ث: 't',
  ج: 'j',
  ح: 'h',
  خ: 'x',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'c',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
};

/** Latin digraphs and Arabizi digits → the same consonant classes (3, 2 and vowels are dropped like ع, ء). */
const LATIN_SKELETON_STEPS: ReadonlyArray<[RegExp, string]> = [
  // Digraphs first, to placeholders, so the single-letter steps below cannot touch them.
  [/kh|5|7'/g, 'X'],
  [/sh|ch/g, 'C'],
  [/gh|8/g, 'G'],
  // Gulf and Iraqi Arabizi write ق as g ("gal" قال, "mgdad" المقداد); غ is written gh or 8.
  [/g/g, 'k'],
  [/th|6/g, 'T'],
  [/dh/g, 'D'],
  [/7/g, 'h'],
  [/9/g, 's'],
  [/q|c/g, 'k'],
  [/p/g, 'b'],
  [/v/g, 'f'],
  [/[aeiouwy23']/g, ''],
  [/X/g, 'x'],
  [/C/g, 'c'],
  [/G/g, 'g'],
  [/T/g, 't'],
  [/D/g, 'd'],
];

/**
 * Consonant skeleton shared by Arabic script and its Latin transliterations (Arabizi and English spellings
 * of names): vowels, و/ي/ا, ع/3 and ء/2 are dropped, look-alike consonants are merged (ق/ك/q/k/g, ص/س/s,
 * ض/د/dh/d, ط/ت/th/6/t), doubled letters collapse. So العبادي, "3abadi" and "Abadi" all give "bd", and
 * المقداد, "Mekdad" and "Miqdad" give "mkd". The Arabic article ال is stripped first. Lossy on purpose: it
 * is only used to match a Latin token against Arabic vocabulary, with a penalty (see matcher).
 */
export function skeleton(token: string): string {
  let out: string;
  if (scriptOf(token) === 'arabic') {
    const bare = token.startsWith('ال') && token.length > 3 ? token.slice(2) : token;
    const trimmed = bare.length > 3 && bare.endsWith('ه') ? bare.slice(0, -1) : bare;
    out = [...trimmed].map((ch) => ARABIC_SKELETON[ch] ?? '').join('');
  } else {
    out = token.replace(/^(?:al|el|il)(?=[a-z0-9]{3,})/, '');
    for (const [pattern, replacement] of LATIN_SKELETON_STEPS) out = out.replace(pattern, replacement);
    out = out.replace(/[^a-z]/g, '');
  }
  return out.replace(/(.)\1+/g, '$1');
}
