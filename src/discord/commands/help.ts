/** /help: the commands, the other ways to ask, and a few example questions. Ephemeral. */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Answerer } from '../../core/types.ts';
import type { BotContext } from '../context.ts';
import { type RenderedMessage, renderHelp } from '../render.ts';
import { answerInteraction } from '../respond.ts';
import { baseCommand, exampleQuestions } from './shared.ts';
import type { Command } from './types.ts';

const definition = baseCommand('help', 'How to use this bot');

/** The help text, ephemeral. Pure; /help has no options. */
export function helpMessages(answerer: Answerer): RenderedMessage[] {
  return renderHelp(exampleQuestions(answerer)).map((m) => ({ ...m, ephemeral: true }));
}

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await answerInteraction(interaction, ctx, () => helpMessages(ctx.answerer), { ephemeral: true });
}

export default { definition, messages: helpMessages, execute } satisfies Command;
