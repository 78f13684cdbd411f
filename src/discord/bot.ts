/**
 * The Discord gateway bot: logs in, routes interactions and messages, and stops cleanly.
 * main.ts calls {@link startBot} when DISCORD_TOKEN is set and calls `stop()` on SIGINT/SIGTERM.
 */
import {
  ChannelType,
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  Options,
  Partials,
  SnowflakeUtil,
} from 'discord.js';
import type { Config } from '../config.ts';
import { Conversations } from '../core/followup.ts';
import type { Answerer } from '../core/types.ts';
import type { Logger } from '../logger.ts';
import { NULL_RECORDER, type Recorder } from '../store/recorder.ts';
import { type BotContext, type BotTuning, DEFAULT_TUNING } from './context.ts';
import { Cooldown } from './cooldown.ts';
import { describeError, GatewayFatalError, loginFailureMessage, scrubDebugLine, scrubSecrets } from './errors.ts';
import { describeApiUrl, fetchGatewayBot } from './gatewayInfo.ts';
import { handleInteraction } from './interactions.ts';
import { handleMessage } from './messages.ts';
import { NO_MENTIONS } from './render.ts';

/**
 * Guilds (slash commands and mentions in servers), GuildMessages (mention events), DirectMessages (DM questions).
 * No privileged intent: Discord sends the content of DMs and of messages that mention the bot without MessageContent.
 */
export const INTENTS = Object.freeze([
  GatewayIntentBits.Guilds,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.GuildMessages,
]);

/**
 * The bot reads nothing back from Discord (each answer comes from the event that asked), so it keeps no message
 * cache and bounded user and member caches. With discord.js's defaults every user who ever wrote would stay cached
 * with up to 200 messages per DM: memory that grows with the number of users (see `npm run bench:load`).
 * Our own user and member are always kept (discord.js needs them).
 */
export const CACHE_LIMITS = Options.cacheWithLimits({
  ...Options.DefaultMakeCacheSettings,
  MessageManager: 0,
  UserManager: { maxSize: 1000, keepOverLimit: (u) => u.id === u.client.user?.id },
  GuildMemberManager: { maxSize: 1000, keepOverLimit: (m) => m.id === m.client.user?.id },
});

/**
 * Removes from discord.js's cache the DM channels whose last message is at least `idleMs` old (discord.js has no
 * sweeper for them). Safe: a later DM recreates the channel from the event, as for a first DM (Partials.Channel).
 *
 * @returns how many channels were removed.
 */
export function sweepIdleDmChannels(client: Client, idleMs: number, now = Date.now()): number {
  let removed = 0;
  for (const [id, channel] of client.channels.cache) {
    if (channel.type !== ChannelType.DM) continue;
    const last = channel.lastMessageId ?? channel.id;
    if (now - SnowflakeUtil.timestampFrom(last) >= idleMs) {
      client.channels.cache.delete(id);
      removed++;
    }
  }
  return removed;
}

export interface StartBotOptions {
  config: Config;
  answerer: Answerer;
  logger: Logger;
  /** Merged over ours (tests point `rest.api` and the gateway at a fake); `rest` is merged key by key. */
  clientOptions?: Partial<ClientOptions>;
  /** Records questions and feedback. @defaultValue {@link NULL_RECORDER} (nothing recorded, no 👍 / 👎 buttons) */
  recorder?: Recorder;
  /** Overrides of {@link DEFAULT_TUNING} (the cooldown defaults to `config.cooldown`). */
  tuning?: Partial<BotTuning>;
  /**
   * Called once when the bot can no longer work after it started: the gateway closed with a code discord.js does not
   * recover from (4004 token rejected, 4014 disallowed intents…). The error's message says what to fix. main.ts
   * logs it and exits non-zero. Before READY the same condition makes {@link startBot} reject instead.
   * @defaultValue logs the error only
   */
  onFatal?: (error: GatewayFatalError) => void;
}

export interface RunningBot {
  client: Client;
  /** Disconnects from the gateway and releases every timer and socket the bot opened. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Logs in and resolves once the client is ready (Events.ClientReady).
 *
 * @throws when `config.discordToken` is missing, when Discord rejects the token or the intents (the message says what
 *   to fix and never contains the token), or when READY does not come within `tuning.readyTimeoutMs`. The client is
 *   destroyed before throwing.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, answerer, logger } = options;
  const token = config.discordToken;
  if (!token) throw new Error('startBot: DISCORD_TOKEN is not set');
  const tuning: BotTuning = { ...DEFAULT_TUNING, cooldown: config.cooldown, ...options.tuning };
  const ctx: BotContext = {
    answerer,
    logger,
    tuning,
    cooldown: new Cooldown(tuning.cooldown),
    autocompleteCooldown: new Cooldown(tuning.autocompleteLimit),
    conversations: new Conversations(answerer),
    recorder: options.recorder ?? NULL_RECORDER,
  };

  const client = new Client({
    intents: [...INTENTS],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    makeCache: CACHE_LIMITS,
    // discord.js's defaults, spelled out: left unset, discord.js reads the shard ids from process.env.SHARDS, which is
    // our own setting (the manager's), and JSON.parse('') of the `SHARDS=` line of .env.example threw at start.
    // A shard of the manager passes its own ids in clientOptions.
    shards: [0],
    shardCount: 1,
    ...options.clientOptions,
    rest: { ...(config.discordApiUrl && { api: config.discordApiUrl }), ...options.clientOptions?.rest },
  });

  // Handlers never reject (each is its own error boundary); the catch is a last guard against a crash.
  const onInteraction = (interaction: Interaction): void => {
    handleInteraction(interaction, ctx).catch((err: unknown) =>
      logger.error({ err: describeError(err) }, 'interaction router failed'),
    );
  };
  const onMessage = (message: Message): void => {
    handleMessage(message, client, ctx).catch((err: unknown) =>
      logger.error({ err: describeError(err) }, 'message handler failed'),
    );
  };
  client.on(Events.InteractionCreate, onInteraction);
  client.on(Events.MessageCreate, onMessage);
  client.on(Events.Error, (err) => logger.error({ err: describeError(err) }, 'client error'));
  client.on(Events.Warn, (warning) => logger.warn({ warning: scrubSecrets(warning, [token]) }, 'client warning'));
  client.on(Events.Debug, (line) => {
    if (logger.isLevelEnabled('trace')) logger.trace({ debug: scrubDebugLine(line, [token]) }, 'discord.js');
  });
  // discord.js emits ShardDisconnect only for close codes it will not recover from: the bot is dead until fixed.
  let failStartup: ((error: Error) => void) | undefined;
  let fatal: GatewayFatalError | undefined;
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (fatal) return;
    fatal = new GatewayFatalError(event.code);
    logger.fatal({ shardId, code: event.code, hint: fatal.message }, 'gateway closed for good');
    if (failStartup) failStartup(fatal);
    else options.onFatal?.(fatal);
  });
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardError, (err, shardId) => logger.error({ err: describeError(err), shardId }, 'gateway error'));
  client.rest.on('rateLimited', (info) =>
    logger.warn(
      { route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global, scope: info.scope },
      'rate limited by Discord',
    ),
  );

  const sweeper = setInterval(() => {
    const removed = sweepIdleDmChannels(client, tuning.dmChannelIdleMs);
    if (removed > 0) logger.debug({ removed, left: client.channels.cache.size }, 'idle DM channels swept');
    ctx.conversations.sweep();
  }, tuning.sweepIntervalMs);
  sweeper.unref();

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    clearInterval(sweeper);
    // Stop answering first; keep the error listeners through destroy() (an unheard 'error' event would throw).
    client.off(Events.InteractionCreate, onInteraction);
    client.off(Events.MessageCreate, onMessage);
    await client.destroy();
    client.removeAllListeners();
    client.rest.removeAllListeners();
    logger.info('discord bot stopped');
  };

  let readyTimer: NodeJS.Timeout | undefined;
  try {
    // The token check, first and with a deadline, so that an API that hangs or answers something else is named as
    // such (see gatewayInfo.ts); discord.js asks the same again inside login().
    client.rest.setToken(token);
    const gateway = await fetchGatewayBot(client.rest, tuning.gatewayInfoTimeoutMs);
    // Attach the ready listener before login: READY can arrive before login() resolves.
    const ready = new Promise<void>((resolve, reject) => {
      readyTimer = setTimeout(
        () =>
          reject(
            new Error(
              `Discord's gateway (${describeApiUrl(gateway.url)}) did not send READY within ${tuning.readyTimeoutMs} ms ` +
                `(the REST API at ${describeApiUrl(client.rest.options.api)} had answered); check the network or proxy ` +
                'to the gateway',
            ),
          ),
        tuning.readyTimeoutMs,
      );
      client.once(Events.ClientReady, () => resolve());
      failStartup = reject;
    });
    await Promise.all([client.login(token), ready]);
  } catch (err) {
    await stop();
    throw new Error(`Discord login failed: ${loginFailureMessage(err, token)}`, { cause: err });
  } finally {
    failStartup = undefined;
    clearTimeout(readyTimer);
  }
  const user = client.user;
  logger.info(
    { user: user?.tag, userId: user?.id, applicationId: client.application?.id, guilds: client.guilds.cache.size },
    'discord bot ready',
  );
  return { client, stop };
}
