/**
 * One shard of `npm start` with SHARDS set: the shard manager (src/discord/sharding.ts, through discord.js's
 * ShardingManager) forks this file once per shard with SHARDS=<id>, SHARD_COUNT=<count> and DISCORD_TOKEN in the
 * environment, on top of the manager's own (so .env was already read). An entry point: it loads the configuration
 * once, builds the answerer, starts recording and runs the gateway bot on its one shard.
 *
 * Recording: every shard opens the same store. With SQLite that is several processes writing one file, which WAL
 * mode and busy_timeout (src/store/sqlite.ts) make safe, and the user-hash key file is created atomically (the first
 * shard wins, the others read its key); at the sizes that need sharding, PostgreSQL (DATABASE_URL) is the intended
 * store. Each shard runs the daily retention; the deletes are idempotent.
 *
 * Exit codes: 0 after SIGTERM (from the manager); {@link SHARD_FATAL_EXIT_CODE} when restarting cannot help (token
 * or intents refused, invalid configuration, store not openable), after telling the manager why over IPC; 1 for
 * anything else, which the manager answers with a respawn.
 */
import { loadConfig } from '../config.ts';
import { createAnswerer } from '../core/answerer.ts';
import { loadCorpus } from '../core/corpus.ts';
import { createLogger } from '../logger.ts';
import { startRecording } from '../store/start.ts';
import { startBot } from './bot.ts';
import { describeError } from './errors.ts';
import { installProcessHandlers } from './process.ts';
import { isPermanentFailure, SHARD_FATAL_EXIT_CODE, type ShardFatalMessage, shardFromEnv } from './sharding.ts';

async function main(): Promise<void> {
  const shard = shardFromEnv(process.env);
  // Here SHARDS is discord.js's shard id, not our setting (the manager read that one): keep it out of loadConfig.
  const { SHARDS: _id, SHARD_COUNT: _count, ...env } = process.env;
  // The manager validated the same surface and printed its warnings already: one copy is enough.
  const config = loadConfig(env, { surface: 'gateway' });
  const logger = createLogger(config.logLevel).child({ shard: shard.id, shardCount: shard.count });
  const answerer = createAnswerer(loadCorpus());
  const recording = await startRecording(config.recording, logger);
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  const handlers = installProcessHandlers({
    logger,
    stop: async () => {
      await bot?.stop();
      await recording.close();
    },
    signals: ['SIGTERM'],
  });
  // Ctrl-C reaches the whole process group: the manager turns it into SIGTERM for each shard, so ours is ignored.
  process.on('SIGINT', () => logger.debug('SIGINT ignored: the shard manager stops the shards'));
  // The manager is gone (killed without stopping us): nobody would stop or respawn this shard, so stop now.
  process.on('disconnect', () => void handlers.shutdown(0, 'shard manager gone'));
  const fatal = (error: Error): void => {
    logger.fatal({ err: describeError(error) }, 'the shard cannot go on; the manager stops');
    void tellManager(error).then(() => handlers.shutdown(SHARD_FATAL_EXIT_CODE, error.name));
  };
  try {
    bot = await startBot({
      config,
      answerer,
      logger,
      recorder: recording.recorder,
      clientOptions: { shards: [shard.id], shardCount: shard.count },
      onFatal: fatal,
    });
  } catch (error) {
    if (isPermanentFailure(error)) {
      fatal(error as Error);
      return;
    }
    logger.error({ err: describeError(error) }, 'the shard could not start; the manager respawns it');
    await handlers.shutdown(1, 'start failed');
  }
}

/** Sends the manager a {@link ShardFatalMessage}; resolves once it is written (or at once without IPC). */
function tellManager(error: Error): Promise<void> {
  const message: ShardFatalMessage = { type: 'iqtibas:fatal', name: error.name, message: error.message };
  return new Promise((resolve) => {
    if (!process.send) {
      resolve();
      return;
    }
    process.send(message, undefined, {}, () => resolve());
  });
}

main().catch(async (error: unknown) => {
  // Before the process handlers exist: an invalid configuration, the store, or not started by the manager.
  const err = error instanceof Error ? error : new Error(String(error));
  console.error(`iqtibas shard failed to start: ${err.message}`);
  if (isPermanentFailure(err)) await tellManager(err);
  process.exit(isPermanentFailure(err) ? SHARD_FATAL_EXIT_CODE : 1);
});
