import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applyNfkc,
  collapsePunctuationAndSpaces,
  foldAlefHamza,
  foldAlefMaksura,
  foldDigits,
  foldLatin,
  foldPersianLetters,
  foldTehMarbuta,
  normalize,
  removeDiacritics,
  removeInvisibles,
  removeTatweel,
  spellTheUs,
  withNormalizeMemo,
} from '../../src/core/normalize.ts';

/** Code points as `U+XXXX` words, so a failing invisible or combining character is readable in the report. */
const codePoints = (text: string): string =>
  [...text].map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

describe('applyNfkc', () => {
  test.each([
    ['lam-alef ligature ﻻ (U+FEFB)', '\uFEFB', 'لا'],
    ['lam-alef-hamza ligature ﻷ (U+FEF7)', '\uFEF7', 'لأ'],
    ['Allah ligature ﷲ (U+FDF2)', '\uFDF2', 'الله'],
    ['isolated beh presentation form ﺏ (U+FE8F)', '\uFE8F', 'ب'],
    ['alef + decomposed hamza above (U+0654)', 'ا\u0654', 'أ'],
    ['alef + decomposed hamza below (U+0655)', 'ا\u0655', 'إ'],
    ['alef + decomposed madda (U+0653)', 'ا\u0653', 'آ'],
    ['waw + decomposed hamza above', 'و\u0654', 'ؤ'],
    ['yeh + decomposed hamza above', 'ي\u0654', 'ئ'],
    ['full-width Latin', 'ＡＳＳＡＤ', 'ASSAD'],
    ['plain Arabic (unchanged)', 'الرئيس الأسد', 'الرئيس الأسد'],
  ])('when given the %s we get its base letters', (_name, input, expected) => {
    expect(codePoints(applyNfkc(input))).toBe(codePoints(expected));
  });
});

describe('removeInvisibles', () => {
  test.each([
    ['U+061C ARABIC LETTER MARK', 0x061c],
    ['U+200E LEFT-TO-RIGHT MARK', 0x200e],
    ['U+200F RIGHT-TO-LEFT MARK', 0x200f],
    ['U+202A LEFT-TO-RIGHT EMBEDDING', 0x202a],
    ['U+202B RIGHT-TO-LEFT EMBEDDING', 0x202b],
    ['U+202C POP DIRECTIONAL FORMATTING', 0x202c],
    ['U+202D LEFT-TO-RIGHT OVERRIDE', 0x202d],
    ['U+202E RIGHT-TO-LEFT OVERRIDE', 0x202e],
    ['U+2066 LEFT-TO-RIGHT ISOLATE', 0x2066],
    ['U+2067 RIGHT-TO-LEFT ISOLATE', 0x2067],
    ['U+2068 FIRST STRONG ISOLATE', 0x2068],
    ['U+2069 POP DIRECTIONAL ISOLATE', 0x2069],
    ['U+200C ZERO WIDTH NON-JOINER', 0x200c],
    ['U+200D ZERO WIDTH JOINER', 0x200d],
    ['U+2060 WORD JOINER', 0x2060],
    ['U+FEFF BYTE ORDER MARK', 0xfeff],
    ['U+00AD SOFT HYPHEN', 0x00ad],
    // Bug fixed (break20): these made «الأسد» an unknown word ("off-topic").
    ['U+180E MONGOLIAN VOWEL SEPARATOR', 0x180e],
    ['U+E0041 TAG LATIN CAPITAL LETTER A', 0xe0041],
    ['U+034F COMBINING GRAPHEME JOINER', 0x034f],
  ])('when a word holds %s, it is removed without leaving a space', (_name, code) => {
    const invisible = String.fromCodePoint(code);
    expect(removeInvisibles(`${invisible}المق${invisible}داد${invisible}`)).toBe('المقداد');
  });

  // Bug fixed: words separated by ZERO WIDTH SPACE were glued into one unknown word ("off-topic").
  test('when words are separated by U+200B ZERO WIDTH SPACE, it is a space', () => {
    expect(removeInvisibles('ماذا\u200Bقال\u200Bالأسد')).toBe('ماذا قال الأسد');
    expect(normalize('ماذا\u200Bقال\u200Bالأسد')).toBe(normalize('ماذا قال الأسد'));
  });

  // Bug fixed (break20): one Urdu-keyboard letter (ے, ہ, ۃ) made an Arabic question "not in a language I read".
  test('Urdu keyboard letters fold as Persian ones do: ے → ي, ہ and ۃ → ه', () => {
    expect(normalize('الطائے')).toBe(normalize('الطائي'));
    expect(normalize('اللجنہ')).toBe(normalize('اللجنة'));
    expect(normalize('اللجنۃ')).toBe(normalize('اللجنة'));
  });

  test('when the text has no invisible characters, it is unchanged (spaces and punctuation included)', () => {
    const text = 'من هو وهاب الطائي؟ Who is al-Taei?';
    expect(removeInvisibles(text)).toBe(text);
  });
});

describe('foldAlefHamza: a hamza on the line before ي or و', () => {
  // Bug fixed: "رءيس الوزراء" (careless hamza) was "ريس", not "رييس" (رئيس), so the question was declined.
  test.each([
    ['رءيس', 'رييس', 'رئيس'],
    ['مسءول', 'مسوول', 'مسؤول'],
    ['الطاءي', 'الطايي', 'الطائي'],
  ])('%j folds like its seated spelling (%s, as %s)', (careless, expected, seated) => {
    expect(foldAlefHamza(careless)).toBe(expected);
    expect(foldAlefHamza(seated)).toBe(expected);
  });

  test('a final or other hamza on the line is dropped', () => {
    expect(foldAlefHamza('شيء')).toBe('شي');
    expect(foldAlefHamza('لقاءه')).toBe('لقاه');
  });
});

describe('removeTatweel', () => {
  test.each([
    ['المقـــداد', 'المقداد'],
    ['الفيّـــاض', 'الفيّاض'],
    ['ـــ', ''],
    ['بغداد', 'بغداد'],
  ])('when given %s we get %s', (input, expected) => {
    expect(removeTatweel(input)).toBe(expected);
  });
});

describe('removeDiacritics', () => {
  test.each([
    ['fathatan U+064B', 'حربًا', 'حربا'],
    ['dammatan U+064C', 'حربٌ', 'حرب'],
    ['kasratan U+064D', 'حربٍ', 'حرب'],
    ['fatha U+064E', 'قالَ', 'قال'],
    ['damma U+064F', 'قُتل', 'قتل'],
    ['kasra U+0650', 'فالِح', 'فالح'],
    ['shadda U+0651', 'الفيّاض', 'الفياض'],
    ['sukun U+0652', 'مَوْقِع', 'موقع'],
    ['maddah above U+0653', 'ا\u0653', 'ا'],
    ['superscript alef U+0670', 'هٰذا', 'هذا'],
    ['a Quranic annotation mark U+06D6', 'قال\u06D6', 'قال'],
    ['fully vocalized phrase', 'الرَّئِيسُ السُّورِيُّ', 'الرئيس السوري'],
  ])('when given %s we get the bare letters', (_name, input, expected) => {
    expect(codePoints(removeDiacritics(input))).toBe(codePoints(expected));
  });

  test('when a decomposed hamza above (U+0654) is present, it is left for foldAlefHamza', () => {
    expect(removeDiacritics('ا\u0654')).toBe('ا\u0654');
  });
});

describe('foldAlefHamza', () => {
  test.each([
    ['أ (U+0623)', 'الأسد', 'الاسد'],
    ['إ (U+0625)', 'إيران', 'ايران'],
    ['آ (U+0622)', 'آفاق', 'افاق'],
    ['ٱ (U+0671)', 'ٱلعراق', 'العراق'],
    ['ؤ (U+0624)', 'مسؤولة', 'مسوولة'],
    ['ئ (U+0626)', 'الطائي', 'الطايي'],
    ['standalone ء (U+0621)', 'الأنباء', 'الانبا'],
    ['bare hamza above U+0654', 'ا\u0654من', 'امن'],
    ['bare hamza below U+0655', 'ا\u0655يران', 'ايران'],
  ])('when given %s we get the folded form', (_name, input, expected) => {
    expect(foldAlefHamza(input)).toBe(expected);
  });
});

describe('foldAlefMaksura', () => {
  test.each([
    ['على', 'علي'],
    ['الى', 'الي'],
    ['مستشفى', 'مستشفي'],
    ['علي', 'علي'],
  ])('when given %s we get %s', (input, expected) => {
    expect(foldAlefMaksura(input)).toBe(expected);
  });
});

describe('foldTehMarbuta', () => {
  test.each([
    ['المشتركة', 'المشتركه'],
    ['وكالة الانباء', 'وكاله الانباء'],
    ['رسالة شفهية', 'رساله شفهيه'],
    ['بغداد', 'بغداد'],
  ])('when given %s we get %s', (input, expected) => {
    expect(foldTehMarbuta(input)).toBe(expected);
  });
});

describe('foldPersianLetters', () => {
  test.each([
    ['farsi yeh ی (U+06CC)', '\u06CC', 'ي'],
    ['keheh ک (U+06A9)', '\u06A9', 'ك'],
    ['a word typed on a Persian layout', 'سور\u06CCا', 'سوريا'],
    ['keheh inside a word', 'البو\u06A9مال', 'البوكمال'],
    ['ae ە (U+06D5)', 'دمشق\u06D5', 'دمشقه'],
    ['heh goal ہ (U+06C1)', '\u06C1', 'ه'],
    ['heh doachashmee ھ (U+06BE)', '\u06BE', 'ه'],
    ['gaf گ (U+06AF), the dialect g of qaf', 'گال', 'قال'],
    ['veh ڤ (U+06A4)', 'ڤيديو', 'فيديو'],
    ['peh پ (U+067E)', 'پ', 'ب'],
    ['tcheh چ (U+0686)', 'چ', 'ج'],
  ])('when given %s we get the Arabic letter', (_name, input, expected) => {
    expect(foldPersianLetters(input)).toBe(expected);
  });
});

describe('foldDigits', () => {
  test.each([
    ['Arabic-Indic ٠..٩', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['Persian ۰..۹', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['a border length', '٦٠٥ كيلومترات', '605 كيلومترات'],
    ['a year in Persian digits', '۲۰۱۴', '2014'],
    ['Arabic decimal separator U+066B', '٢\u066B٥', '2.5'],
    ['Arabic thousands separator U+066C', '١\u066C٠٠٠', '1,000'],
    ['ASCII digits (unchanged)', '2011', '2011'],
  ])('when given %s we get ASCII digits', (_name, input, expected) => {
    expect(foldDigits(input)).toBe(expected);
  });
});

describe('foldLatin', () => {
  test.each([
    ['FAYYĀḌ', 'fayyad'],
    ['Fayyāḍ', 'fayyad'],
    ['Mekdad', 'mekdad'],
    ['Bashar al-Assad', 'bashar al-assad'],
    ['Ḥaydar al-ʿAbādī', 'haydar al-ʿabadi'],
    ['3ABADI', '3abadi'],
  ])('when given %s we get %s', (input, expected) => {
    expect(foldLatin(input)).toBe(expected);
  });

  test('when given Arabic letters, they stay composed (alef with hamza is not decomposed by NFD)', () => {
    expect(codePoints(foldLatin('الأسد إيران'))).toBe(codePoints('الأسد إيران'));
  });
});

describe('collapsePunctuationAndSpaces', () => {
  test.each([
    ['Arabic comma ،', 'العراق،سوريا', 'العراق سوريا'],
    ['Arabic semicolon ؛', 'العراق؛سوريا', 'العراق سوريا'],
    ['Arabic question mark ؟', 'من هو؟', 'من هو'],
    ['exclamation marks', 'نعم!!!لا', 'نعم لا'],
    ['an emoji', 'الأسد 😀 دمشق', 'الأسد دمشق'],
    ['NBSP U+00A0', 'وهاب\u00A0الطائي', 'وهاب الطائي'],
    ['THIN SPACE U+2009', 'وهاب\u2009الطائي', 'وهاب الطائي'],
    ['IDEOGRAPHIC SPACE U+3000', 'a\u3000b', 'a b'],
    ['quotation marks', '«داعش» "isis"', 'داعش isis'],
    ['leading and trailing spaces and tabs', ' \t من هو \n ', 'من هو'],
    ['a mark attached to a letter (removed, not spaced)', 'e\u0301x', 'ex'],
    ['only punctuation', '؟؟ !! ،', ''],
    ['the empty string', '', ''],
  ])('when given %s we get single spaces, trimmed', (_name, input, expected) => {
    expect(collapsePunctuationAndSpaces(input)).toBe(expected);
  });
});

describe('normalize', () => {
  test.each([
    ['a vocalized question with tatweel', 'ماذا قالَ فالِح الفَيّـــاض؟', 'ماذا قال فالح الفياض'],
    ['two hamza spellings the article uses', 'الأسد', 'الاسد'],
    ['a question with stray RLM/LRM marks', '\u200Fمن هو وهاب\u200E الطائي؟\u200F', 'من هو وهاب الطائي'],
    ['Persian-layout letters and digits', 'حدود ۶۰۵ کیلومتر', 'حدود 605 كيلومتر'],
    ['a presentation-form ligature', 'ﻻ', 'لا'],
    ['Latin with accents and case', 'What did FAYYĀḌ say?', 'what did fayyad say'],
    ['alef maksura and teh marbuta', 'الى الحدود المشتركة', 'الي الحدود المشتركه'],
  ])('when given %s, it has the same key as its plain spelling', (_name, noisy, plain) => {
    expect(normalize(noisy)).toBe(normalize(plain));
  });

  test.each([
    ['ماذا قالَ فالِح الفَيّـــاض؟', 'ماذا قال فالح الفياض'],
    ['الأسد', 'الاسد'],
    ['مسؤولة عن التفجيرات', 'مسووله عن التفجيرات'],
    ['٦٠٥ كم', '605 كم'],
    ['Who is AL-TAEI?', 'who is al taei'],
  ])('when given %s we get the key %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  test.each([
    ['tatweel, question marks, RLM and a fathatan', 'ـــ؟؟ \u200F\u064B'],
    ['only invisible characters', '\u200B\u200C\u200D\uFEFF'],
    ['only diacritics', '\u064E\u064F\u0650\u0651'],
    ['only emoji and spaces', ' 😀 🇮🇶 '],
  ])('when given %s we get the empty key', (_name, input) => {
    expect(normalize(input)).toBe('');
  });

  test('keys given while building with the memo are the keys given without it, and the memo is gone afterwards', () => {
    const texts = [
      'ماذا قالَ فالِح الفَيّـــاض عن ستمية وخمسة كم؟',
      'What did FAYYĀḌ say?',
      `${'الحدود المشتركة '.repeat(40)}٦٠٥`,
    ];
    const plain = texts.map(normalize);
    const built = withNormalizeMemo(() => [...texts, ...texts].map(normalize));
    expect(built).toEqual([...plain, ...plain]);
    expect(plain[0]).toBe('ماذا قال فالح الفياض عن 605 كم');
    expect(() =>
      withNormalizeMemo(() => {
        throw new Error('build failed');
      }),
    ).toThrow('build failed');
    expect(texts.map(normalize)).toEqual(plain);
  });

  test('for any string, normalizing twice gives the same key as normalizing once', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => normalize(normalize(text)) === normalize(text)),
      { numRuns: 2000 },
    );
  });

  test('for any string, the key is words of letters and digits separated by single spaces', () => {
    // The invariant the implementation guarantees: letters (any script) and digits, single inner spaces, no marks,
    // no invisible or bidi characters, and none of the letter forms that the fold steps remove.
    const folded =
      /[\u0621-\u0623\u0625\u0624\u0626\u0629\u0640\u0649\u0671\u06CC\u06A9\u0660-\u0669\u06F0-\u06F9A-Z]/u;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const key = normalize(text);
        expect(key).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
        expect(key).not.toMatch(/\p{M}/u);
        expect(key).not.toMatch(/[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/u);
        expect(key).not.toMatch(folded);
      }),
      { numRuns: 2000 },
    );
  });

  test('for text in Arabic letters, diacritics, Arabic/Persian digits, ASCII and invisibles, the key holds only a-z, 0-9, Arabic letters and spaces', () => {
    const alphabet = [
      ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآٱؤئءىة',
      ...'\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640',
      ...'٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹یک',
      ...'،؛؟«»\u00A0\u200E\u200F\u200B\u200C\u200D\u061C\uFEFF',
      ...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~',
    ];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet) }), (text) => {
        expect(normalize(text)).toMatch(/^[a-z0-9\u0621-\u064A ]*$/u);
      }),
      { numRuns: 2000 },
    );
  });

  // Bug fixed: normalize was not idempotent for conjoining Hangul jamo split by a
  // character that a later step removes: the first NFKC sees them apart, the second composes them (ᄀ+ᅡ → 가).
  test.each([
    ['a zero-width space', '\u1100\u200B\u1161'],
    ['a combining acute accent', '\u1100\u0301\u1161'],
  ])('when Hangul jamo are separated by %s, normalizing twice gives the same key as once', (_name, text) => {
    expect(codePoints(normalize(normalize(text)))).toBe(codePoints(normalize(text)));
  });

  test.each([
    ['Iraqi/Persian gaf گ (U+06AF) as qaf', 'گال', 'قال'],
    ['Persian peh پ', 'پ', 'ب'],
  ])('when given %s, the key uses the Arabic letter', (_name, text, expected) => {
    expect(normalize(text)).toBe(expected);
  });
});

describe('chat elongation (found by the fresh break test)', () => {
  test('an Arabic letter typed three or more times stands for one', () => {
    expect(normalize('مااااااااذا قاااال الأسسسسد')).toBe(normalize('ماذا قال الأسد'));
  });

  test('doubled letters, which Arabic spelling has, are kept', () => {
    expect(normalize('ممكن')).toBe('ممكن');
  });
});

test('elongation collapses after the letter folds, so normalize stays idempotent (found by the property test)', () => {
  const once = normalize('الطائيي حاول');
  expect(normalize(once)).toBe(once);
});

test('a question word typed onto the verb of saying is split from it ("ماذاقال" → "ماذا قال"), idempotently', () => {
  expect(normalize('ماذاقال الأسد؟')).toBe(normalize('ماذا قال الأسد؟'));
  expect(normalize('شوقال المقداد')).toBe('شو قال المقداد');
  expect(normalize(normalize('ماذاقال'))).toBe(normalize('ماذاقال'));
  // A word that only starts like one is left whole.
  expect(normalize('شوقالات')).toBe('شوقالات');
});

describe('spellTheUs', () => {
  test.each([
    ['did the US help?', 'did the USA help?'],
    ['the U.S. role', 'the USA role'],
    ['هل شاركت ال US؟', 'هل شاركت ال USA؟'],
    ['TELL US MORE', 'TELL US MORE'],
    ['tell us more', 'tell us more'],
    ['USB drive', 'USB drive'],
  ])('%s → %s', (input, expected) => {
    expect(spellTheUs(input)).toBe(expected);
    expect(normalize(normalize(input))).toBe(normalize(input));
  });
});
