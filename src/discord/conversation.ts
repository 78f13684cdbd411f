/**
 * Which conversation a Discord event belongs to, for follow-ups (src/core/followup.ts): one per user per channel,
 * so a DM conversation never continues in a server channel, where the answer is public.
 */
import type { Conversations } from '../core/followup.ts';
import { resolveRef } from '../core/refs.ts';
import type { Answerer } from '../core/types.ts';
import type { ButtonAction } from './customIds.ts';

/** The follow-up key of `userId` in `channelId` (a DM channel or a server channel; absent: the user alone). */
export function conversationKey(userId: string, channelId: string | null | undefined): string {
  return `${userId}:${channelId ?? ''}`;
}

/**
 * After a click that showed an answer ("Did you mean", "More from"), follow-ups refer to it: "what else did he say?"
 * then continues from what the click showed, as if it had been asked.
 */
export function rememberClick(
  conversations: Conversations,
  key: string,
  answerer: Answerer,
  action: ButtonAction | undefined,
): void {
  if (action?.kind === 'alt') {
    const answer = resolveRef(answerer, action.ref, action.script);
    if (answer) conversations.remember(key, answer);
  } else if (action?.kind === 'more') {
    for (const answer of answerer.quotesBy(action.speakerId)) conversations.remember(key, answer);
  }
}
