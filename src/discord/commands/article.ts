/** /article: what the article is, its byline, how many paragraphs, and how to ask. */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Answerer } from '../../core/types.ts';
import type { BotContext } from '../context.ts';
import { type RenderedMessage, renderArticle } from '../render.ts';
import { answerInteraction } from '../respond.ts';
import { baseCommand, exampleQuestions } from './shared.ts';
import type { Command } from './types.ts';

const definition = baseCommand('article', 'What the article is and how to ask about it');

/** About the article (public). Pure; /article has no options. */
export function articleMessages(answerer: Answerer): RenderedMessage[] {
  const { corpus } = answerer;
  return renderArticle({
    byline: corpus.byline,
    lead: corpus.paragraphs[0]?.text ?? corpus.text,
    paragraphs: corpus.paragraphs.length,
    speakers: corpus.speakers.length,
    // Every curated phrasing, as check-data counts them (the entries number far fewer).
    curatedQuestions: corpus.entries.reduce((n, e) => n + Object.values(e.questions).flat().length, 0),
    examples: exampleQuestions(answerer),
  });
}

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await answerInteraction(interaction, ctx, () => articleMessages(ctx.answerer), { ephemeral: false });
}

export default { definition, messages: articleMessages, execute } satisfies Command;
