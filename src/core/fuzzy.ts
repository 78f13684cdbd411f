/**
 * Fuzzy lookup of a misspelled word in the index's vocabulary.
 *
 * Candidates come from a deletion-neighbourhood index (the SymSpell idea, Garbe 2012): every word is stored
 * under each string obtained by deleting up to `d` of its letters (here: under a hash of it, see
 * `PackedDeletions`), and a query looks up its own deletions.
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

/**
 * Calls `visit` with a 32-bit FNV-1a hash of every string obtained from `word` by deleting up to `edits` (0, 1 or 2)
 * letters, the word itself included, without building those strings. Deleting either of two equal neighbours gives
 * the same string, so a hash may be visited more than once.
 */
export function forEachDeletionHash(word: string, edits: number, visit: (hash: number) => void): void {
  const n = word.length;
  const hashSkipping = (skipA: number, skipB: number): number => {
    let hash = 0x811c9dc5;
    for (let i = 0; i < n; i++) {
      if (i === skipA || i === skipB) continue;
      hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
    }
    return hash >>> 0;
  };
  visit(hashSkipping(-1, -1));
  if (edits < 1) return;
  for (let a = 0; a < n; a++) visit(hashSkipping(a, -1));
  if (edits < 2) return;
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) visit(hashSkipping(a, b));
}

/** Number of `visit` calls `forEachDeletionHash` makes for a word of this length. */
function deletionCount(length: number, edits: number): number {
  return 1 + (edits >= 1 ? length : 0) + (edits >= 2 ? (length * (length - 1)) / 2 : 0);
}

/**
 * The deletion index, packed: one double per (deletion hash, word id) pair, `hash · 2^idBits + id`, sorted, so the
 * words under a hash are one binary search away. Eight bytes per pair instead of a string-keyed map's entries
 * (hundreds of megabytes for a vocabulary of a few hundred thousand words); the packing stays within a double's
 * 53-bit integer range by keeping the hash's top `53 - idBits` bits (at most 32). A hash collision only adds a
 * candidate, which the edit distance then rejects: no word within reach is ever missed.
 */
interface PackedDeletions {
  pairs: Float64Array;
  idScale: number;
  hashShift: number;
}

/**
 * A fuzzy vocabulary of short words. Lookups are memoized (the same misspellings recur), with a bounded cache.
 * The deletion index is built on the first lookup, not in the constructor: most questions are spelt as the
 * vocabulary is and never look up, and a cold process answers its first question sooner.
 */
export class FuzzyVocabulary {
  private packed: PackedDeletions | undefined;
  private readonly words: readonly string[];
  private readonly cache = new Map<string, FuzzyHit[]>();
  private readonly options: FuzzyOptions;
  private static readonly CACHE_LIMIT = 10_000;

  constructor(words: Iterable<string>, options: Partial<FuzzyOptions> = {}) {
    this.options = { ...DEFAULT_FUZZY_OPTIONS, ...options };
    this.words = [...new Set(words)];
  }

  /** Edits to index or look up for a word of this length: a stored word may be one letter longer. */
  private editsFor(length: number): number {
    return maxEdits(length + 1, this.options.minSimilarity);
  }

  /** Whether a stored word can ever be a hit (it may be one letter shorter than the shortest word looked up). */
  private indexes(word: string): boolean {
    return word.length >= this.options.minLength - 1 && word.length <= MAX_WORD;
  }

  private get deletionIndex(): PackedDeletions {
    if (this.packed) return this.packed;
    const idBits = Math.max(1, Math.ceil(Math.log2(this.words.length + 1)));
    const hashBits = Math.min(32, 53 - idBits);
    const idScale = 2 ** idBits;
    const hashShift = 32 - hashBits;
    let size = 0;
    for (const word of this.words)
      if (this.indexes(word)) size += deletionCount(word.length, this.editsFor(word.length));
    const pairs = new Float64Array(size);
    let at = 0;
    this.words.forEach((word, id) => {
      if (!this.indexes(word)) return;
      forEachDeletionHash(word, this.editsFor(word.length), (hash) => {
        pairs[at++] = (hash >>> hashShift) * idScale + id;
      });
    });
    pairs.sort();
    this.packed = { pairs, idScale, hashShift };
    return this.packed;
  }

  /** Ids of the stored words under one deletion hash (binary search for the first pair, then a scan). */
  private wordsUnder(hash: number, { pairs, idScale, hashShift }: PackedDeletions, into: Set<number>): void {
    const lowest = (hash >>> hashShift) * idScale;
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairs[mid] as number) < lowest) lo = mid + 1;
      else hi = mid;
    }
    const highest = lowest + idScale;
    for (let i = lo; i < pairs.length && (pairs[i] as number) < highest; i++) into.add((pairs[i] as number) - lowest);
  }

  /** Vocabulary words within `minSimilarity` of `word` (excluding `word` itself), best first. */
  lookup(word: string): FuzzyHit[] {
    if (word.length < this.options.minLength || word.length > MAX_WORD) return [];
    const cached = this.cache.get(word);
    if (cached) return cached;
    const index = this.deletionIndex;
    const ids = new Set<number>();
    forEachDeletionHash(word, this.editsFor(word.length), (hash) => this.wordsUnder(hash, index, ids));
    const hits = [...ids]
      .map((id) => this.words[id] as string)
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
