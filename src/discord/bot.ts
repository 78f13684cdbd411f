/**
 * The Discord gateway bot: logs in, routes interactions and messages, and stops cleanly.
 * main.ts calls {@link startBot} when DISCORD_TOKEN is set and calls `stop()` on SIGINT/SIGTERM.
 */
import {
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  Partials,
} from 'discord.js';
import type { Config } from '../config.ts';
import type { Answerer } from '../core/types.ts';
import type { Logger } from '../logger.ts';
import { type BotContext, type BotTuning, DEFAULT_TUNING } from './context.ts';
import { Cooldown } from './cooldown.ts';
import { describeError, scrubDebugLine, scrubSecrets } from './errors.ts';
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

export interface StartBotOptions {
  config: Config;
  answerer: Answerer;
  logger: Logger;
  /** Merged over ours (tests point `rest.api` and the gateway at a fake); `rest` is merged key by key. */
  clientOptions?: Partial<ClientOptions>;
  /** Overrides of {@link DEFAULT_TUNING}. */
  tuning?: Partial<BotTuning>;
}

export interface RunningBot {
  client: Client;
  /** Disconnects from the gateway and releases every timer and socket the bot opened. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Logs in and resolves once the client is ready (Events.ClientReady).
 *
 * @throws when `config.discordToken` is missing, when Discord rejects the token (message never contains it), or
 *   when READY does not come within `tuning.readyTimeoutMs`. The client is destroyed before throwing.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, answerer, logger } = options;
  const token = config.discordToken;
  if (!token) throw new Error('startBot: DISCORD_TOKEN is not set');
  const tuning: BotTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const ctx: BotContext = { answerer, logger, tuning };
  const cooldown = new Cooldown(tuning.cooldown);

  const client = new Client({
    intents: [...INTENTS],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
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
    handleMessage(message, client, ctx, cooldown).catch((err: unknown) =>
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
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ shardId, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardError, (err, shardId) => logger.error({ err: describeError(err), shardId }, 'gateway error'));
  client.rest.on('rateLimited', (info) =>
    logger.warn(
      { route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global, scope: info.scope },
      'rate limited by Discord',
    ),
  );

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    // Stop answering first; keep the error listeners through destroy() (an unheard 'error' event would throw).
    client.off(Events.InteractionCreate, onInteraction);
    client.off(Events.MessageCreate, onMessage);
    await client.destroy();
    client.removeAllListeners();
    client.rest.removeAllListeners();
    logger.info('discord bot stopped');
  };

  // Attach the ready listener before login: READY can arrive before login() resolves.
  let readyTimer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    readyTimer = setTimeout(
      () => reject(new Error(`Discord did not send READY within ${tuning.readyTimeoutMs} ms`)),
      tuning.readyTimeoutMs,
    );
    client.once(Events.ClientReady, () => resolve());
  });
  try {
    await Promise.all([client.login(token), ready]);
  } catch (err) {
    await stop();
    const message = err instanceof Error ? scrubSecrets(err.message, [token]) : 'unknown error';
    throw new Error(`Discord login failed: ${message}`);
  } finally {
    clearTimeout(readyTimer);
  }
  const user = client.user;
  logger.info(
    { user: user?.tag, userId: user?.id, applicationId: client.application?.id, guilds: client.guilds.cache.size },
    'discord bot ready',
  );
  return { client, stop };
}
