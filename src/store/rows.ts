/**
 * Rows as both engines return them, and their mapping to the store's types. The tables are the same in SQLite and
 * PostgreSQL (snake_case columns); BIGINT columns (ids, ms times) arrive from pg as strings (it does not guess at
 * precision) and from better-sqlite3 as numbers, hence `Int`: both fit a double.
 */
import type { StoredPick, StoredQuestion, StoredVote } from './types.ts';

/** A BIGINT column: a number (SQLite) or its decimal string (PostgreSQL). */
type Int = number | string;

export interface QuestionRow {
  id: Int;
  at: Int;
  surface: string;
  user_hash: string;
  question: string;
  normalized: string;
  outcome: string;
  ref: string | null;
  paragraph: number | null;
  confidence: number;
  reason: string | null;
}

export interface VoteRow {
  at: Int;
  surface: string;
  user_hash: string;
  message_id: string;
  question_id: Int | null;
  ref: string;
  vote: number;
}

export interface PickRow {
  at: Int;
  user_hash: string;
  message_id: string;
  ref: string;
  picked: string;
}

/** A `questions` row as a {@link StoredQuestion} (absent columns are NULL). */
export function toQuestion(row: QuestionRow): StoredQuestion {
  return {
    id: Number(row.id),
    at: Number(row.at),
    surface: row.surface as StoredQuestion['surface'],
    userHash: row.user_hash,
    question: row.question,
    normalized: row.normalized,
    outcome: row.outcome as StoredQuestion['outcome'],
    ...(row.ref !== null && { ref: row.ref }),
    ...(row.paragraph !== null && { paragraph: row.paragraph }),
    confidence: row.confidence,
    ...(row.reason !== null && { reason: row.reason as NonNullable<StoredQuestion['reason']> }),
  };
}

/** A `votes` row as a {@link StoredVote}. */
export function toVote(row: VoteRow): StoredVote {
  return {
    at: Number(row.at),
    surface: row.surface as StoredVote['surface'],
    userHash: row.user_hash,
    messageId: row.message_id,
    ...(row.question_id !== null && { questionId: Number(row.question_id) }),
    ref: row.ref,
    vote: row.vote === 1 ? 1 : -1,
  };
}

/** A `picks` row as a {@link StoredPick}. */
export function toPick(row: PickRow): StoredPick {
  return { at: Number(row.at), userHash: row.user_hash, messageId: row.message_id, ref: row.ref, picked: row.picked };
}
