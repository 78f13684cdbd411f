import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../../src/core/corpus.ts';
import { MAX_CANDIDATES, MatchIndex } from '../../src/core/matcher.ts';
import { normalize } from '../../src/core/normalize.ts';

// The index reuses typed-array scratch across queries (slot table, strengths, per-target best, key strengths):
// one query must never see what the one before it left there.
const questions = [
  'ماذا قال الأسد عن العدو المشترك؟',
  'What did al-Mekdad say about the Iraqi air force?',
  'kam tool el 7dood?',
  'الموصل',
  'Who is Wahab al-Taei?',
  'شو قال الفياض عن الدول الجارة وخارج المنطقة',
  'what is the weather in paris',
  'الطائي '.repeat(60),
];

describe('MatchIndex scratch reuse', () => {
  test('a question ranks the same after any other question as on a fresh index', () => {
    const corpus = loadCorpus();
    const shared = new MatchIndex(corpus);
    const fresh = questions.map((q) => new MatchIndex(corpus).match(normalize(q)));
    for (let round = 0; round < 2; round++) {
      const order = round === 0 ? questions : [...questions].reverse();
      for (const q of order) {
        const expected = fresh[questions.indexOf(q)];
        expect(shared.match(normalize(q))).toEqual(expected);
      }
    }
  });

  test('more rows than the first strengths buffer holds are counted in full (the buffer grows)', () => {
    const index = new MatchIndex(loadCorpus());
    // Forty distinct common words touch most units: rows × tokens exceeds the initial 1,024 slots.
    const long = normalize('قال العراق سوريا داعش الحدود الرئيس الوزير المستشار الطيران الموصل '.repeat(4));
    const first = index.match(long);
    expect(first.candidates.length).toBeGreaterThan(5);
    expect(index.match(long)).toEqual(first);
    expect(index.match(normalize('Who is Wahab al-Taei?'))).toEqual(
      new MatchIndex(loadCorpus()).match(normalize('Who is Wahab al-Taei?')),
    );
  });
});

describe('MatchIndex ranking size', () => {
  test('the real article is never cut: every target fits under MAX_CANDIDATES', () => {
    const corpus = loadCorpus();
    expect(corpus.entries.length + corpus.paragraphs.length).toBeLessThanOrEqual(MAX_CANDIDATES);
    // A question touching nearly every unit returns every target it touched.
    const result = new MatchIndex(corpus).match(normalize('قال العراق سوريا داعش الحدود الرئيس الوزير الأسد'));
    expect(result.candidates.length).toBeGreaterThan(40);
    expect(result.candidates.length).toBeLessThanOrEqual(corpus.entries.length + corpus.paragraphs.length);
  });

  test('a larger corpus returns at most MAX_CANDIDATES, best first', () => {
    const corpus = loadCorpus();
    const copies = 3;
    const paragraphs = Array.from({ length: copies }, () => corpus.paragraphs)
      .flat()
      .map((p, i) => ({ ...p, number: i + 1 }));
    const entries = Array.from({ length: copies }, (_, copy) =>
      corpus.entries.map((e) => ({ ...e, id: `${e.id}-${copy}`, paragraph: e.paragraph + copy * 14 })),
    ).flat();
    const result = new MatchIndex({ ...corpus, paragraphs, entries }).match(
      normalize('قال العراق سوريا داعش الحدود الرئيس الوزير الأسد'),
    );
    expect(result.candidates).toHaveLength(MAX_CANDIDATES);
    const scores = result.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
