/**
 * The Discord side of recording: records an answered question through the context's {@link Recorder} and says
 * which 👍 / 👎 buttons the answer carries.
 */
import type { Reply } from '../core/types.ts';
import type { Surface } from '../store/types.ts';
import type { BotContext } from './context.ts';
import type { AnswerContext } from './render.ts';

/**
 * Records `result` as asked by `userId` on `surface` and returns the feedback buttons' context, or undefined when
 * the surface takes no feedback (recording off; DMs while RECORD_DMS is off) or the reply is a no-answer (declined
 * questions are recorded, but there is nothing to vote on). Never rejects (the recorder logs its own failures).
 */
export async function recordAsked(
  ctx: Pick<BotContext, 'recorder'>,
  surface: Surface,
  userId: string,
  result: { reply: Reply; question: string },
): Promise<AnswerContext['feedback']> {
  const questionId = await ctx.recorder.question({ surface, userId, question: result.question, reply: result.reply });
  if (result.reply.kind !== 'answer' || !ctx.recorder.acceptsFeedback(surface)) return undefined;
  return { surface, ...(questionId !== undefined && { questionId }) };
}
