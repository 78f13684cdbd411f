/**
 * The recording policy, in one place, so the Discord and terminal adapters stay thin: they hand over what happened
 * (a surface, a raw user id, the question and the core's reply) and the recorder decides what is kept and how. It
 * hashes user ids (raw ids never reach the store), skips DMs unless RECORD_DMS is on, trims and caps questions,
 * and turns a reply into an outcome with its ref.
 */
import { MAX_QUESTION_CHARS } from '../core/answerer.ts';
import { normalize } from '../core/normalize.ts';
import { refOf } from '../core/refs.ts';
import type { Reply } from '../core/types.ts';
import type { Logger } from '../logger.ts';
import type { AnswerRef, FeedbackStore, QuestionEvent, Surface, VoteResult } from './types.ts';
import { hashUser } from './userHash.ts';

/** What the adapters call. Every `at` is ms since the epoch and defaults to now. */
export interface Recorder {
  /**
   * Records the reply to a question per policy; resolves to the question id, or undefined when not recorded
   * (recording off, a DM while RECORD_DMS is off, or a store error, which is logged). Never rejects.
   */
  question(input: {
    surface: Surface;
    userId: string;
    question: string;
    reply: Reply;
    at?: number;
  }): Promise<number | undefined>;
  /**
   * Whether feedback buttons make sense on this surface: false when nothing would be recorded (recording off, or a
   * DM while RECORD_DMS is off).
   */
  acceptsFeedback(surface: Surface): boolean;
  /**
   * Records or changes a user's 👍/👎 on one answer message.
   *
   * @throws (rejects) the store's error, for the caller to tell the user the vote was not saved; a
   *   {@link RecordingOffError} when {@link acceptsFeedback} is false for `surface` (a button from before a restart).
   */
  vote(input: {
    surface: Surface;
    userId: string;
    messageId: string;
    questionId?: number;
    ref: AnswerRef;
    vote: 1 | -1;
    at?: number;
  }): Promise<VoteResult>;
  /**
   * Records or changes what a user picked after a 👎 (an alternative's ref, or 'none'). Picks follow a recorded
   * vote, so no surface is needed.
   *
   * @returns false, recording nothing, when that user has no 👎 on that message (a forged or stale pick button).
   * @throws (rejects) the store's error; a {@link RecordingOffError} when recording is off.
   */
  pick(input: {
    userId: string;
    messageId: string;
    ref: AnswerRef;
    picked: AnswerRef | 'none';
    at?: number;
  }): Promise<boolean>;
  /** Closes the store (if any). Idempotent. */
  close(): Promise<void>;
}

/** Options of {@link createRecorder}. */
export interface RecorderOptions {
  /** The open store; absent means recording is off (every method records nothing). */
  store?: FeedbackStore;
  /** The user-hash key (resolveUserHashSecret in src/store/userHash.ts). */
  secret: string;
  /** RECORD_DMS: whether DMs are recorded. */
  recordDms: boolean;
  /** Where store errors of {@link Recorder.question} are logged (never with the raw user id or the question). */
  logger: Logger;
}

/** Rejection of {@link Recorder.vote} and {@link Recorder.pick} when the recorder keeps nothing for this input. */
export class RecordingOffError extends Error {
  constructor(what: string) {
    super(`Feedback is not recorded ${what}`);
    this.name = 'RecordingOffError';
  }
}

/**
 * Creates the recorder the adapters use.
 *
 * @returns a {@link Recorder} writing to `opts.store`, or one that records nothing when there is no store.
 */
export function createRecorder(opts: RecorderOptions): Recorder {
  const { store, secret, recordDms, logger } = opts;
  const accepts = (surface: Surface) => store !== undefined && (surface !== 'dm' || recordDms);

  return {
    async question({ surface, userId, question, reply, at }) {
      if (store === undefined || !accepts(surface)) return undefined;
      try {
        const text = cleanQuestion(question);
        const event: QuestionEvent =
          reply.kind === 'answer'
            ? {
                at: at ?? Date.now(),
                surface,
                userHash: hashUser(secret, userId),
                question: text,
                normalized: normalize(text),
                outcome: 'answer',
                ref: refOf(reply),
                paragraph: reply.paragraph,
                confidence: reply.confidence,
              }
            : {
                at: at ?? Date.now(),
                surface,
                userHash: hashUser(secret, userId),
                question: text,
                normalized: normalize(text),
                outcome: 'no-answer',
                confidence: 0,
                reason: reply.reason,
              };
        return await store.recordQuestion(event);
      } catch (err) {
        logger.error({ err, surface }, 'could not record a question; answering goes on');
        return undefined;
      }
    },

    acceptsFeedback: accepts,

    async vote({ surface, userId, messageId, questionId, ref, vote, at }) {
      if (store === undefined || !accepts(surface)) {
        throw new RecordingOffError(store === undefined ? '(RECORD=off)' : 'in DMs (RECORD_DMS=off)');
      }
      return store.recordVote({
        at: at ?? Date.now(),
        surface,
        userHash: hashUser(secret, userId),
        messageId,
        ...(questionId !== undefined && { questionId }),
        ref,
        vote,
      });
    },

    async pick({ userId, messageId, ref, picked, at }) {
      if (store === undefined) throw new RecordingOffError('(RECORD=off)');
      return store.recordPick({ at: at ?? Date.now(), userHash: hashUser(secret, userId), messageId, ref, picked });
    },

    async close() {
      await store?.close();
    },
  };
}

/** Records nothing: `question` resolves to undefined, `acceptsFeedback` is false, `vote`/`pick` reject. */
export const NULL_RECORDER: Recorder = Object.freeze({
  question: async () => undefined,
  acceptsFeedback: () => false,
  vote: async () => {
    throw new RecordingOffError('(RECORD=off)');
  },
  pick: async () => {
    throw new RecordingOffError('(RECORD=off)');
  },
  close: async () => {},
});

/** A lone UTF-16 surrogate: not encodable in UTF-8, so each engine would replace it differently. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The question as stored: trimmed, at most {@link MAX_QUESTION_CHARS} UTF-16 units (the answerer reads no more),
 * never ending in half a surrogate pair; U+0000 removed (PostgreSQL text cannot hold it) and lone surrogates
 * replaced by U+FFFD, so both engines keep exactly the same string. Exported for the tests.
 */
export function cleanQuestion(question: string): string {
  let text = question.replace(/\0/g, '').trim();
  if (text.length > MAX_QUESTION_CHARS) {
    const cut = /[\uD800-\uDBFF]/.test(text.charAt(MAX_QUESTION_CHARS - 1))
      ? MAX_QUESTION_CHARS - 1
      : MAX_QUESTION_CHARS;
    text = text.slice(0, cut).trimEnd();
  }
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
