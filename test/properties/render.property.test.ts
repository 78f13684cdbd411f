/**
 * Properties of the Discord render layer: every payload built from any reply — the answerer's replies to hostile
 * questions through /ask and DMs, arbitrary core replies (20,000-character quotes, hostile names and labels),
 * button clicks, quote pages, autocomplete choices — is within Discord's limits, has `allowed_mentions.parse` empty,
 * echoes user text defused, and keeps quotes byte for byte. Bodies are serialized by discord.js itself (payload.ts).
 * Also: custom_ids round-trip, and the cooldown never answers more than its limit per window.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import type { Alternative, Answer, AnswerSpeaker, NoAnswer, Reply, Speaker } from '../../src/core/types.ts';
import { buttonOutcome } from '../../src/discord/buttons.ts';
import { askMessages } from '../../src/discord/commands/ask.ts';
import { speakerChoices, suggestionChoices } from '../../src/discord/commands/shared.ts';
import { Cooldown, type CooldownVerdict } from '../../src/discord/cooldown.ts';
import { type ButtonAction, decodeButton, encodeButton } from '../../src/discord/customIds.ts';
import { LIMITS } from '../../src/discord/limits.ts';
import { messagesFor } from '../../src/discord/messages.ts';
import {
  type RenderedMessage,
  renderAllQuotes,
  renderQuotePage,
  renderReply,
  renderSpeakers,
} from '../../src/discord/render.ts';
import { anyText, corpusPieces, hostileText } from './arbitraries.ts';
import { type AuditOptions, bodiesOf, messageProblems } from './payload.ts';

const answerer = createAnswerer(loadCorpus());
const { corpus } = answerer;
const pieces = corpusPieces(corpus);

let generated = 0;
const count = <A extends unknown[]>(p: (...a: A) => void) => {
  return (...a: A) => {
    generated++;
    p(...a);
  };
};
afterAll(() => console.info(`render properties: ${generated} generated cases`));

function expectFine(messages: readonly RenderedMessage[], options: AuditOptions): void {
  expect(messages.length).toBeGreaterThanOrEqual(1);
  for (const m of messages) expect(messageProblems(m, options)).toEqual([]);
}

/** The descriptions of every embed of `messages`, in order. */
function descriptions(messages: readonly RenderedMessage[]): string[] {
  return messages.flatMap((m) => (bodiesOf(m)[0]?.embeds ?? []).map((e) => e.description ?? ''));
}

/** Every custom_id on the messages. */
function customIds(messages: readonly RenderedMessage[]): string[] {
  return messages.flatMap((m) =>
    m.components.flatMap((r) => r.toJSON().components.map((c) => String((c as { custom_id?: string }).custom_id))),
  );
}

/** True when no string inside `value` has a lone surrogate. */
const wellFormed = (value: unknown): boolean => !/\\ud[89a-f][0-9a-f]{2}/i.test(JSON.stringify(value) ?? '');
/** True when no string inside `value` holds an isolate or embedding control of its own. */
const bidiFree = (value: unknown): boolean => !/[\u202A-\u202E\u2066-\u2069]/.test(JSON.stringify(value) ?? '');

const CORPUS_QUOTES = [corpus.text];

describe('payloads built from the answerer’s replies', () => {
  test('/ask with any question up to 6,000 characters (or a picked qa: id), and every button click on it', () => {
    const question = fc.oneof(
      { weight: 6, arbitrary: hostileText(corpus, 6000) },
      { weight: 1, arbitrary: pieces.entryId.map((id) => `qa:${id}`) },
      { weight: 1, arbitrary: hostileText(corpus, 120).map((s) => `qa:${s}`) },
    );
    fc.assert(
      fc.property(
        question,
        fc.boolean(),
        count((q, isPrivate) => {
          const messages = askMessages(answerer, q, isPrivate);
          const audit = { bidi: true, wellFormed: wellFormed(q), quotes: CORPUS_QUOTES };
          expectFine(messages, audit);
          if (isPrivate) expect(messages.every((m) => m.ephemeral)).toBe(true);
          if (!q.startsWith('qa:')) {
            const reply = answerer.ask(q);
            if (reply.kind === 'answer') expect(descriptions(messages).join('')).toBe(reply.quote);
            else expect(messages.every((m) => m.ephemeral)).toBe(true);
          }
          expect(messages[0]?.components.length ?? 0).toBeLessThanOrEqual(LIMITS.actionRows);
          for (const id of customIds(messages)) {
            const outcome = buttonOutcome(answerer, id);
            expect(outcome.known).toBe(true);
            expectFine(outcome.messages, { ...audit, wellFormed: true });
          }
        }),
      ),
      { numRuns: 800 },
    );
  });

  test('a DM or a mention with any text up to 4,000 characters (Nitro length)', () => {
    fc.assert(
      fc.property(
        hostileText(corpus, 4000),
        count((q) => {
          const messages = messagesFor(q.trim(), answerer);
          expectFine(messages, { bidi: true, wellFormed: wellFormed(q), quotes: CORPUS_QUOTES });
        }),
      ),
      { numRuns: 800 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Arbitrary core values

const speakerBlock: fc.Arbitrary<AnswerSpeaker> = fc.record({
  id: fc.oneof(pieces.speakerId, fc.string({ maxLength: 120 })),
  nameAr: anyText(corpus, 300),
  nameEn: anyText(corpus, 300),
  role: anyText(corpus, 300),
  roleAr: anyText(corpus, 300),
});

/** A quote: a slice of the article, or any long text (up to 20,000 characters, more than any message holds). */
const quote = fc.oneof(
  fc
    .tuple(fc.nat(corpus.text.length), fc.integer({ min: 1, max: 3000 }))
    .map(([start, n]) => corpus.text.slice(start, start + n)),
  fc
    .tuple(hostileText(corpus, 400), fc.integer({ min: 1, max: 60 }))
    .map(([t, n]) => `${t}. `.repeat(n).slice(0, 20_000)),
  anyText(corpus, 6000),
);

const entryId = fc.oneof(pieces.entryId, fc.string({ maxLength: 120 }), fc.constantFrom('p3', 'a:b', 'x,y'));
const script = fc.constantFrom('arabic', 'latin', 'mixed', 'none' as const);

const alternative: fc.Arbitrary<Alternative> = fc.record(
  {
    quote,
    speaker: speakerBlock,
    paragraph: fc.integer({ min: -5, max: 100_000 }),
    source: fc.constantFrom('qa', 'article' as const),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    entryId,
    label: anyText(corpus, 500),
    translation: anyText(corpus, 3000),
  },
  { requiredKeys: ['quote', 'speaker', 'paragraph', 'source', 'confidence', 'label'] },
);

const answer: fc.Arbitrary<Answer> = fc.record(
  {
    kind: fc.constant('answer' as const),
    quote,
    speaker: speakerBlock,
    paragraph: fc.integer({ min: -5, max: 100_000 }),
    source: fc.constantFrom('qa', 'article' as const),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    translation: anyText(corpus, 3000),
    entryId,
    alternatives: fc.array(alternative, { maxLength: 6 }),
    script,
  },
  { requiredKeys: ['kind', 'quote', 'speaker', 'paragraph', 'source', 'confidence', 'alternatives', 'script'] },
);

const noAnswer: fc.Arbitrary<NoAnswer> = fc.record({
  kind: fc.constant('no-answer' as const),
  reason: fc.constantFrom('empty', 'off-topic', 'not-in-article' as const),
  message: anyText(corpus, 3000),
  suggestions: fc.array(anyText(corpus, 400), { maxLength: 30 }),
  script,
});

const speaker: fc.Arbitrary<Speaker> = fc.record({
  id: fc.oneof(pieces.speakerId, fc.string({ maxLength: 120 })),
  nameAr: anyText(corpus, 300),
  nameEn: anyText(corpus, 300),
  roleAr: anyText(corpus, 300),
  roleEn: anyText(corpus, 300),
  variants: fc.constant([]),
});

const byline = fc.oneof(fc.constant(corpus.byline), anyText(corpus, 300), anyText(corpus, 2500));

describe('payloads built from any reply', () => {
  test('answers and no-answers with hostile quotes, names, labels, suggestions and questions', () => {
    fc.assert(
      fc.property(
        fc.oneof(answer, noAnswer) as fc.Arbitrary<Reply>,
        fc.option(hostileText(corpus, 6000), { nil: undefined }),
        byline,
        fc.boolean(),
        fc.option(
          fc.record({
            surface: fc.constantFrom('slash' as const, 'dm' as const, 'mention' as const),
            questionId: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
          }),
          { nil: undefined },
        ),
        count((reply, question, by, isPrivate, feedback) => {
          const ctx = {
            byline: by,
            private: isPrivate,
            ...(question !== undefined && { question }),
            ...(feedback !== undefined && { feedback }),
          };
          const messages = renderReply(reply, ctx);
          const inputs = [reply, ctx];
          expectFine(messages, {
            bidi: bidiFree(inputs),
            wellFormed: wellFormed(inputs),
            quotes: [reply.kind === 'answer' ? reply.quote : ''],
          });
          if (reply.kind === 'answer') {
            // Lossless: only whitespace-only pieces may be left out (Discord would refuse them).
            expect(descriptions(messages).join('').replace(/\s/g, '')).toBe(reply.quote.replace(/\s/g, ''));
          }
        }),
      ),
      { numRuns: 1000 },
    );
  });

  test('/quote pages, "More from" and /speakers with hostile speakers and quotes', () => {
    fc.assert(
      fc.property(
        speaker,
        fc.array(answer, { maxLength: 12 }),
        fc.nat(20),
        fc.array(speaker, { maxLength: 40 }),
        byline,
        count((s, quotes, page, everyone, by) => {
          const inputs = [s, quotes, everyone, by];
          const audit = {
            bidi: bidiFree(inputs),
            wellFormed: wellFormed(inputs),
            echo: false,
            quotes: quotes.map((q) => q.quote),
          };
          const pages = renderQuotePage(s, quotes, Math.min(page, Math.max(0, quotes.length - 1)), by);
          expectFine(pages, audit);
          for (const id of customIds(pages)) expect(decodeButton(id)).toBeDefined();
          expectFine(renderAllQuotes(s, quotes, by), audit);
          expectFine(renderSpeakers(everyone), audit);
        }),
      ),
      { numRuns: 300 },
    );
  });
});

describe('autocomplete choices (case 17)', () => {
  /** Discord's rules for an autocomplete response, and ours: names cut at a word boundary. */
  function expectChoices(choices: { name: string; value: string }[], sources?: Map<string, string>): void {
    expect(choices.length).toBeLessThanOrEqual(LIMITS.choices);
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    for (const c of choices) {
      expect(c.name.trim().length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
      expect(c.value.length).toBeGreaterThanOrEqual(1);
      expect(c.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
      expect(c.name).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066\u2067]/);
      const full = sources?.get(c.value);
      if (full !== undefined && c.name.endsWith('…') && c.name.length === LIMITS.choiceName) {
        const head = c.name.slice(0, -1);
        expect(full.startsWith(head)).toBe(true);
        // Cut at a space whenever the first 100 characters hold one (never mid-word).
        if (/\s/.test(full.slice(1, LIMITS.choiceName - 1))) expect(full.charAt(head.length)).toMatch(/\s/);
      }
    }
  }

  test('from any suggestions (hostile questions up to 6,000 characters, any entry id)', () => {
    const suggestion = fc.record({ entryId, question: anyText(corpus, 6000) });
    fc.assert(
      fc.property(
        fc.array(suggestion, { maxLength: 60 }),
        count((suggestions) => {
          const choices = suggestionChoices(suggestions);
          // The question behind each qa: value: a question too long to be its own value (the first non-blank one
          // with that id wins, as in suggestionChoices); shorter ones are their own value.
          const cleaned = new Map<string, string>();
          for (const s of suggestions) {
            const clean = s.question
              .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
              .replace(/\s+/g, ' ')
              .trim();
            const ownValue = clean.length <= LIMITS.choiceValue && !clean.startsWith('qa:');
            if (clean !== '' && !ownValue && !cleaned.has(`qa:${s.entryId}`)) cleaned.set(`qa:${s.entryId}`, clean);
          }
          expectChoices(choices, cleaned);
        }),
      ),
      { numRuns: 1000 },
    );
  });

  test('from the answerer for any focused value, /ask and /quote alike', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText(corpus, 6000),
          pieces.question.map((q) => q.slice(0, 4)),
          fc.constant(''),
        ),
        count((focused) => {
          expectChoices(suggestionChoices(answerer.suggest(focused, 25)));
          const speakers = speakerChoices(answerer, focused);
          expectChoices(speakers);
          for (const c of speakers) expect(corpus.speakers.some((s) => s.id === c.value)).toBe(true);
        }),
      ),
      { numRuns: 150 },
    );
  });
});

describe('custom ids', () => {
  const id = fc.oneof(pieces.entryId, pieces.speakerId, fc.string({ maxLength: 80 }), fc.constant('p12'));
  const action: fc.Arbitrary<ButtonAction> = fc.oneof(
    fc.record({ kind: fc.constant('alt' as const), script, ref: id }),
    fc.record({ kind: fc.constant('alts' as const), script, refs: fc.array(id, { maxLength: 5 }) }),
    fc.record({ kind: fc.constant('more' as const), speakerId: id }),
    fc.record({ kind: fc.constant('quote' as const), speakerId: id, page: fc.integer({ min: -3, max: 20_000 }) }),
    fc.record(
      {
        kind: fc.constant('vote' as const),
        vote: fc.constantFrom(1 as const, -1 as const),
        surface: fc.constantFrom('slash' as const, 'dm' as const, 'mention' as const, 'http' as const),
        questionId: fc.oneof(fc.integer({ min: -5, max: 2 ** 53 }), fc.constant(Number.MAX_SAFE_INTEGER + 2)),
        ref: id,
        alternatives: fc.array(id, { maxLength: 4 }),
      },
      { requiredKeys: ['kind', 'vote', 'surface', 'ref', 'alternatives'] },
    ),
    fc.record({
      kind: fc.constant('pick' as const),
      messageId: fc.oneof(fc.stringMatching(/^\d{17,20}$/), fc.string({ maxLength: 25 })),
      ref: id,
      picked: fc.oneof(id, fc.constant('none')),
    }),
  );

  test('any string decodes to nothing or to an action that encodes back to the same id', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 120 }),
          action.map((a) => encodeButton(a) ?? ''),
          fc
            .tuple(
              fc.constantFrom('alt:a:', 'alts:l:', 'more:', 'quote:x:', 'vote:u:s:', 'vote:d:m:0:p4:', 'pick:'),
              // Also number-like tails, often zero-padded ("quote:x:00", "pick:0123…:p4:none"): the non-canonical
              // spellings most worth trying, which fc.string() alone makes only on rare seeds.
              fc.oneof(fc.string(), fc.stringMatching(/^0?[0-9a-z]{0,20}(?::p4(?::none)?)?$/)),
            )
            .map(([a, b]) => a + b),
        ),
        count((customId) => {
          const decoded = decodeButton(customId);
          if (decoded) expect(encodeButton(decoded)).toBe(customId);
        }),
      ),
      { numRuns: 1000 },
    );
  });

  test('any action encodes within 100 characters, or not at all', () => {
    fc.assert(
      fc.property(
        action,
        count((a) => {
          const encoded = encodeButton(a);
          if (encoded !== undefined) {
            expect(encoded.length).toBeLessThanOrEqual(LIMITS.customId);
            expect(decodeButton(encoded)).toBeDefined();
          }
        }),
      ),
      { numRuns: 500 },
    );
  });
});

describe('cooldown (case 19)', () => {
  test('for any arrival times: ≤ limit answers per window, one notice per flood, and retryAfter is exact', () => {
    const event = fc.record({ user: fc.nat(3), dt: fc.nat(400) });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(event, { maxLength: 80 }),
        count((limit, windowMs, events) => {
          let now = 0;
          const cooldown = new Cooldown({ limit, windowMs, now: () => now });
          const answered = new Map<number, number[]>();
          const last = new Map<number, CooldownVerdict>();
          for (const { user, dt } of events) {
            now += dt;
            const key = `u${user}`;
            const wait = cooldown.retryAfterMs(key);
            const verdict = cooldown.take(key);
            const times = (answered.get(user) ?? []).filter((t) => now - t < windowMs);
            if (times.length < limit) {
              expect(verdict).toBe('answer');
              expect(wait).toBe(0);
              times.push(now);
            } else {
              expect(verdict).toBe(last.get(user) === 'answer' ? 'notice' : 'drop');
              expect(wait).toBe((times[0] ?? 0) + windowMs - now);
              expect(wait).toBeGreaterThan(0);
            }
            answered.set(user, times);
            if (verdict !== 'drop') last.set(user, verdict);
          }
        }),
      ),
      { numRuns: 500 },
    );
  });
});
