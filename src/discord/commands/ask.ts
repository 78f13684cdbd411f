/**
 * /ask question:<text> [private:<boolean>]: the article's exact words that answer the question, and who said them.
 * Autocomplete offers curated questions; picking one submits `qa:<entryId>`, answered from that entry directly.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Answerer } from '../../core/types.ts';
import type { BotContext } from '../context.ts';
import { NOTICES, type RenderedMessage, renderNotice, renderReply } from '../render.ts';
import { answerInteraction } from '../respond.ts';
import { baseCommand, ENTRY_PREFIX, entryQuestion, suggestionChoices } from './shared.ts';
import type { Command } from './types.ts';

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

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  await answerInteraction(interaction, ctx, () => askMessages(ctx.answerer, question, isPrivate), {
    ephemeral: isPrivate,
  });
}

/** Curated questions matching what is typed; popular ones for an empty field. Answers at once (no deferral). */
async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const choices = focused.name === 'question' ? suggestionChoices(ctx.answerer.suggest(String(focused.value), 25)) : [];
  await interaction.respond(choices);
}

export default { definition, execute, autocomplete } satisfies Command;
