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
 * @param destination - where lines go (default stdout); tests pass a stream to read them.
 * @returns a pino logger whose {@link REDACTED_PATHS} print as "[redacted]".
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'iqtibas' },
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
