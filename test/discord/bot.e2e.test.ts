/**
 * The bot end to end: the real discord.js Client and the real core answerer against the fake Discord.
 * Slash commands, autocomplete and buttons; DMs and mentions; errors, dead interactions and gateway reconnects
 * (cases 13-19 and 22). Every payload the bot sends is audited at the end (limits, mentions, bidi, token).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Answer } from '../../src/core/types.ts';
import { NOTICES } from '../../src/discord/render.ts';
import { message } from '../fake-discord/payloads.ts';
import type { RecordedRequest } from '../fake-discord/server.ts';
import { snowflake } from '../fake-discord/snowflake.ts';
import {
  auditPayloads,
  buttonsOf,
  callbackOf,
  EPHEMERAL,
  embedsOf,
  field,
  flagsOf,
  type Harness,
  realAnswerer,
  sentMessages,
  startHarness,
  wrapAnswerer,
} from './harness.ts';

/** Asked with a lowered confidence so the "Did you mean" path runs on real data. */
const VAGUE = 'ماذا قال عن التنسيق؟';
/** Makes the answerer throw, to exercise the error boundary. */
const BOOM = 'boom';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

let h: Harness;
beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const answerer = wrapAnswerer(realAnswerer(), (q, real) => {
    if (q === BOOM) throw new Error('answerer exploded');
    const reply = real.ask(q);
    return q === VAGUE && reply.kind === 'answer' ? { ...reply, confidence: 0.3 } : reply;
  });
  h = await startHarness({ answerer });
});
afterAll(async () => {
  await h?.close();
  process.off('unhandledRejection', onUnhandled);
});

async function eventually(check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Long enough for a request that should not happen to have happened (everything is on 127.0.0.1). */
const settle = () => new Promise((r) => setTimeout(r, 60));

/** Runs /ask and returns the callback request and its message data. */
async function ask(question: string, extra: Parameters<Harness['fake']['slash']>[2] = {}) {
  const { token } = h.fake.slash('ask', { question }, extra);
  const request = await callbackOf(h.fake, token);
  return { request, data: (request.body as { data: Record<string, unknown> }).data, token };
}

function buttonId(data: Record<string, unknown>, prefix: string): string {
  const b = buttonsOf(data).find((x) => x.custom_id.startsWith(prefix));
  if (!b) throw new Error(`no ${prefix} button in ${JSON.stringify(buttonsOf(data))}`);
  return b.custom_id;
}

async function click(customId: string, on: RecordedRequest) {
  const { token } = h.fake.click(customId, on);
  const request = await callbackOf(h.fake, token);
  return { request, body: request.body as { type: number; data: Record<string, unknown> }, token };
}

/** The replies the bot posted to message `id` (message_reference), waiting for the first one. */
async function repliesTo(id: string) {
  await h.fake.waitForRequest((r) => isReplyTo(r.body, id));
  return h.fake.requests.filter((r) => isReplyTo(r.body, id));
}

function isReplyTo(body: unknown, id: string): boolean {
  return (body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id === id;
}

const callbackRoute = /^\/interactions\/\d+\/[^/]+\/callback$/;

/** Asks "ماذا قال الأسد؟" and checks it is answered (the bot is still alive and well). */
async function stillAnswers(): Promise<void> {
  const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' });
  const cb = await callbackOf(h.fake, token);
  expect(cb.status).toBe(204);
  expect(field((cb.body as { data: Record<string, unknown> }).data, 'Paragraph')).toBe('4');
}

describe('login', () => {
  test('the client identifies with Guilds, DirectMessages and GuildMessages, and becomes ready', () => {
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.fake.identifies).toBe(1);
    expect(h.fake.lastIdentify?.intents).toBe(1 | 512 | 4096);
    expect(h.bot.client.user?.id).toBe(h.fake.bot.id);
    expect(h.logs.some((l) => l.msg === 'discord bot ready')).toBe(true);
  });
});

describe('/ask', () => {
  test('"ماذا قال الأسد؟" → paragraph 4, Bashar al-Assad, the quote verbatim, in one public reply', async () => {
    const { request, data, token } = await ask('ماذا قال الأسد؟');
    expect(request.body).toMatchObject({ type: 4 });
    expect(flagsOf(data) & EPHEMERAL).toBe(0);
    const [embed] = embedsOf(data);
    expect(field(data, 'Paragraph')).toBe('4');
    expect(field(data, 'Speaker')).toContain('Bashar al-Assad');
    expect(field(data, 'Speaker')).toContain('بشار الأسد');
    expect(field(data, 'Speaker')).toContain('President of Syria');
    expect(field(data, 'Confidence')).toMatch(/^\d{1,3}%$/);
    expect(h.answerer.corpus.text.includes(embed?.description ?? '∅')).toBe(true);
    expect(field(data, 'Translation (ours)')).toBeUndefined();
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(h.fake.requestsFor(token)).toHaveLength(1);
  });

  test('"What did Mekdad say about coordination?" → paragraphs 11-13, Faisal al-Mekdad, with our translation', async () => {
    const { data } = await ask('What did Mekdad say about coordination?');
    expect(Number(field(data, 'Paragraph'))).toBeGreaterThanOrEqual(11);
    expect(Number(field(data, 'Paragraph'))).toBeLessThanOrEqual(13);
    expect(field(data, 'Speaker')).toContain('Faisal al-Mekdad');
    expect(field(data, 'Translation (ours)')).toBeTruthy();
  });

  test('private:true answers ephemerally', async () => {
    const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟', private: true });
    const request = await callbackOf(h.fake, token);
    expect(flagsOf((request.body as { data: Record<string, unknown> }).data) & EPHEMERAL).toBe(EPHEMERAL);
  });

  test('a question the article does not cover → ephemeral "does not say" with suggestions', async () => {
    const { data } = await ask('ما حالة الطقس غدا في دمشق؟');
    expect(flagsOf(data) & EPHEMERAL).toBe(EPHEMERAL);
    const [embed] = embedsOf(data);
    expect(embed?.title).toContain('The article does not say');
    expect(field(data, 'Questions I can answer')).toMatch(/•/);
    expect(field(data, 'You asked')).toContain('حالة الطقس');
  });

  test('an empty question (only tatweel, marks and bidi controls) gets a prompt, never a paragraph', async () => {
    const { data } = await ask('ـــ؟؟ \u200F\u064B');
    expect(embedsOf(data)[0]?.title).toContain('Please write a question');
    expect(field(data, 'Paragraph')).toBeUndefined();
  });
});

describe('slow path (case 14)', () => {
  test('an interaction that arrives late is deferred, then the reply is edited in: one acknowledgement', async () => {
    const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' }, { createdAt: Date.now() - 2000 });
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.route.includes(token));
    const calls = h.fake.requestsFor(token);
    expect(calls.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'PATCH 200']);
    expect(calls[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(edit.path.endsWith('/messages/%40original')).toBe(true);
    expect(field(edit.body as Record<string, unknown>, 'Paragraph')).toBe('4');
    expect((edit.body as Record<string, unknown>).allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  test('a late private question is deferred ephemerally', async () => {
    const { token } = h.fake.slash(
      'ask',
      { question: 'ماذا قال الأسد؟', private: true },
      { createdAt: Date.now() - 2000 },
    );
    await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.route.includes(token));
    expect(h.fake.requestsFor(token)[0]?.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
  });

  test('a late question with no answer replaces the public deferral by an ephemeral follow-up', async () => {
    const { token } = h.fake.slash('ask', { question: 'ما حالة الطقس غدا في دمشق؟' }, { createdAt: Date.now() - 2000 });
    const followUp = await h.fake.waitForRequest((r) => r.method === 'POST' && r.route.endsWith(`/${token}`));
    expect(h.fake.requestsFor(token).map((r) => r.method)).toEqual(['POST', 'DELETE', 'POST']);
    expect(flagsOf(followUp.body as Record<string, unknown>) & EPHEMERAL).toBe(EPHEMERAL);
  });
});

describe('autocomplete (case 17)', () => {
  async function complete(value: string, command = 'ask', option = 'question') {
    const { token } = h.fake.autocomplete(command, option, value);
    const started = Date.now();
    const request = await callbackOf(h.fake, token);
    // Answered once, at once (the fake refuses callbacks after Discord's 3 s with 10062: status 404).
    expect(request.status).toBe(204);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(h.fake.requestsFor(token)).toHaveLength(1);
    const body = request.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    return body.data.choices;
  }

  test.each(['ما', '', 'x'.repeat(6000), 'What did'])(
    'focused %j: ≤ 25 choices, names 1-100, values ≤ 100',
    async (v) => {
      const choices = await complete(v);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThanOrEqual(1);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
      expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    },
  );

  test('"ما" and an empty field both offer curated questions, whose values are the questions themselves', async () => {
    expect((await complete('ما')).length).toBeGreaterThan(0);
    const popular = await complete('');
    expect(popular.length).toBeGreaterThan(0);
    const curated = new Set(h.answerer.corpus.entries.flatMap((e) => Object.values(e.questions).flat()));
    expect(popular.every((c) => curated.has(c.value) || c.value.startsWith('qa:'))).toBe(true);
  });

  // Bug fixed: picking "What did Mekdad stress?" answered with the Arabic title and no translation.
  test('submitting a picked choice answers its entry, titled and translated as picked', async () => {
    const [choice] = await complete('What did Mekdad');
    const entry = h.answerer.corpus.entries.find((e) =>
      Object.values(e.questions)
        .flat()
        .includes(choice?.value ?? ''),
    );
    expect(entry).toBeDefined();
    const expected = h.answerer.answerEntry(entry?.id ?? '') as Answer;
    const { data } = await ask(choice?.value ?? '');
    expect(embedsOf(data)[0]?.description).toBe(expected.quote);
    expect(embedsOf(data)[0]?.title).toContain('Mekdad');
    expect(field(data, 'Paragraph')).toBe(String(expected.paragraph));
    expect(field(data, 'Translation (ours)')).toBeDefined();
  });

  test('a qa:<entryId> value (a question over 100 characters) answers that entry; a stale one says so', async () => {
    const entry = h.answerer.corpus.entries[0];
    const { data } = await ask(`qa:${entry?.id}`);
    expect(embedsOf(data)[0]?.description).toBe(h.answerer.answerEntry(entry?.id ?? '')?.quote);
    const stale = await ask('qa:no-such-entry');
    expect(stale.data.content).toContain('no longer available');
    expect(flagsOf(stale.data) & EPHEMERAL).toBe(EPHEMERAL);
  });

  // Bug fixed: 300 autocompletes of 6,000 characters from one user made another user's /ask miss Discord's 3 s.
  test('an autocomplete flood from one user is cut at the per-user limit; another user is still served', async () => {
    const flooder = h.fake.newUser('flooder');
    const long = 'ماذا قال الأسد عن الحدود '.repeat(240);
    const tokens = Array.from(
      { length: 80 },
      () => h.fake.autocomplete('ask', 'question', long, { user: flooder }).token,
    );
    const other = await complete('ماذا');
    expect(other.length).toBeGreaterThan(0);
    await settle();
    await new Promise((r) => setTimeout(r, 200));
    const answered = tokens.filter((t) => h.fake.requestsFor(t).length > 0).length;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThanOrEqual(50);
  });

  test('an autocomplete that arrives after 2.5 s is dropped (answering it would fail with 10062)', async () => {
    const { token } = h.fake.autocomplete('ask', 'question', 'ماذا', { createdAt: Date.now() - 2800 });
    await settle();
    expect(h.fake.requestsFor(token)).toHaveLength(0);
    expect(h.logs.some((l) => l.msg === 'autocomplete arrived too late to answer; dropped')).toBe(true);
  });

  test('/quote speaker autocomplete matches Arabic and English names', async () => {
    expect((await complete('Mek', 'quote', 'speaker')).map((c) => c.value)).toContain('mekdad');
    expect((await complete('الأسد', 'quote', 'speaker')).map((c) => c.value)).toContain('assad');
    expect((await complete('the reporter', 'quote', 'speaker')).map((c) => c.value)).toEqual(['mahdi']);
    expect((await complete('', 'quote', 'speaker')).length).toBe(h.answerer.corpus.speakers.length);
  });
});

describe('/ask follow-ups', () => {
  test('"/ask and al-Mekdad?" after "/ask ماذا قال الأسد؟" answers about al-Mekdad', async () => {
    const user = h.fake.newUser('slasher');
    const first = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' }, { user });
    await callbackOf(h.fake, first.token);
    const { token } = h.fake.slash('ask', { question: 'and al-Mekdad?' }, { user });
    const data = ((await callbackOf(h.fake, token)).body as { data: Record<string, unknown> }).data;
    expect(field(data, 'Speaker')).toContain('Faisal al-Mekdad');
  });

  // Bug fixed: button clicks did not move the conversation ("That is all Bashar al-Assad says" after a Mekdad click).
  test('after "More from <speaker>", "what else did he say?" follows that speaker', async () => {
    const user = h.fake.newUser('clicker');
    const first = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' }, { user });
    const request = await callbackOf(h.fake, first.token);
    const more = h.fake.click('more:mekdad', request, { user });
    await callbackOf(h.fake, more.token);
    const { token } = h.fake.slash('ask', { question: 'what else did he say?' }, { user });
    const data = ((await callbackOf(h.fake, token)).body as { data: Record<string, unknown> }).data;
    expect(JSON.stringify(data)).toContain('Faisal al-Mekdad');
  });
});

describe('buttons', () => {
  test('"Other matches" shows up to 3 alternatives, ephemerally, to whoever clicks', async () => {
    const { request, data } = await ask('ماذا قال الأسد؟');
    const { body } = await click(buttonId(data, 'alts:'), request);
    expect(body.type).toBe(4);
    expect(flagsOf(body.data) & EPHEMERAL).toBe(EPHEMERAL);
    const embeds = embedsOf(body.data);
    expect(embeds.length).toBeGreaterThanOrEqual(1);
    expect(embeds.length).toBeLessThanOrEqual(3);
    for (const e of embeds) expect(h.answerer.corpus.text.includes(e.description ?? '∅')).toBe(true);
  });

  test('"More from <speaker>" lists every quote of that speaker', async () => {
    const { request, data } = await ask('What did Mekdad say about coordination?');
    const more = buttonsOf(data).find((b) => b.custom_id === 'more:mekdad');
    expect(more?.label).toBe('More from Faisal al-Mekdad');
    const { body } = await click('more:mekdad', request);
    expect(flagsOf(body.data) & EPHEMERAL).toBe(EPHEMERAL);
    const text = embedsOf(body.data)
      .flatMap((e) => e.fields ?? [])
      .map((f) => f.value)
      .join('');
    for (const q of h.answerer.quotesBy('mekdad')) expect(text).toContain(q.quote);
  });

  test('low confidence adds "Did you mean" buttons; clicking one answers that alternative', async () => {
    const { request, data } = await ask(VAGUE);
    const ids = buttonsOf(data)
      .map((b) => b.custom_id)
      .filter((id) => id.startsWith('alt:'));
    expect(ids.length).toBeGreaterThan(0);
    expect(field(data, 'Not sure')).toBeTruthy();
    const { body } = await click(ids[0] ?? '', request);
    expect(body.type).toBe(4);
    expect(flagsOf(body.data) & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.answerer.corpus.text.includes(embedsOf(body.data)[0]?.description ?? '∅')).toBe(true);
  });

  test('a button click that arrives late is still acknowledged exactly once (case 14)', async () => {
    const { request } = await ask('ماذا قال الأسد؟');
    const { token } = h.fake.click('more:assad', request, { createdAt: Date.now() - 2000 });
    await h.fake.waitForRequest((r) => r.route.includes(token) && r.status < 300);
    await settle();
    const ok = h.fake.requestsFor(token).filter((r) => r.route.endsWith('/callback') && r.status < 300);
    expect(ok).toHaveLength(1);
    expect(JSON.stringify(h.fake.requestsFor(token).map((r) => r.body))).toContain('Bashar al-Assad');
  });

  test('an unknown or stale button says it expired (ephemeral), and nothing else happens', async () => {
    const { request } = await ask('ماذا قال الأسد؟');
    for (const id of ['bogus:1', 'quote:mekdad:9', 'alt:a:no-such-entry', 'more:nobody', 'alt:a:p99']) {
      const { body, token } = await click(id, request);
      expect(body.data.content).toContain('expired');
      expect(flagsOf(body.data) & EPHEMERAL).toBe(EPHEMERAL);
      expect(h.fake.requestsFor(token)).toHaveLength(1);
    }
  });

  // Bug fixed (break12): a stale /quote page said "Ask again with /ask".
  test('a stale /quote page points back to /quote', async () => {
    const { request } = await ask('ماذا قال الأسد؟');
    const { body } = await click('quote:taei:7', request);
    expect(body.data.content).toContain('/quote');
    expect(body.data.content).not.toContain('/ask');
  });
});

describe('/quote pagination', () => {
  test('/quote speaker:mekdad pages through paragraphs 11-13 with Previous/Next, updating in place', async () => {
    const { token } = h.fake.slash('quote', { speaker: 'mekdad' });
    let request = await callbackOf(h.fake, token);
    let data = (request.body as { data: Record<string, unknown> }).data;
    const pages = h.answerer.quotesBy('mekdad');
    expect(embedsOf(data)[0]?.title).toBe(`Quotes by Faisal al-Mekdad (1/${pages.length})`);
    expect(embedsOf(data)[0]?.description).toBe(pages[0]?.quote);
    let [prev, next] = buttonsOf(data);
    expect(prev?.disabled).toBe(true);
    for (let page = 1; page < pages.length; page++) {
      expect(next?.custom_id).toBe(`quote:mekdad:${page}`);
      const clicked = await click(next?.custom_id ?? '', request);
      expect(clicked.body.type).toBe(7);
      request = clicked.request;
      data = clicked.body.data;
      expect(embedsOf(data)[0]?.description).toBe(pages[page]?.quote);
      expect(field(data, 'Paragraph')).toBe(String(pages[page]?.paragraph));
      [prev, next] = buttonsOf(data);
      expect(prev?.disabled ?? false).toBe(false);
    }
    expect(next?.disabled).toBe(true);
    const back = await click(prev?.custom_id ?? '', request);
    expect(embedsOf(back.body.data)[0]?.description).toBe(pages[pages.length - 2]?.quote);
  });

  test('/quote accepts a typed name, and says so for an unknown speaker', async () => {
    const { token } = h.fake.slash('quote', { speaker: 'المقداد' });
    const ok = await callbackOf(h.fake, token);
    expect(JSON.stringify(ok.body)).toContain('Faisal al-Mekdad');
    const reporter = await callbackOf(h.fake, h.fake.slash('quote', { speaker: 'the reporter' }).token);
    expect(JSON.stringify(reporter.body)).toContain('Osama Mahdi');
    const unknown = h.fake.slash('quote', { speaker: 'Napoleon' });
    const no = (await callbackOf(h.fake, unknown.token)).body as { data: Record<string, unknown> };
    expect(no.data.content).toContain('/speakers');
    expect(flagsOf(no.data) & EPHEMERAL).toBe(EPHEMERAL);
  });
});

describe('/speakers, /article, /help', () => {
  test('/speakers lists each speaker with Arabic name, English name and role', async () => {
    const { token } = h.fake.slash('speakers');
    const data = ((await callbackOf(h.fake, token)).body as { data: Record<string, unknown> }).data;
    const fields = embedsOf(data).flatMap((e) => e.fields ?? []);
    expect(fields).toHaveLength(h.answerer.corpus.speakers.length);
    for (const s of h.answerer.corpus.speakers) {
      const f = fields.find((x) => x.name === s.nameAr);
      expect(f?.value).toContain(s.nameEn);
      expect(f?.value).toContain(s.roleEn);
    }
  });

  test('/article gives the byline, the paragraph count and how to ask', async () => {
    const { token } = h.fake.slash('article', {}, { inDm: true });
    const data = ((await callbackOf(h.fake, token)).body as { data: Record<string, unknown> }).data;
    expect(field(data, 'Byline')).toBe(h.answerer.corpus.byline);
    expect(field(data, 'Paragraphs')).toBe('14');
    expect(field(data, 'How to ask')).toContain('/ask');
  });

  test('/help is ephemeral and lists the commands', async () => {
    const { token } = h.fake.slash('help', {}, { inDm: true });
    const data = ((await callbackOf(h.fake, token)).body as { data: Record<string, unknown> }).data;
    expect(flagsOf(data) & EPHEMERAL).toBe(EPHEMERAL);
    for (const c of ['/ask', '/quote', '/speakers', '/article', '/help']) expect(field(data, 'Commands')).toContain(c);
  });
});

describe('DMs (case 13)', () => {
  test('a first DM on a cold start, "ماذا قال الطائي؟", is answered exactly once, as a reply in that DM', async () => {
    const user = h.fake.newUser('newcomer');
    const dmChannel = h.fake.dmChannelOf(user);
    expect(h.bot.client.channels.cache.has(dmChannel)).toBe(false); // the client has never seen this DM
    const { id, channelId } = h.fake.dm('ماذا قال الطائي؟', user);
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
    // The bot keeps no message cache (it never reads history): memory does not grow with conversations.
    const cached = h.bot.client.channels.cache.get(dmChannel);
    expect(cached?.isTextBased() && cached.messages.cache.size).toBe(0);
  });

  test('a first DM that also mentions the bot, and a nickname mention <@!id> in a server, are answered once', async () => {
    const dm = h.fake.dm(`<@${h.fake.bot.id}> ماذا قال الطائي؟`);
    const post = h.fake.post(`<@!${h.fake.bot.id}> ماذا قال الطائي؟`, { mentionBot: true });
    for (const id of [dm.id, post.id]) {
      await repliesTo(id);
      await settle();
      const replies = h.fake.requests.filter((r) => isReplyTo(r.body, id));
      expect(replies).toHaveLength(1);
      expect(field(replies[0]?.body as Record<string, unknown>, 'Speaker')).toContain('Wahab al-Taei');
      // Bug fixed (break19 F7): in the DM the mention was echoed in the title; in a server it was already removed.
      expect(embedsOf(replies[0]?.body as Record<string, unknown>)[0]?.title).toBe('ماذا قال الطائي؟');
    }
  });

  test('follow-ups in a DM refer to that user’s last answer; another user’s "who is he?" does not', async () => {
    const user = h.fake.newUser('follower');
    const other = h.fake.newUser('stranger');
    const answerTo = async (text: string, from = user) => {
      const { id } = h.fake.dm(text, from);
      const [reply] = await repliesTo(id);
      return reply?.body as Record<string, unknown>;
    };
    expect(field(await answerTo('ماذا قال الأسد؟'), 'Speaker')).toContain('Bashar al-Assad');
    const swapped = await answerTo('and al-Mekdad?');
    expect(field(swapped, 'Speaker')).toContain('Faisal al-Mekdad');
    const more = await answerTo('وماذا قال أيضا؟');
    expect(field(more, 'Speaker')).toContain('Faisal al-Mekdad');
    expect(field(more, 'Paragraph')).not.toBe(field(swapped, 'Paragraph'));
    const stranger = await answerTo('who is he?', other);
    expect((stranger.embeds as Array<{ title: string }>)[0]?.title).toContain('من تقصد؟');
  });

  // Bug fixed: a DM conversation continued in a public server channel (follow-ups were keyed by user only).
  test('a follow-up in a server does not continue the same user’s DM conversation', async () => {
    const user = h.fake.newUser('two-places');
    const dm = h.fake.dm('ماذا قال المقداد؟', user);
    await repliesTo(dm.id);
    const post = h.fake.post(`<@${h.fake.bot.id}> what else did he say?`, { mentionBot: true, from: user });
    const [reply] = await repliesTo(post.id);
    expect(embedsOf(reply?.body as Record<string, unknown>)[0]?.title ?? '').toContain('من تقصد؟');
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

  // Bug fixed (break test 18, F8): a group-DM message (channel type 3) made the reply throw "this.channel.send is
  // not a function", logged at error level for every such message.
  test('a message in a group DM, where the bot cannot send, is ignored without an error; the next DM is answered', async () => {
    const before = h.fake.requests.length;
    const logsBefore = h.logs.length;
    const from = h.fake.newUser();
    const groupId = snowflake();
    h.fake.dispatch('MESSAGE_CREATE', {
      ...message({ id: groupId, channelId: snowflake(), author: from, content: 'ماذا قال الأسد؟' }),
      channel_type: 3,
    });
    await settle();
    expect(h.fake.requests.length).toBe(before);
    const logged = h.logs.slice(logsBefore);
    expect(logged.filter((l) => l.level >= 40)).toEqual([]);
    expect(logged.some((l) => l.msg === 'message ignored: cannot reply there' && l.messageId === groupId)).toBe(true);
    const { id } = h.fake.dm('ماذا قال الأسد؟', from);
    expect(await repliesTo(id)).toHaveLength(1);
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

// Bug fixed: Discord's "Reply" on one of the bot's answers was ignored unless the text also held <@bot>.
describe('replies to the bot’s messages', () => {
  /** A mention from `user` answered by the bot: the recorded request that posted the answer. */
  async function mentionAnswered(question: string, user: ReturnType<Harness['fake']['newUser']>) {
    const { id } = h.fake.post(`<@${h.fake.bot.id}> ${question}`, { mentionBot: true, from: user });
    const [answer] = await repliesTo(id);
    if (!answer) throw new Error('no answer');
    return answer;
  }

  test('a reply with the ping and one without are answered as follow-ups, replying to the user and pinging no one', async () => {
    const user = h.fake.newUser('replier');
    const first = await mentionAnswered('ماذا قال المقداد؟', user);
    expect(field(first.body as Record<string, unknown>, 'Speaker')).toContain('Faisal al-Mekdad');
    const seen = [field(first.body as Record<string, unknown>, 'Paragraph')];
    for (const [text, ping] of [
      ['what else did he say?', true],
      ['وماذا قال أيضا؟', false],
    ] as const) {
      const reply = h.fake.reply(text, { from: user, ping, on: first });
      const answers = await repliesTo(reply.id);
      await settle();
      expect(h.fake.requests.filter((r) => isReplyTo(r.body, reply.id))).toHaveLength(1);
      const body = answers[0]?.body as Record<string, unknown>;
      expect(answers[0]?.route).toBe(`/channels/${h.fake.guild.channelId}/messages`);
      expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(field(body, 'Speaker')).toContain('Faisal al-Mekdad');
      const paragraph = field(body, 'Paragraph');
      expect(paragraph).toMatch(/^\d+$/);
      seen.push(paragraph);
      expect(embedsOf(body)[0]?.title).toBe(text);
    }
    // "What else" moves on to his next passage each time (he has three), as in a DM.
    expect(new Set(seen).size).toBe(3);
  });

  test('a ping reply whose replied message is gone (no referenced_message) still reaches the bot', async () => {
    const reply = h.fake.reply('ماذا قال الأسد؟', { ping: true, deleted: true });
    const [answer] = await repliesTo(reply.id);
    expect(field(answer?.body as Record<string, unknown>, 'Paragraph')).toBe('4');
  });

  test('a reply to someone else’s message, and a forward of the bot’s message, are ignored', async () => {
    const before = h.fake.requests.length;
    h.fake.reply('ماذا قال الأسد؟', { author: h.fake.newUser('someone') });
    h.fake.reply('ماذا قال الأسد؟', { author: h.fake.newUser('someone-else'), ping: true });
    h.fake.reply('ماذا قال الأسد؟', { forward: true });
    await settle();
    expect(h.fake.requests.length).toBe(before);
  });

  test('a reply without the ping whose text Discord withheld says how to be read', async () => {
    const reply = h.fake.reply('');
    const [answer] = await repliesTo(reply.id);
    expect((answer?.body as { content?: string } | undefined)?.content).toContain('I could not read your reply');
  });

  test('replies share the per-user cooldown with /ask', async () => {
    const user = h.fake.newUser('busy-replier');
    for (let i = 0; i < 5; i++) await ask('ماذا قال الأسد؟', { user });
    const reply = h.fake.reply('ماذا قال الطائي؟', { from: user });
    const [answer] = await repliesTo(reply.id);
    expect((answer?.body as { content?: string } | undefined)?.content).toContain('quickly');
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

describe('other injections of the same kind (case 15)', () => {
  test.each([
    '@here <@123456789012345678> <#123456789012345678> </ask:123456789012345678> ماذا قال الأسد؟',
    '[free nitro](https://evil.example/login) ماذا قال الأسد؟',
    '# big\n-# small\n> quote\n- item\n1. first ```code``` ||spoiler|| ~~x~~ ماذا قال الأسد؟',
  ])('%j in a DM, a mention and /ask: nothing pings, no link, no markdown from the user', async (text) => {
    const viaDm = h.fake.dm(text);
    const viaMention = h.fake.post(`<@${h.fake.bot.id}> ${text}`, { mentionBot: true });
    const slash = h.fake.slash('ask', { question: text });
    await callbackOf(h.fake, slash.token);
    for (const id of [viaDm.id, viaMention.id]) await repliesTo(id);
    // The echo is checked by the audit at the end of this file; here, the user's markdown shows as typed.
    const [reply] = await repliesTo(viaDm.id);
    const title = embedsOf(reply?.body as Record<string, unknown>)[0]?.title ?? '';
    expect(title).not.toMatch(/(?<!\\)\[free nitro\]\(|https:\/\/|(?<!\\)\|\||(?<!\\)~~/);
    expect(title).not.toMatch(/^(#|-#|>|- |\d+\. )/);
  });

  test('an off-topic question with a phishing link: the public "You asked" never links', async () => {
    const { id } = h.fake.dm('ما حالة الطقس غدا؟ [اضغط هنا](https://evil.example) https://evil.example/x_y');
    const [reply] = await repliesTo(id);
    const asked = field(reply?.body as Record<string, unknown>, 'You asked') ?? '';
    expect(asked).toContain('evil.example');
    expect(asked).not.toMatch(/https:\/\/|(?<!\\)\[اضغط هنا\]\(/);
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

  test('a 429 with a long Retry-After on one DM does not delay another user’s answer', async () => {
    const slow = h.fake.newUser('slow');
    const channel = h.fake.dmChannelOf(slow);
    h.fake.fail({ method: 'POST', route: new RegExp(`^/channels/${channel}/messages$`), status: 429, retryAfter: 1 });
    const first = h.fake.dm('ماذا قال الأسد؟', slow);
    await h.fake.waitForRequest((r) => r.status === 429 && isReplyTo(r.body, first.id));
    const started = Date.now();
    const second = h.fake.dm('ماذا قال الأسد؟');
    await h.fake.waitForRequest((r) => r.status === 200 && isReplyTo(r.body, second.id));
    expect(Date.now() - started).toBeLessThan(700);
    await h.fake.waitForRequest((r) => r.status === 200 && isReplyTo(r.body, first.id), 3000);
  });

  test('a DM reply failing with 503 (after the REST retries) is logged; the next DM is answered', async () => {
    h.fake.fail({ method: 'POST', route: /^\/channels\/\d+\/messages$/, status: 503, times: 4 });
    const first = h.fake.dm('ماذا قال الأسد؟');
    await h.fake.waitForRequest((r) => r.status === 503 && isReplyTo(r.body, first.id));
    await eventually(() =>
      h.logs.some((l) => l.msg === 'could not answer a message' && (l.err as { status?: number }).status === 503),
    );
    const second = h.fake.dm('ماذا قال الأسد؟');
    const [reply] = await repliesTo(second.id);
    expect(reply?.status).toBe(200);
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
    // All 12 at once (well within 5 seconds); the gateway delivers them in order.
    for (let i = 0; i < 12; i++) ids.push(h.fake.dm(`ماذا قال الأسد؟ ${i}`, user).id);
    // Answers wait on recording and the notice does not, so the notice may be sent before the fifth answer: wait
    // for all six replies, in any order, then for stray ones.
    for (const id of ids.slice(0, 6)) await repliesTo(id);
    await settle();
    const replies = ids.map((id) => h.fake.requests.filter((r) => isReplyTo(r.body, id)));
    expect(replies.map((r) => r.length)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    const notice = replies[5]?.[0]?.body as { content?: string };
    expect(notice.content).toContain('quickly');
  });
});

describe('cooldown on slash commands; autocomplete and buttons exempt (case 19)', () => {
  test('a user running /ask 8 times: 5 answers, then an ephemeral notice each time, saying when to ask again', async () => {
    const user = h.fake.newUser('slash-flooder');
    const callbacks = [];
    for (let i = 0; i < 8; i++) {
      const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' }, { user });
      callbacks.push(await callbackOf(h.fake, token));
    }
    const datas = callbacks.map((c) => (c.body as { data: Record<string, unknown> }).data);
    expect(datas.slice(0, 5).every((d) => field(d, 'Paragraph') === '4')).toBe(true);
    for (const d of datas.slice(5)) {
      expect(d.content).toMatch(/sending questions quickly; you can ask again in \u2068?\d+ s/);
      expect(flagsOf(d) & EPHEMERAL).toBe(EPHEMERAL);
      expect(d.embeds ?? []).toEqual([]);
    }

    // Still limited: autocomplete answers with choices, a button still answers.
    const complete = h.fake.autocomplete('ask', 'question', 'ماذا قال', { user });
    const choices = (await callbackOf(h.fake, complete.token)).body as { data: { choices: unknown[] } };
    expect(choices.data.choices.length).toBeGreaterThan(0);
    const click = h.fake.click('more:assad', callbacks[0] as RecordedRequest, { user });
    const clicked = (await callbackOf(h.fake, click.token)).body as { data: Record<string, unknown> };
    expect(JSON.stringify(clicked.data)).toContain('Bashar al-Assad');

    // DMs share the same bucket: the flooding user's DM is not answered either (one notice at most).
    const dm = h.fake.dm('ماذا قال الأسد؟', user);
    await settle();
    const replies = h.fake.requests.filter((r) => isReplyTo(r.body, dm.id));
    expect(replies.length).toBeLessThanOrEqual(1);
    for (const r of replies) expect((r.body as { content?: string }).content).toContain('quickly');
  });
});

describe('handler errors', () => {
  test('a throwing handler → ephemeral apology (reply) and an error log line, then business as usual', async () => {
    const { token } = h.fake.slash('ask', { question: BOOM });
    const cb = await callbackOf(h.fake, token);
    const data = (cb.body as { data: Record<string, unknown> }).data;
    expect(data.content).toBe(NOTICES.apology);
    expect(flagsOf(data) & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.allowed_mentions).toMatchObject({ parse: [] });
    expect(h.logs.find((l) => l.msg === 'interaction handler failed')).toMatchObject({
      level: 50,
      where: '/ask',
      err: { message: 'answerer exploded' },
    });
    await stillAnswers();
  });

  test('a throwing handler after a deferral → the apology is a follow-up', async () => {
    const { token } = h.fake.slash('ask', { question: BOOM }, { createdAt: Date.now() - 2000 });
    const followUp = await h.fake.waitForRequest((r) => r.method === 'POST' && r.route.endsWith(`/${token}`));
    expect(h.fake.requestsFor(token).map((r) => r.method)).toEqual(['POST', 'POST']);
    expect((followUp.body as { content: string }).content).toBe(NOTICES.apology);
    expect(flagsOf(followUp.body as Record<string, unknown>) & EPHEMERAL).toBe(EPHEMERAL);
  });

  test('a 500 on the reply (after the REST retries) → apology attempted once, logged', async () => {
    h.fake.fail({ method: 'POST', route: callbackRoute, status: 500, times: 4 });
    const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' });
    await h.fake.waitForRequest((r) => r.route.includes(token) && r.status === 204);
    const calls = h.fake.requestsFor(token);
    expect(calls.map((r) => r.status)).toEqual([500, 500, 500, 500, 204]);
    expect((calls[4]?.body as { data?: { content?: string } } | undefined)?.data?.content).toBe(NOTICES.apology);
    expect(
      h.logs.some((l) => l.msg === 'interaction handler failed' && (l.err as { status?: number }).status === 500),
    ).toBe(true);
  });
});

describe('dead interactions never get a second acknowledgement (case 14)', () => {
  test.each([
    [10062, 404, 'Unknown interaction'],
    [40060, 400, 'Interaction has already been acknowledged.'],
  ])('%i on the reply is logged; no retry, no apology, no crash', async (code, status, message) => {
    h.fake.fail({ method: 'POST', route: callbackRoute, status, code, message });
    const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' });
    await h.fake.waitForRequest((r) => r.route.includes(token));
    await settle();
    expect(h.fake.requestsFor(token)).toHaveLength(1);
    expect(
      h.logs.some((l) => l.msg === 'interaction handler failed' && (l.err as { code?: number }).code === code),
    ).toBe(true);
    await stillAnswers();
  });

  test('an interaction already past the 3-second deadline: the deferral gets 10062, logged, nothing else', async () => {
    const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' }, { createdAt: Date.now() - 3500 });
    await h.fake.waitForRequest((r) => r.route.includes(token));
    await settle();
    expect(h.fake.requestsFor(token).map((r) => `${(r.body as { type: number }).type} ${r.status}`)).toEqual(['5 404']);
    await stillAnswers();
  });

  test('an autocomplete whose response fails is logged and not retried', async () => {
    h.fake.fail({ method: 'POST', route: callbackRoute, status: 404, code: 10062 });
    const { token } = h.fake.autocomplete('ask', 'question', 'ما');
    await h.fake.waitForRequest((r) => r.route.includes(token));
    await settle();
    expect(h.fake.requestsFor(token)).toHaveLength(1);
    expect(h.logs.some((l) => l.msg === 'autocomplete failed')).toBe(true);
  });

  test('no stray acknowledgement anywhere: every interaction got at most one successful callback', () => {
    const ok = h.fake.requests.filter((r) => callbackRoute.test(r.route) && r.status < 300);
    const tokens = ok.map((r) => r.route.split('/')[3]);
    expect(new Set(tokens).size).toBe(tokens.length);
    // Discord (the fake) never had to refuse a second acknowledgement on its own.
    expect(h.fake.requests.filter((r) => r.error?.code === 40060 && !r.error.injected)).toHaveLength(0);
  });
});

describe('gateway', () => {
  test('op 7 RECONNECT → the client resumes on resume_gateway_url and still answers', async () => {
    const resumes = h.fake.resumes;
    h.fake.requestReconnect();
    await h.fake.waitForResumes(resumes + 1);
    expect(h.fake.connections.at(-1)?.path).toBe('/resume');
    expect(h.fake.connections.at(-1)?.received[0]).toBe(6);
    expect(h.fake.identifies).toBe(1);
    await stillAnswers();
  });

  test('the server closing the connection (4000) → resume; events sent meanwhile are replayed and answered', async () => {
    const resumes = h.fake.resumes;
    h.fake.closeGateway(4000);
    await new Promise((r) => setTimeout(r, 50));
    const { token } = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' });
    await h.fake.waitForResumes(resumes + 1);
    const cb = await callbackOf(h.fake, token);
    expect(cb.status).toBe(204);
    expect(h.fake.connections.at(-1)?.path).toBe('/resume');
    await stillAnswers();
  });
});

test('every payload sent respects limits, mentions and bidi; no token anywhere; no unhandled rejection', () => {
  expect(sentMessages(h.fake).length).toBeGreaterThan(60);
  expect(auditPayloads(h.fake)).toEqual([]);
  expect(h.rawLogs()).not.toContain('super-secret-test-token');
  expect(unhandled).toEqual([]);
});
