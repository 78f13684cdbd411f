/**
 * 👍 / 👎 on answers, and the pick that follows a 👎. Transport-agnostic (the gateway's button handler and the HTTP
 * endpoint call it alike): given the decoded button and who clicked on which message, it records the vote through
 * the {@link Recorder} and returns the ephemeral reply. The vote is committed before the reply is produced, so an
 * acknowledged click is never lost; a vote the store cannot commit quickly (locked by another process) is answered
 * at once with "try again in a moment" rather than held past Discord's 3 s.
 */
import type { Answerer, QueryScript } from '../core/types.ts';
import type { Logger } from '../logger.ts';
import type { Recorder } from '../store/recorder.ts';
import { StoreBusyError, type Surface } from '../store/types.ts';
import { entryQuestion, resolveRef } from './commands/shared.ts';
import { type ButtonAction, PICK_NONE } from './customIds.ts';
import { describeError } from './errors.ts';
import { clickSurface } from './recording.ts';
import {
  NOTICES,
  type PickChoice,
  type RenderedMessage,
  renderNotice,
  renderPicked,
  renderPickPrompt,
} from './render.ts';

/** A decoded 👍 / 👎 or pick button. */
export type FeedbackAction = Extract<ButtonAction, { kind: 'vote' | 'pick' }>;

/** What feedback needs from the caller's context. */
export interface FeedbackContext {
  answerer: Answerer;
  recorder: Recorder;
  logger: Logger;
}

/** Who clicked, on which message (the message's id identifies "the answer": one vote per user per message). */
export interface Click {
  userId: string;
  messageId: string;
  /**
   * The interaction's server; absent or null outside one (a DM or group DM). This, not the button's custom_id,
   * decides whether the click is DM feedback (RECORD_DMS).
   */
  guildId: string | null | undefined;
  /** Which transport the click came by: the gateway (`slash`) or the interactions endpoint (`http`). */
  transport: 'slash' | 'http';
  /**
   * The script of the question the answer was for (read from the answer's title), so the 👎 pick list reads in the
   * asker's language; Arabic when unknown.
   */
  script?: QueryScript;
}

/**
 * Records a vote or a pick and returns the ephemeral reply; a click outside a server is DM feedback whatever the
 * custom_id says, refused while RECORD_DMS is off with a reply saying so. Never rejects: a storage failure is logged and the
 * user is told to try again (a busy store is logged by the recorder, once per episode, so only at debug here).
 */
export async function feedbackReply(
  action: FeedbackAction,
  click: Click,
  ctx: FeedbackContext,
): Promise<RenderedMessage[]> {
  // Where the click was decides RECORD_DMS, for picks too (a pick names no surface: only DM or not matters there).
  const surface = clickSurface(action.kind === 'vote' ? action.surface : 'slash', click.transport, click.guildId);
  if (!ctx.recorder.acceptsFeedback(surface)) return [renderNotice(feedbackOffNotice(surface, ctx.recorder))];
  // A custom_id can be forged: record only votes and picks about answers that exist (the report trusts them).
  if (!refersToAnswers(action, ctx.answerer)) return [renderNotice(NOTICES.expired)];
  try {
    return action.kind === 'vote' ? await vote(action, surface, click, ctx) : await pick(action, click, ctx);
  } catch (err) {
    if (err instanceof StoreBusyError) ctx.logger.debug({ kind: action.kind }, 'feedback refused: the store is busy');
    else ctx.logger.error({ err: describeError(err), kind: action.kind }, 'could not record feedback');
    return [renderNotice(NOTICES.voteFailed)];
  }
}

/**
 * Why a click is not recorded, as the user is told: DM ratings only, while RECORD_DMS is off (server ratings still
 * are, so "feedback is not recorded" would be wrong); everything otherwise.
 */
function feedbackOffNotice(surface: Surface, recorder: Pick<Recorder, 'off'>): string {
  return surface === 'dm' && recorder.off === undefined ? NOTICES.feedbackDmOff : NOTICES.feedbackOff;
}

/**
 * Records a 👍 / 👎 under `surface` (where the click was, see {@link clickSurface}). The custom_id's question
 * reference is passed on as is: the recorder opens it, and the store links the vote only if that question was
 * recorded (a forged or stale reference is not).
 */
async function vote(
  action: Extract<FeedbackAction, { kind: 'vote' }>,
  surface: Surface,
  click: Click,
  ctx: FeedbackContext,
): Promise<RenderedMessage[]> {
  const result = await ctx.recorder.vote({
    surface,
    userId: click.userId,
    messageId: click.messageId,
    ...(action.questionId !== undefined && { questionId: action.questionId }),
    ref: action.ref,
    vote: action.vote,
  });
  ctx.logger.debug({ vote: action.vote, ref: action.ref, result }, 'vote recorded');
  if (action.vote === 1) return [renderNotice(result === 'unchanged' ? NOTICES.voteUnchanged : NOTICES.voteUp)];
  return [renderPickPrompt(pickChoices(ctx.answerer, action.alternatives, click.script), click.messageId, action.ref)];
}

async function pick(
  action: Extract<FeedbackAction, { kind: 'pick' }>,
  click: Click,
  ctx: FeedbackContext,
): Promise<RenderedMessage[]> {
  const picked = action.picked === PICK_NONE ? undefined : resolveRef(ctx.answerer, action.picked, 'mixed');
  if (action.picked !== PICK_NONE && !picked) return [renderNotice(NOTICES.expired)];
  // The pick's buttons sit on the ephemeral prompt; the answer judged wrong is the message named in the custom_id.
  const recorded = await ctx.recorder.pick({
    userId: click.userId,
    messageId: action.messageId,
    ref: action.ref,
    picked: action.picked,
  });
  // No 👎 by this user on that answer: a pick button that is not theirs (forged, or from someone else's prompt).
  if (!recorded) return [renderNotice(NOTICES.expired)];
  return picked ? renderPicked(picked, ctx.answerer.corpus.byline) : [renderNotice(NOTICES.pickNone)];
}

/** True when every reference of the action names an answer of the current seeds ('none' for a pick is fine). */
function refersToAnswers(action: FeedbackAction, answerer: Answerer): boolean {
  const exists = (ref: string) => resolveRef(answerer, ref, 'arabic') !== undefined;
  if (action.kind === 'vote') return exists(action.ref) && action.alternatives.every(exists);
  return exists(action.ref) && (action.picked === PICK_NONE || exists(action.picked));
}

/**
 * The alternatives a 👎 offers, labelled with a question each answers (or "Paragraph N · speaker"), in the script of
 * the question asked: an English asker gets English labels, an Arabic one Arabic labels.
 */
function pickChoices(answerer: Answerer, refs: readonly string[], script: QueryScript = 'arabic'): PickChoice[] {
  const latin = script === 'latin';
  return refs.flatMap((ref) => {
    const answer = resolveRef(answerer, ref, 'mixed');
    if (!answer) return [];
    const byParagraph = latin
      ? `Paragraph ${answer.paragraph} · ${answer.speaker.nameEn}`
      : `الفقرة ${answer.paragraph} · ${answer.speaker.nameAr}`;
    return [{ ref, label: entryQuestion(answerer, ref, latin ? 'latin' : 'arabic') ?? byParagraph }];
  });
}
