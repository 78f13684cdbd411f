/**
 * Fuzzy lookup of a misspelled word in the index's vocabulary: fuse.js proposes candidates among short
 * strings (stems, never whole paragraphs, so its 32-character bitap limit and its length-dependent cost do not
 * apply), and an edit-distance similarity decides, because fuse.js scores favour substrings regardless of
 * length (its score for "حد" inside "حدود" is as good as for an exact match).
 */
import Fuse from 'fuse.js';

/** A vocabulary word close to the looked-up word, with similarity in (0, 1]. */
export interface FuzzyHit {
  word: string;
  similarity: number;
}

/** Tuning of fuzzy lookup; frozen defaults below. */
export interface FuzzyOptions {
  /** Minimum edit similarity (1 - distance / longer length) to accept a candidate. */
  minSimilarity: number;
  /** Words shorter than this are never fuzzy-matched (one edit in three letters is another word). */
  minLength: number;
  /** Candidates returned at most. */
  limit: number;
}

export const DEFAULT_FUZZY_OPTIONS: Readonly<FuzzyOptions> = Object.freeze({
  minSimilarity: 0.75,
  minLength: 5,
  limit: 3,
});

/**
 * Levenshtein distance with adjacent transposition (optimal string alignment), in UTF-16 code units (all our
 * keys are BMP letters). O(|a|·|b|) time, O(|b|) memory.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prevPrev: number[] = new Array(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr: number[] = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1);
      }
      curr[j] = best;
    }
    [prevPrev, prev, curr] = [prev, curr, prevPrev];
  }
  return prev[b.length] ?? 0;
}

/** 1 - editDistance / longer length: 1 for equal strings, 0 for nothing in common. */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/**
 * A fuzzy vocabulary of short words. Lookups are memoized (the same misspellings recur), with a bounded cache.
 */
export class FuzzyVocabulary {
  private readonly fuse: Fuse<string>;
  private readonly cache = new Map<string, FuzzyHit[]>();
  private readonly options: FuzzyOptions;
  private static readonly CACHE_LIMIT = 10_000;

  constructor(words: Iterable<string>, options: Partial<FuzzyOptions> = {}) {
    this.options = { ...DEFAULT_FUZZY_OPTIONS, ...options };
    const list = [...new Set(words)].filter((w) => w.length >= this.options.minLength - 1);
    this.fuse = new Fuse(list, {
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4,
      minMatchCharLength: 2,
      isCaseSensitive: true,
    });
  }

  /** Vocabulary words within `minSimilarity` of `word`, best first; [] for short or exact-less words. */
  lookup(word: string): FuzzyHit[] {
    if (word.length < this.options.minLength || word.length > 32) return [];
    const cached = this.cache.get(word);
    if (cached) return cached;
    const hits = this.fuse
      .search(word, { limit: 12 })
      .map((r) => ({ word: r.item, similarity: editSimilarity(word, r.item) }))
      .filter((h) => h.similarity >= this.options.minSimilarity && h.word !== word)
      .sort((x, y) => y.similarity - x.similarity)
      .slice(0, this.options.limit);
    if (this.cache.size >= FuzzyVocabulary.CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, hits);
    return hits;
  }
}
