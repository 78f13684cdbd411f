/**
 * What the bot remembers of its users' questions and feedback, for `npm run report` and the curators. One small
 * interface, two engines: SQLite (the embedded default, one file) and PostgreSQL (DATABASE_URL, several instances).
 *
 * Privacy: users are stored only as a keyed hash (HMAC-SHA256 with USER_HASH_SECRET), never a raw id or name; DMs
 * are recorded only when RECORD_DMS is on; rows older than RETENTION_DAYS are deleted at start and daily.
 */
import type { NoAnswerReason } from '../core/types.ts';

/** Where a question came from. */
export const SURFACES = ['slash', 'dm', 'mention', 'terminal', 'http'] as const;
export type Surface = (typeof SURFACES)[number];

/**
 * What answered: a curated entry id, or `p<N>` for paragraph N of the article (1-based). Same format as the refs
 * in button custom_ids (see src/discord/customIds.ts).
 */
export type AnswerRef = string;

/** One question answered or declined. Times are milliseconds since the Unix epoch (UTC). */
export interface QuestionEvent {
  at: number;
  surface: Surface;
  /** HMAC-SHA256(secret, user id), hex. */
  userHash: string;
  /** As typed, trimmed, at most MAX_QUESTION_CHARS (2,000) characters. */
  question: string;
  /** The core's normalization of `question` (src/core/normalize.ts): the key the report groups by. */
  normalized: string;
  outcome: 'answer' | 'no-answer';
  /** Set when `outcome` is 'answer'. */
  ref?: AnswerRef;
  /** Set when `outcome` is 'answer'. */
  paragraph?: number;
  /** 0..1; 0 for 'no-answer'. */
  confidence: number;
  /** Set when `outcome` is 'no-answer'. */
  reason?: NoAnswerReason;
}

/** 👍 (1) or 👎 (-1) on one answer message. One vote per user per message: a new vote replaces the old one. */
export interface VoteEvent {
  at: number;
  surface: Surface;
  userHash: string;
  /** The answer message: a Discord message id (snowflake), or a terminal answer id. */
  messageId: string;
  /**
   * The recorded question this message answered, when it was recorded. The store keeps it only if that question is
   * in the store (the id comes from the button, which can be forged or outlive the question); else the vote is kept
   * without one.
   */
  questionId?: number;
  /** What the message answered with. */
  ref: AnswerRef;
  vote: 1 | -1;
}

/** After a 👎: the alternative the user said was right instead, or 'none'. One pick per user per message. */
export interface PickEvent {
  at: number;
  userHash: string;
  messageId: string;
  /** What the message answered with (the answer judged wrong). */
  ref: AnswerRef;
  /** The alternative picked, or 'none' when none of them was right. */
  picked: AnswerRef | 'none';
}

/** What {@link FeedbackStore.recordVote} did. */
export type VoteResult = 'new' | 'changed' | 'unchanged';

/** Stored rows with their ids, as read back by the report. */
export interface StoredQuestion extends QuestionEvent {
  id: number;
}
export type StoredVote = VoteEvent;
export type StoredPick = PickEvent;

/** Every row recorded at or after `since` (ms epoch), in time order. */
export interface FeedbackSnapshot {
  questions: StoredQuestion[];
  votes: StoredVote[];
  picks: StoredPick[];
}

/**
 * A write the store gave up on because the database stayed locked by another writer (another process holding
 * SQLite's write lock, e.g. `BEGIN EXCLUSIVE` in the sqlite3 shell) or did not answer in time (PostgreSQL), rather
 * than make the user wait. Nothing was recorded by the failed call (for PostgreSQL, a statement still running may yet
 * commit; a retry then finds it). The recorder treats it as "try again in a moment", not as a broken store.
 */
export class StoreBusyError extends Error {
  /** How long the write waited before giving up, in ms. */
  readonly waitedMs: number;
  constructor(message: string, waitedMs: number, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'StoreBusyError';
    this.waitedMs = waitedMs;
  }
}

/**
 * The store. Every write is committed (durable against a process crash) before its promise resolves, so an
 * acknowledged vote is never lost. Methods reject on storage errors; callers log them and go on answering. Writes
 * never wait long for another writer: they reject with {@link StoreBusyError} instead (see each engine).
 */
export interface FeedbackStore {
  /** Records a question; resolves to its id (used in vote buttons). */
  recordQuestion(event: QuestionEvent): Promise<number>;
  /**
   * Records or changes a user's vote on one answer message. A 👍 withdraws that user's pick on that message, if any
   * (a pick says which answer was right instead of one rated 👎).
   */
  recordVote(event: VoteEvent): Promise<VoteResult>;
  /**
   * Records or changes a user's pick after a 👎: only when that user's vote on that message is 👎 (checked in the
   * same statement). Resolves to false, recording nothing, otherwise (a forged or stale pick button).
   */
  recordPick(event: PickEvent): Promise<boolean>;
  /** Deletes every row older than `cutoff` (ms epoch); resolves to the number of rows deleted. */
  deleteOlderThan(cutoff: number): Promise<number>;
  /** Reads everything recorded since `since` (ms epoch) for the report. */
  snapshot(since: number): Promise<FeedbackSnapshot>;
  /** Closes the connection. Idempotent. */
  close(): Promise<void>;
}
