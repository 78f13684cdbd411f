/**
 * Matching features of a token: the keys the index stores and the question looks up.
 *
 * A token yields one exact key (its light stem, tagged by script) and, for words long enough, one phonetic
 * skeleton key shared by Arabic script and Latin transliterations. The skeleton is what lets an Arabizi or
 * English spelling of an Arabic word ("7doud", "Fayadh") reach the Arabic text.
 */
import { STOPWORDS } from './lexicon.ts';
import { scriptOf, skeleton, stemArabic, stemEnglish, tokenize } from './tokenize.ts';

/** A feature key: `a:` Arabic stem, `e:` Latin stem, `n:` number, `s:` consonant skeleton. */
export type FeatureKey = string;

/** One content token of a text with its feature keys. */
export interface TokenFeatures {
  token: string;
  /** The exact key (stem); always present. */
  exact: FeatureKey;
  /** Skeleton key, when the skeleton has at least `MIN_SKELETON` consonants. */
  skeleton?: FeatureKey;
}

/** Skeletons shorter than this are too ambiguous to match on ("t" would match every ط/ت word). */
export const MIN_SKELETON = 3;

/** True for tokens that carry no topic: stopwords (as typed or as stemmed) and single Latin letters. */
export function isStopword(token: string): boolean {
  if (STOPWORDS.has(token)) return true;
  const script = scriptOf(token);
  if (script === 'latin' && token.length < 2) return true;
  if (script === 'arabic') {
    if (token.length < 2) return true;
    const stem = stemArabic(token);
    if (STOPWORDS.has(stem)) return true;
  }
  return false;
}

/** The exact feature key of one normalized token. */
export function exactKey(token: string): FeatureKey {
  switch (scriptOf(token)) {
    case 'arabic':
      return `a:${stemArabic(token)}`;
    case 'latin':
      return `e:${stemEnglish(token)}`;
    default:
      return `n:${token}`;
  }
}

/** The features of one normalized token (no stopword check). */
export function featuresOf(token: string): TokenFeatures {
  const exact = exactKey(token);
  if (scriptOf(token) === 'number') return { token, exact };
  const skel = skeleton(token);
  return skel.length >= MIN_SKELETON ? { token, exact, skeleton: `s:${skel}` } : { token, exact };
}

/** Content tokens (stopwords removed) of normalized text, with their features, in order. */
export function contentFeatures(normalized: string): TokenFeatures[] {
  return tokenize(normalized)
    .filter((t) => !isStopword(t))
    .map(featuresOf);
}
