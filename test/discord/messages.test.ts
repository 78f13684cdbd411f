import type { Message } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { messagesFor, questionOf, ratingNotice } from '../../src/discord/messages.ts';
import { NOTICES } from '../../src/discord/render.ts';
import { createLogger } from '../../src/logger.ts';
import { createRecorder, LOCKED_AT_START_RECORDER, NULL_RECORDER, type Recorder } from '../../src/store/recorder.ts';
import type { FeedbackStore, Surface } from '../../src/store/types.ts';
import { realAnswerer } from './harness.ts';

const answerer = realAnswerer();

/** The text without the bidi isolates the renderer puts around runs of one direction. */
const plain = (text: unknown): string => String(text ?? '').replace(/[\u2066-\u2069]/g, '');
const titleOf = (question: string) => messagesFor(question, answerer)[0]?.embeds[0]?.toJSON().title ?? '';

describe('commands in DMs and mentions', () => {
  // Bug fixed: "help?" and "speakers" in a DM were answered as off-topic questions.
  // Also folded as questions are, with the terminal chat's lists (src/core/commandWords.ts): «مساعده», "/help".
  test.each(['help', 'help?', 'Help!', 'مساعدة؟', '?', 'مساعده', '/help', '!help', '/HELP!'])(
    '%j gives the help',
    (text) => {
      expect(titleOf(text)).toContain('iqtibas');
    },
  );

  test.each(['speakers', 'Speakers?', 'المتحدثون', 'list speakers', '/speakers'])('%j lists the speakers', (text) => {
    const json = JSON.stringify(messagesFor(text, answerer).map((m) => m.embeds.map((e) => e.toJSON())));
    for (const s of answerer.corpus.speakers) expect(json).toContain(s.nameEn);
  });

  test('a question that merely contains "help" is a question', () => {
    expect(titleOf('help me: what did al-Mekdad say?')).not.toContain('iqtibas');
  });
});

// Bug fixed (break18): "exit" in a DM was answered as an off-topic question and recorded for the curators.
test.each(['exit', 'quit', 'Exit!'])('%j in a DM says there is nothing to leave, no answer', (text) => {
  const messages = messagesFor(text, answerer);
  expect(messages).toHaveLength(1);
  expect(plain(messages[0]?.content)).toBe(NOTICES.nothingToExit);
  expect(messages[0]?.embeds).toEqual([]);
});

// Bug fixed: in a DM "good" got "Please write a question" and "bad" "The article does not say".
describe('rating words in DMs and mentions', () => {
  test.each(['good', 'bad', 'Good!', 'BAD.', '👍', '👎', '👍🏽', '+1', '-1', 'جيد', 'خطأ', 'غلط', 'صح', 'سيء', 'سيئ'])(
    '%j gets the rating notice, never an answer or a no-answer',
    (text) => {
      const messages = messagesFor(text, answerer, undefined, NOTICES.ratingHow);
      expect(messages).toHaveLength(1);
      expect(plain(messages[0]?.content)).toBe(NOTICES.ratingHow);
      expect(messages[0]?.embeds).toEqual([]);
    },
  );

  test('a question that merely contains a rating word is a question', () => {
    expect(titleOf('was the coordination good?')).not.toBe('');
  });

  /** A recorder with a store that is never written to: only acceptsFeedback and off matter here. */
  const withStore = (recordDms: boolean): Recorder =>
    createRecorder({ store: {} as FeedbackStore, secret: 's', recordDms, logger: createLogger('silent') });

  test.each<[string, Surface, Recorder, string]>([
    ['a DM while RECORD_DMS is off', 'dm', withStore(false), NOTICES.ratingDmPrivate],
    ['a DM with RECORD_DMS on', 'dm', withStore(true), NOTICES.ratingHow],
    ['a mention, recording on', 'mention', withStore(false), NOTICES.ratingHow],
    ['a DM, RECORD=off', 'dm', NULL_RECORDER, NOTICES.feedbackOff],
    ['a mention, RECORD=off', 'mention', NULL_RECORDER, NOTICES.feedbackOff],
    ['a DM, store locked at start', 'dm', LOCKED_AT_START_RECORDER, NOTICES.feedbackOff],
  ])('ratingNotice: %s', (_name, surface, recorder, expected) => {
    expect(ratingNotice(surface, recorder)).toBe(expected);
  });
});

// Bug fixed (break19 F7): in a DM the bot's own mention stayed in the question and was echoed in the answer's title.
describe('questionOf strips the bot’s own mention', () => {
  const BOT = '123456789012345678';
  const OTHER = '876543210987654321';
  /** A message as questionOf reads it: its text, and whether it was sent in a server (mentioning the bot). */
  const message = (content: string, inGuild: boolean): Message =>
    ({
      content,
      inGuild: () => inGuild,
      reference: null,
      mentions: { repliedUser: null, users: new Map(inGuild ? [[BOT, {}]] : []) },
    }) as unknown as Message;

  test.each([
    [`<@${BOT}> ماذا قال الأسد؟`, 'ماذا قال الأسد؟'],
    [`<@!${BOT}>   what did mekdad say <@${BOT}>`, 'what did mekdad say'],
    [`<@${BOT}>`, ''],
  ])('in a DM and in a server: %j → %j', (content, question) => {
    expect(questionOf(message(content, false), BOT)).toBe(question);
    expect(questionOf(message(content, true), BOT)).toBe(question);
  });

  test('in a DM, a mention of someone else is part of the question, and a DM without a mention is all question', () => {
    expect(questionOf(message(`what did <@${OTHER}> say`, false), BOT)).toBe(`what did <@${OTHER}> say`);
    expect(questionOf(message('  ماذا قال الأسد؟ ', false), BOT)).toBe('ماذا قال الأسد؟');
  });

  test('the answer to a DM that mentions the bot has the question alone as its title', () => {
    const question = questionOf(message(`<@${BOT}> ماذا قال الأسد؟`, false), BOT) ?? '';
    expect(plain(titleOf(question))).toBe('ماذا قال الأسد؟');
  });
});
