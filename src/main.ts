/**
 * `npm start`: the entry point. Reads `.env` and the environment once, then runs the Discord bot when
 * DISCORD_TOKEN is set (in this process, or as a shard manager with one process per shard when SHARDS is set too),
 * else the terminal chat on the embedded article.
 */
import 'dotenv/config';
import { userInfo } from 'node:os';
import { runChat } from './cli/chat.ts';
import { exitOnOutputError, InputError } from './cli/io.ts';
import { blankTokenNotice, type Config, ConfigError, loadConfig, mainSurface } from './config.ts';
import { createAnswerer } from './core/answerer.ts';
import { loadCorpus } from './core/corpus.ts';
import type { Answerer } from './core/types.ts';
import { NULL_RECORDER } from './store/recorder.ts';

async function main(): Promise<void> {
  // The chat and the bot use different settings: each validates its own; a mistake in the other's is a warning.
  const config = loadConfig(process.env, {
    surface: mainSurface(process.env),
    warn: (line) => console.error(line),
  });
  if (config.discordToken && config.shards !== undefined) {
    await runShardManager(config);
    return;
  }
  const answerer = createAnswerer(loadCorpus());
  if (!config.discordToken) {
    const notice = blankTokenNotice(process.env);
    if (notice !== undefined) console.error(notice);
    await runTerminal(config, answerer);
    return;
  }
  const [{ startBot }, { installProcessHandlers }, { createLogger }, { startRecording }] = await Promise.all([
    import('./discord/bot.ts'),
    import('./discord/process.ts'),
    import('./logger.ts'),
    import('./store/start.ts'),
  ]);
  const logger = createLogger(config.logLevel);
  const recording = await startRecording(config.recording, logger);
  // Installed before login: a rejection or exception during start-up is logged too.
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  const handlers = installProcessHandlers({
    logger,
    stop: async () => {
      await bot?.stop();
      await recording.close();
    },
  });
  bot = await startBot({
    config,
    answerer,
    logger,
    recorder: recording.recorder,
    onFatal: (error) => handlers.fail(error),
  });
}

/** The terminal chat on stdin/stdout until `exit` or end of input, recording as configured. */
async function runTerminal(config: Config, answerer: Answerer): Promise<void> {
  exitOnOutputError('iqtibas');
  // The logger (pino) and the store are loaded only when something is recorded: with RECORD=off a one-off chat
  // starts without them.
  const recording = config.recording.enabled
    ? await Promise.all([import('./logger.ts'), import('./store/start.ts')]).then(
        // The terminal logs only warnings, as plain sentences on stderr, so the chat output stays clean.
        ([{ createTerminalLogger }, { startRecording }]) =>
          startRecording(config.recording, createTerminalLogger('warn')),
      )
    : { recorder: NULL_RECORDER, close: async () => {} };
  // Piped input (a supervisor, `producer | npm start`) has no terminal to turn Ctrl-C into an end of input: the
  // signal ends the input, the chat finishes its line and the store closes, exit 0 (cut short after a few seconds).
  const stop = (): void => {
    process.stdin.push(null);
    setTimeout(() => process.exit(0), TERMINAL_STOP_GRACE_MS).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  try {
    await runChat(answerer, process.stdin, process.stdout, { recorder: recording.recorder, userId: terminalUser() });
  } finally {
    await recording.close();
  }
}

/** How long the chat may take to close its store after SIGTERM/SIGINT before the process ends anyway. */
const TERMINAL_STOP_GRACE_MS = 3_000;

/**
 * SHARDS=auto or a number: discord.js's ShardingManager runs src/discord/shard.ts once per shard; this process only
 * watches them (no answerer, no recording). SIGINT/SIGTERM stop every shard, then exit 0; a shard that cannot work
 * (token or intents refused) stops them all and exits 1 with its message.
 */
async function runShardManager(config: Config): Promise<void> {
  const [{ startShardManager }, { installProcessHandlers }, { createLogger }] = await Promise.all([
    import('./discord/sharding.ts'),
    import('./discord/process.ts'),
    import('./logger.ts'),
  ]);
  const logger = createLogger(config.logLevel).child({ role: 'shard-manager' });
  let sharding: Awaited<ReturnType<typeof startShardManager>> | undefined;
  const handlers = installProcessHandlers({
    logger,
    stop: async () => {
      await sharding?.stop();
    },
    // Longer than a shard's own stop (5 s) and the manager's wait before SIGKILL.
    stopTimeoutMs: 10_000,
  });
  sharding = await startShardManager({ config, logger, onFatal: (error) => handlers.fail(error) });
}

/** Who is chatting in the terminal, for the user hash: the OS account (never stored raw). */
function terminalUser(): string {
  try {
    return `terminal:${userInfo().username}`;
  } catch {
    return 'terminal';
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : error instanceof InputError
        ? `iqtibas: ${error.message}`
        : `iqtibas failed to start: ${(error as Error).message}`,
  );
  process.exit(1);
});
