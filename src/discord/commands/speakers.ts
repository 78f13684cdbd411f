/** /speakers: everyone quoted in the article, with Arabic name, English name and role. */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Answerer } from '../../core/types.ts';
import type { BotContext } from '../context.ts';
import { type RenderedMessage, renderSpeakers } from '../render.ts';
import { answerInteraction } from '../respond.ts';
import { baseCommand } from './shared.ts';
import type { Command } from './types.ts';

const definition = baseCommand('speakers', 'Who is quoted in the article');

/** The list of speakers (public). Pure; /speakers has no options. */
export function speakersMessages(answerer: Answerer): RenderedMessage[] {
  return renderSpeakers(answerer.corpus.speakers);
}

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await answerInteraction(interaction, ctx, () => speakersMessages(ctx.answerer), { ephemeral: false });
}

export default { definition, messages: speakersMessages, execute } satisfies Command;
