/**
 * From match scores to a confidence, and the abstention rule. The one place where the thresholds live;
 * the figures that chose them are printed by `npm run eval` (reliability table) and recorded in README.
 */
import type { Candidate } from './matcher.ts';

/** Decision thresholds on the calibrated confidence (0..1). */
export const DECISION = Object.freeze({
  /** Below this the bot says the article does not answer. */
  abstainBelow: 0.45,
  /** Below this an answer offers its alternatives as "Did you mean" (adapters read it). */
  lowConfidenceBelow: 0.6,
});

/**
 * Below this margin over the best candidate from another paragraph, the answer is ambiguous: on the labelled
 * sets, wrong answers had a median margin of 0.01 and right ones 0.28.
 */
export const AMBIGUOUS_MARGIN = 0.05;
/** An ambiguous answer's confidence is capped here, under the 0.8 band that must be right ≥ 97% of the time. */
export const AMBIGUOUS_CAP = 0.7;

/**
 * Confidence of the top candidate in 0..1: its score, discounted by the share of the question's topic words
 * the index knows at all (an unknown word is often the very thing asked about), and capped when a candidate
 * from another paragraph scores nearly as well.
 * @param rival the best candidate whose paragraph differs from the top's, if any.
 */
export function confidenceOf(top: Candidate, rival: Candidate | undefined, knownShare: number): number {
  let raw = top.score * knownShare ** 0.7;
  if (rival && top.score - rival.score < AMBIGUOUS_MARGIN) raw = Math.min(raw, AMBIGUOUS_CAP);
  return Math.round(Math.max(0, Math.min(1, raw)) * 100) / 100;
}
