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
  const [{ startBot }, { installProcessHandlers }, { createLogger }] = await Promise.all([
    import('./discord/bot.ts'),
    import('./discord/process.ts'),
    import('./logger.ts'),
  ]);
  const logger = createLogger(config.logLevel);
  // Installed before login: a rejection or exception during start-up is logged too.
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  const handlers = installProcessHandlers({ logger, stop: () => bot?.stop() ?? Promise.resolve() });
  bot = await startBot({ config, answerer, logger, onFatal: (error) => handlers.fail(error) });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `iqtibas failed to start: ${(error as Error).message}`);
  process.exit(1);
});
