/**
 * Payload adapters of the HTTP endpoint: a {@link RenderedMessage} (built by src/discord/render.ts, as for the gateway
 * bot) → the raw JSON of an interaction response or a follow-up. The gateway bot hands the same messages to discord.js
 * (render.ts `toInteractionReply`, `toInteractionUpdate`), which serializes them to these very fields; the parity test
 * (test/http/parity.test.ts) checks both give the same `data`.
 *
 * Shapes: https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object
 */
import {
  type APIActionRowComponent,
  type APIAllowedMentions,
  type APIApplicationCommandAutocompleteResponse,
  type APIApplicationCommandOptionChoice,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteractionResponseChannelMessageWithSource,
  type APIInteractionResponsePong,
  type APIInteractionResponseUpdateMessage,
  InteractionResponseType,
  MessageFlags,
} from 'discord.js';
import { NO_MENTIONS, type RenderedMessage } from '../discord/render.ts';

/**
 * `allowed_mentions` of every message we send: nothing is parsed, the replied-to user is not pinged. The raw form of
 * render.ts's NO_MENTIONS (discord.js sends exactly this for it).
 */
export const RAW_NO_MENTIONS: Readonly<APIAllowedMentions> = Object.freeze({
  parse: [],
  replied_user: NO_MENTIONS.repliedUser ?? false,
});

/** A fresh copy per message (the frozen constant's array must not be shared with whoever mutates a body). */
function noMentions(): APIAllowedMentions {
  return { ...RAW_NO_MENTIONS, parse: [] };
}

/**
 * The message fields of a response (`data` of types 4 and 7) or the body of a follow-up webhook
 * (`POST /webhooks/{application.id}/{interaction.token}`). Assignable to discord-api-types'
 * APIInteractionResponseCallbackData.
 */
export interface RawMessageData {
  /** Absent when the message has only embeds (type 4); `''` on an update, to clear the old content (type 7). */
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions: APIAllowedMentions;
  /** 64 (EPHEMERAL) when only the user who asked sees it; absent otherwise. */
  flags?: MessageFlags.Ephemeral;
}

/** A new message (response type 4, or a follow-up): content, embeds, buttons, no mentions, ephemeral flag. */
export function toRawMessage(m: RenderedMessage): RawMessageData {
  return {
    ...(m.content !== undefined && { content: m.content }),
    embeds: m.embeds.map((e) => e.toJSON()),
    components: m.components.map((row) => row.toJSON()),
    allowed_mentions: noMentions(),
    ...(m.ephemeral && { flags: MessageFlags.Ephemeral }),
  };
}

/**
 * The replacement of the message a button sits on (type 7): every field is sent, so nothing of the old message
 * lingers; ephemerality cannot change on an update, so no flags.
 */
export function toRawUpdate(m: RenderedMessage): RawMessageData {
  return {
    content: m.content ?? '',
    embeds: m.embeds.map((e) => e.toJSON()),
    components: m.components.map((row) => row.toJSON()),
    allowed_mentions: noMentions(),
  };
}

/** Response to a PING (type 1): PONG, which is how Discord checks the endpoint when the URL is saved. */
export const PONG: Readonly<APIInteractionResponsePong> = Object.freeze({ type: InteractionResponseType.Pong });

/** Response type 4 CHANNEL_MESSAGE_WITH_SOURCE: the reply to a command or a click. */
export function channelMessage(m: RenderedMessage): APIInteractionResponseChannelMessageWithSource {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: toRawMessage(m) };
}

/** Response type 7 UPDATE_MESSAGE: replaces the message whose button was clicked (pagination). */
export function updateMessage(m: RenderedMessage): APIInteractionResponseUpdateMessage {
  return { type: InteractionResponseType.UpdateMessage, data: toRawUpdate(m) };
}

/** Response type 8 APPLICATION_COMMAND_AUTOCOMPLETE_RESULT with at most 25 choices (extra ones are dropped). */
export function autocompleteResult(
  choices: readonly Pick<APIApplicationCommandOptionChoice<string>, 'name' | 'value'>[],
): APIApplicationCommandAutocompleteResponse {
  return {
    type: InteractionResponseType.ApplicationCommandAutocompleteResult,
    data: { choices: choices.slice(0, 25).map((c) => ({ name: c.name, value: c.value })) },
  };
}
