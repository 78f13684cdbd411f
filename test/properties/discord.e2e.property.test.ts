/**
 * The same hostile questions end to end: the real discord.js client against the fake Discord, as /ask (public or
 * private), as a DM and as a mention. Each is acknowledged or answered exactly once, and every payload on the wire
 * passes the audit (limits, allowed_mentions, defused echo, bidi, no token).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { auditPayloads, callbackOf, type Harness, startHarness } from '../discord/harness.ts';
import { hostileText } from './arbitraries.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ tuning: { cooldown: { limit: 1000, windowMs: 1000 } } });
});
afterAll(async () => {
  await h?.close();
});

const isReplyTo = (body: unknown, id: string) =>
  (body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id === id;

test('hostile questions through /ask, DMs and mentions: answered once each, every payload within the rules', async () => {
  const corpus = h.answerer.corpus;
  const way = fc.constantFrom('slash', 'private', 'dm', 'mention' as const);
  await fc.assert(
    fc.asyncProperty(
      // Discord refuses an empty option and never delivers an empty message: at least one visible character.
      hostileText(corpus, 4000).filter((q) => q.trim() !== ''),
      way,
      async (question, how) => {
        const fake = h.fake;
        if (how === 'slash' || how === 'private') {
          const { token } = fake.slash('ask', { question, ...(how === 'private' && { private: true }) });
          const callback = await callbackOf(fake, token);
          expect(callback.status).toBe(204);
          expect(fake.requestsFor(token).filter((r) => r.route.endsWith('/callback'))).toHaveLength(1);
          return;
        }
        const sent =
          how === 'dm' ? fake.dm(question) : fake.post(`<@${fake.bot.id}> ${question}`, { mentionBot: true });
        const reply = await fake.waitForRequest((r) => isReplyTo(r.body, sent.id));
        expect(reply.status).toBe(200);
      },
    ),
    { numRuns: 100 },
  );
  await new Promise((r) => setTimeout(r, 50));
  expect(auditPayloads(h.fake)).toEqual([]);
  expect(h.rawLogs()).not.toContain('super-secret-test-token');
  expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
});
