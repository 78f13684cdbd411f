/**
 * DMs are private by default, whatever way the question arrives: with RECORD_DMS off, a DM message and a DM /ask
 * (the bot's DM, context 1, or a group DM where the user-installed bot runs, context 2) are answered but never
 * recorded and carry no 👍 / 👎; the same /ask in a server is recorded. The real discord.js client, the fake Discord
 * and the real recorder over an in-memory SQLite store.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeButton } from '../../src/discord/customIds.ts';
import { isPrivateContext, surfaceOf } from '../../src/discord/recording.ts';
import { NOTICES } from '../../src/discord/render.ts';
import { createLogger } from '../../src/logger.ts';
import { createRecorder } from '../../src/store/recorder.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { FeedbackStore } from '../../src/store/types.ts';
import { MemoryRecorder } from '../fixtures/memory-recorder.ts';
import { auditPayloads, buttonsOf, callbackOf, field, type Harness, startHarness } from './harness.ts';

type Data = Record<string, unknown>;

describe('the shared rule: no guild id means a DM', () => {
  test.each([
    [null, true],
    [undefined, true],
    ['', true],
    ['123456789012345678', false],
  ])('guild id %j → private %j', (guildId, expected) => {
    expect(isPrivateContext(guildId)).toBe(expected);
  });

  test('a DM question is recorded as `dm` on every transport; a server one keeps its transport', () => {
    for (const t of ['slash', 'http', 'mention'] as const) {
      expect(surfaceOf(t, null)).toBe('dm');
      expect(surfaceOf(t, undefined)).toBe('dm');
      expect(surfaceOf(t, '123456789012345678')).toBe(t);
    }
  });
});

async function ask(h: Harness, question: string, inDm?: boolean | 'group') {
  const { token } = h.fake.slash('ask', { question }, inDm === undefined ? {} : { inDm });
  const request = await callbackOf(h.fake, token);
  return (request.body as { data: Data }).data;
}

const voteButtons = (data: Data) => buttonsOf(data).filter((b) => b.custom_id.startsWith('vote:'));

/** The text without the bidi isolates the renderer puts around runs of one direction. */
const plain = (text: unknown): string => String(text ?? '').replace(/[\u2066-\u2069]/g, '');

/** Sends `text` as a DM and returns the body of the bot's reply to it. */
async function dmReply(h: Harness, text: string): Promise<Data> {
  const dm = h.fake.dm(text);
  const request = await h.fake.waitForRequest(
    (r) => (r.body as { message_reference?: { message_id?: string } })?.message_reference?.message_id === dm.id,
  );
  return request.body as Data;
}

describe('RECORD_DMS off (the default), real recorder', () => {
  let h: Harness;
  let store: FeedbackStore;
  beforeAll(async () => {
    store = openSqliteStore({ path: ':memory:' });
    const recorder = createRecorder({
      store,
      secret: 'k'.repeat(32),
      recordDms: false,
      logger: createLogger('silent'),
    });
    h = await startHarness({ recorder });
  });
  afterAll(async () => {
    await h?.close();
    await store?.close();
  });

  // Bug fixed: a DM /ask was recorded with surface 'slash' and its answer carried vote buttons.
  test('/ask in the bot DM (context 1) and in a group DM (context 2) is answered, not recorded, without 👍 / 👎', async () => {
    for (const place of [true, 'group'] as const) {
      const data = await ask(h, 'ماذا قال الأسد؟', place);
      expect(field(data, 'Paragraph')).toBe('4');
      expect(voteButtons(data)).toEqual([]);
      // The other buttons are still there: only feedback depends on recording.
      expect(buttonsOf(data).length).toBeGreaterThan(0);
    }
    expect((await store.snapshot(0)).questions).toEqual([]);
  });

  test('a DM message is not recorded either; the same /ask in a server is, as slash, with 👍 / 👎', async () => {
    const dm = h.fake.dm('ماذا قال الفياض؟');
    await h.fake.waitForRequest(
      (r) => (r.body as { message_reference?: { message_id?: string } })?.message_reference?.message_id === dm.id,
    );
    const data = await ask(h, 'ماذا قال الطائي؟');
    const up = voteButtons(data)[0];
    expect(up && decodeButton(up.custom_id)).toMatchObject({ kind: 'vote', surface: 'slash' });
    const { questions } = await store.snapshot(0);
    expect(questions.map((q) => [q.surface, q.question])).toEqual([['slash', 'ماذا قال الطائي؟']]);
  });

  // Bug fixed: in a DM "good" got "Please write a question" and "bad" "The article does not say", each recorded as
  // nothing or as a declined question, though a DM answer has no buttons and its ratings are never kept.
  test('good and bad in a DM get one reply: DMs are private, and how to rate elsewhere; nothing is recorded', async () => {
    for (const word of ['good', 'bad', '👍', 'خطأ']) {
      const body = await dmReply(h, word);
      expect(plain(body.content), word).toBe(NOTICES.ratingDmPrivate);
      expect(body.embeds ?? [], word).toEqual([]);
    }
    expect((await store.snapshot(0)).questions.map((q) => q.question)).not.toContain('bad');
  });

  // Bug fixed (break test 18, F9, F10): the custom_id's surface letter decided whether a click was a DM vote, so
  // `vote:u:s:…` clicked in a DM was recorded (linked to a question id that did not exist); and the refusal said
  // feedback was not recorded at all.
  test('a vote clicked in a DM is refused whatever its surface letter, saying DM ratings are not recorded', async () => {
    const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' }, { inDm: true });
    const answer = await callbackOf(h.fake, token);
    for (const customId of ['vote:u:s:5:p4', 'vote:d:m:5:p4', 'vote:u:d:5:p4']) {
      const clicked = h.fake.click(customId, answer, { inDm: true });
      const data = (((await callbackOf(h.fake, clicked.token)).body as { data: Data }).data ?? {}) as Data;
      expect(plain(data.content), customId).toBe(NOTICES.feedbackDmOff);
    }
    expect((await store.snapshot(0)).votes).toEqual([]);
  });

  test('every payload is within limits and pings no one', () => {
    expect(auditPayloads(h.fake)).toEqual([]);
  });
});

describe('RECORD_DMS on', () => {
  const recorder = new MemoryRecorder();
  let h: Harness;
  beforeAll(async () => {
    recorder.feedbackOn.add('dm');
    h = await startHarness({ recorder });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('good or bad typed in a DM says to click 👍 or 👎 under the answer, and is not recorded as a question', async () => {
    const before = recorder.questions.length;
    for (const word of ['good', 'bad']) expect(plain((await dmReply(h, word)).content)).toBe(NOTICES.ratingHow);
    expect(recorder.questions.length).toBe(before);
  });

  test('a DM /ask is recorded as a DM question and its 👍 / 👎 say so', async () => {
    for (const place of [true, 'group'] as const) {
      const before = recorder.questions.length;
      const data = await ask(h, 'ماذا قال الطائي؟', place);
      expect(recorder.questions.slice(before).map((q) => q.surface)).toEqual(['dm']);
      const up = voteButtons(data)[0];
      expect(up && decodeButton(up.custom_id)).toMatchObject({ kind: 'vote', surface: 'dm' });
    }
  });
});
