/**
 * Raw gateway and REST objects as Discord sends them (JSON shapes of API v10), reduced to what discord.js 14.28
 * reads. Facts checked against discord.js 14.28.1: interactions need `entitlements`, `authorizing_integration_owners`
 * and `data.type`; a DM MESSAGE_CREATE needs `channel_type: 1` and no `guild_id`; a guild message needs its guild
 * cached (GUILD_CREATE after READY).
 */
import { snowflake } from './snowflake.ts';

export type Json = Record<string, unknown>;

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export function user(id: string = snowflake(), username = `user${id.slice(-4)}`, bot = false): FakeUser {
  return { id, username, global_name: username, discriminator: '0', avatar: null, ...(bot && { bot: true }) };
}

export interface FakeGuild {
  id: string;
  channelId: string;
  name: string;
}

export function guildCreate(guild: FakeGuild, bot: FakeUser): Json {
  const joined = new Date().toISOString();
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: snowflake(),
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    system_channel_flags: 0,
    features: [],
    emojis: [],
    stickers: [],
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        color: 0,
        hoist: false,
        position: 0,
        permissions: '1071698660929',
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels: [{ id: guild.channelId, type: 0, name: 'general', position: 0, permission_overwrites: [], nsfw: false }],
    threads: [],
    members: [{ user: bot, roles: [], joined_at: joined, deaf: false, mute: false, flags: 0 }],
    member_count: 2,
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    large: false,
    unavailable: false,
    joined_at: joined,
  };
}

export function member(u: FakeUser): Json {
  return {
    user: u,
    roles: [],
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    permissions: '1071698660929',
  };
}

/** A message object as REST returns it and as MESSAGE_CREATE carries it. */
export function message(fields: {
  id?: string;
  channelId: string;
  guildId?: string;
  author: FakeUser;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  mentions?: FakeUser[];
  messageReference?: Json;
  webhookId?: string;
  applicationId?: string;
}): Json {
  return {
    id: fields.id ?? snowflake(),
    channel_id: fields.channelId,
    ...(fields.guildId !== undefined && { guild_id: fields.guildId }),
    author: fields.author,
    content: fields.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: fields.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: fields.embeds ?? [],
    components: fields.components ?? [],
    pinned: false,
    type: fields.messageReference ? 19 : 0,
    flags: fields.flags ?? 0,
    ...(fields.messageReference && { message_reference: fields.messageReference }),
    ...(fields.webhookId && { webhook_id: fields.webhookId }),
    ...(fields.applicationId && { application_id: fields.applicationId }),
  };
}

/**
 * Where an interaction happens: a guild text channel, or a private channel: the bot's DM with the user (context 1
 * BOT_DM, channel type 1), or with `group` a group DM where the user runs the user-installed app (context 2
 * PRIVATE_CHANNEL, channel type 3). Neither private kind has a `guild_id`.
 */
export type Place = { kind: 'guild'; guild: FakeGuild } | { kind: 'dm'; channelId: string; group?: boolean };

/** The common envelope of every interaction (type 2 command, 3 component, 4 autocomplete). */
export function interaction(fields: {
  type: 2 | 3 | 4;
  applicationId: string;
  user: FakeUser;
  place: Place;
  data: Json;
  id?: string;
  token?: string;
  message?: Json;
}): Json {
  const { place, user: u } = fields;
  const inGuild = place.kind === 'guild';
  return {
    id: fields.id ?? snowflake(),
    application_id: fields.applicationId,
    type: fields.type,
    token: fields.token ?? `itok-${snowflake()}-${Math.random().toString(36).slice(2)}`,
    version: 1,
    data: fields.data,
    locale: 'en-US',
    app_permissions: '1071698660929',
    entitlements: [],
    attachment_size_limit: 8_388_608,
    ...(inGuild
      ? {
          guild_id: place.guild.id,
          guild_locale: 'en-US',
          guild: { id: place.guild.id, locale: 'en-US', features: [] },
          channel_id: place.guild.channelId,
          channel: { id: place.guild.channelId, type: 0, guild_id: place.guild.id, name: 'general', flags: 0 },
          member: member(u),
          authorizing_integration_owners: { '0': place.guild.id },
          context: 0,
        }
      : place.group
        ? {
            channel_id: place.channelId,
            channel: { id: place.channelId, type: 3, flags: 0, name: null, owner_id: u.id, recipients: [u] },
            user: u,
            authorizing_integration_owners: { '1': u.id },
            context: 2,
          }
        : {
            channel_id: place.channelId,
            channel: { id: place.channelId, type: 1, flags: 0, recipients: [u] },
            user: u,
            authorizing_integration_owners: { '0': '0', '1': u.id },
            context: 1,
          }),
    ...(fields.message && { message: fields.message }),
  };
}
