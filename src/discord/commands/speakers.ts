/** /speakers: everyone quoted in the article, with Arabic name, English name and role. */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.ts';
import { renderSpeakers } from '../render.ts';
import { answerInteraction } from '../respond.ts';
import { baseCommand } from './shared.ts';
import type { Command } from './types.ts';

const definition = baseCommand('speakers', 'Who is quoted in the article');

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await answerInteraction(interaction, ctx, () => renderSpeakers(ctx.answerer.corpus.speakers), { ephemeral: false });
}

export default { definition, execute } satisfies Command;
