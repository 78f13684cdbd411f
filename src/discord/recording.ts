/**
 * The Discord side of recording: records an answered question through the context's {@link Recorder} and says
 * which 👍 / 👎 buttons the answer carries.
 */
import { isFollowUp } from '../core/followup.ts';
import type { Reply } from '../core/types.ts';
import type { Surface } from '../store/types.ts';
import type { BotContext } from './context.ts';
import type { AnswerContext } from './render.ts';

/**
 * Records `result` as asked by `userId` on `surface` (unless it is a follow-up) and returns the feedback buttons' context, or undefined when
 * the surface takes no feedback (recording off; DMs while RECORD_DMS is off) or the reply is a no-answer (declined
 * questions are recorded, but there is nothing to vote on). Never rejects (the recorder logs its own failures).
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
  return { surface, ...(questionId !== undefined && { questionId }) };
}
