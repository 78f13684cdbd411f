/**
 * Generators of hostile text for the property tests: any Unicode (lone surrogates included), bidi controls,
 * zero-width and combining-mark floods, Discord mention and markdown syntax, fuse.js extended-search operators, and
 * the article's own words and curated questions (so that many generated questions do reach an answer).
 *
 * fast-check keeps generated arrays short by default; long inputs (up to Discord's 6,000-character option and
 * 4,000-character Nitro message) come from repeating a generated piece, then cutting at an arbitrary UTF-16 index
 * (which may split a surrogate pair: on purpose).
 */
import fc from 'fast-check';
import type { Corpus } from '../../src/core/types.ts';

/** Every Bidi_Control code point (UAX #9). */
export const BIDI_CONTROLS = [
  '\u061C',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
] as const;

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const COMBINING = ['\u0300', '\u0301', '\u0327', '\u0489', '\u20DD', '\u064B', '\u064E', '\u0651', '\u0652', '\u0670'];
const MENTIONS = [
  '@everyone',
  '@here',
  '@EVERYONE',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '</ask:123456789012345678>',
  '<:emoji:123456789012345678>',
  '<t:1700000000:R>',
];
const MARKDOWN = [
  '**',
  '*',
  '__',
  '_',
  '~~',
  '||',
  '`',
  '```',
  '# ',
  '### ',
  '-# ',
  '> ',
  '>>> ',
  '- ',
  '1. ',
  '\\',
  '[free nitro](https://evil.example/login)',
  'https://evil.example/a_b*c',
  '<https://evil.example>',
];
/** fuse.js extended search: `!` not, `'` include, `^` prefix, `$` suffix, `=` exact, `|` or. */
const FUSE_OPERATORS = [
  '!',
  "'",
  '|',
  '^',
  '=',
  '$',
  '!^',
  '=exact',
  "'include",
  '^prefix',
  'suffix$',
  '!not',
  'a | b',
];
const ODD = [
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\r',
  '\t',
  '\u00A0',
  '\u3000',
  '\u2028',
  '\u2029',
  '\uFFFD',
  '\uFFFF',
  '😀',
  '👨‍👩‍👧',
  '🇮🇶',
  'ـــ',
  '٦٠٥',
  '۶۰۵',
  'ﻻ',
  'ﷲ',
  '﷽',
  'کی',
  '؟',
  '،',
];
const LATIN = ['What', 'did', 'say', 'about', 'the', 'border', 'Assad', 'Mekdad', 'Abadi', 'who', 'when', 'shu', '2al'];

/** A single UTF-16 surrogate, unpaired. */
export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** One hostile constant. */
export const hostileToken = fc.constantFrom(
  ...BIDI_CONTROLS,
  ...ZERO_WIDTH,
  ...COMBINING,
  ...MENTIONS,
  ...MARKDOWN,
  ...FUSE_OPERATORS,
  ...ODD,
);

/** A character repeated up to `max` times: combining-mark, bidi, tatweel, markdown and mention floods. */
export function flood(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(
        ...COMBINING,
        ...BIDI_CONTROLS,
        '\u200B',
        'ـ',
        '*',
        '_',
        '`',
        '@',
        '<',
        '!',
        '|',
        ' ',
        '\n',
        'ا',
        'a',
      ),
      fc.integer({ min: 1, max }),
    )
    .map(([c, n]) => c.repeat(n));
}

/** Pieces from the article and its curated data, so that questions often hit something. */
export function corpusPieces(corpus: Corpus) {
  const words = [...new Set(corpus.text.split(/\s+/).filter((w) => w.length > 1))];
  const questions = corpus.entries.flatMap((e) => Object.values(e.questions).flat());
  const names = corpus.speakers.flatMap((s) => [s.nameAr, s.nameEn, ...s.variants]);
  return {
    word: fc.constantFrom(...words),
    question: fc.constantFrom(...questions),
    name: fc.constantFrom(...names),
    entryId: fc.constantFrom(...corpus.entries.map((e) => e.id)),
    speakerId: fc.constantFrom(...corpus.speakers.map((s) => s.id)),
  };
}

/**
 * Text of at most `max` UTF-16 units mixing everything above. About a third of the cases are long (a generated
 * phrase repeated, then cut at an arbitrary index).
 */
export function hostileText(corpus: Corpus, max: number): fc.Arbitrary<string> {
  const c = corpusPieces(corpus);
  const piece = fc.oneof(
    { weight: 4, arbitrary: c.word },
    { weight: 2, arbitrary: c.question },
    { weight: 1, arbitrary: c.name },
    { weight: 1, arbitrary: fc.constantFrom(...LATIN) },
    { weight: 4, arbitrary: hostileToken },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    { weight: 1, arbitrary: loneSurrogate },
    { weight: 1, arbitrary: flood(Math.min(max, 600)) },
  );
  const separator = fc.constantFrom(' ', '', '\n', '، ', '  ');
  const phrase = fc.tuple(fc.array(piece, { maxLength: 24 }), separator).map(([pieces, sep]) => pieces.join(sep));
  const long = fc
    .tuple(phrase, fc.integer({ min: 2, max: 400 }), fc.integer({ min: 0, max }))
    .map(([p, times, cut]) => (p === '' ? '' : `${p} `.repeat(times).slice(0, Math.max(cut, max / 2))));
  return fc
    .oneof({ weight: 5, arbitrary: phrase }, { weight: 2, arbitrary: long }, { weight: 1, arbitrary: flood(max) })
    .map((s) => s.slice(0, max));
}

/** Free text of any size up to `max`, for names, roles, labels and messages in arbitrary replies. */
export function anyText(corpus: Corpus, max: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 3, arbitrary: hostileText(corpus, max) },
    { weight: 1, arbitrary: fc.constant('') },
  );
}
