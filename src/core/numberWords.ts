/**
 * Number words of English, Modern Standard Arabic, the dialects and Arabizi, by value, in normalize.ts's folded
 * spelling (ة as ه, أ إ آ as ا, ى as ي, Latin lowercase); read by the paragraph-request grammar and by
 * {@link numbersAsDigits}, which writes a question's spelt-out numbers as the digits the article uses.
 *
 * Sources: English cardinals and ordinals; Modern Standard Arabic cardinals and the فاعل-pattern ordinals of 2–10
 * (with أول/أولى and حادي for 1, compounds 11–19 as unit + عشر/عشرة, tens with و); dialect forms as the bot's users
 * write them (Levantine and Egyptian تاني/تالت/تامن, fused teens حداشر, اتناشر, اربعطعش, hundreds fused to their
 * unit: ستمية); Arabizi, the Latin-letter chat spelling (2 for hamza, 3 for ع, 5 and kh for خ, 7 for ح).
 */

/** Number words by value, in one language: `ordinals` can say "the Nth from the last", `cardinals` cannot. */
export interface NumberWords {
  readonly ordinals: Readonly<Record<number, readonly string[]>>;
  readonly cardinals: Readonly<Record<number, readonly string[]>>;
}

/** English 0–19, the tens and 100 ("a hundred"); "twenty-first" is composed (tens + unit), not listed. */
export const ENGLISH: NumberWords = {
  ordinals: {
    1: ['first'],
    2: ['second'],
    3: ['third'],
    4: ['fourth', 'forth'],
    5: ['fifth'],
    6: ['sixth'],
    7: ['seventh'],
    8: ['eighth'],
    9: ['ninth', 'nineth'],
    10: ['tenth'],
    11: ['eleventh'],
    12: ['twelfth', 'twelveth', 'twelth'],
    13: ['thirteenth'],
    14: ['fourteenth'],
    15: ['fifteenth'],
    16: ['sixteenth'],
    17: ['seventeenth'],
    18: ['eighteenth'],
    19: ['nineteenth'],
    20: ['twentieth'],
    30: ['thirtieth'],
    40: ['fortieth'],
    50: ['fiftieth'],
    60: ['sixtieth'],
    70: ['seventieth'],
    80: ['eightieth'],
    90: ['ninetieth'],
    100: ['hundredth'],
  },
  cardinals: {
    0: ['zero', 'nil'],
    1: ['one'],
    2: ['two'],
    3: ['three'],
    4: ['four'],
    5: ['five'],
    6: ['six'],
    7: ['seven'],
    8: ['eight'],
    9: ['nine'],
    10: ['ten'],
    11: ['eleven'],
    12: ['twelve'],
    13: ['thirteen'],
    14: ['fourteen'],
    15: ['fifteen'],
    16: ['sixteen'],
    17: ['seventeen'],
    18: ['eighteen'],
    19: ['nineteen'],
    20: ['twenty'],
    30: ['thirty'],
    40: ['forty', 'fourty'],
    50: ['fifty'],
    60: ['sixty'],
    70: ['seventy'],
    80: ['eighty'],
    90: ['ninety'],
    100: ['hundred'],
  },
};

/**
 * Arabic, folded, without the article (the grammar allows ال before any of them). 11–19 are composed: a unit
 * then عشر/عشره ("الخامسه عشره"), or one of the fused dialect words below; 21–99: a unit, و, a ten. 100 is مئة
 * and مائة as folded (ميه, مايه).
 */
export const ARABIC: NumberWords = {
  ordinals: {
    1: ['اول', 'اولي'],
    2: ['ثاني', 'ثانيه', 'تاني', 'تانيه'],
    3: ['ثالث', 'ثالثه', 'تالت', 'تالته'],
    4: ['رابع', 'رابعه'],
    5: ['خامس', 'خامسه'],
    6: ['سادس', 'سادسه'],
    7: ['سابع', 'سابعه'],
    8: ['ثامن', 'ثامنه', 'تامن', 'تامنه'],
    9: ['تاسع', 'تاسعه'],
    10: ['عاشر', 'عاشره'],
  },
  cardinals: {
    0: ['صفر'],
    1: ['واحد', 'واحده'],
    2: ['اثنين', 'اثنان', 'اتنين', 'تنين', 'اثنتين', 'اثنتان', 'ثنتين'],
    3: ['ثلاثه', 'ثلاث', 'تلاته', 'تلات'],
    4: ['اربعه', 'اربع'],
    5: ['خمسه', 'خمس'],
    6: ['سته', 'ست'],
    7: ['سبعه', 'سبع'],
    8: ['ثمانيه', 'ثماني', 'ثمان', 'تمانيه', 'تمنيه', 'تمن', 'تمان'],
    9: ['تسعه', 'تسع'],
    10: ['عشره', 'عشر'],
    20: ['عشرون', 'عشرين'],
    30: ['ثلاثون', 'ثلاثين', 'تلاتين'],
    40: ['اربعون', 'اربعين'],
    50: ['خمسون', 'خمسين'],
    60: ['ستون', 'ستين'],
    70: ['سبعون', 'سبعين'],
    80: ['ثمانون', 'ثمانين', 'تمانين'],
    90: ['تسعون', 'تسعين'],
    100: ['ميه', 'مايه'],
  },
};

/** Forms of 1 and 2 that stand only before عشر or a ten: الحادية عشرة, أحد عشر, اثنا عشر, الحادي والعشرون. */
export const ARABIC_COMPOUND_UNITS: Readonly<Record<number, readonly string[]>> = {
  1: ['حادي', 'حاديه', 'احد', 'احدي'],
  2: ['اثنا', 'اثني', 'اثنتا', 'اثنتي'],
};

/** Arabizi: Levantine and Gulf chat spellings, ordinals and cardinals (the grammar allows "el"/"l" before them). */
export const ARABIZI: NumberWords = {
  ordinals: {
    1: ['awwal', 'awal', '2awwal', '2awal', 'awel', 'ula', 'oula', 'oola', 'ola', '2ula', '2ola', '2oula', 'awla'],
    2: ['tani', 'tane', 'tanye', 'tanya', 'tenye', 'tania', 'taniya', 'tanieh', 'thani', 'thanye', 'thanya'],
    3: ['talet', 'talit', 'talte', 'talta', 'taltah', 'talteh', 'thalith', 'thalitha', 'thaltha', 'thalte'],
    4: ['rabe3', 'rabi3', 'rab3a', 'rab3e', 'rabe3a', 'rabi3a', 'rab3ah'],
    5: ['khames', 'khamis', 'khamesa', 'khamisa', '5ames', '5amis'],
    6: ['sades', 'sadis', 'sadse', 'sadsa', 'sadisa', 'sadesa'],
    7: ['sabe3', 'sabi3', 'sabe3a', 'sabi3a'],
    8: ['tamen', 'tamin', 'tamne', 'tamna', 'tamena', 'thamin', 'thamina', 'thamne', 'thamen'],
    9: ['tase3', 'tasi3', 'tas3a', 'tas3e', 'tase3a', 'tasi3a'],
    10: ['3asher', '3ashir', '3ashira', '3ashera'],
  },
  cardinals: {
    0: ['sifr', 'sefr'],
    1: ['wa7ad', 'wa7ed', 'wahad', 'wahed', 'wa7de', 'wa7da', 'wahda'],
    2: ['tnen', 'tnein', 'tneen', 'itnen', 'etnen', 'itnein', 'etnein', 'ithnain', 'tnain'],
    3: ['tlete', 'tlate', 'tlata', 'talata', 'thalatha', 'tleteh', 'tlet', 'tlat'],
    4: ['arba3a', 'arb3a', 'arba3', 'arbaa', 'arbe3', 'arb3'],
    5: ['khamse', 'khamsa', '5amse', '5amsa', 'khams', '5ams'],
    6: ['sitte', 'sitta', 'sette', 'setta', 'sitt', 'sett'],
    7: ['sab3a', 'sab3e', 'sab3', 'saba3'],
    8: ['tmene', 'tmane', 'tmenye', 'tamanye', 'tamanya', 'thamanya', 'tmanye', 'tmanya', 'tman', 'tmen'],
    9: ['tis3a', 'tes3a', 'tis3', 'tes3', 'tis3e', 'tes3e'],
    10: ['3ashra', '3ashara', '3ashr', '3ashre', '3ashar'],
    20: ['3ishrin', '3eshrin', '3ushrin', '3ishreen', '3eshreen'],
    30: ['tletin', 'tlatin', 'talatin', 'thalathin', 'tleteen', 'tlateen'],
    40: ['arb3in', 'arba3in', 'arb3een', 'arba3een'],
    50: ['khamsin', '5amsin', 'khamseen', '5amseen'],
    60: ['sittin', 'settin', 'sitteen', 'setteen'],
    70: ['sab3in', 'saba3in', 'sab3een'],
    80: ['tmenin', 'tamanin', 'tmanin', 'thamanin', 'tmeneen'],
    90: ['tis3in', 'tes3in', 'tis3een'],
  },
};

/**
 * Fused dialect teens, 11–19: a stem, then -طعش/-تاشر/-اشر/-عش in Arabic script (حداشر, اتناشر, تلطاشر, اربعطعش,
 * ستاشر) or -ta3sh/-a3sh/-ash in Arabizi (7da3sh, tna3sh, arba3ta3sh, khamsta3sh).
 */
export const FUSED_TEENS: ReadonlyArray<readonly [number, string, string]> = [
  [11, 'ا?حد', '[ie]?[7h]i?d'],
  [12, 'ا?[تثط]ن', '[ie]?th?n'],
  [13, '[تث]لا?[تثط]', 'th?[ae]?l[ae]?tt?'],
  [14, 'اربع', 'arb[ae]?3?'],
  [15, 'خمس', '(?:kh|5)[ae]?m[aie]?s'],
  [16, 'س', 's[ie]tt?'],
  [17, 'سبع', 'sab[ae]?3?'],
  [18, '[تث]ما?ن', 'th?[ae]?m[ae]?n'],
  [19, 'تسع', 't[ie]s[ae]?3?'],
];
export const FUSED_TEEN = FUSED_TEENS.map(
  ([value, arabic, arabizi]) =>
    [value, new RegExp(`^(?:${arabic})[تط]?ا?(?:شر|عش)$|^(?:${arabizi})t?a{0,2}3?(?:sh|ch)$`)] as const,
);

/** Every word with its value, each language's table merged (no spelling has two values). */
export const VALUE_OF = new Map<string, number>(
  [ENGLISH, ARABIC, ARABIZI]
    .flatMap((words) => [words.ordinals, words.cardinals])
    .concat(ARABIC_COMPOUND_UNITS)
    .flatMap((table) =>
      Object.entries(table).flatMap(([value, words]) => words.map((w) => [w, Number(value)] as const)),
    ),
);

/** The words of one table whose values pass `keep`. */
export function wordsOf(
  table: Readonly<Record<number, readonly string[]>>,
  keep: (value: number) => boolean,
): string[] {
  return Object.entries(table).flatMap(([value, words]) => (keep(Number(value)) ? words : []));
}

export const isUnit = (v: number) => v >= 1 && v <= 9;
export const isTen = (v: number) => v >= 20 && v <= 90 && v % 10 === 0;
export const any = () => true;

/** One number word, with its Arabic article or conjunction (الخامسه, والعشرون) or Arabizi article (l2ula) off. */
export function valueOfWord(word: string): number | undefined {
  for (const form of [word, word.replace(/^و?(?:ال)?/, ''), word.replace(/^(?:el|il|al|l|'l)-?/, '')]) {
    const value = VALUE_OF.get(form);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Words joining the parts of a number: "and", و (alone or fused to the next word), Arabizi w/wa/u/o. */
const CONNECTOR = /^(?:and|w|wa|we|u|o|و)$/;

/** A hundred: English, Arabic مئة/مائة as folded (ميه, مايه), Arabizi; 200 is their dual. */
const HUNDRED = new Set(['hundred', 'ميه', 'مايه', 'miye', 'miyye', 'meyye', 'mia', 'miya', 'myye', 'mieh', 'miyeh']);
const TWO_HUNDRED = new Set(['ميتين', 'مايتين', 'ميتان', 'mitein', 'miten', 'mitten', 'mitain', 'meten', 'mteen']);
/** A unit fused to مية in one word (ستمية, ثلاثمائة, "sittmiye"): its stems, by value. */
const FUSED_HUNDRED: ReadonlyArray<readonly [number, RegExp]> = [
  [3, /^(?:ثلاث|ثلث|تلات|تلت)(?:ميه|مايه)$|^(?:tlat|tlet|tlt|talat|thalath)m[ie]y{0,2}[ae]h?$/],
  [4, /^(?:اربع)(?:ميه|مايه)$|^(?:arba3|arb3|arba)m[ie]y{0,2}[ae]h?$/],
  [5, /^(?:خمس)(?:ميه|مايه)$|^(?:khams|5ams|khoms|5oms)m[ie]y{0,2}[ae]h?$/],
  [6, /^(?:ست)(?:ميه|مايه)$|^(?:sitt?|sett?)m[ie]y{0,2}[ae]h?$/],
  [7, /^(?:سبع)(?:ميه|مايه)$|^(?:sab3|saba3|sob3)m[ie]y{0,2}[ae]h?$/],
  [8, /^(?:ثمان|ثمن|تمن|تمان)(?:ميه|مايه)$|^(?:tman|tmen|tamn|thaman|tomn)m[ie]y{0,2}[ae]h?$/],
  [9, /^(?:تسع)(?:ميه|مايه)$|^(?:tis3|tes3|tos3)m[ie]y{0,2}[ae]h?$/],
];
/** A thousand (آلاف, its plural, after a unit), and 2000, the dual. */
const THOUSAND = new Set(['thousand', 'الف', 'الاف', 'alf', 'alaf', 'aalaf']);
const TWO_THOUSAND = new Set(['الفين', 'الفان', 'alfen', 'alfein', 'alfain', 'alfeen']);
/** عشر/عشرة after a unit make 11–19 (خمسة عشر, احدى عشرة). */
const TEEN_TEN = new Set(['عشر', 'عشره']);

/** A part of a number read from position `at`: its value, where it ends, and whether it was more than one word. */
interface Part {
  value: number;
  end: number;
  compound: boolean;
}

/** Proclitics a number word can carry in Arabic (و "and", ب "on/in", ل "to", ال), longest first. */
const NUMBER_PROCLITICS = ['وبال', 'بال', 'وال', 'لل', 'ال', 'وب', 'ول', 'ب', 'ل', 'و'];

/** isNumberWord's answers by word, up to {@link MEMO_SIZE} words (users type unbounded vocabularies). */
const numberWordMemo = new Map<string, boolean>();
const MEMO_SIZE = 20_000;

/** Whether a bare word is a number word of any table here (memoized: normalize runs this on every word). */
function isNumberWord(word: string): boolean {
  const known = numberWordMemo.get(word);
  if (known !== undefined) return known;
  const is = looksUpNumberWord(word);
  if (numberWordMemo.size < MEMO_SIZE) numberWordMemo.set(word, is);
  return is;
}

function looksUpNumberWord(word: string): boolean {
  return (
    valueOfWord(word) !== undefined ||
    HUNDRED.has(word) ||
    TWO_HUNDRED.has(word) ||
    THOUSAND.has(word) ||
    TWO_THOUSAND.has(word) ||
    ANY_FUSED.test(word)
  );
}

/** Every fused teen and fused hundred in one pattern: one test per word on the hot path (normalize runs this). */
const ANY_FUSED = new RegExp([...FUSED_TEEN, ...FUSED_HUNDRED].map(([, pattern]) => `(?:${pattern.source})`).join('|'));

/** The word at `at` without its proclitics ("وخمسه" → "خمسه", "بالفين" → "الفين") when what remains is a number. */
function bareWord(tokens: readonly string[], at: number): string | undefined {
  const word = tokens[at];
  if (word === undefined || isNumberWord(word)) return word;
  if (!/^[وبلا]/.test(word)) return word;
  const proclitic = NUMBER_PROCLITICS.find((p) => word.startsWith(p) && isNumberWord(word.slice(p.length)));
  return proclitic === undefined ? word : word.slice(proclitic.length);
}

/** Where the next part starts: after a connector word, or at `at` when the next word carries a fused و or none. */
function afterConnector(tokens: readonly string[], at: number): number {
  return CONNECTOR.test(tokens[at] ?? '') ? at + 1 : at;
}

/** 1–99 from `at`: a unit, a teen (fused or unit + عشر), a ten, unit and ten (خمسة وعشرين), ten and unit. */
function readBelowHundred(tokens: readonly string[], at: number): Part | undefined {
  const word = bareWord(tokens, at);
  if (word === undefined) return undefined;
  const fused = FUSED_TEEN.find(([, pattern]) => pattern.test(word));
  if (fused) return { value: fused[0], end: at + 1, compound: false };
  const value = valueOfWord(word);
  if (value === undefined || value < 1 || value > 90) return undefined;
  if (isUnit(value) && TEEN_TEN.has(tokens[at + 1] ?? '')) return { value: 10 + value, end: at + 2, compound: true };
  if (isUnit(value)) {
    const next = afterConnector(tokens, at + 1);
    const ten = valueOfWord(bareWord(tokens, next) ?? '');
    if (next > at + 1 || tokens[next]?.startsWith('و')) {
      if (ten !== undefined && isTen(ten)) return { value: value + ten, end: next + 1, compound: true };
    }
    return { value, end: at + 1, compound: false };
  }
  if (isTen(value)) {
    const unit = valueOfWord(tokens[at + 1] ?? '');
    if (unit !== undefined && isUnit(unit) && /^[a-z]/.test(tokens[at + 1] ?? '')) {
      return { value: value + unit, end: at + 2, compound: true };
    }
  }
  return { value, end: at + 1, compound: false };
}

/** 1–999 from `at`: hundreds (a unit and "hundred", a fused ستمية, the dual ميتين) then 1–99 after a connector. */
function readBelowThousand(tokens: readonly string[], at: number): Part | undefined {
  const word = bareWord(tokens, at) ?? '';
  let hundreds: Part | undefined;
  const fused = FUSED_HUNDRED.find(([, pattern]) => pattern.test(word));
  if (fused) hundreds = { value: fused[0] * 100, end: at + 1, compound: true };
  else if (TWO_HUNDRED.has(word)) hundreds = { value: 200, end: at + 1, compound: true };
  else {
    const unit = word === 'a' ? 1 : valueOfWord(word);
    if (unit !== undefined && isUnit(unit) && HUNDRED.has(tokens[at + 1] ?? '')) {
      hundreds = { value: unit * 100, end: at + 2, compound: true };
    } else if (HUNDRED.has(word)) hundreds = { value: 100, end: at + 1, compound: false };
  }
  if (hundreds === undefined) return readBelowHundred(tokens, at);
  const rest = readBelowHundred(tokens, afterConnector(tokens, hundreds.end));
  return rest === undefined ? hundreds : { value: hundreds.value + rest.value, end: rest.end, compound: true };
}

/** "twenty fourteen", "twenty eleven": an English year read in two halves (20 and 10–99), 2010–2099. */
function readSpokenYear(tokens: readonly string[], at: number): Part | undefined {
  if (tokens[at] !== 'twenty') return undefined;
  const rest = readBelowHundred(tokens, at + 1);
  if (rest === undefined || rest.value < 10 || !/^[a-z]/.test(tokens[at + 1] ?? '')) return undefined;
  return { value: 2000 + rest.value, end: rest.end, compound: true };
}

/** A whole number from `at`, up to 9,999: [1–9] thousand (alone, one; the dual الفين, two), then 1–999. */
function readNumber(tokens: readonly string[], at: number): Part | undefined {
  const first = bareWord(tokens, at) ?? '';
  let thousands: Part | undefined;
  if (TWO_THOUSAND.has(first)) thousands = { value: 2000, end: at + 1, compound: true };
  else if (THOUSAND.has(first)) thousands = { value: 1000, end: at + 1, compound: false };
  else {
    const multiplier = readBelowThousand(tokens, at);
    if (multiplier !== undefined && multiplier.value < 10 && THOUSAND.has(tokens[multiplier.end] ?? '')) {
      thousands = { value: multiplier.value * 1000, end: multiplier.end + 1, compound: true };
    } else if (multiplier !== undefined) return multiplier;
  }
  if (thousands === undefined) return undefined;
  const rest = readBelowThousand(tokens, afterConnector(tokens, thousands.end));
  return rest === undefined ? thousands : { value: thousands.value + rest.value, end: rest.end, compound: true };
}

/**
 * Numbers spelt out in words, written as digits, as the article writes them: "ستمية وخمسة" and "sitt miye w 5amse"
 * → "605", "two thousand fourteen" → "2014", "الخامس والعشرين" → "25". Only numbers of more than one part (or a
 * unit fused to مية, or the duals ميتين/الفين) are rewritten: a single word stays a word, since many are also
 * ordinary ones ("one", ست "lady", ميه "water", "second"). Takes and gives normalized text; idempotent (digits are
 * never read again).
 */
export function numbersAsDigits(normalized: string): string {
  if (normalized === '') return normalized;
  const tokens = normalized.split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    // Every number starts with a number word ("a hundred" with "a"): most words are tried once and passed.
    const starts = tokens[i] === 'a' || isNumberWord(bareWord(tokens, i) ?? '');
    const number = starts ? (readSpokenYear(tokens, i) ?? readNumber(tokens, i)) : undefined;
    if (number?.compound && number.end > i) {
      out.push(String(number.value));
      i = number.end;
    } else {
      out.push(tokens[i] as string);
      i++;
    }
  }
  return out.join(' ');
}

/** Ordinal words by value (English, Arabic, Arabizi), from the tables above. */
const ORDINAL_VALUE = new Map<string, number>(
  [ENGLISH, ARABIC, ARABIZI].flatMap((table) =>
    Object.entries(table.ordinals).flatMap(([value, words]) => words.map((w) => [w, Number(value)] as const)),
  ),
);

/**
 * An ordinal's value: a normalized word of the ordinal tables, its article off ("الثالث", "el tanye"), or "3rd";
 * undefined for anything else (cardinals included: "three" is no rank).
 */
export function ordinalValue(word: string): number | undefined {
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  if (digits) return Number(digits[1]);
  return ORDINAL_VALUE.get(word.replace(/^(?:ال|el|al)/, ''));
}
