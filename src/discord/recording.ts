/**
 * The Discord side of recording: which surface a question was asked on (a DM is a DM whatever the transport), records
 * an answered question through the context's {@link Recorder} and says which 👍 / 👎 buttons the answer carries.
 */
import { asksForParagraph } from '../core/commandWords.ts';
import { isFollowUp } from '../core/followup.ts';
import type { Reply } from '../core/types.ts';
import { isParagraphListing } from '../paragraphListing.ts';
import type { Surface } from '../store/types.ts';
import type { BotContext } from './context.ts';
import type { AnswerContext } from './render.ts';

/**
 * Whether an event happened outside any server: it has no guild id. This is Discord's own marker, the same on both
 * transports (discord.js `interaction.guildId` / `message.guildId` is null; the raw payload has no `guild_id`), and
 * it covers the bot's DM (context 1 BOT_DM, channel type 1) and group DMs or DMs between other users where a
 * user-installed bot is used (context 2 PRIVATE_CHANNEL, channel types 1 and 3). Anything without a guild counts as
 * private, so a payload missing the field errs on the side of not recording.
 */
export function isPrivateContext(guildId: string | null | undefined): boolean {
  return guildId === null || guildId === undefined || guildId === '';
}

/**
 * The surface a question is recorded under: `dm` for anything asked outside a server, else `transport` (`slash` on
 * the gateway, `http` on the interactions endpoint, `mention` for a server message). One rule for every adapter:
 * the recorder keeps DMs only when RECORD_DMS is on and offers 👍 / 👎 only where it records, so a DM /ask must be
 * `dm` too or it would be recorded as `slash`/`http` behind the user's back.
 */
export function surfaceOf(transport: 'slash' | 'http' | 'mention', guildId: string | null | undefined): Surface {
  return isPrivateContext(guildId) ? 'dm' : transport;
}

/**
 * The surface a 👍 / 👎 (or a pick) is recorded under, decided from the click, not from the button: `dm` for a click
 * outside a server whatever the custom_id's surface letter says (a custom_id can be forged, and RECORD_DMS must not
 * depend on it). In a server, the surface the button names (`slash` or `mention`, which the click cannot tell apart),
 * or `transport` for a button that claims a DM there.
 */
export function clickSurface(named: Surface, transport: 'slash' | 'http', guildId: string | null | undefined): Surface {
  if (isPrivateContext(guildId)) return 'dm';
  return named === 'dm' ? transport : named;
}

/**
 * Records `result` as asked by `userId` on `surface` (unless it is a follow-up) and returns the feedback buttons' context, or undefined when
 * the surface takes no feedback (recording off; DMs while RECORD_DMS is off), the reply is a no-answer (declined
 * questions are recorded, but there is nothing to vote on) or a paragraph shown on request (the article itself, not
 * an answer chosen for a question: a 👎 on it would ask the curators for an entry nobody needs). Never rejects (the
 * recorder logs its own failures).
 */
export async function recordAsked(
  ctx: Pick<BotContext, 'recorder' | 'answerer'>,
  surface: Surface,
  userId: string,
  result: { reply: Reply; question: string },
): Promise<AnswerContext['feedback']> {
  // A follow-up ("and al-Taei?") means nothing without the answer before it: not a phrasing for the curators.
  const questionId = isFollowUp(result.question, ctx.answerer)
    ? undefined
    : await ctx.recorder.question({ surface, userId, question: result.question, reply: result.reply });
  if (result.reply.kind !== 'answer' || !ctx.recorder.acceptsFeedback(surface)) return undefined;
  if (asksForParagraph(result.question, ctx.answerer.corpus.paragraphs.length)) return undefined;
  // "show the whole article" names no paragraph number, yet lists them: the article itself too.
  if (isParagraphListing(result.reply)) return undefined;
  return { surface, ...(questionId !== undefined && { questionId }) };
}
