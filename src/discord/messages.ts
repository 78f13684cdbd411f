/**
 * Free-text questions: any DM to the bot, a server message that mentions it, or a Discord reply to one of its
 * messages. Answered with `message.reply` (so the answer quotes the question), flood-controlled per user, and never
 * pinging anyone.
 */
import { type Client, type Message, MessageReferenceType } from 'discord.js';
import { commandOf } from '../core/commandWords.ts';
import { ratingOf } from '../core/ratingWords.ts';
import type { Answerer, Reply } from '../core/types.ts';
import { NULL_RECORDER, type Recorder } from '../store/recorder.ts';
import type { Surface } from '../store/types.ts';
import { exampleQuestions } from './commands/shared.ts';
import type { BotContext } from './context.ts';
import { conversationKey } from './conversation.ts';
import { describeError, isRecipientProblem } from './errors.ts';
import { recordAsked, surfaceOf } from './recording.ts';
import {
  NOTICES,
  type RenderedMessage,
  renderCooldown,
  renderHelp,
  renderNotice,
  renderReply,
  renderSpeakers,
  toMessageReply,
} from './render.ts';

/**
 * The question in a message addressed to the bot: the whole DM, or a server message that mentions the bot
 * explicitly (`<@id>` or `<@!id>`) or replies to one of its messages ({@link repliesToBot}). The bot's own mention
 * is stripped in both: typed in a DM out of habit, it is no part of the question (and would show in the title).
 * Undefined when the message is not for us.
 */
export function questionOf(message: Message, botId: string): string | undefined {
  const mention = `<@!?${botId}>`;
  if (message.inGuild() && !new RegExp(mention).test(message.content) && !repliesToBot(message, botId)) {
    return undefined;
  }
  return message.content.replace(new RegExp(mention, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * True when `message` is a Discord "Reply" to one of the bot's own messages (a forward is not a reply). Replying to
 * an answer is how people ask a follow-up, so it addresses the bot like a mention. Read from the event alone, no
 * fetch: discord.js sets `mentions.repliedUser` from the payload's `referenced_message.author` (with or without the
 * ping), and a reply that pings us lists us in `mentions` even when `referenced_message` is missing (deleted).
 */
export function repliesToBot(message: Message, botId: string): boolean {
  const reference = message.reference;
  if (!reference || reference.type === MessageReferenceType.Forward) return false;
  return message.mentions.repliedUser?.id === botId || message.mentions.users.has(botId);
}

/**
 * True when the message reaches us only as a reply without the ping and with no text: without the Message Content
 * intent (we ask for no privileged intent) Discord withholds the text of such replies, so "please ask a question"
 * would be the wrong answer; the user is told to keep the @mention on instead.
 */
function unreadableReply(message: Message, botId: string, question: string): boolean {
  return (
    question === '' &&
    message.inGuild() &&
    repliesToBot(message, botId) &&
    !message.mentions.users.has(botId) &&
    !new RegExp(`<@!?${botId}>`).test(message.content)
  );
}

/**
 * Whether the bot can reply where `message` was sent. A group DM (channel type 3) reaches discord.js as a channel
 * without `send` (a bot account cannot be in one, but the event can still arrive), and a channel it cannot resolve
 * is null: `message.reply` threw "this.channel.send is not a function" there, logged as an error for every message.
 */
function canAnswerIn(message: Message): boolean {
  return message.channel?.isSendable() === true;
}

/** Handles one incoming message. Never rejects; a failed send (50007 closed DMs…) is logged and forgotten. */
export async function handleMessage(message: Message, client: Client, ctx: BotContext): Promise<void> {
  try {
    const me = client.user;
    if (!me || message.author.bot || message.author.id === me.id || message.webhookId !== null || message.system) {
      return;
    }
    if (!canAnswerIn(message)) {
      ctx.logger.debug(
        { messageId: message.id, channelType: message.channel?.type },
        'message ignored: cannot reply there',
      );
      return;
    }
    const question = questionOf(message, me.id);
    if (question === undefined) return;
    const verdict = ctx.cooldown.take(message.author.id);
    if (verdict === 'drop') return;
    if (verdict === 'notice') ctx.logger.info({ userId: message.author.id }, 'cooldown: notice sent, dropping more');
    const messages =
      verdict === 'notice'
        ? [renderCooldown(ctx.cooldown.retryAfterMs(message.author.id))]
        : unreadableReply(message, me.id, question)
          ? [renderNotice(NOTICES.replyUnreadable, false)]
          : await answerMessage(
              question,
              surfaceOf('mention', message.guildId),
              { userId: message.author.id, channelId: message.channelId },
              ctx,
            );
    for (const m of messages) await message.reply(toMessageReply(m));
    ctx.logger.debug({ messageId: message.id, dm: !message.inGuild() }, 'message answered');
  } catch (err) {
    const level = isRecipientProblem(err) ? 'warn' : 'error';
    ctx.logger[level]({ err: describeError(err), messageId: message.id }, 'could not answer a message');
  }
}

/**
 * What the bot says to a rating word typed in a DM or a mention, by where it was typed: how to rate (the buttons)
 * where feedback is recorded; that DMs are private while RECORD_DMS is off (a DM answer has no buttons, so there is
 * nothing to click); that feedback is off on this bot otherwise. The same for every rating word. Pure.
 */
export function ratingNotice(surface: Surface, recorder: Pick<Recorder, 'acceptsFeedback' | 'off'>): string {
  if (recorder.acceptsFeedback(surface)) return NOTICES.ratingHow;
  if (surface === 'dm' && recorder.off === undefined) return NOTICES.ratingDmPrivate;
  return NOTICES.feedbackOff;
}

/**
 * Help, the speakers list, the reply to a rating word (`rating`, see {@link ratingNotice}) and the empty-question
 * prompt, or undefined for a question to answer. Commands are matched as the terminal chat matches them
 * (src/core/commandWords.ts): folded like questions, so "help?", "/help", «مساعده» and "list speakers" are commands.
 * `exit` gets a note that there is nothing to leave (asked, it was declined as off-topic and recorded). Pure.
 */
function commandMessages(question: string, answerer: Answerer, rating: string): RenderedMessage[] | undefined {
  if (question === '') return [renderNotice(NOTICES.askPrompt, false)];
  const command = commandOf(question);
  if (command === 'exit') return [renderNotice(NOTICES.nothingToExit, false)];
  if (command === 'help') return renderHelp(exampleQuestions(answerer));
  if (command === 'speakers') return renderSpeakers(answerer.corpus.speakers);
  // Typed to the bot a rating word is no question ("good" would read as a greeting, "bad" as one the article does
  // not answer); in Discord the 👍 / 👎 buttons under an answer rate it.
  if (ratingOf(question) !== undefined) return [renderNotice(rating, false)];
  return undefined;
}

/**
 * What the bot sends for a question in a DM or a mention (already stripped of the mention). `ask` answers it: the
 * user's conversation, so that follow-ups ("what else did he say?") refer to their last answer. `rating` is the reply
 * to a rating word (default: a DM on a bot that records nothing). Pure when `ask` is.
 */
export function messagesFor(
  question: string,
  answerer: Answerer,
  ask: (question: string) => Reply = (q) => answerer.ask(q),
  rating: string = ratingNotice('dm', NULL_RECORDER),
): RenderedMessage[] {
  return (
    commandMessages(question, answerer, rating) ??
    renderReply(ask(question), { byline: answerer.corpus.byline, question })
  );
}

/**
 * Answers a DM, mention or reply from `userId`: in their conversation (follow-ups), recorded per policy, with 👍 / 👎 when
 * the surface takes feedback.
 */
async function answerMessage(
  question: string,
  surface: Surface,
  { userId, channelId }: { userId: string; channelId: string },
  ctx: BotContext,
): Promise<RenderedMessage[]> {
  // Commands, rating words included, are neither asked nor recorded: they are not questions for the curators.
  const command = commandMessages(question, ctx.answerer, ratingNotice(surface, ctx.recorder));
  if (command) return command;
  const reply = ctx.conversations.ask(conversationKey(userId, channelId), question);
  const feedback = await recordAsked(ctx, surface, userId, { reply, question });
  return renderReply(reply, { byline: ctx.answerer.corpus.byline, question, ...(feedback && { feedback }) });
}
