/**
 * `npm run start:http`: the HTTP interactions endpoint. Reads `.env` and the environment once, refuses to start
 * without DISCORD_PUBLIC_KEY (exit 1, with what to set), listens on HOST:PORT and stops cleanly on SIGINT/SIGTERM
 * (in-flight requests and pending follow-ups finish first).
 *
 * Slash commands, autocomplete and buttons arrive here once the Developer Portal's Interactions Endpoint URL points
 * at us; DMs and mentions are gateway events and still need `npm start` (README, "HTTP interactions endpoint").
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from '../config.ts';
import { ListenError } from './listenError.ts';

/** Printed when DISCORD_PUBLIC_KEY is missing (test/http/main.test.ts looks for it). */
const MISSING_PUBLIC_KEY =
  'start:http needs DISCORD_PUBLIC_KEY: copy the application\'s "Public Key" (64 hex characters) from the Developer ' +
  'Portal (General Information) into .env or the environment.';

async function main(): Promise<void> {
  const config = loadConfig(process.env, { surface: 'http', warn: (line) => console.error(line) });
  if (!config.http.publicKey) {
    console.error(MISSING_PUBLIC_KEY);
    process.exit(1);
  }
  // Loaded after the checks, so a configuration mistake is reported at once (discord.js takes a while to load).
  const [
    { createAnswerer },
    { loadCorpus },
    { installProcessHandlers },
    { createLogger },
    { createInteractionsServer },
    { startRecording },
  ] = await Promise.all([
    import('../core/answerer.ts'),
    import('../core/corpus.ts'),
    import('../discord/process.ts'),
    import('../logger.ts'),
    import('./server.ts'),
    import('../store/start.ts'),
  ]);
  const logger = createLogger(config.logLevel);
  const answerer = createAnswerer(loadCorpus());
  const recording = await startRecording(config.recording, logger);
  const server = createInteractionsServer({ config, answerer, logger, recorder: recording.recorder });
  installProcessHandlers({
    logger,
    stop: async () => {
      await server.close();
      await recording.close();
    },
  });
  await server.listen();
}

main().catch((error: unknown) => {
  // A ConfigError or a ListenError already names the setting and what to set; anything else gets a prefix.
  const named = error instanceof ConfigError || error instanceof ListenError;
  console.error(named ? error.message : `iqtibas (http) failed to start: ${(error as Error).message}`);
  process.exit(1);
});
