import { describe, expect, test } from 'vitest';
import { loadCorpus } from '../../src/core/corpus.ts';
import { MatchIndex } from '../../src/core/matcher.ts';
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
