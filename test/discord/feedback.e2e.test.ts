/**
 * 👍 / 👎 end to end: the real discord.js client against the fake Discord, with an in-memory recorder. Votes are
 * recorded before the click is acknowledged, one per user per answer message, changeable; a 👎 offers the
 * answer's alternatives and records the pick.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeButton } from '../../src/discord/customIds.ts';
import { NOTICES } from '../../src/discord/render.ts';
import type { RecordedRequest } from '../fake-discord/server.ts';
import { snowflake } from '../fake-discord/snowflake.ts';
import { MemoryRecorder } from '../fixtures/memory-recorder.ts';
import {
  auditPayloads,
  buttonsOf,
  callbackOf,
  EPHEMERAL,
  field,
  flagsOf,
  type Harness,
  startHarness,
} from './harness.ts';

const recorder = new MemoryRecorder();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ recorder });
});
afterAll(async () => {
  await h?.close();
});

type Data = Record<string, unknown>;

async function ask(question: string) {
  const { token } = h.fake.slash('ask', { question });
  const request = await callbackOf(h.fake, token);
  return { request, data: (request.body as { data: Data }).data };
}

async function click(customId: string, on: RecordedRequest, messageId: string, user = h.fake.newUser()) {
  const { token } = h.fake.click(customId, on, { messageId, user });
  const request = await callbackOf(h.fake, token);
  return { request, data: (request.body as { data: Data }).data };
}

function voteButton(data: Data, label: '👍' | '👎'): string {
  const b = buttonsOf(data).find((x) => x.label === label);
  if (!b) throw new Error(`no ${label} in ${JSON.stringify(buttonsOf(data))}`);
  return b.custom_id;
}

const textOf = (data: Data): string => JSON.stringify(data);

describe('feedback buttons', () => {
  test('an /ask answer is recorded with its surface, user and answer, and carries 👍 and 👎', async () => {
    const before = recorder.questions.length;
    const { data } = await ask('ماذا قال الأسد؟');
    const recorded = recorder.questions.slice(before);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ surface: 'slash', question: 'ماذا قال الأسد؟' });
    expect(recorded[0]?.reply.kind).toBe('answer');
    const up = decodeButton(voteButton(data, '👍'));
    expect(up).toMatchObject({ kind: 'vote', vote: 1, surface: 'slash', questionId: before + 1 });
    expect(buttonsOf(data).length).toBeLessThanOrEqual(5 * 5);
  });

  // As in the terminal chat: a paragraph shown on request is the article itself, not an answer chosen for the
  // question, and a 👎 on it became "add an entry quoting the clause" in the report.
  test('a paragraph shown on request ("paragraph 4") is recorded as asked but carries no 👍 / 👎', async () => {
    const before = recorder.questions.length;
    const { data } = await ask('paragraph 4');
    expect(recorder.questions.slice(before).map((q) => q.question)).toEqual(['paragraph 4']);
    expect(buttonsOf(data).map((b) => b.label)).not.toContain('👍');
    expect(buttonsOf(data).map((b) => b.label)).not.toContain('👎');
    expect(buttonsOf(data).some((b) => b.custom_id.startsWith('more:'))).toBe(true);
  });

  test('👍 is recorded against the clicked message, acknowledged ephemerally; the same vote again is "already recorded"', async () => {
    const { request, data } = await ask('ماذا قال المقداد عن التنسيق؟');
    const messageId = snowflake();
    const user = h.fake.newUser('voter');
    const first = await click(voteButton(data, '👍'), request, messageId, user);
    expect(flagsOf(first.data) & EPHEMERAL).toBe(EPHEMERAL);
    expect(textOf(first.data)).toContain('👍');
    const vote = recorder.votes.get(`${messageId}:${user.id}`);
    expect(vote).toMatchObject({ vote: 1, surface: 'slash', messageId, userId: user.id });
    expect(vote?.ref).toMatch(/\S/);
    const again = await click(voteButton(data, '👍'), request, messageId, user);
    expect(textOf(again.data)).toContain('already recorded');
  });

  test('👎 changes the vote and offers the alternatives; picking one records it and shows that answer', async () => {
    const { request, data } = await ask('ماذا قال المقداد عن التنسيق؟');
    const messageId = snowflake();
    const user = h.fake.newUser('critic');
    await click(voteButton(data, '👍'), request, messageId, user);
    const down = await click(voteButton(data, '👎'), request, messageId, user);
    expect(recorder.votes.get(`${messageId}:${user.id}`)?.vote).toBe(-1);
    expect(flagsOf(down.data) & EPHEMERAL).toBe(EPHEMERAL);
    const picks = buttonsOf(down.data);
    expect(picks.at(-1)?.label).toBe('None of these');
    expect(picks.length).toBeGreaterThanOrEqual(2);
    const choice = picks[0];
    if (!choice) throw new Error('no pick button');
    const action = decodeButton(choice.custom_id);
    expect(action).toMatchObject({ kind: 'pick', messageId });
    const picked = await click(choice.custom_id, down.request, snowflake(), user);
    expect(recorder.picks.at(-1)).toMatchObject({ messageId, userId: user.id });
    expect(recorder.picks.at(-1)?.picked).toBe(action?.kind === 'pick' ? action.picked : '');
    expect(field(picked.data, 'Paragraph')).toMatch(/^\d+$/);
    expect(h.answerer.corpus.text).toContain((picked.data.embeds as { description: string }[])[0]?.description);
  });

  test('"None of these" is recorded as none', async () => {
    const { request, data } = await ask('ماذا قال المقداد عن التنسيق؟');
    const messageId = snowflake();
    const user = h.fake.newUser('none-picker');
    const down = await click(voteButton(data, '👎'), request, messageId, user);
    const none = buttonsOf(down.data).find((b) => b.label === 'None of these');
    if (!none) throw new Error('no None button');
    const reply = await click(none.custom_id, down.request, snowflake(), user);
    expect(recorder.picks.at(-1)).toMatchObject({ messageId, picked: 'none' });
    expect(textOf(reply.data)).toContain('none of these');
  });

  // Bug fixed: a pick button was accepted from anyone, with or without a 👎 (unbounded, forgeable picks).
  test('a pick by someone who did not 👎 that answer is refused and recorded nowhere', async () => {
    const { request, data } = await ask('ماذا قال المقداد عن التنسيق؟');
    const messageId = snowflake();
    const down = await click(voteButton(data, '👎'), request, messageId, h.fake.newUser('critic-2'));
    const none = buttonsOf(down.data).find((b) => b.label === 'None of these');
    if (!none) throw new Error('no None button');
    const picks = recorder.picks.length;
    const reply = await click(none.custom_id, down.request, snowflake(), h.fake.newUser('bystander'));
    expect(textOf(reply.data)).toContain(NOTICES.expired);
    expect(recorder.picks).toHaveLength(picks);
  });

  test('a storage failure tells the user to try again, and the bot keeps answering', async () => {
    const { request, data } = await ask('ماذا قال الطائي؟');
    recorder.failWith = new Error('disk full');
    try {
      const reply = await click(voteButton(data, '👍'), request, snowflake());
      expect(textOf(reply.data)).toContain(NOTICES.voteFailed);
    } finally {
      recorder.failWith = undefined;
    }
    expect(h.logs.some((l) => l.msg === 'could not record feedback')).toBe(true);
    const { data: next } = await ask('ماذا قال الأسد؟');
    expect(field(next, 'Paragraph')).toBe('4');
  });

  test('forged vote and pick custom_ids say "expired" and record nothing', async () => {
    const { request } = await ask('ماذا قال الأسد؟');
    const votes = recorder.votes.size;
    const picks = recorder.picks.length;
    for (const forged of [
      'vote:u:x:1:p4',
      'vote:u:s:1:p4:',
      'vote:z:s:1:p4',
      'pick:12:p4:p5',
      `pick:${'9'.repeat(19)}:p4:`,
      // Well-formed but about answers that do not exist (bug fixed: they were recorded and reached the report).
      'vote:d:s:0:totally_fake_ref:also_fake',
      'vote:d:s:1:p99',
      'pick:12345678901234567:evil_ref:none',
      'pick:99999999999999999999:whatever:p4',
      'pick:12345678901234567:p4:p99',
    ]) {
      const reply = await click(forged, request, snowflake());
      expect(textOf(reply.data)).toContain(NOTICES.expired);
    }
    expect(recorder.votes.size).toBe(votes);
    expect(recorder.picks.length).toBe(picks);
  });

  test('DMs carry no vote buttons when DMs are not recorded; mentions do', async () => {
    recorder.feedbackOn.delete('dm');
    const dm = h.fake.dm('ماذا قال الأسد؟');
    const post = h.fake.post(`<@${h.fake.bot.id}> ماذا قال الأسد؟`, { mentionBot: true });
    const replyTo = async (id: string) => {
      const r = await h.fake.waitForRequest(
        (x) => (x.body as { message_reference?: { message_id?: string } })?.message_reference?.message_id === id,
      );
      return r.body as Data;
    };
    expect(buttonsOf(await replyTo(dm.id)).map((b) => b.label)).not.toContain('👍');
    expect(buttonsOf(await replyTo(post.id)).map((b) => b.label)).toContain('👍');
    expect(recorder.questions.some((q) => q.surface === 'mention')).toBe(true);
  });

  test('every payload sent in these tests is within limits and pings no one', () => {
    expect(auditPayloads(h.fake)).toEqual([]);
  });
});
