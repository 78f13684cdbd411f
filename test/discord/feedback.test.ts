/**
 * feedbackReply (src/discord/feedback.ts), the 👍 / 👎 and pick handler both transports share, with the real recorder
 * over an in-memory SQLite store: where a click counts as a DM, what a refused DM click says, and which question a
 * vote is linked to. The transports' own tests (dm-privacy.e2e, test/http/handler.test.ts) click through them.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { decodeButton } from '../../src/discord/customIds.ts';
import { type Click, type FeedbackAction, feedbackReply } from '../../src/discord/feedback.ts';
import { clickSurface } from '../../src/discord/recording.ts';
import { NOTICES } from '../../src/discord/render.ts';
import { createLogger } from '../../src/logger.ts';
import { sealQuestionId } from '../../src/store/questionRef.ts';
import { createRecorder, NULL_RECORDER, type Recorder } from '../../src/store/recorder.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { FeedbackStore, QuestionEvent } from '../../src/store/types.ts';
import { realAnswerer } from './harness.ts';

const answerer = realAnswerer();
const logger = createLogger('silent');
const GUILD_ID = '123456789012345678';

/** The text without the bidi isolates the renderer puts around runs of one direction. */
const plain = (text: unknown): string => String(text ?? '').replace(/[\u2066-\u2069]/g, '');

/** The decoded button for `customId` (which must be a vote or a pick). */
function action(customId: string): FeedbackAction {
  const decoded = decodeButton(customId);
  if (decoded?.kind !== 'vote' && decoded?.kind !== 'pick') throw new Error(`not a feedback button: ${customId}`);
  return decoded;
}

let clicks = 0;
/** A click by a new user on a new message, in a DM unless `guildId` is given. */
const click = (transport: Click['transport'], guildId?: string): Click => {
  clicks++;
  return { userId: `9${clicks}`.padEnd(18, '0'), messageId: `8${clicks}`.padEnd(18, '0'), guildId, transport };
};

const QUESTION: QuestionEvent = {
  at: Date.now(),
  surface: 'slash',
  userHash: 'a'.repeat(64),
  question: 'ماذا قال الأسد؟',
  normalized: 'ماذا قال الاسد',
  outcome: 'answer',
  ref: 'p4',
  paragraph: 4,
  confidence: 0.9,
};

describe('the surface of a click', () => {
  test('outside a server it is a DM, whatever the button names; in a server, the button’s, but never a DM', () => {
    for (const transport of ['slash', 'http'] as const) {
      for (const named of ['slash', 'dm', 'mention', 'http'] as const) {
        expect(clickSurface(named, transport, undefined)).toBe('dm');
        expect(clickSurface(named, transport, null)).toBe('dm');
      }
      expect(clickSurface('dm', transport, GUILD_ID)).toBe(transport);
      expect(clickSurface('mention', transport, GUILD_ID)).toBe('mention');
    }
  });
});

describe('feedbackReply with the real recorder', () => {
  let store: FeedbackStore;
  const SECRET = 'k'.repeat(32);
  const recorderWith = (recordDms: boolean): Recorder => createRecorder({ store, secret: SECRET, recordDms, logger });
  /** The custom_id's base-36 reference to question row `id`, as the recorder hands it out. */
  const refOf = (id: number) => (sealQuestionId(SECRET, id) ?? 0).toString(36);
  beforeEach(() => {
    store = openSqliteStore({ path: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  // Bug fixed (break test 18, F9): the surface letter of the custom_id decided whether a click was in a DM, so a
  // `vote:u:s:…` clicked in a DM was recorded while RECORD_DMS was off.
  test.each(['slash', 'http'] as const)(
    'RECORD_DMS off, %s: a 👍 or 👎 clicked in a DM is refused whatever its surface letter, saying DM ratings are not recorded',
    async (transport) => {
      const ctx = { answerer, recorder: recorderWith(false), logger };
      for (const customId of ['vote:u:s:5:p4', 'vote:d:m:0:p4', 'vote:u:h:0:p4', 'vote:u:d:5:p4']) {
        const reply = await feedbackReply(action(customId), click(transport), ctx);
        expect(
          reply.map((m) => plain(m.content)),
          customId,
        ).toEqual([NOTICES.feedbackDmOff]);
      }
      expect((await store.snapshot(0)).votes).toEqual([]);
    },
  );

  // Bug fixed (break test 18, F10): the refusal said "Feedback is not being recorded on this bot", though server
  // ratings are.
  test('the DM refusal says DM ratings only are not recorded; with RECORD=off it says feedback is off', async () => {
    expect(NOTICES.feedbackDmOff).toContain('Ratings in DMs are not recorded on this bot');
    expect(NOTICES.feedbackDmOff).toContain('Ratings in servers still are');
    const off = await feedbackReply(action('vote:u:s:0:p4'), click('http'), {
      answerer,
      recorder: NULL_RECORDER,
      logger,
    });
    expect(off.map((m) => plain(m.content))).toEqual([NOTICES.feedbackOff]);
  });

  test('RECORD_DMS off: a button that claims a DM but is clicked in a server is recorded as a server vote', async () => {
    const ctx = { answerer, recorder: recorderWith(false), logger };
    const reply = await feedbackReply(action('vote:u:d:0:p4'), click('http', GUILD_ID), ctx);
    expect(reply.map((m) => plain(m.content))).toEqual([NOTICES.voteUp]);
    expect((await store.snapshot(0)).votes.map((v) => [v.surface, v.ref, v.vote])).toEqual([['http', 'p4', 1]]);
  });

  test('RECORD_DMS on: a click in a DM is recorded as a DM vote, whatever its surface letter', async () => {
    const ctx = { answerer, recorder: recorderWith(true), logger };
    await feedbackReply(action('vote:u:s:0:p4'), click('slash'), ctx);
    await feedbackReply(action('vote:u:m:0:p4'), click('http'), ctx);
    expect((await store.snapshot(0)).votes.map((v) => v.surface)).toEqual(['dm', 'dm']);
  });

  // Bug fixed (break test 18, F9): the question id of the custom_id was stored as is, linking a vote to a question
  // that does not exist (or to whichever question later gets that id).
  test('a vote is linked to its question only when that question is recorded; otherwise recorded without a link', async () => {
    const ctx = { answerer, recorder: recorderWith(false), logger };
    const questionId = await store.recordQuestion(QUESTION);
    const missing = questionId + 40;
    for (const customId of [`vote:u:s:${refOf(questionId)}:p4`, `vote:u:s:${refOf(missing)}:p4`]) {
      const reply = await feedbackReply(action(customId), click('slash', GUILD_ID), ctx);
      expect(
        reply.map((m) => plain(m.content)),
        customId,
      ).toEqual([NOTICES.voteUp]);
    }
    const votes = (await store.snapshot(0)).votes;
    expect(votes.map((v) => v.questionId)).toEqual([questionId, undefined]);
  });

  // Bug fixed (break19 F6): buttons carried the row id in base 36. An older release's button still records its
  // vote, without the question (its number is no reference, so it cannot link to an unrelated question).
  test('an /ask vote links its question through the opaque reference; an old row-id button votes without it', async () => {
    const recorder = recorderWith(false);
    const ctx = { answerer, recorder, logger };
    const reply = answerer.ask('ماذا قال الأسد؟');
    const ref = await recorder.question({ surface: 'slash', userId: '1'.repeat(18), question: 'q', reply });
    const rowId = (await store.snapshot(0)).questions[0]?.id ?? 0;
    expect(ref).not.toBe(rowId);
    for (const qid of [ref ?? 0, rowId]) {
      const customId = `vote:u:s:${qid.toString(36)}:p4`;
      expect(
        (await feedbackReply(action(customId), click('slash', GUILD_ID), ctx)).map((m) => plain(m.content)),
      ).toEqual([NOTICES.voteUp]);
    }
    expect((await store.snapshot(0)).votes.map((v) => v.questionId)).toEqual([rowId, undefined]);
  });

  test('RECORD_DMS off: a pick clicked in a DM is refused too (DM feedback), recording nothing', async () => {
    const ctx = { answerer, recorder: recorderWith(false), logger };
    const reply = await feedbackReply(action('pick:12345678901234567:p4:none'), click('http'), ctx);
    expect(reply.map((m) => plain(m.content))).toEqual([NOTICES.feedbackDmOff]);
    expect((await store.snapshot(0)).picks).toEqual([]);
  });
});
