/**
 * Button clicks. Every custom_id is decoded strictly (customIds.ts); anything unknown, or pointing at data that no
 * longer exists, gets an ephemeral "this button has expired".
 */
import type { ButtonInteraction } from 'discord.js';
import { detectScript } from '../core/answerer.ts';
import type { Answerer } from '../core/types.ts';
import { resolveRef } from './commands/shared.ts';
import type { BotContext } from './context.ts';
import { conversationKey, rememberClick } from './conversation.ts';
import { decodeButton } from './customIds.ts';
import { feedbackReply } from './feedback.ts';
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

/** What a click produces: messages sent as the click's reply, or an in-place update of the clicked message. */
export interface ButtonOutcome {
  /** True for /quote pagination (the page is replaced); false for an ephemeral reply to whoever clicked. */
  update: boolean;
  messages: RenderedMessage[];
  /** False when the custom_id is unknown or points at data that no longer exists ("this button has expired"). */
  known: boolean;
}

/**
 * The outcome of a click on `customId`. Pure (the property tests run it on every button the bot renders): "Did you
 * mean", "Other matches" and "More from" answer ephemerally to whoever clicked; Previous/Next replace the /quote page.
 */
export function buttonOutcome(answerer: Answerer, customId: string): ButtonOutcome {
  const byline = answerer.corpus.byline;
  const action = decodeButton(customId);
  const expired: ButtonOutcome = { update: false, messages: [renderNotice(NOTICES.expired)], known: false };
  // A /quote page that no longer exists: the user came from /quote, not /ask.
  const expiredPage: ButtonOutcome = { update: false, messages: [renderNotice(NOTICES.expiredPage)], known: false };
  // A page number decodeButton refuses (`quote:mahdi:-1`, `quote:mahdi:NaN`) is as stale as one past the end.
  if (!action) return customId.startsWith('quote:') ? expiredPage : expired;
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
        return { update: true, messages: renderQuotePage(speaker, quotes, action.page, byline), known: true };
      }
      return expiredPage;
    }
  }
  return messages ? { update: false, messages, known: true } : expired;
}

/**
 * Handles one click: 👍 / 👎 and picks are recorded first, then acknowledged (src/discord/feedback.ts); the others
 * follow {@link buttonOutcome}. Unknown and stale buttons are logged.
 */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const action = decodeButton(interaction.customId);
  if (action?.kind === 'vote' || action?.kind === 'pick') {
    const click = {
      userId: interaction.user.id,
      messageId: interaction.message.id,
      guildId: interaction.guildId,
      transport: 'slash' as const,
      script: detectScript(interaction.message.embeds[0]?.title ?? ''),
    };
    return sendToInteraction(interaction, await feedbackReply(action, click, ctx));
  }
  const outcome = buttonOutcome(ctx.answerer, interaction.customId);
  if (!outcome.known) ctx.logger.info({ customId: interaction.customId.slice(0, 100) }, 'unknown or stale button');
  const key = conversationKey(interaction.user.id, interaction.channelId);
  if (outcome.known) rememberClick(ctx.conversations, key, ctx.answerer, action);
  if (outcome.update) return updateFromButton(interaction, outcome.messages);
  return sendToInteraction(interaction, outcome.messages);
}
