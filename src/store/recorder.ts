/**
 * The recording policy, in one place, so the Discord and terminal adapters stay thin: they hand over what happened
 * (a surface, a raw user id, the question and the core's reply) and the recorder decides what is kept and how. It
 * hashes user ids (raw ids never reach the store), skips DMs unless RECORD_DMS is on, trims and caps questions,
 * and turns a reply into an outcome with its ref.
 *
 * Recording never holds up an answer: a question the store cannot take at once (locked by another process, or a
 * database that does not answer) is simply not recorded, and a vote that cannot be committed quickly is refused so
 * that the user is told to try again well within Discord's 3 s. A busy store is logged once (one warning when it
 * starts, one line when it is writable again), not once per event.
 */
import { MAX_QUESTION_CHARS, withinQuestionLimit } from '../core/answerer.ts';
import { cutAtUnits } from '../core/limits.ts';
import { normalize } from '../core/normalize.ts';
import { refOf } from '../core/refs.ts';
import type { Reply } from '../core/types.ts';
import type { Logger } from '../logger.ts';
import { openQuestionRef, sealQuestionId } from './questionRef.ts';
import {
  type AnswerRef,
  type FeedbackStore,
  type QuestionEvent,
  StoreBusyError,
  type Surface,
  type VoteResult,
} from './types.ts';
import { hashUser } from './userHash.ts';

/**
 * Why a recorder keeps nothing on any surface, so that a user asking to rate is told the real cause and its fix:
 * `record-off` is RECORD=off (set RECORD=on); `locked-at-start` is a SQLite file another process held locked past
 * the open's wait at start (recording resumes at the next start once the lock is gone).
 */
export type RecordingOff = 'record-off' | 'locked-at-start';

/** What the adapters call. Every `at` is ms since the epoch and defaults to now. */
export interface Recorder {
  /**
   * Set when nothing is recorded on any surface, saying why (the adapters word their "not recorded" replies from
   * it); absent when recording is on, even if some surfaces (DMs with RECORD_DMS off) are not recorded.
   */
  readonly off?: RecordingOff;
  /**
   * Records the reply to a question per policy; resolves to the question's reference for its 👍 / 👎 (a keyed
   * permutation of its row id, see src/store/questionRef.ts: buttons must not show how many questions were asked
   * in between), which {@link vote} takes back as `questionId`; or undefined when not recorded (recording off, a DM
   * while RECORD_DMS is off, a busy store or one slower than `questionWaitMs`, or a store error, which is logged).
   * Never rejects, and never takes much longer than `questionWaitMs`.
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
   * @throws (rejects) the store's error, for the caller to tell the user the vote was not saved: a
   *   {@link StoreBusyError} when the store is locked or has not committed within `feedbackWaitMs` (the user should
   *   try again in a moment); a {@link RecordingOffError} when {@link acceptsFeedback} is false for `surface` (a
   *   button from before a restart). Resolves only once the vote is committed.
   */
  vote(input: {
    surface: Surface;
    userId: string;
    messageId: string;
    /** The reference {@link question} resolved to (from the button); the store gets the row id behind it. */
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
   * @throws (rejects) the store's error ({@link StoreBusyError} as for {@link vote}); a {@link RecordingOffError}
   *   when recording is off.
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
  /**
   * How long an answer may wait for its question to be recorded, in ms; past it the answer goes out without a
   * question id (the store may still record the question). Matters for PostgreSQL: the SQLite store settles at once.
   * @defaultValue 500
   */
  questionWaitMs?: number;
  /**
   * How long a vote or pick may take to commit before the user is told to try again, in ms: well inside the 3 s
   * Discord gives an interaction. @defaultValue 1500
   */
  feedbackWaitMs?: number;
  /** While the store stays busy, how often the warning is repeated, in ms. @defaultValue 300000 (5 minutes) */
  busyReminderMs?: number;
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
  const { store, secret, recordDms, logger, questionWaitMs = 500, feedbackWaitMs = 1500 } = opts;
  const accepts = (surface: Surface) => store !== undefined && (surface !== 'dm' || recordDms);
  const busy = busyLog(logger, opts.busyReminderMs ?? 5 * 60_000);
  /** A store call that settles within `ms`, or rejects with StoreBusyError; busy-state bookkeeping either way. */
  const settle = async <T>(call: () => Promise<T>, ms: number, what: 'question' | 'vote' | 'pick'): Promise<T> => {
    try {
      const result = await within(call, ms);
      busy.ok();
      return result;
    } catch (error) {
      if (error instanceof StoreBusyError) busy.failed(what, error);
      throw error;
    }
  };

  return {
    ...(store === undefined && { off: 'record-off' as const }),

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
                normalized: normalize(withinQuestionLimit(text)),
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
                normalized: normalize(withinQuestionLimit(text)),
                outcome: 'no-answer',
                confidence: 0,
                reason: reply.reason,
              };
        const id = await settle(() => store.recordQuestion(event), questionWaitMs, 'question');
        return sealQuestionId(secret, id);
      } catch (err) {
        // A busy store was logged once by busyLog; anything else is worth an error each time.
        if (!(err instanceof StoreBusyError)) {
          logger.error({ err, surface }, 'could not record a question; answering goes on');
        }
        return undefined;
      }
    },

    acceptsFeedback: accepts,

    async vote({ surface, userId, messageId, questionId, ref, vote, at }) {
      if (store === undefined || !accepts(surface)) {
        throw new RecordingOffError(store === undefined ? '(RECORD=off)' : 'in DMs (RECORD_DMS=off)');
      }
      // A reference this recorder did not hand out (an older release's row id, a forged one) links no question.
      const linked = questionId === undefined ? undefined : openQuestionRef(secret, questionId);
      const event = {
        at: at ?? Date.now(),
        surface,
        userHash: hashUser(secret, userId),
        messageId,
        ...(linked !== undefined && { questionId: linked }),
        ref,
        vote,
      };
      return settle(() => store.recordVote(event), feedbackWaitMs, 'vote');
    },

    async pick({ userId, messageId, ref, picked, at }) {
      if (store === undefined) throw new RecordingOffError('(RECORD=off)');
      const event = { at: at ?? Date.now(), userHash: hashUser(secret, userId), messageId, ref, picked };
      return settle(() => store.recordPick(event), feedbackWaitMs, 'pick');
    },

    async close() {
      await store?.close();
    },
  };
}

/**
 * `call()`'s result if it settles within `ms`, else a {@link StoreBusyError}. A late result is dropped (a late
 * failure is swallowed: the caller has already been told). A call that throws synchronously rejects.
 */
async function within<T>(call: () => Promise<T>, ms: number): Promise<T> {
  const pending = Promise.resolve().then(call);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreBusyError(`the store did not answer within ${ms} ms`, ms)), ms);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
    pending.catch(() => {});
  }
}

/**
 * The busy-store log: one warning when writes start failing with {@link StoreBusyError} (repeated every
 * `reminderMs` while it lasts, with counts), one info line with what was lost when a write succeeds again.
 */
function busyLog(logger: Logger, reminderMs: number) {
  let episode: { since: number; warned: number; question: number; vote: number; pick: number } | undefined;
  return {
    failed(what: 'question' | 'vote' | 'pick', error: StoreBusyError) {
      const now = Date.now();
      if (episode === undefined) {
        episode = { since: now, warned: now, question: 0, vote: 0, pick: 0 };
        logger.warn(
          { reason: error.message, what },
          'the feedback store is busy: questions are not recorded and votes are refused (users are told to try ' +
            'again) until it is free; another process may hold a lock on the database',
        );
      } else if (now - episode.warned >= reminderMs) {
        episode.warned = now;
        logger.warn(
          {
            busyMs: now - episode.since,
            questionsNotRecorded: episode.question,
            feedbackRefused: episode.vote + episode.pick,
          },
          'the feedback store is still busy',
        );
      }
      episode[what]++;
    },
    ok() {
      if (episode === undefined) return;
      logger.info(
        {
          busyMs: Date.now() - episode.since,
          questionsNotRecorded: episode.question,
          feedbackRefused: episode.vote + episode.pick,
        },
        'the feedback store is writable again',
      );
      episode = undefined;
    },
  };
}

/** How each {@link RecordingOff} reads in a {@link RecordingOffError}. */
const OFF_WHAT: Readonly<Record<RecordingOff, string>> = {
  'record-off': '(RECORD=off)',
  'locked-at-start': '(the store was locked by another process at start; recording resumes at the next start)',
};

/** A recorder that records nothing, for the given reason. */
function nullRecorder(off: RecordingOff): Recorder {
  return Object.freeze({
    off,
    question: async () => undefined,
    acceptsFeedback: () => false,
    vote: async () => {
      throw new RecordingOffError(OFF_WHAT[off]);
    },
    pick: async () => {
      throw new RecordingOffError(OFF_WHAT[off]);
    },
    close: async () => {},
  });
}

/**
 * Records nothing because RECORD=off: `question` resolves to undefined, `acceptsFeedback` is false, `vote`/`pick`
 * reject with a {@link RecordingOffError}.
 */
export const NULL_RECORDER: Recorder = nullRecorder('record-off');

/**
 * Records nothing because the SQLite file was locked by another process when the program started (startRecording
 * gives it); behaves as {@link NULL_RECORDER}, with `off` saying why, so no one is told to set RECORD=on.
 */
export const LOCKED_AT_START_RECORDER: Recorder = nullRecorder('locked-at-start');

/** A lone UTF-16 surrogate: not encodable in UTF-8, so each engine would replace it differently. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The question as stored: trimmed, at most {@link MAX_QUESTION_CHARS} UTF-16 units (the answerer reads no more),
 * never ending in half a surrogate pair; U+0000 removed (PostgreSQL text cannot hold it) and lone surrogates
 * replaced by U+FFFD, so both engines keep exactly the same string. Exported for the tests.
 */
export function cleanQuestion(question: string): string {
  let text = question.replace(/\0/g, '').trim();
  if (text.length > MAX_QUESTION_CHARS) text = cutAtUnits(text, MAX_QUESTION_CHARS).trimEnd();
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
