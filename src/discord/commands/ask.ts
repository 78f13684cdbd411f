/**
 * /ask question:<text> [private:<boolean>]: the article's exact words that answer the question, and who said them.
 * Autocomplete offers curated questions; picking one submits `qa:<entryId>`, answered from that entry directly.
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Answerer } from '../../core/types.ts';
import type { BotContext } from '../context.ts';
import { NOTICES, type RenderedMessage, renderNotice, renderReply } from '../render.ts';
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

/**
 * What /ask sends for `question` (a typed question, or `qa:<entryId>` picked from autocomplete). Pure: the property
 * tests run it on any string.
 */
export function askMessages(answerer: Answerer, question: string, isPrivate: boolean): RenderedMessage[] {
  const byline = answerer.corpus.byline;
  if (question.startsWith(ENTRY_PREFIX)) {
    const entryId = question.slice(ENTRY_PREFIX.length);
    const answer = answerer.answerEntry(entryId);
    if (!answer) return [renderNotice(NOTICES.expired)];
    const title = entryQuestion(answerer, entryId);
    return renderReply(answer, { byline, private: isPrivate, ...(title !== undefined && { question: title }) });
  }
  return renderReply(answerer.ask(question), { byline, question, private: isPrivate });
}

/** {@link askMessages} from option values: `question` (absent reads as empty: "please write a question"), `private`. */
function messages(answerer: Answerer, options: CommandOptions): RenderedMessage[] {
  return askMessages(answerer, stringOption(options, 'question') ?? '', booleanOption(options, 'private'));
}

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const options = optionValuesOf(interaction.options.data);
  await answerInteraction(interaction, ctx, () => messages(ctx.answerer, options), {
    ephemeral: booleanOption(options, 'private'),
  });
}

/** Curated questions matching what is typed in `question`; popular ones for an empty field; none for other options. */
export function askChoices(answerer: Answerer, focusedName: string, focusedValue: string): Choice[] {
  return focusedName === 'question' ? suggestionChoices(answerer.suggest(focusedValue, 25)) : [];
}

export default { definition, messages, execute, choices: askChoices } satisfies Command;
