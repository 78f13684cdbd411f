/**
 * /ask question:<text> [private:<boolean>]: the article's exact words that answer the question, and who said them.
 * Autocomplete offers curated questions; picking one submits `qa:<entryId>`, answered from that entry directly.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.ts';
import { NOTICES, renderNotice, renderReply } from '../render.ts';
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

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  const { answerer } = ctx;
  const byline = answerer.corpus.byline;
  await answerInteraction(
    interaction,
    ctx,
    () => {
      if (question.startsWith(ENTRY_PREFIX)) {
        const entryId = question.slice(ENTRY_PREFIX.length);
        const answer = answerer.answerEntry(entryId);
        if (!answer) return [renderNotice(NOTICES.expired)];
        const title = entryQuestion(answerer, entryId);
        return renderReply(answer, { byline, private: isPrivate, ...(title !== undefined && { question: title }) });
      }
      return renderReply(answerer.ask(question), { byline, question, private: isPrivate });
    },
    { ephemeral: isPrivate },
  );
}

/** Curated questions matching what is typed; popular ones for an empty field. Answers at once (no deferral). */
async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const choices = focused.name === 'question' ? suggestionChoices(ctx.answerer.suggest(String(focused.value), 25)) : [];
  await interaction.respond(choices);
}

export default { definition, execute, autocomplete } satisfies Command;
