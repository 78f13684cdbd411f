/**
 * The HTTP endpoint's dispatcher: a verified interaction's JSON → the JSON to answer with (and any follow-up messages
 * to send afterwards). No sockets, no clock: server.ts does the I/O, so tests call this directly.
 *
 * It reuses the gateway bot's pieces as they are: the command list and each command's pure `messages` and `choices`
 * (src/discord/commands/), `buttonOutcome` for clicks, the renderers and the per-user {@link Cooldown}. The gateway
 * router (src/discord/interactions.ts) makes the same decisions through discord.js; the parity test keeps them equal.
 *
 * Shapes: https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
 */

import { z } from 'zod';
import { detectScript } from '../core/answerer.ts';
import type { Conversations } from '../core/followup.ts';
import type { Answerer } from '../core/types.ts';
import { buttonOutcome } from '../discord/buttons.ts';
import { askReply, renderAsk } from '../discord/commands/ask.ts';
import { findCommand, optionValuesOf } from '../discord/commands/index.ts';
import { booleanOption, type CommandOptions, stringOption } from '../discord/commands/types.ts';
import { conversationKey, rememberClick } from '../discord/conversation.ts';
import type { Cooldown } from '../discord/cooldown.ts';
import { decodeButton } from '../discord/customIds.ts';
import { describeError } from '../discord/errors.ts';
import { feedbackReply } from '../discord/feedback.ts';
import { recordAsked, surfaceOf } from '../discord/recording.ts';
import { NOTICES, type RenderedMessage, renderCooldown, renderNotice } from '../discord/render.ts';
import type { Logger } from '../logger.ts';
import type { Recorder } from '../store/recorder.ts';
import {
  autocompleteResult,
  channelMessage,
  PONG,
  type RawMessageData,
  toRawMessage,
  updateMessage,
} from './payload.ts';

/** What every request handler receives, built once by server.ts (like the gateway's BotContext). */
export interface HttpContext {
  answerer: Answerer;
  logger: Logger;
  /** Records /ask questions and 👍 / 👎 (surface `http`). @defaultValue {@link NULL_RECORDER} in server.ts */
  recorder: Recorder;
  /**
   * Follow-up context of /ask per user and channel. In this process's memory, like the cooldown: behind a load
   * balancer a follow-up reaches another instance only by chance (the "More from" button needs no memory).
   */
  conversations: Conversations;
  /**
   * Per-user flood control of slash commands, keyed by the user's id. It lives in this process's memory: each
   * instance behind a load balancer counts on its own, and a restart forgets.
   */
  cooldown: Cooldown;
  /** Autocomplete requests per user, as on the gateway (past the limit: an empty list). */
  autocompleteCooldown: Cooldown;
}

/** Messages to post after the response, as follow-ups (`POST /webhooks/{applicationId}/{token}`), in order. */
export interface FollowUp {
  applicationId: string;
  /** The interaction token (valid 15 minutes). A secret: never logged. */
  token: string;
  messages: RawMessageData[];
}

/** Interaction response JSON: PONG, a message (4), an update (7) or autocomplete choices (8). */
export type InteractionResponseBody =
  | typeof PONG
  | ReturnType<typeof channelMessage>
  | ReturnType<typeof updateMessage>
  | ReturnType<typeof autocompleteResult>;

/** The outcome for one verified request: 200 with a response (and maybe follow-ups), or 400 for a malformed one. */
export type HandlerResult =
  | { status: 200; body: InteractionResponseBody; followUp?: FollowUp }
  | { status: 400; body: { error: string } };

/** Dispatches one parsed request body (the signature was already checked). */
export type InteractionHandler = (payload: unknown, ctx: HttpContext) => Promise<HandlerResult>;

// ---------------------------------------------------------------------------------------------------------------
// Schemas: only the fields we read (zod drops the rest); anything else in a signed body is Discord's business.

const snowflake = z.string().regex(/^\d{1,20}$/);
const userRef = z.object({ id: snowflake });

/** A command option as sent (top level; subcommands are not used by our commands, their nested lists are dropped). */
const optionSchema = z.object({
  name: z.string().max(100),
  type: z.number().int(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
});

const commandData = z.object({
  name: z.string().min(1).max(100),
  options: z.array(optionSchema).max(25).optional(),
});

/**
 * Fields every interaction but PING has. In a server `member.user` is the user and `guild_id` is set; in DMs and
 * group DMs `user` is, and there is no `guild_id` (what makes a question a DM question: see `surfaceOf`).
 */
const envelope = {
  id: snowflake,
  application_id: snowflake,
  token: z.string().min(1).max(1000),
  member: z.object({ user: userRef }).optional(),
  user: userRef.optional(),
  channel_id: snowflake.optional(),
  guild_id: snowflake.optional(),
};

const typeOnly = z.object({ type: z.number().int() });
const applicationCommand = z.object({ type: z.literal(2), data: commandData, ...envelope });
const messageComponent = z.object({
  type: z.literal(3),
  data: z.object({ custom_id: z.string().max(1000), component_type: z.number().int() }),
  /** The message the button sits on: a vote is about this answer (one vote per user per message). */
  message: z
    .object({
      id: snowflake,
      embeds: z
        .array(z.object({ title: z.string().max(1000).optional() }))
        .max(10)
        .optional(),
    })
    .optional(),
  ...envelope,
});
const autocomplete = z.object({ type: z.literal(4), data: commandData, ...envelope });
/** Any other repliable type (5 MODAL_SUBMIT, or one Discord adds later): answered with a polite notice. */
const otherInteraction = z.object({ type: z.number().int(), ...envelope });

/** Interaction types (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type). */
export const INTERACTION_TYPE = Object.freeze({
  ping: 1,
  applicationCommand: 2,
  messageComponent: 3,
  autocomplete: 4,
});

// ---------------------------------------------------------------------------------------------------------------

/**
 * Turns one interaction into its response:
 * - 1 PING → PONG;
 * - 2 APPLICATION_COMMAND → the command's messages (type 4; the per-user cooldown applies, as on the gateway);
 * - 3 MESSAGE_COMPONENT → {@link buttonOutcome}: an update (type 7) for pagination, else an ephemeral reply (type 4);
 * - 4 AUTOCOMPLETE → the command's choices (type 8, ≤ 25; none for an unknown command or option);
 * - another type → a polite ephemeral notice.
 * A body that does not have the shape of an interaction → 400. Never rejects: a failing command is logged and
 * answered with the same ephemeral apology as on the gateway. Messages past the first go to `followUp`.
 */
export async function handleInteraction(payload: unknown, ctx: HttpContext): Promise<HandlerResult> {
  const head = typeOnly.safeParse(payload);
  if (!head.success) return invalid('not an interaction');
  switch (head.data.type) {
    case INTERACTION_TYPE.ping:
      return { status: 200, body: PONG };
    // Discord always says who acted (member.user in a server, user in DMs): without it there is no one to answer,
    // rate-limit or record, so the request is malformed.
    case INTERACTION_TYPE.applicationCommand: {
      const parsed = applicationCommand.safeParse(payload);
      if (!parsed.success || userIdOf(parsed.data) === undefined) return invalid('bad command');
      return guarded(parsed.data, ctx, () => onCommand(parsed.data, ctx));
    }
    case INTERACTION_TYPE.messageComponent: {
      const parsed = messageComponent.safeParse(payload);
      if (!parsed.success || userIdOf(parsed.data) === undefined) return invalid('bad component');
      return guarded(parsed.data, ctx, () => onComponent(parsed.data, ctx));
    }
    case INTERACTION_TYPE.autocomplete: {
      const parsed = autocomplete.safeParse(payload);
      if (!parsed.success || userIdOf(parsed.data) === undefined) return invalid('bad autocomplete');
      return { status: 200, body: onAutocomplete(parsed.data, ctx) };
    }
    default: {
      const parsed = otherInteraction.safeParse(payload);
      if (!parsed.success) return invalid('bad interaction');
      ctx.logger.debug({ type: head.data.type }, 'unsupported interaction type; notice sent');
      return { status: 200, body: channelMessage(renderNotice(NOTICES.unsupported)) };
    }
  }
}

type Envelope = z.infer<typeof otherInteraction>;

function invalid(error: string): HandlerResult {
  return { status: 400, body: { error } };
}

/** The id the cooldown counts by: the member's user in a server, the user in DMs. */
export function userIdOf(interaction: Pick<Envelope, 'member' | 'user'>): string | undefined {
  return interaction.member?.user.id ?? interaction.user?.id;
}

/** The first message as the response (built by `first`), the others as follow-ups. */
function respond(
  interaction: Envelope,
  messages: readonly RenderedMessage[],
  first: (m: RenderedMessage) => InteractionResponseBody,
  rest: (m: RenderedMessage) => RawMessageData = toRawMessage,
): HandlerResult {
  const [head, ...tail] = messages;
  const body = head ? first(head) : channelMessage(renderNotice(NOTICES.apology));
  if (tail.length === 0) return { status: 200, body };
  return {
    status: 200,
    body,
    followUp: { applicationId: interaction.application_id, token: interaction.token, messages: tail.map(rest) },
  };
}

/** The error boundary of commands and clicks: a throw is logged and answered with the ephemeral apology. */
async function guarded(
  interaction: Envelope,
  ctx: HttpContext,
  run: () => HandlerResult | Promise<HandlerResult>,
): Promise<HandlerResult> {
  try {
    return await run();
  } catch (err) {
    ctx.logger.error(
      { err: describeError(err), interactionId: interaction.id, type: interaction.type },
      'interaction handler failed',
    );
    return { status: 200, body: channelMessage(renderNotice(NOTICES.apology)) };
  }
}

async function onCommand(interaction: z.infer<typeof applicationCommand>, ctx: HttpContext): Promise<HandlerResult> {
  const started = performance.now();
  const { name } = interaction.data;
  const command = findCommand(name);
  if (!command) {
    ctx.logger.warn({ command: name.slice(0, 100) }, 'unknown command (stale registration?)');
    return respond(interaction, [renderNotice(NOTICES.unknownCommand)], channelMessage);
  }
  // Every command must be acknowledged, so a flooding user gets the (ephemeral) notice each time, as on the gateway.
  const userId = userIdOf(interaction) ?? 'unknown';
  if (ctx.cooldown.take(userId) !== 'answer') {
    ctx.logger.debug({ userId, command: name }, 'cooldown: command refused');
    return respond(interaction, [renderCooldown(ctx.cooldown.retryAfterMs(userId))], channelMessage);
  }
  const options = optionValuesOf(interaction.data.options ?? []);
  const messages =
    name === 'ask'
      ? await askOverHttp(options, { userId, channelId: interaction.channel_id, guildId: interaction.guild_id }, ctx)
      : command.messages(ctx.answerer, options);
  ctx.logger.debug({ command: name, ms: Math.round(performance.now() - started) }, 'command answered');
  return respond(interaction, messages, channelMessage);
}

/**
 * /ask as on the gateway: recorded (surface `http` in a server, `dm` without a guild, as the gateway decides), with
 * 👍 / 👎 when the recorder takes feedback on that surface.
 */
async function askOverHttp(
  options: CommandOptions,
  { userId, channelId, guildId }: { userId: string; channelId: string | undefined; guildId: string | undefined },
  ctx: HttpContext,
): Promise<RenderedMessage[]> {
  const key = conversationKey(userId, channelId);
  const result = askReply(ctx.answerer, stringOption(options, 'question') ?? '', (q) => ctx.conversations.ask(key, q));
  const feedback = result && (await recordAsked(ctx, surfaceOf('http', guildId), userId, result));
  return renderAsk(ctx.answerer, result, booleanOption(options, 'private'), feedback);
}

async function onComponent(interaction: z.infer<typeof messageComponent>, ctx: HttpContext): Promise<HandlerResult> {
  const { custom_id: customId } = interaction.data;
  const action = decodeButton(customId);
  if (action?.kind === 'vote' || action?.kind === 'pick') {
    const click = {
      userId: userIdOf(interaction) ?? 'unknown',
      messageId: interaction.message?.id ?? interaction.id,
      guildId: interaction.guild_id,
      transport: 'http' as const,
      script: detectScript(interaction.message?.embeds?.[0]?.title ?? ''),
    };
    return respond(interaction, await feedbackReply(action, click, ctx), channelMessage);
  }
  const outcome = buttonOutcome(ctx.answerer, customId);
  if (!outcome.known) ctx.logger.info({ customId: customId.slice(0, 100) }, 'unknown or stale button');
  const key = conversationKey(userIdOf(interaction) ?? 'unknown', interaction.channel_id);
  if (outcome.known) rememberClick(ctx.conversations, key, ctx.answerer, action);
  // Pagination replaces the page; its extra parts (if any) go to the clicker only, as on the gateway.
  if (outcome.update) {
    return respond(interaction, outcome.messages, updateMessage, (m) => toRawMessage({ ...m, ephemeral: true }));
  }
  return respond(interaction, outcome.messages, channelMessage);
}

function onAutocomplete(
  interaction: z.infer<typeof autocomplete>,
  ctx: HttpContext,
): ReturnType<typeof autocompleteResult> {
  const { name, options = [] } = interaction.data;
  const userId = userIdOf(interaction) ?? 'unknown';
  if (ctx.autocompleteCooldown.take(userId) !== 'answer') {
    ctx.logger.debug({ userId }, 'autocomplete flood; empty list');
    return autocompleteResult([]);
  }
  const focused = options.find((o) => o.focused === true);
  try {
    const choices = focused
      ? findCommand(name)?.choices?.(ctx.answerer, focused.name, String(focused.value ?? ''))
      : [];
    return autocompleteResult(choices ?? []);
  } catch (err) {
    // An empty list beats the client's "loading options failed".
    ctx.logger.warn({ err: describeError(err), command: name.slice(0, 100) }, 'autocomplete failed');
    return autocompleteResult([]);
  }
}
