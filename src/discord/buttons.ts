/**
 * Button clicks. Every custom_id is decoded strictly (customIds.ts); anything unknown, or pointing at data that no
 * longer exists, gets an ephemeral "this button has expired".
 */
import type { ButtonInteraction } from 'discord.js';
import { resolveRef } from './commands/shared.ts';
import type { BotContext } from './context.ts';
import { decodeButton } from './customIds.ts';
import {
  NOTICES,
  type RenderedMessage,
  renderAllQuotes,
  renderAlternatives,
  renderNotice,
  renderQuotePage,
  renderReply,
} from './render.ts';
import { sendToInteraction, updateFromButton } from './respond.ts';

/**
 * Handles one click: "Did you mean" and "Other matches" and "More from" answer ephemerally to whoever clicked;
 * Previous/Next replace the /quote page in place.
 */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const { answerer } = ctx;
  const byline = answerer.corpus.byline;
  const action = decodeButton(interaction.customId);
  const expired = (): Promise<void> => sendToInteraction(interaction, [renderNotice(NOTICES.expired)]);
  if (!action) {
    ctx.logger.info({ customId: interaction.customId.slice(0, 100) }, 'unknown button');
    return expired();
  }
  let messages: RenderedMessage[] | undefined;
  switch (action.kind) {
    case 'alt': {
      const answer = resolveRef(answerer, action.ref, action.script);
      messages = answer && renderReply(answer, { byline, private: true });
      break;
    }
    case 'alts': {
      // Show what still resolves; expired only when nothing does.
      const answers = action.refs.map((ref) => resolveRef(answerer, ref, action.script)).filter((a) => a !== undefined);
      if (answers.length > 0) messages = renderAlternatives(answers, byline);
      break;
    }
    case 'more': {
      const speaker = answerer.corpus.speakers.find((s) => s.id === action.speakerId);
      messages = speaker && renderAllQuotes(speaker, answerer.quotesBy(speaker.id), byline);
      break;
    }
    case 'quote': {
      const speaker = answerer.corpus.speakers.find((s) => s.id === action.speakerId);
      const quotes = speaker ? answerer.quotesBy(speaker.id) : [];
      if (speaker && action.page < quotes.length) {
        return updateFromButton(interaction, renderQuotePage(speaker, quotes, action.page, byline));
      }
      break;
    }
  }
  return messages ? sendToInteraction(interaction, messages) : expired();
}
