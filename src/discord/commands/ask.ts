/**
 * /ask question:<text> [private:<boolean>]: the article's exact words that answer the question, and who said them.
 * Autocomplete offers curated questions; picking one submits the question itself (or `qa:<entryId>` when it is over
 * 100 characters), answered by that entry.
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Answerer, Reply } from '../../core/types.ts';
import type { BotContext } from '../context.ts';
import { conversationKey } from '../conversation.ts';
import { recordAsked, surfaceOf } from '../recording.ts';
import { type AnswerContext, NOTICES, type RenderedMessage, renderNotice, renderReply } from '../render.ts';
import { answerInteraction } from '../respond.ts';
import { baseCommand, ENTRY_PREFIX, entryQuestion, suggestionChoices } from './shared.ts';
import {
  booleanOption,
  type Choice,
  type Command,
  type CommandOptions,
  optionValuesOf,
  stringOption,
} from './types.ts';

/** Discord's maximum length for a string option. */
const QUESTION_MAX = 6000;

const definition = baseCommand('ask', 'Ask about the article: get its exact words and who said them')
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('Your question, in Arabic, English or Arabizi')
      .setRequired(true)
      .setMaxLength(QUESTION_MAX)
      .setAutocomplete(true),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'));

/** What /ask answers: the reply, and the question as it should be shown and recorded. */
export interface AskResult {
  reply: Reply;
  /** The typed question, or the curated question of an entry picked from autocomplete. */
  question: string;
  /** False when the question came from an autocomplete id (shown as a title, not echoed as typed). */
  typed: boolean;
}

/**
 * Answers a typed question with `ask` (the user's conversation, so follow-ups work; the bare answerer by default),
 * or `qa:<entryId>` picked from autocomplete. Undefined for a stale entry id. Pure when `ask` is.
 */
export function askReply(
  answerer: Answerer,
  question: string,
  ask: (question: string) => Reply = (q) => answerer.ask(q),
): AskResult | undefined {
  if (!question.startsWith(ENTRY_PREFIX)) return { reply: ask(question), question, typed: true };
  const entryId = question.slice(ENTRY_PREFIX.length);
  const answer = answerer.answerEntry(entryId);
  if (!answer) return undefined;
  return { reply: answer, question: entryQuestion(answerer, entryId) ?? entryId, typed: false };
}

/** Renders an {@link AskResult} (undefined: "that suggestion is no longer available"). Pure. */
export function renderAsk(
  answerer: Answerer,
  result: AskResult | undefined,
  isPrivate: boolean,
  feedback?: AnswerContext['feedback'],
): RenderedMessage[] {
  if (!result) return [renderNotice(NOTICES.staleSuggestion)];
  return renderReply(result.reply, {
    byline: answerer.corpus.byline,
    question: result.question,
    private: isPrivate,
    ...(feedback && { feedback }),
  });
}

/**
 * What /ask sends for `question` (a typed question, or `qa:<entryId>` picked from autocomplete). Pure: the property
 * tests run it on any string.
 */
export function askMessages(
  answerer: Answerer,
  question: string,
  isPrivate: boolean,
  feedback?: AnswerContext['feedback'],
): RenderedMessage[] {
  return renderAsk(answerer, askReply(answerer, question), isPrivate, feedback);
}

/** {@link askMessages} from option values: `question` (absent reads as empty: "please write a question"), `private`. */
function messages(answerer: Answerer, options: CommandOptions): RenderedMessage[] {
  return askMessages(answerer, stringOption(options, 'question') ?? '', booleanOption(options, 'private'));
}

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const options = optionValuesOf(interaction.options.data);
  const question = stringOption(options, 'question') ?? '';
  const isPrivate = booleanOption(options, 'private');
  await answerInteraction(
    interaction,
    ctx,
    async () => {
      const key = conversationKey(interaction.user.id, interaction.channelId);
      const result = askReply(ctx.answerer, question, (q) => ctx.conversations.ask(key, q));
      // In a DM (no guild) the question is a DM question: recorded and voted on only when RECORD_DMS is on.
      const surface = surfaceOf('slash', interaction.guildId);
      const feedback = result && (await recordAsked(ctx, surface, interaction.user.id, result));
      return renderAsk(ctx.answerer, result, isPrivate, feedback);
    },
    { ephemeral: isPrivate },
  );
}

/** Curated questions matching what is typed in `question`; popular ones for an empty field; none for other options. */
export function askChoices(answerer: Answerer, focusedName: string, focusedValue: string): Choice[] {
  if (focusedName !== 'question') return [];
  return suggestionChoices(answerer.suggest(focusedValue.slice(0, AUTOCOMPLETE_INPUT_MAX), 25));
}

/**
 * Autocomplete reads this many characters of what is typed: suggestions match the start of a question, and a
 * 6,000-character field would otherwise cost ~25 ms per keystroke (a flood of those starved other users).
 */
export const AUTOCOMPLETE_INPUT_MAX = 200;

export default { definition, messages, execute, choices: askChoices } satisfies Command;
