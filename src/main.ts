/**
 * `npm start`: the entry point. Reads `.env` and the environment once, then runs the Discord bot when
 * DISCORD_TOKEN is set, else the terminal chat on the embedded article.
 */
import 'dotenv/config';
import { runChat } from './cli/chat.ts';
import { exitQuietlyOnBrokenPipe } from './cli/io.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createAnswerer } from './core/answerer.ts';
import { loadCorpus } from './core/corpus.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const answerer = createAnswerer(loadCorpus());
  if (!config.discordToken) {
    exitQuietlyOnBrokenPipe();
    await runChat(answerer);
    return;
  }
  const [{ startBot }, { createLogger }] = await Promise.all([import('./discord/bot.ts'), import('./logger.ts')]);
  const logger = createLogger(config.logLevel);
  const bot = await startBot({ config, answerer, logger });
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `iqtibas failed to start: ${(error as Error).message}`);
  process.exit(1);
});
