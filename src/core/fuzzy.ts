/**
 * Fuzzy lookup of a misspelled word in the index's vocabulary.
 *
 * Candidates come from a deletion-neighbourhood index (the SymSpell idea, Garbe 2012): every word is stored
 * under each string obtained by deleting up to `d` of its letters, and a query looks up its own deletions.
 * Two words within edit distance `d` always share such a key (a substitution or a transposition is one
 * deletion on each side), so no candidate is missed; `d` is the most edits the similarity threshold allows
 * for a word one letter longer than the one at hand (at most 2). The cost of a
 * lookup depends on the word's length, not on the vocabulary's size (a linear scan with fuse.js took 1–9 ms
 * per word on a vocabulary of 3,000–25,000 words; this takes microseconds). An edit-distance similarity then
 * decides.
 */

/** A vocabulary word close to the looked-up word, with similarity in (0, 1]. */
export interface FuzzyHit {
  word: string;
  similarity: number;
}

/** Tuning of fuzzy lookup; frozen defaults below. */
export interface FuzzyOptions {
  /** Minimum edit similarity (1 - distance / longer length) to accept a candidate. */
  minSimilarity: number;
  /** Words shorter than this are never fuzzy-matched (one edit in four letters is another word). */
  minLength: number;
  /** Candidates returned at most. */
  limit: number;
}

export const DEFAULT_FUZZY_OPTIONS: Readonly<FuzzyOptions> = Object.freeze({
  minSimilarity: 0.75,
  minLength: 5,
  limit: 3,
});

/** Longest word considered (longer tokens are pasted junk, not typos of a word). */
const MAX_WORD = 24;

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

/** Largest edit distance a word of this length may have and still reach `minSimilarity`. */
export function maxEdits(length: number, minSimilarity: number): number {
  return Math.min(2, Math.floor(length * (1 - minSimilarity) + 1e-9));
}

/** Every string obtained from `word` by deleting up to `edits` letters (the word itself included). */
export function deletions(word: string, edits: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let round = 0; round < edits; round++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * A fuzzy vocabulary of short words. Lookups are memoized (the same misspellings recur), with a bounded cache.
 * The deletion index is built on the first lookup, not in the constructor: most questions are spelt as the
 * vocabulary is and never look up, and a cold process answers its first question sooner.
 */
export class FuzzyVocabulary {
  private byDeletionBuilt: Map<string, string[]> | undefined;
  private readonly words: ReadonlySet<string>;
  private readonly cache = new Map<string, FuzzyHit[]>();
  private readonly options: FuzzyOptions;
  private static readonly CACHE_LIMIT = 10_000;

  constructor(words: Iterable<string>, options: Partial<FuzzyOptions> = {}) {
    this.options = { ...DEFAULT_FUZZY_OPTIONS, ...options };
    this.words = new Set(words);
  }

  /** Each deletion key of the stored words → the words it comes from (symmetric delete, as SymSpell). */
  private get byDeletion(): Map<string, string[]> {
    if (this.byDeletionBuilt) return this.byDeletionBuilt;
    const byDeletion = new Map<string, string[]>();
    for (const word of this.words) {
      // A stored word can be one letter shorter than the shortest word looked up.
      if (word.length < this.options.minLength - 1 || word.length > MAX_WORD) continue;
      for (const key of deletions(word, maxEdits(word.length + 1, this.options.minSimilarity))) {
        const list = byDeletion.get(key);
        if (list) list.push(word);
        else byDeletion.set(key, [word]);
      }
    }
    this.byDeletionBuilt = byDeletion;
    return byDeletion;
  }

  /** Vocabulary words within `minSimilarity` of `word` (excluding `word` itself), best first. */
  lookup(word: string): FuzzyHit[] {
    if (word.length < this.options.minLength || word.length > MAX_WORD) return [];
    const cached = this.cache.get(word);
    if (cached) return cached;
    const candidates = new Set<string>();
    const byDeletion = this.byDeletion;
    for (const key of deletions(word, maxEdits(word.length + 1, this.options.minSimilarity))) {
      for (const candidate of byDeletion.get(key) ?? []) candidates.add(candidate);
    }
    const hits = [...candidates]
      .filter((c) => c !== word)
      .map((c) => ({ word: c, similarity: editSimilarity(word, c) }))
      .filter((h) => h.similarity >= this.options.minSimilarity)
      .sort((x, y) => y.similarity - x.similarity || x.word.localeCompare(y.word))
      .slice(0, this.options.limit);
    if (this.cache.size >= FuzzyVocabulary.CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, hits);
    return hits;
  }
}
