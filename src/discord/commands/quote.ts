/**
 * /quote speaker:<name>: everything one person said in the article, one paragraph per page (Previous/Next).
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.ts';
import { NOTICES, renderNotice, renderQuotePage } from '../render.ts';
import { answerInteraction } from '../respond.ts';
import { baseCommand, resolveSpeaker, speakerChoices } from './shared.ts';
import type { Command } from './types.ts';

const definition = baseCommand('quote', 'Read everything one person said in the article').addStringOption((o) =>
  o.setName('speaker').setDescription('Who (Arabic or English name)').setRequired(true).setAutocomplete(true),
);

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const input = interaction.options.getString('speaker', true);
  await answerInteraction(
    interaction,
    ctx,
    () => {
      const speaker = resolveSpeaker(ctx.answerer, input);
      if (!speaker) return [renderNotice(NOTICES.unknownSpeaker)];
      return renderQuotePage(speaker, ctx.answerer.quotesBy(speaker.id), 0, ctx.answerer.corpus.byline);
    },
    { ephemeral: false },
  );
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  await interaction.respond(focused.name === 'speaker' ? speakerChoices(ctx.answerer, String(focused.value)) : []);
}

export default { definition, execute, autocomplete } satisfies Command;
