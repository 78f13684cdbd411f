/**
 * Properties of the core over hostile text (see arbitraries.ts): `ask` never throws and answers in bounded time
 * with verbatim quotes; `suggest` stays within its limit; `normalize` is idempotent and yields a clean key; and the
 * kinds of shared cases 1-6 hold for any question, not just the listed ones (letter variants, Persian keyboard,
 * tatweel and diacritics, bidi and zero-width marks, Arabic-Indic digits change nothing).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import { normalize } from '../../src/core/normalize.ts';
import type { Reply } from '../../src/core/types.ts';
import { BIDI_CONTROLS, corpusPieces, hostileText } from './arbitraries.ts';

const answerer = createAnswerer(loadCorpus());
const { corpus } = answerer;
const pieces = corpusPieces(corpus);

/**
 * Generous per-call bounds (the answerer's own target is about a millisecond): the suite runs two test files at
 * once on two cores.
 */
const BOUND_MS: Record<string, number> = { ask: 50, normalize: 50, suggest: 50 };

/**
 * Runs `f` up to three times while it exceeds its bound: a GC or JIT pause, or the other test worker, is not the
 * answerer's fault; three slow runs in a row are.
 */
function bounded<T>(label: string, f: () => T): T {
  const bound = BOUND_MS[label] ?? 50;
  let best = Number.POSITIVE_INFINITY;
  let value: T | undefined;
  for (let attempt = 0; attempt < 3 && best > bound; attempt++) {
    const started = performance.now();
    value = f();
    best = Math.min(best, performance.now() - started);
  }
  slowest[label] = Math.max(slowest[label] ?? 0, best);
  if (best > bound) throw new Error(`${label} took ${best.toFixed(1)} ms (bound ${bound} ms) three times in a row`);
  return value as T;
}
const slowest: Record<string, number> = {};
let generated = 0;
const count = <A extends unknown[]>(p: (...a: A) => void) => {
  return (...a: A) => {
    generated++;
    p(...a);
  };
};

afterAll(() => {
  // A record of what ran, for the report (vitest prints console output of a file on failure or with --silent=false).
  console.info(`answerer properties: ${generated} generated cases; slowest ms ${JSON.stringify(slowest)}`);
});

/** The quote, paragraph and confidence of a reply, or its reason: what must not change between equivalent questions. */
function essence(r: Reply) {
  return r.kind === 'answer'
    ? { kind: r.kind, quote: r.quote, paragraph: r.paragraph, confidence: r.confidence, speaker: r.speaker.id }
    : { kind: r.kind, reason: r.reason };
}

function expectVerbatim(reply: Reply): void {
  if (reply.kind !== 'answer') {
    expect(['empty', 'other-language', 'off-topic', 'not-in-article']).toContain(reply.reason);
    return;
  }
  expect(reply.quote.trim()).not.toBe('');
  expect(corpus.text.includes(reply.quote)).toBe(true);
  expect(reply.paragraph).toBeGreaterThanOrEqual(1);
  expect(reply.paragraph).toBeLessThanOrEqual(corpus.paragraphs.length);
  expect(reply.confidence).toBeGreaterThanOrEqual(0);
  expect(reply.confidence).toBeLessThanOrEqual(1);
  expect(reply.alternatives.length).toBeLessThanOrEqual(3);
  for (const alt of reply.alternatives) {
    expect(corpus.text.includes(alt.quote)).toBe(true);
    expect(alt.confidence).toBeGreaterThanOrEqual(0);
    expect(alt.confidence).toBeLessThanOrEqual(1);
  }
}

describe('ask', () => {
  test('any text up to 6,000 characters: never throws, bounded time, verbatim quotes, same reply twice', () => {
    fc.assert(
      fc.property(
        hostileText(corpus, 6000),
        count((question) => {
          const reply = bounded('ask', () => answerer.ask(question));
          expectVerbatim(reply);
          expect(answerer.ask(question)).toEqual(reply);
        }),
      ),
      { numRuns: 2000 },
    );
  });

  test('non-string input from a careless caller (JavaScript) is a no-answer, not a crash', () => {
    for (const v of [undefined, null, 42, {}, ['x']]) {
      expect(answerer.ask(v as unknown as string).kind).toBe('no-answer');
      expect(() => answerer.suggest(v as unknown as string, 5)).not.toThrow();
    }
  });

  test('every curated entry and every speaker quote is verbatim', () => {
    for (const e of corpus.entries) expectVerbatim(answerer.answerEntry(e.id) as Reply);
    for (const s of corpus.speakers) for (const a of answerer.quotesBy(s.id)) expectVerbatim(a);
  });
});

describe('suggest (autocomplete)', () => {
  const curated = new Map(corpus.entries.map((e) => [e.id, new Set(Object.values(e.questions).flat())]));

  test('any partial text: at most min(limit, 25) curated questions, in bounded time', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText(corpus, 6000),
          pieces.question.map((q) => q.slice(0, 5)),
        ),
        fc.integer({ min: -2, max: 40 }),
        count((partial, limit) => {
          const suggestions = bounded('suggest', () => answerer.suggest(partial, limit));
          expect(suggestions.length).toBeLessThanOrEqual(Math.max(0, Math.min(limit, 25)));
          expect(new Set(suggestions.map((s) => s.entryId)).size).toBe(suggestions.length);
          for (const s of suggestions) expect(curated.get(s.entryId)?.has(s.question)).toBe(true);
        }),
      ),
      { numRuns: 250 },
    );
  });

  // Bug fixed: suggest re-normalized every curated question and ran fuse.js over all of them on every call
  // (~20-40 ms per keystroke); questions are now normalized once, fuse.js only sees a few typed letters, and a
  // half-typed last word is completed from a sorted vocabulary.
  test('a typed question that prefixes no curated one is suggested for in under 2 ms (median)', () => {
    const typed = 'ليش جابوا سيرة الموصل بالاجتماع؟';
    for (let i = 0; i < 3; i++) answerer.suggest(typed, 25);
    const times = Array.from({ length: 7 }, () => {
      const started = performance.now();
      answerer.suggest(typed, 25);
      return performance.now() - started;
    }).sort((a, b) => a - b);
    expect(times[3]).toBeLessThan(2);
  });
});

describe('normalize', () => {
  test('idempotent, and the key holds only letters, digits and single spaces (no bidi, tatweel, marks)', () => {
    fc.assert(
      fc.property(
        hostileText(corpus, 6000),
        count((text) => {
          const key = bounded('normalize', () => normalize(text));
          expect(normalize(key)).toBe(key);
          expect(key).toBe(key.trim());
          expect(key).not.toMatch(
            / {2}|[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u0640\u064B-\u0652\u0670]/,
          );
          expect(key).not.toMatch(/[أإآٱىةیک٠-٩۰-۹]/);
          expect(key).not.toMatch(/[^\p{L}\p{N} ]/u);
        }),
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the kinds of cases 1-6 hold for any question', () => {
  /** A question from the article's vocabulary (curated phrasings and words), Arabic only. */
  const arabicQuestion = fc
    .oneof(
      pieces.question,
      fc.array(pieces.word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
    )
    .filter((q) => /[\u0600-\u06FF]/.test(q) && !/[A-Za-z]/.test(q));

  /** Rewrites `q` at positions chosen by `picks` (one boolean per character). */
  const rewrite = (q: string, picks: boolean[], f: (ch: string, i: number) => string) =>
    [...q].map((ch, i) => (picks[i % Math.max(1, picks.length)] ? f(ch, i) : ch)).join('');

  const ARABIC_LETTER = /[\u0621-\u064A]/;
  const variants: Record<string, (q: string, picks: boolean[], k: number) => string> = {
    // Case 5: every Bidi_Control and zero-width mark, anywhere.
    'bidi and zero-width marks': (q, picks, k) =>
      rewrite(q, picks, (ch, i) => `${ch}${[...BIDI_CONTROLS, '\u200B', '\u200C', '\u200D'][(i + k) % 15]}`),
    // Case 4: tatweel and diacritics after Arabic letters.
    'tatweel and diacritics': (q, picks, k) =>
      rewrite(q, picks, (ch, i) =>
        ARABIC_LETTER.test(ch) && ch !== 'ء'
          ? `${ch}${['ـ', '\u064E', '\u0650', '\u0651', '\u0652', 'ـــ'][(i + k) % 6]}`
          : ch,
      ),
    // Cases 1-3: hamza seats on alef, alef maksura/yeh, teh marbuta/heh, Persian keyboard.
    'letter variants': (q, picks, k) =>
      rewrite(q, picks, (ch, i) => {
        const swaps: Record<string, string[]> = {
          ا: ['أ', 'إ', 'آ'],
          أ: ['ا', 'إ'],
          إ: ['ا', 'أ'],
          ي: ['ی', 'ى'],
          ى: ['ي', 'ی'],
          ك: ['ک'],
          ة: ['ه'],
        };
        const options = swaps[ch];
        return options ? (options[(i + k) % options.length] ?? ch) : ch;
      }),
  };

  test.each(Object.keys(variants))('%s: the same reply (quote, paragraph, confidence)', (name) => {
    const variant = variants[name] as (q: string, picks: boolean[], k: number) => string;
    fc.assert(
      fc.property(
        arabicQuestion,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
        fc.nat(20),
        count((q, picks, k) => {
          const changed = variant(q, picks, k);
          // Only rewrites that the normalizer folds back are claims about the answer (a hamza seat in a word the
          // normalizer keeps apart would be a different word).
          fc.pre(normalize(changed) === normalize(q));
          expect(essence(answerer.ask(changed))).toEqual(essence(answerer.ask(q)));
        }),
      ),
      { numRuns: 200 },
    );
  });

  test('Arabic-Indic and Persian digits mean the same as ASCII digits (case 6)', () => {
    const toIndic = (s: string, persian: boolean) =>
      s.replace(/\d/g, (d) => String.fromCharCode((persian ? 0x06f0 : 0x0660) + Number(d)));
    fc.assert(
      fc.property(
        arabicQuestion,
        fc.integer({ min: 0, max: 3000 }),
        fc.boolean(),
        count((q, n, persian) => {
          const ascii = `${q} ${n}`;
          expect(essence(answerer.ask(toIndic(ascii, persian)))).toEqual(essence(answerer.ask(ascii)));
        }),
      ),
      { numRuns: 200 },
    );
  });
});
