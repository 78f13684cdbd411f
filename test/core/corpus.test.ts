import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  buildCorpus,
  cleanArticle,
  loadCorpus,
  type RawSeeds,
  SeedValidationError,
  splitParagraphs,
} from '../../src/core/corpus.ts';
import { type TinySeeds, tinySeeds } from '../fixtures/tiny-seeds.ts';

const ARTICLE_PATH = fileURLToPath(new URL('../../seeds/article.txt', import.meta.url));
const DIALECTS = ['ar-lev', 'ar-iq', 'ar-eg', 'ar-gulf'] as const;

/** The problems of the SeedValidationError that `build` throws (fails the test when it throws nothing else). */
function problemsOf(raw: RawSeeds): readonly string[] {
  try {
    buildCorpus(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedValidationError);
    return (error as SeedValidationError).problems;
  }
  throw new Error('expected buildCorpus to throw a SeedValidationError');
}

/** Tiny seeds with one change applied. */
function tinyWith(change: (seeds: TinySeeds) => void): TinySeeds {
  const seeds = tinySeeds();
  change(seeds);
  return seeds;
}

describe('cleanArticle', () => {
  test.each([
    ['a stray & inside a line', 'داعش" &الإرهابي', 'داعش" الإرهابي'],
    ['a line of only &', 'أ\n&&\nب', 'أ\n\nب'],
    ['a trailing &', 'كيلومترات.&', 'كيلومترات.'],
    ['an HTML entity (only its & goes)', 'a &amp; b', 'a amp; b'],
    [
      'text without & (quotes, diacritics, digits and punctuation kept)',
      '«قالَ» "605" ، ؟ (2011)',
      '«قالَ» "605" ، ؟ (2011)',
    ],
    ['CRLF line endings', 'أ\r\nب', 'أ\nب'],
  ])('when given %s, it removes the & and nothing else', (_name, raw, expected) => {
    expect(cleanArticle(raw)).toBe(expected);
  });

  test('when given the real article, the only difference is the & characters', () => {
    const raw = readFileSync(ARTICLE_PATH, 'utf8');
    expect(cleanArticle(raw)).toBe(raw.replaceAll('&', ''));
  });
});

describe('splitParagraphs', () => {
  test('when lines are blank or only spaces, they are not paragraphs, and paragraphs are trimmed', () => {
    expect(splitParagraphs('  أولى  \n\n   \nثانية\n')).toEqual(['أولى', 'ثانية']);
  });
});

describe('the real seeds', () => {
  const corpus = loadCorpus();
  const speakerIds = new Set(corpus.speakers.map((s) => s.id));

  test('the article file on disk still has its & debris (it is never edited)', () => {
    expect(readFileSync(ARTICLE_PATH, 'utf8')).toContain('&');
  });

  test('the article has 14 paragraphs (the line of only && is not one)', () => {
    expect(corpus.paragraphs).toHaveLength(14);
    expect(corpus.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  test('the cleaned text and paragraph 2 have no &', () => {
    expect(corpus.text).not.toContain('&');
    expect(corpus.paragraphs[1]?.text).not.toContain('&');
    expect(corpus.paragraphs[1]?.text).toContain('البالغة 605 كيلومترات');
  });

  test('the byline is the writer of the first line', () => {
    expect(corpus.byline).toBe('أسامة مهدي');
  });

  test('every paragraph is a substring of the cleaned text and has a known speaker', () => {
    for (const p of corpus.paragraphs) {
      expect(corpus.text, `paragraph ${p.number}`).toContain(p.text);
      expect(speakerIds, `paragraph ${p.number}`).toContain(p.speakerId);
      for (const quote of p.quotes) expect(p.text, `paragraph ${p.number}`).toContain(quote);
    }
  });

  test('there are at least 60 curated entries with unique ids', () => {
    expect(corpus.entries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.entries.map((e) => e.id)).size).toBe(corpus.entries.length);
  });

  test('every paragraph 1..14 and every speaker is covered by some entry', () => {
    expect(new Set(corpus.entries.map((e) => e.paragraph))).toEqual(new Set(corpus.paragraphs.map((p) => p.number)));
    expect(new Set(corpus.entries.map((e) => e.speakerId))).toEqual(speakerIds);
  });

  test.each(corpus.entries)('entry $id: its quote is verbatim in the cleaned text and in its paragraph', (entry) => {
    expect(corpus.text).toContain(entry.quote);
    expect(corpus.paragraphs[entry.paragraph - 1]?.text).toContain(entry.quote);
    expect(speakerIds).toContain(entry.speakerId);
  });

  test.each(corpus.entries)(
    'entry $id: it has at least 8 questions, in Arabic, English, Arabizi and two dialects',
    (entry) => {
      const lists = Object.values(entry.questions);
      expect(lists.reduce((n, list) => n + (list?.length ?? 0), 0)).toBeGreaterThanOrEqual(8);
      for (const lang of ['ar', 'en', 'arabizi'] as const) {
        expect(entry.questions[lang]?.length ?? 0, lang).toBeGreaterThan(0);
      }
      expect(DIALECTS.filter((d) => (entry.questions[d]?.length ?? 0) > 0).length).toBeGreaterThanOrEqual(2);
    },
  );

  test('the corpus is frozen', () => {
    expect(Object.isFrozen(corpus)).toBe(true);
    expect(Object.isFrozen(corpus.entries[0])).toBe(true);
  });
});

describe('buildCorpus with small fixtures', () => {
  test('when the seeds are valid, the quote that spans a removed & is accepted', () => {
    const corpus = buildCorpus(tinySeeds());
    expect(corpus.paragraphs.map((p) => p.speakerId)).toEqual(['nasser', 'director']);
    expect(corpus.byline).toBe('سامي ناصر');
    expect(corpus.text).not.toContain('&');
    expect(corpus.entries.map((e) => e.speakerId)).toEqual(['nasser', 'director']);
  });

  test('when the concepts are left out, the corpus still builds without a lexicon', () => {
    const { concepts: _concepts, ...rest } = tinySeeds();
    expect(buildCorpus(rest).concepts).toEqual([]);
  });

  test.each<[string, (s: TinySeeds) => void, RegExp]>([
    [
      'an entry quote that is not verbatim (hamza dropped)',
      (s) => {
        s.qa[0].quote = 'قال وزير النقل اليوم ان الطريق الجديد';
      },
      /^qa\[road-opening\]: quote is not a verbatim substring of paragraph 1/,
    ],
    [
      'an entry quote that keeps the source’s &',
      (s) => {
        s.qa[0].quote = 'إن &الطريق الجديد';
      },
      /^qa\[road-opening\]: quote is not a verbatim substring of paragraph 1/,
    ],
    [
      'an entry quote taken from another paragraph',
      (s) => {
        s.qa[1].paragraph = 1;
      },
      /^qa\[maintenance\]: quote is not a verbatim substring of paragraph 1/,
    ],
    [
      'an entry pointing at a paragraph the article lacks',
      (s) => {
        s.qa[1].paragraph = 7;
      },
      /^qa\[maintenance\]: paragraph 7 does not exist/,
    ],
    [
      'an entry with an unknown speaker',
      (s) => {
        s.qa[1].speaker = 'ghost';
      },
      /^qa\[maintenance\]: unknown speaker "ghost"/,
    ],
    [
      'a paragraph with an unknown speaker',
      (s) => {
        s.paragraphs[1].speaker = 'ghost';
      },
      /^paragraphs\[paragraph 2\]: unknown speaker "ghost"/,
    ],
    [
      'a duplicate entry id',
      (s) => {
        s.qa.push({ ...s.qa[1] });
      },
      /^qa\[maintenance\]: duplicate id/,
    ],
    [
      'a term in two concepts (a question word maps to one key)',
      (s) => {
        s.concepts.push({ id: 'street', terms: ['Road', 'street'] });
      },
      /^concepts\[street\]: term "Road" is also a term of road/,
    ],
    [
      'a duplicate speaker id',
      (s) => {
        s.speakers.push({ ...s.speakers[1] });
      },
      /^speakers\[director\]: duplicate id/,
    ],
    [
      'an entry with no questions at all',
      (s) => {
        s.qa[0].questions = {};
      },
      /^qa\[road-opening\]: no questions/,
    ],
    [
      'an entry whose question lists are all empty',
      (s) => {
        s.qa[0].questions = { ar: [], en: [] };
      },
      /^qa\[road-opening\]: no questions/,
    ],
    [
      'an entry with a question in an unknown language tag',
      (s) => {
        s.qa[0].questions = { fr: ['Quand ?'] };
      },
      /^qa\[road-opening\]\.questions/,
    ],
    [
      'a paragraph with no annotation',
      (s) => {
        s.paragraphs.pop();
      },
      /^paragraphs\[paragraph 2\]: no annotation/,
    ],
    [
      'an annotation for a paragraph the article lacks',
      (s) => {
        s.paragraphs.push({ paragraph: 3, speaker: 'nasser', translation: 'none' });
      },
      /^paragraphs\[paragraph 3\]: the article has only 2 paragraphs/,
    ],
    [
      'a paragraph quote that is not verbatim',
      (s) => {
        s.paragraphs[1].quotes = ['"أهمية الصيانه"'];
      },
      /^paragraphs\[paragraph 2\]: quote is not a verbatim substring of the paragraph/,
    ],
    [
      'a speaker id with capitals',
      (s) => {
        s.speakers[0].id = 'Nasser';
      },
      /^speakers\[Nasser\]\.id: /,
    ],
  ])('when the seeds have %s, a SeedValidationError names it', (_name, change, expected) => {
    expect(problemsOf(tinyWith(change))).toContainEqual(expect.stringMatching(expected));
  });

  test('when a speaker’s country is not a concept marked country, the seeds are refused', () => {
    const seeds = tinyWith((s) => {
      (s.speakers[0] as { country?: string }).country = 'atlantis';
    });
    expect(problemsOf(seeds)).toEqual(
      expect.arrayContaining([expect.stringMatching(/country "atlantis" is not a concept marked "country": true/)]),
    );
  });

  test('when the seeds have several problems, one error lists them all', () => {
    const seeds = tinyWith((s) => {
      s.qa[0].quote = 'نص غير موجود';
      s.qa[0].questions = {};
      s.qa[1].speaker = 'ghost';
      s.paragraphs.pop();
    });
    let caught: unknown;
    try {
      buildCorpus(seeds);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SeedValidationError);
    const error = caught as SeedValidationError;
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^qa\[road-opening\]: quote is not a verbatim substring/),
        expect.stringMatching(/^qa\[road-opening\]: no questions/),
        expect.stringMatching(/^qa\[maintenance\]: unknown speaker "ghost"/),
        expect.stringMatching(/^paragraphs\[paragraph 2\]: no annotation/),
      ]),
    );
    expect(error.message).toContain(`(${error.problems.length} problem(s))`);
    for (const problem of error.problems) expect(error.message).toContain(problem);
  });

  test('when a seed file is not a JSON array, the error says which one', () => {
    expect(problemsOf({ ...tinySeeds(), qa: { id: 'x' } })).toContain('qa: expected a JSON array');
  });

  test('when the article is empty, the error says it has no paragraphs', () => {
    expect(problemsOf({ ...tinySeeds(), article: '&&\n\n' })).toContain('article: no paragraphs');
  });
});

test('a place "in" something that is no country concept is a seed error', () => {
  const raw = tinySeeds();
  raw.concepts.push({ id: 'capital', terms: ['عاصمة'], in: 'road' } as never);
  expect(() => buildCorpus(raw)).toThrow(/concepts\[capital\]: "in" names "road"/);
});

test('an "owner" that is no country concept is a seed error', () => {
  const raw = tinySeeds();
  raw.concepts.push({ id: 'navy', terms: ['navy'], owner: 'road' } as never);
  expect(() => buildCorpus(raw)).toThrow(/concepts\[navy\]: "owner" names "road"/);
});

test('a fact "placed" at something that is no place is a seed error', () => {
  const raw = tinySeeds();
  raw.concepts.push({ id: 'hold', terms: ['hold'], placed: ['road'] } as never);
  expect(() => buildCorpus(raw)).toThrow(/concepts\[hold\]: "placed" names "road", which is not a place/);
});
