/**
 * The one logger factory. JSON lines on stdout (pino) for the Discord bot and the HTTP endpoint, whose logs go to a
 * collector; plain sentences on stderr for the terminal programs (chat, report), where a person reads them next to
 * the configuration warnings. Secrets are redacted by path so that logging a config, an error's request or a header
 * never prints the bot token, the user-hash key or a database password.
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

/** What the terminal logger writes to (process.stderr, or a test's collector). */
export interface TextOutput {
  write(text: string): unknown;
}

/**
 * Creates the logger of the terminal programs (the chat, `npm run report`): the same pino logger (same levels, same
 * redaction), but each line is one plain sentence ({@link plainLogLine}), as their configuration warnings are. A
 * person at a terminal reads "warning: DATABASE_PATH is :memory: …", not `{"level":40,…}`.
 *
 * @param level - minimum level: the chat passes 'warn' (routine lines would mix with its answers); the report
 *   passes LOG_LEVEL.
 * @param output - where sentences go. @defaultValue process.stderr (stdout carries the chat or the report)
 */
export function createTerminalLogger(level: LogLevel, output: TextOutput = process.stderr): Logger {
  return createLogger(level, {
    write: (line: string) => {
      output.write(`${plainLogLine(line)}\n`);
    },
  });
}

/** pino's numeric levels as the word that starts a terminal line; info and below need none. */
const LEVEL_WORDS: Readonly<Record<number, string>> = Object.freeze({ 40: 'warning: ', 50: 'error: ', 60: 'fatal: ' });
/** Fields of a pino line that a sentence does not repeat: pino's own, and the engine the message already implies. */
const UNSAID_FIELDS = new Set(['level', 'time', 'app', 'pid', 'hostname', 'msg', 'err', 'engine']);

/**
 * One pino JSON line as one plain line: `warning: <message>: <error's message> (field: value, …)`. The other fields
 * (a path, how long the store was busy) follow in parentheses, so nothing the JSON said is lost; newlines in values
 * become spaces, so one log line stays one terminal line. A line that is not JSON is returned trimmed.
 */
export function plainLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trim();
  }
  const level = typeof entry.level === 'number' ? (LEVEL_WORDS[entry.level] ?? '') : '';
  const err = entry.err as { message?: unknown } | undefined;
  const cause = typeof err?.message === 'string' && err.message !== '' ? `: ${err.message}` : '';
  const message = String(entry.msg ?? '');
  const fields = Object.entries(entry)
    // A value the message already says ("DATABASE_PATH is :memory:") is not said twice.
    .filter(([key, value]) => !UNSAID_FIELDS.has(key) && !(typeof value === 'string' && message.includes(value)))
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const details = fields.length > 0 ? ` (${fields.join(', ')})` : '';
  return `${level}${message}${cause}${details}`.replace(/\s*[\r\n]+\s*/g, ' ');
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
