/** /help: the commands, the other ways to ask, and a few example questions. Ephemeral. */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.ts';
import { renderHelp } from '../render.ts';
import { answerInteraction } from '../respond.ts';
import { baseCommand, exampleQuestions } from './shared.ts';
import type { Command } from './types.ts';

const definition = baseCommand('help', 'How to use this bot');

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await answerInteraction(
    interaction,
    ctx,
    () => renderHelp(exampleQuestions(ctx.answerer)).map((m) => ({ ...m, ephemeral: true })),
    { ephemeral: true },
  );
}

export default { definition, execute } satisfies Command;
