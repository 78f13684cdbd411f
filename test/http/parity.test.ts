/**
 * Parity: for the same question, click or keystroke, the HTTP endpoint's reply equals what the gateway bot sends.
 * The gateway side is the real discord.js client against the fake Discord (test/discord/harness.ts), whose recorded
 * REST bodies are what discord.js serialized; the HTTP side is the real server on 127.0.0.1. We compare the message
 * parts: content, embeds, components, allowed_mentions and flags (discord.js adds `tts: false` and
 * `enforce_nonce: false`, which are defaults), plus the response type, and the follow-ups of long answers.
 */
import { MessagePayload } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { askMessages } from '../../src/discord/commands/ask.ts';
import { NO_MENTIONS, toInteractionReply, toInteractionUpdate } from '../../src/discord/render.ts';
import { toRawMessage, toRawUpdate } from '../../src/http/payload.ts';
import { callbackOf, type Harness, realAnswerer, startHarness, wrapAnswerer } from '../discord/harness.ts';
import type { RecordedRequest } from '../fake-discord/server.ts';
import {
  autocompletePayload,
  clickPayload,
  newUser,
  type RunningEndpoint,
  slashPayload,
  startEndpoint,
} from './helpers.ts';

const LONG = 'long answer please';
const answerer = wrapAnswerer(realAnswerer(), (q, real) => {
  const reply = real.ask(q === LONG ? 'ماذا قال الاسد؟' : q);
  return q === LONG && reply.kind === 'answer' ? { ...reply, quote: real.corpus.text.repeat(3) } : reply;
});

const MESSAGE_FIELDS = ['content', 'embeds', 'components', 'allowed_mentions', 'flags'] as const;

/** The compared parts of a message body. */
function parts(body: unknown): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(MESSAGE_FIELDS.filter((k) => b[k] !== undefined).map((k) => [k, b[k]]));
}

let h: Harness;
let e: RunningEndpoint;
beforeAll(async () => {
  [h, e] = await Promise.all([
    startHarness({ answerer, env: { COOLDOWN_MAX: '1000' } }),
    startEndpoint({ answerer, env: { COOLDOWN_MAX: '1000' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([h?.close(), e?.close()]);
});

/** What the gateway bot sent for an interaction: the callback (type + data) and the follow-ups' bodies. */
async function gatewayReply(token: string, followUps: number) {
  const callback = await callbackOf(h.fake, token);
  const isFollowUp = (r: RecordedRequest) =>
    r.method === 'POST' && r.route === `/webhooks/${h.fake.applicationId}/${token}`;
  if (followUps > 0) {
    await h.fake.waitForRequest((r) => isFollowUp(r) && h.fake.requests.filter(isFollowUp).length >= followUps);
  }
  const body = callback.body as { type: number; data?: unknown };
  return {
    callback,
    type: body.type,
    data: parts(body.data),
    followUps: h.fake.requests.filter(isFollowUp).map((r) => parts(r.body)),
  };
}

/** What the HTTP endpoint answered, and the follow-ups it posted. */
async function httpReply(payload: Record<string, unknown>, followUps: number) {
  const res = await e.post(payload);
  expect(res.status).toBe(200);
  const token = payload.token as string;
  const until = Date.now() + 3000;
  while (e.webhooks.for(token).length < followUps && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  const body = res.body as { type: number; data?: unknown };
  return { type: body.type, data: parts(body.data), followUps: e.webhooks.for(token).map(parts) };
}

const QUESTIONS: [string, string][] = [
  ['Arabic (MSA)', 'ماذا قال الاسد في الاجتماع؟'],
  ['Arabic, careless hamzas', 'ماذا قال الطائي عن اللجنه الرباعيه'],
  ['Arabic, where', 'أين أكبر معاقل التنظيم في سوريا؟'],
  ['Levantine', 'شو قال المقداد عن التنسيق؟'],
  ['English', 'How long is the Iraq-Syria border?'],
  ['English, speaker', 'what did Mekdad say about coordination?'],
  ['English, not in the article', 'What did Trump say about the strikes?'],
  ['Arabizi', 'shu 2al el 3abadi?'],
  ['Arabizi, committee', 'meen bel lajne el ruba3iye?'],
  ['mixed scripts', 'what did الأسد say?'],
  [
    'hostile: mass mentions and links',
    '@everyone @here <@123456789012345678> <@&1> [click](https://evil.example) ماذا قال الأسد؟',
  ],
  ['hostile: markdown', '**bold** ||spoiler|| `code` ~~x~~ > quote # heading ماذا قال العبادي'],
  ['hostile: bidi controls', '\u202Eماذا قال\u202C \u2066الأسد\u2069 \u200f?'],
  ['hostile: only spaces', '   '],
  ['hostile: a greeting', 'hi'],
  ['hostile: a flood', 'ماذا '.repeat(1000)],
  ['hostile: lone surrogate', 'what did \ud800 Assad say'],
  ['an autocomplete pick', `qa:${realAnswerer().corpus.entries[3]?.id}`],
  ['a stale autocomplete pick', 'qa:no-such-entry'],
  ['a long answer with follow-ups', LONG],
];

describe('/ask: the HTTP reply equals the gateway payload', () => {
  test.each(QUESTIONS)('%s', async (_, question) => {
    const followUps = askMessages(answerer, question, false).length - 1;
    const user = newUser();
    const { token } = h.fake.slash('ask', { question }, { user });
    const gateway = await gatewayReply(token, followUps);
    const http = await httpReply(slashPayload('ask', { question }, { user }), followUps);
    expect(http).toEqual({ type: gateway.type, data: gateway.data, followUps: gateway.followUps });
    expect(http.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    if (question === LONG) expect(http.followUps.length).toBeGreaterThan(0);
  });

  test('private:true', async () => {
    const question = 'ماذا قال المقداد؟';
    const { token } = h.fake.slash('ask', { question, private: true });
    const gateway = await gatewayReply(token, 0);
    const http = await httpReply(slashPayload('ask', { question, private: true }), 0);
    expect(http.data).toEqual(gateway.data);
    expect(http.data.flags).toBe(64);
  });
});

describe('other commands, buttons and autocomplete', () => {
  test.each([
    ['quote', { speaker: 'abadi' }],
    ['quote', { speaker: 'الأسد' }],
    ['quote', { speaker: 'nobody' }],
    ['speakers', {}],
    ['article', {}],
    ['help', {}],
  ] as const)('/%s %j', async (name, options) => {
    const { token } = h.fake.slash(name, options);
    const gateway = await gatewayReply(token, 0);
    const http = await httpReply(slashPayload(name, options), 0);
    expect(http).toEqual({ type: gateway.type, data: gateway.data, followUps: gateway.followUps });
  });

  test('buttons: /quote Next (update), More from, Other matches, Did you mean, and a stale id', async () => {
    const quote = h.fake.slash('quote', { speaker: 'abadi' });
    const quoteCallback = (await gatewayReply(quote.token, 0)).callback;
    const asked = h.fake.slash('ask', { question: 'ماذا قال الاسد في الاجتماع؟' });
    const askCallback = (await gatewayReply(asked.token, 0)).callback;
    const ids = (
      (askCallback.body as { data: { components: { components: { custom_id: string }[] }[] } }).data.components ?? []
    )
      .flatMap((r) => r.components)
      .map((b) => b.custom_id);
    const alts = ids.find((id) => id.startsWith('alts:')) ?? '';
    const oneAlt = `alt:a:${alts.split(':')[2]?.split(',')[0]}`;
    const clicks: [string, RecordedRequest][] = [
      ['quote:abadi:1', quoteCallback],
      ['more:abadi', askCallback],
      [alts, askCallback],
      [oneAlt, askCallback],
      ['quote:abadi:99', quoteCallback],
      ['garbage', askCallback],
    ];
    for (const [customId, on] of clicks) {
      const { token } = h.fake.click(customId, on);
      const gateway = await gatewayReply(token, 0);
      const http = await httpReply(clickPayload(customId), 0);
      expect({ customId, ...http }).toEqual({ customId, type: gateway.type, data: gateway.data, followUps: [] });
    }
  });

  test.each([
    ['ask', 'question', ''],
    ['ask', 'question', 'ماذا قال'],
    ['ask', 'question', 'border'],
    ['ask', 'question', '7doud'],
    ['quote', 'speaker', ''],
    ['quote', 'speaker', 'Abadi'],
    ['nosuch', 'x', 'y'],
  ])('autocomplete /%s %s=%j', async (name, option, value) => {
    const { token } = h.fake.autocomplete(name, option, value);
    const gateway = await callbackOf(h.fake, token);
    const http = await e.post(autocompletePayload(name, option, value));
    expect(http.body).toEqual(gateway.body);
  });
});

describe('the adapters agree on every curated answer (discord.js MessagePayload, no network)', () => {
  /** What discord.js serializes for options, as `interaction.reply` / `update` do. */
  const resolve = (options: object) =>
    parts(MessagePayload.create({ client: { options: {} } } as never, options).resolveBody().body);

  test('toRawMessage = discord.js(toInteractionReply) and toRawUpdate = discord.js(toInteractionUpdate)', () => {
    const real = realAnswerer();
    let checked = 0;
    for (const entry of real.corpus.entries) {
      for (const isPrivate of [false, true]) {
        for (const m of askMessages(real, `qa:${entry.id}`, isPrivate)) {
          expect(parts(toRawMessage(m))).toEqual(resolve(toInteractionReply(m)));
          // discord.js sends content "" for the update's `content: null` (clear it), as we do.
          expect(parts(toRawUpdate(m))).toEqual(resolve(toInteractionUpdate(m)));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(NO_MENTIONS).toEqual({ parse: [], repliedUser: false });
  });
});
