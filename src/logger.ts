/**
 * The one logger factory. JSON lines on stdout (pino); secrets are redacted by path so that logging a config, an
 * error's request or a header never prints the bot token, the user-hash key or a database password.
 */
import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger } from 'pino';

/** Paths censored in every log line (pino `redact`). `*` covers one level of nesting. */
export const REDACTED_PATHS: readonly string[] = Object.freeze([
  'token',
  '*.token',
  'discordToken',
  '*.discordToken',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'userHashSecret',
  '*.userHashSecret',
  'USER_HASH_SECRET',
  '*.USER_HASH_SECRET',
  'databaseUrl',
  '*.databaseUrl',
  'DATABASE_URL',
  '*.DATABASE_URL',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.Authorization',
  '*.headers.Authorization',
]);

/**
 * Creates the application logger.
 *
 * @param level - minimum level; 'silent' disables output.
 * @param destination - where lines go: a file descriptor (1 = stdout, the default; 2 = stderr) or a stream (tests
 *   pass one to read the lines).
 * @returns a pino logger whose {@link REDACTED_PATHS} print as "[redacted]".
 */
export function createLogger(level: LogLevel, destination: DestinationStream | 1 | 2 = 1): Logger {
  const options = {
    level,
    base: { app: 'iqtibas' },
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
  };
  return pino(options, typeof destination === 'number' ? fdDestination(destination) : destination);
}

/**
 * A synchronous pino destination on a file descriptor. pino's default is asynchronous and flushes what is left with
 * a synchronous loop on process exit, and that loop retries forever when the reader is gone (EPIPE: stdout piped into
 * `head`, a closed terminal): the process never exits. Written synchronously, a line is out (or dropped, after
 * EPIPE pino stops writing) before the next statement, so nothing is left to flush at exit, and the last lines before
 * process.exit are not lost. The bot logs a few lines per minute, so the synchronous write costs nothing that shows.
 */
function fdDestination(fd: 1 | 2): DestinationStream {
  return pino.destination({ dest: fd, sync: true });
}
