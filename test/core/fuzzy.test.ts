/**
 * The fuzzy vocabulary's deletion index is hashed and packed (see `PackedDeletions` in fuzzy.ts): a hash collision
 * may add a candidate but must never lose one. These tests compare its lookups with a brute-force scan of the whole
 * vocabulary by edit similarity.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { editDistance, editSimilarity, FuzzyVocabulary, forEachDeletionHash, maxEdits } from '../../src/core/fuzzy.ts';

const MIN_SIMILARITY = 0.75;

/**
 * Every vocabulary word the index guarantees to find for `word`, by a scan of all of them: within the edits a word
 * one letter longer may have (`maxEdits`, at most 2) and at `MIN_SIMILARITY` or above.
 */
function guaranteed(vocabulary: readonly string[], word: string): string[] {
  if (word.length < 5 || word.length > 24) return [];
  const edits = maxEdits(word.length + 1, MIN_SIMILARITY);
  return [...new Set(vocabulary)].filter(
    (c) => c !== word && editDistance(word, c) <= edits && editSimilarity(word, c) >= MIN_SIMILARITY,
  );
}

/** Words over a four-letter alphabet, so that random words often lie within an edit or two of each other. */
const smallAlphabetWord = fc
  .array(fc.constantFrom('ا', 'ب', 'ت', 'س'), { minLength: 3, maxLength: 12 })
  .map((letters) => letters.join(''));

describe('FuzzyVocabulary', () => {
  test('finds a word one typo away and ranks the closer word first', () => {
    const vocabulary = new FuzzyVocabulary(['المقدادي', 'المقداد', 'الفياض', 'الطائي']);
    expect(vocabulary.lookup('المقدا')).toEqual([
      { word: 'المقداد', similarity: 1 - 1 / 7 },
      { word: 'المقدادي', similarity: 1 - 2 / 8 },
    ]);
    expect(vocabulary.lookup('الفياظ')).toEqual([{ word: 'الفياض', similarity: 1 - 1 / 6 }]);
  });

  test('never returns the word itself, nor words too short to fuzz or too far', () => {
    const vocabulary = new FuzzyVocabulary(['الرقة', 'الموصل', 'دمشق']);
    expect(vocabulary.lookup('الموصل')).toEqual([]);
    expect(vocabulary.lookup('دمشك')).toEqual([]); // four letters: below minLength
    expect(vocabulary.lookup('البوكمال')).toEqual([]);
  });

  test('finds every word a scan finds within two edits, and nothing under the similarity floor', () => {
    fc.assert(
      fc.property(fc.array(smallAlphabetWord, { minLength: 1, maxLength: 60 }), smallAlphabetWord, (words, word) => {
        const hits = new FuzzyVocabulary(words, { limit: 1000 }).lookup(word);
        const found = hits.map((h) => h.word);
        for (const expected of guaranteed(words, word)) expect(found).toContain(expected);
        for (const hit of hits) expect(hit.similarity).toBe(editSimilarity(word, hit.word));
        for (const hit of hits) expect(hit.similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY);
        expect(hits.map((h) => h.similarity)).toEqual(hits.map((h) => h.similarity).sort((a, b) => b - a));
      }),
      { numRuns: 300 },
    );
  });

  test('visits one hash per deletion: 1 + n + n(n-1)/2 for two edits', () => {
    const count = (word: string, edits: number) => {
      let n = 0;
      forEachDeletionHash(word, edits, () => n++);
      return n;
    };
    expect([count('abcde', 0), count('abcde', 1), count('abcde', 2)]).toEqual([1, 6, 16]);
    const hashes = new Set<number>();
    forEachDeletionHash('abcd', 1, (h) => hashes.add(h));
    const direct = new Set<number>();
    for (const w of ['abcd', 'bcd', 'acd', 'abd', 'abc']) forEachDeletionHash(w, 0, (h) => direct.add(h));
    expect(hashes).toEqual(direct);
  });
});
