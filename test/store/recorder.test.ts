/**
 * The recording policy (src/store/recorder.ts) on a fake store that keeps what it is given: what is recorded, from
 * where, in which shape, and that a failing store never breaks answering.
 */
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { MAX_QUESTION_CHARS } from '../../src/core/answerer.ts';
import { normalize } from '../../src/core/normalize.ts';
import { createLogger } from '../../src/logger.ts';
import { sealQuestionId } from '../../src/store/questionRef.ts';
import {
  cleanQuestion,
  createRecorder,
  LOCKED_AT_START_RECORDER,
  NULL_RECORDER,
  type Recorder,
  type RecordingOff,
  RecordingOffError,
} from '../../src/store/recorder.ts';
import {
  type FeedbackStore,
  type PickEvent,
  type QuestionEvent,
  StoreBusyError,
  type VoteEvent,
} from '../../src/store/types.ts';
import { hashUser } from '../../src/store/userHash.ts';
import { answerReply, noAnswerReply } from './fixtures.ts';

const SECRET = 'recorder-test-secret';
const USER = '123456789012345678';

/** A store that keeps events in arrays; `fail` makes every method reject. */
function fakeStore(fail = false) {
  const questions: QuestionEvent[] = [];
  const votes: VoteEvent[] = [];
  const picks: PickEvent[] = [];
  let closed = 0;
  const boom = () => Promise.reject(new Error('disk I/O error'));
  const store: FeedbackStore = {
    recordQuestion: (e) => (fail ? boom() : Promise.resolve(questions.push(e))),
    recordVote: (e) => (fail ? boom() : Promise.resolve(votes.push(e) === 1 ? 'new' : 'changed')),
    recordPick: async (e) => {
      if (fail) return boom();
      picks.push(e);
      return true;
    },
    deleteOlderThan: async () => 0,
    snapshot: async () => ({ questions: [], votes: [], picks: [] }),
    close: async () => {
      closed++;
    },
  };
  return { store, questions, votes, picks, closed: () => closed };
}

function logSink() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const sink = new Writable({
    write(chunk, _e, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

function setup(opts: { recordDms?: boolean; fail?: boolean } = {}) {
  const fake = fakeStore(opts.fail);
  const log = logSink();
  const recorder = createRecorder({
    store: fake.store,
    secret: SECRET,
    recordDms: opts.recordDms ?? false,
    logger: log.logger,
  });
  return { ...fake, ...log, recorder };
}

describe('Recorder.question', () => {
  test('an answer is recorded with the hashed user, the normalized question, its ref, paragraph and confidence', async () => {
    const { recorder, questions } = setup();
    const id = await recorder.question({
      surface: 'slash',
      userId: USER,
      question: '  ماذا قالَ الأسد؟ \n',
      reply: answerReply(),
      at: 42,
    });
    expect(id).toBe(sealQuestionId(SECRET, 1));
    expect(questions).toStrictEqual([
      {
        at: 42,
        surface: 'slash',
        userHash: hashUser(SECRET, USER),
        question: 'ماذا قالَ الأسد؟',
        normalized: normalize('ماذا قالَ الأسد؟'),
        outcome: 'answer',
        ref: 'assad-enemy',
        paragraph: 4,
        confidence: 0.91,
      },
    ]);
  });

  // Bug fixed (break19): 2,000 × U+FDFA («ﷺ», 18 characters under NFKC) was stored as a 36,000-character key.
  test('the normalized question is bounded after NFKC expansion too', async () => {
    const { recorder, questions } = setup();
    await recorder.question({ surface: 'slash', userId: USER, question: 'ﷺ'.repeat(3000), reply: answerReply() });
    expect(questions[0]?.question).toHaveLength(MAX_QUESTION_CHARS);
    expect(questions[0]?.normalized.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(questions[0]?.normalized).toContain('صلي الله عليه وسلم');
  });

  test('an answer without a curated entry is recorded with the paragraph ref p<N>', async () => {
    const { recorder, questions } = setup();
    const { entryId: _omit, ...fromArticle } = answerReply({ paragraph: 12, source: 'article' });
    await recorder.question({ surface: 'mention', userId: USER, question: 'x', reply: fromArticle });
    expect(questions[0]?.ref).toBe('p12');
  });

  test('a no-answer is recorded with its reason, confidence 0 and no ref or paragraph', async () => {
    const { recorder, questions } = setup();
    const before = Date.now();
    await recorder.question({ surface: 'terminal', userId: 'local', question: 'Trump?', reply: noAnswerReply() });
    const q = questions[0];
    expect(q).toMatchObject({ outcome: 'no-answer', reason: 'not-in-article', confidence: 0, question: 'Trump?' });
    expect(q && Object.keys(q)).not.toContain('ref');
    expect(q && Object.keys(q)).not.toContain('paragraph');
    expect(q?.at).toBeGreaterThanOrEqual(before);
  });

  test('DMs are not recorded while RECORD_DMS is off, and no feedback is offered there', async () => {
    const { recorder, questions } = setup({ recordDms: false });
    expect(await recorder.question({ surface: 'dm', userId: USER, question: 'x', reply: answerReply() })).toBe(
      undefined,
    );
    expect(questions).toEqual([]);
    expect(recorder.acceptsFeedback('dm')).toBe(false);
    expect(recorder.acceptsFeedback('slash')).toBe(true);
    // Recording is on: only DMs are left out, so no reason for "nothing is recorded" is given.
    expect(recorder.off).toBe(undefined);
    await expect(
      recorder.vote({ surface: 'dm', userId: USER, messageId: 'm', ref: 'p1', vote: 1 }),
    ).rejects.toBeInstanceOf(RecordingOffError);
  });

  test('DMs are recorded when RECORD_DMS is on', async () => {
    const { recorder, questions } = setup({ recordDms: true });
    expect(await recorder.question({ surface: 'dm', userId: USER, question: 'x', reply: answerReply() })).toBe(
      sealQuestionId(SECRET, 1),
    );
    expect(questions[0]?.surface).toBe('dm');
    expect(recorder.acceptsFeedback('dm')).toBe(true);
  });

  test('a store error resolves to undefined and is logged, without the user id or the question', async () => {
    const { recorder, lines } = setup({ fail: true });
    await expect(
      recorder.question({ surface: 'slash', userId: USER, question: 'سؤال خاص', reply: answerReply() }),
    ).resolves.toBe(undefined);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, surface: 'slash', err: { message: 'disk I/O error' } });
    expect(JSON.stringify(lines)).not.toContain(USER);
    expect(JSON.stringify(lines)).not.toContain('سؤال خاص');
  });

  test('a store that throws synchronously is caught too', async () => {
    const { recorder, store, lines } = setup();
    store.recordQuestion = () => {
      throw new Error('sync boom');
    };
    await expect(
      recorder.question({ surface: 'slash', userId: USER, question: 'x', reply: answerReply() }),
    ).resolves.toBe(undefined);
    expect(lines[0]?.msg).toMatch(/could not record a question/);
  });
});

describe('Recorder.vote and pick', () => {
  test('a vote is recorded with the hashed user and passed the store result back', async () => {
    const { recorder, votes } = setup();
    const input = { surface: 'slash', userId: USER, messageId: 'm1', ref: 'p4', vote: -1, at: 7 } as const;
    expect(await recorder.vote({ ...input, questionId: sealQuestionId(SECRET, 3) ?? 0 })).toBe('new');
    expect(await recorder.vote(input)).toBe('changed');
    expect(votes).toStrictEqual([
      {
        at: 7,
        surface: 'slash',
        userHash: hashUser(SECRET, USER),
        messageId: 'm1',
        questionId: 3,
        ref: 'p4',
        vote: -1,
      },
      { at: 7, surface: 'slash', userHash: hashUser(SECRET, USER), messageId: 'm1', ref: 'p4', vote: -1 },
    ]);
  });

  // Bug fixed (break19 F6): buttons carried the row id, so two answers told how many questions everyone asked in
  // between. They carry a keyed permutation of it now, which the recorder turns back into the row id.
  test('question() hands out an opaque reference, not the row id; vote() links the row id behind it', async () => {
    const { recorder, votes } = setup();
    const refs: number[] = [];
    for (let i = 0; i < 3; i++) {
      refs.push(
        (await recorder.question({ surface: 'slash', userId: USER, question: 'q', reply: answerReply() })) ?? 0,
      );
    }
    // Ten base-36 characters each, none of them 1, 2, 3 nor three consecutive numbers.
    expect(refs.map((r) => r.toString(36).length)).toEqual([10, 10, 10]);
    expect(refs[1] === (refs[0] ?? 0) + 1 && refs[2] === (refs[1] ?? 0) + 1).toBe(false);
    for (const [i, ref] of refs.entries()) {
      await recorder.vote({ surface: 'slash', userId: USER, messageId: `m${i}`, questionId: ref, ref: 'p4', vote: 1 });
    }
    expect(votes.map((v) => v.questionId)).toEqual([1, 2, 3]);
  });

  test("a row id from an older release's button, or a forged number, is kept as a vote without a question", async () => {
    const { recorder, votes } = setup();
    const input = { surface: 'slash', userId: USER, ref: 'p4', vote: 1 } as const;
    await recorder.vote({ ...input, messageId: 'old', questionId: 3 });
    await recorder.vote({ ...input, messageId: 'huge', questionId: Number.MAX_SAFE_INTEGER });
    expect(votes.map((v) => [v.messageId, Object.keys(v).includes('questionId')])).toEqual([
      ['old', false],
      ['huge', false],
    ]);
  });

  test('a pick is recorded with the hashed user', async () => {
    const { recorder, picks } = setup();
    await recorder.pick({ userId: USER, messageId: 'm1', ref: 'p4', picked: 'none', at: 9 });
    expect(picks).toStrictEqual([
      { at: 9, userHash: hashUser(SECRET, USER), messageId: 'm1', ref: 'p4', picked: 'none' },
    ]);
  });

  test('vote and pick reject on a store error, for the caller to tell the user', async () => {
    const { recorder } = setup({ fail: true });
    await expect(recorder.vote({ surface: 'slash', userId: USER, messageId: 'm', ref: 'p1', vote: 1 })).rejects.toThrow(
      'disk I/O error',
    );
    await expect(recorder.pick({ userId: USER, messageId: 'm', ref: 'p1', picked: 'none' })).rejects.toThrow(
      'disk I/O error',
    );
  });

  test('close closes the store', async () => {
    const { recorder, closed } = setup();
    await recorder.close();
    expect(closed()).toBe(1);
  });
});

describe('a store that does not answer (PostgreSQL stuck on a lock, a lost server)', () => {
  /** A store whose writes never settle. */
  function hangingStore(): FeedbackStore {
    const never = () => new Promise<never>(() => {});
    return { ...fakeStore().store, recordQuestion: never, recordVote: never, recordPick: never };
  }
  const input = { surface: 'slash', userId: USER, messageId: 'm', ref: 'p1', vote: 1 } as const;

  test('a question is given up after questionWaitMs: the answer goes on without a question id, with one warning', async () => {
    const log = logSink();
    const recorder = createRecorder({
      store: hangingStore(),
      secret: SECRET,
      recordDms: false,
      logger: log.logger,
      questionWaitMs: 50,
    });
    const started = performance.now();
    const ids = await Promise.all(
      ['a', 'b', 'c'].map((q) =>
        recorder.question({ surface: 'slash', userId: USER, question: q, reply: answerReply() }),
      ),
    );
    expect(ids).toEqual([undefined, undefined, undefined]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(log.lines.map((l) => [l.level, l.msg])).toEqual([[40, expect.stringMatching(/feedback store is busy/)]]);
  });

  test('a vote or pick is refused with StoreBusyError after feedbackWaitMs, well inside Discord’s 3 s', async () => {
    const recorder = createRecorder({
      store: hangingStore(),
      secret: SECRET,
      recordDms: false,
      logger: createLogger('silent'),
      feedbackWaitMs: 50,
    });
    await expect(recorder.vote(input)).rejects.toBeInstanceOf(StoreBusyError);
    await expect(recorder.pick({ userId: USER, messageId: 'm', ref: 'p1', picked: 'none' })).rejects.toBeInstanceOf(
      StoreBusyError,
    );
  });

  test('by default a question waits at most 500 ms and a vote 1.5 s', async () => {
    const recorder = createRecorder({
      store: hangingStore(),
      secret: SECRET,
      recordDms: false,
      logger: createLogger('silent'),
    });
    let started = performance.now();
    await recorder.question({ surface: 'slash', userId: USER, question: 'q', reply: answerReply() });
    expect(performance.now() - started).toBeLessThan(700);
    started = performance.now();
    await expect(recorder.vote(input)).rejects.toBeInstanceOf(StoreBusyError);
    expect(performance.now() - started).toBeLessThan(1800);
  });
});

describe('recording off', () => {
  const recorders: [string, Recorder, RecordingOff][] = [
    ['NULL_RECORDER', NULL_RECORDER, 'record-off'],
    [
      'createRecorder without a store',
      createRecorder({ secret: SECRET, recordDms: true, logger: createLogger('silent') }),
      'record-off',
    ],
    ['LOCKED_AT_START_RECORDER', LOCKED_AT_START_RECORDER, 'locked-at-start'],
  ];

  test.each(recorders)('%s records nothing, offers no feedback and says why', async (_name, recorder, off) => {
    expect(recorder.off).toBe(off);
    expect(await recorder.question({ surface: 'slash', userId: USER, question: 'x', reply: answerReply() })).toBe(
      undefined,
    );
    for (const surface of ['slash', 'dm', 'mention', 'terminal', 'http'] as const) {
      expect(recorder.acceptsFeedback(surface)).toBe(false);
    }
    await expect(
      recorder.vote({ surface: 'slash', userId: USER, messageId: 'm', ref: 'p1', vote: 1 }),
    ).rejects.toBeInstanceOf(RecordingOffError);
    await expect(recorder.pick({ userId: USER, messageId: 'm', ref: 'p1', picked: 'none' })).rejects.toBeInstanceOf(
      RecordingOffError,
    );
    await expect(recorder.close()).resolves.toBe(undefined);
  });
});

describe('cleanQuestion', () => {
  test.each([
    ['  ماذا قال؟  ', 'ماذا قال؟'],
    ['a\0b', 'ab'],
    ['lone \uD83D surrogate', 'lone \uFFFD surrogate'],
    ['lone \uDE00 low', 'lone \uFFFD low'],
    ['pair 😀 kept', 'pair 😀 kept'],
  ])('%j → %j', (input, expected) => {
    expect(cleanQuestion(input)).toBe(expected);
  });

  test(`caps at MAX_QUESTION_CHARS (${MAX_QUESTION_CHARS}) without splitting a surrogate pair`, () => {
    expect(cleanQuestion('ع'.repeat(MAX_QUESTION_CHARS + 50))).toHaveLength(MAX_QUESTION_CHARS);
    const split = `${'a'.repeat(MAX_QUESTION_CHARS - 1)}😀tail`;
    expect(cleanQuestion(split)).toBe('a'.repeat(MAX_QUESTION_CHARS - 1));
    expect(cleanQuestion(`${'  '.repeat(10)}${'b'.repeat(MAX_QUESTION_CHARS)}`)).toBe('b'.repeat(MAX_QUESTION_CHARS));
  });
});
