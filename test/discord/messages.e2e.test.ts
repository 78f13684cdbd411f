/**
 * Free-text questions end to end: DMs (cold start), mentions in a server channel, mention injection, failed sends,
 * and flood control (cases 13, 15, 18, 19).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditPayloads, callbackOf, embedsOf, field, type Harness, sentMessages, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The replies the bot posted to message `id` (message_reference), waiting for the first one. */
async function repliesTo(id: string) {
  await h.fake.waitForRequest((r) => isReplyTo(r.body, id));
  return h.fake.requests.filter((r) => isReplyTo(r.body, id));
}

function isReplyTo(body: unknown, id: string): boolean {
  return (body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id === id;
}

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('DMs (case 13)', () => {
  test('a first DM on a cold start, "ماذا قال الطائي؟", is answered exactly once, as a reply in that DM', async () => {
    expect(h.bot.client.channels.cache.size).toBe(1); // only the guild's channel: the DM channel is unknown
    const { id, channelId } = h.fake.dm('ماذا قال الطائي؟');
    await repliesTo(id);
    await settle();
    const replies = h.fake.requests.filter((r) => isReplyTo(r.body, id));
    expect(replies).toHaveLength(1);
    const reply = replies[0];
    expect(reply?.route).toBe(`/channels/${channelId}/messages`);
    const body = reply?.body as Record<string, unknown>;
    expect(body.message_reference).toMatchObject({ message_id: id, fail_if_not_exists: false });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(['9', '10']).toContain(field(body, 'Paragraph'));
    expect(field(body, 'Speaker')).toContain('Wahab al-Taei');
  });

  test('"help" in a DM gives the help', async () => {
    const { id } = h.fake.dm('Help');
    const [reply] = await repliesTo(id);
    expect(field(reply?.body as Record<string, unknown>, 'Commands')).toContain('/ask');
  });

  test('messages from bots (and from itself) are ignored', async () => {
    const before = h.fake.requests.length;
    h.fake.dispatch('MESSAGE_CREATE', {
      id: '1234567890123456789',
      channel_id: h.fake.dmChannelOf(h.fake.bot),
      author: h.fake.bot,
      content: 'ماذا قال الأسد؟',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
      channel_type: 1,
    });
    h.fake.post(`<@${h.fake.bot.id}> ماذا قال الأسد؟`, { asBot: true, mentionBot: true });
    await settle();
    expect(h.fake.requests.length).toBe(before);
  });
});

describe('mentions in a server channel', () => {
  test('a message mentioning the bot is answered as a reply, without the mention in the question', async () => {
    const { id } = h.fake.post(`<@${h.fake.bot.id}> ماذا قال الأسد؟`, { mentionBot: true });
    const [reply] = await repliesTo(id);
    expect(reply?.route).toBe(`/channels/${h.fake.guild.channelId}/messages`);
    const body = reply?.body as Record<string, unknown>;
    expect(field(body, 'Paragraph')).toBe('4');
    expect(embedsOf(body)[0]?.title).toBe('ماذا قال الأسد؟');
  });

  test('a server message that does not mention the bot is ignored', async () => {
    const before = h.fake.requests.length;
    h.fake.post('ماذا قال الأسد؟');
    await settle();
    expect(h.fake.requests.length).toBe(before);
  });
});

describe('mention injection (case 15)', () => {
  const injected = '@everyone <@&123456789012345678> ماذا قال الأسد؟';

  test('/ask with @everyone and a role mention → the Assad answer, nothing can ping, nothing raw echoed', async () => {
    const { token } = h.fake.slash('ask', { question: injected });
    const request = await callbackOf(h.fake, token);
    const data = (request.body as { data: Record<string, unknown> }).data;
    expect(field(data, 'Paragraph')).toBe('4');
    expect(data.allowed_mentions).toMatchObject({ parse: [] });
    expect(JSON.stringify(data)).not.toMatch(/@everyone|<@&123/);
  });

  test('the same text in a mention and in a DM', async () => {
    const viaMention = h.fake.post(`<@${h.fake.bot.id}> ${injected}`, { mentionBot: true });
    const viaDm = h.fake.dm(`**${injected}** __x__`);
    for (const id of [viaMention.id, viaDm.id]) {
      const [reply] = await repliesTo(id);
      const body = reply?.body as Record<string, unknown>;
      expect(body.allowed_mentions).toMatchObject({ parse: [] });
      expect(JSON.stringify(body)).not.toMatch(/@everyone|<@&123/);
    }
    const [dmReply] = await repliesTo(viaDm.id);
    expect(embedsOf(dmReply?.body as Record<string, unknown>)[0]?.title).toContain('\\*\\*');
  });
});

describe('failed sends (case 18)', () => {
  test('a DM reply failing with 50007 is logged, and the next user is answered normally', async () => {
    h.fake.fail({ method: 'POST', route: /^\/channels\/\d+\/messages$/, status: 403, code: 50007 });
    const first = h.fake.dm('ماذا قال الأسد؟');
    await h.fake.waitForRequest((r) => r.status === 403 && isReplyTo(r.body, first.id));
    const second = h.fake.dm('ماذا قال الأسد؟');
    const [reply] = await repliesTo(second.id);
    expect(reply?.status).toBe(200);
    await settle();
    const logged = h.logs.find((l) => l.msg === 'could not answer a message');
    expect(logged).toMatchObject({ level: 40, err: { code: 50007, status: 403 } });
  });

  test('a client "error" event is logged and does not stop the bot', async () => {
    h.bot.client.emit('error', new Error('simulated client error'));
    const { id } = h.fake.dm('ماذا قال الأسد؟');
    await repliesTo(id);
    expect(h.logs.some((l) => l.msg === 'client error')).toBe(true);
  });

  test('a 429 with Retry-After is waited out and the reply still goes through', async () => {
    h.fake.fail({ method: 'POST', route: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.05 });
    const { id } = h.fake.dm('ماذا قال الأسد؟');
    await h.fake.waitForRequest((r) => r.status === 200 && isReplyTo(r.body, id));
    expect(h.fake.requests.filter((r) => isReplyTo(r.body, id)).map((r) => r.status)).toEqual([429, 200]);
  });
});

describe('bursts (case 19)', () => {
  test('25 users asking within 2 seconds all get their answers', async () => {
    const sent = Array.from({ length: 25 }, (_, i) =>
      i % 2 === 0 ? h.fake.dm('ماذا قال الأسد؟') : h.fake.slash('ask', { question: 'ماذا قال المقداد؟' }),
    );
    await Promise.all(
      sent.map((s) =>
        'token' in s ? callbackOf(h.fake, s.token) : repliesTo(s.id).then((r) => expect(r).toHaveLength(1)),
      ),
    );
  });

  test('one user sending 12 DMs in 5 seconds gets the first 5 answers and one polite cooldown notice', async () => {
    const user = h.fake.newUser('flooder');
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(h.fake.dm(`ماذا قال الأسد؟ ${i}`, user).id);
      await new Promise((r) => setTimeout(r, 20));
    }
    await repliesTo(ids[5] ?? '');
    await settle();
    const replies = ids.map((id) => h.fake.requests.filter((r) => isReplyTo(r.body, id)));
    expect(replies.map((r) => r.length)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    const notice = replies[5]?.[0]?.body as { content?: string };
    expect(notice.content).toContain('quickly');
  });
});

test('every payload sent in this file respects limits, mentions, bidi and never carries the token', () => {
  expect(sentMessages(h.fake).length).toBeGreaterThan(30);
  expect(auditPayloads(h.fake)).toEqual([]);
  expect(h.rawLogs()).not.toContain('super-secret-test-token');
});
