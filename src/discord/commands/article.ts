/** /article: what the article is, its byline, how many paragraphs, and how to ask. */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.ts';
import { renderArticle } from '../render.ts';
import { answerInteraction } from '../respond.ts';
import { baseCommand, exampleQuestions } from './shared.ts';
import type { Command } from './types.ts';

const definition = baseCommand('article', 'What the article is and how to ask about it');

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const { corpus } = ctx.answerer;
  await answerInteraction(
    interaction,
    ctx,
    () =>
      renderArticle({
        byline: corpus.byline,
        lead: corpus.paragraphs[0]?.text ?? corpus.text,
        paragraphs: corpus.paragraphs.length,
        speakers: corpus.speakers.length,
        curatedQuestions: corpus.entries.length,
        examples: exampleQuestions(ctx.answerer),
      }),
    { ephemeral: false },
  );
}

export default { definition, execute } satisfies Command;
