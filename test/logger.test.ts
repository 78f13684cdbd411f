/**
 * The terminal logger: the chat and the report print store warnings as plain sentences, like their configuration
 * warnings, while the bot and the HTTP endpoint keep JSON lines.
 */
import { describe, expect, test } from 'vitest';
import { createLogger, createTerminalLogger, plainLogLine } from '../src/logger.ts';

/** A terminal logger at `level` and the text it wrote. */
function terminal(level: Parameters<typeof createTerminalLogger>[0] = 'info') {
  const written: string[] = [];
  const logger = createTerminalLogger(level, { write: (text) => written.push(text) });
  return { logger, text: () => written.join('') };
}

// Bug fixed: `DATABASE_PATH=:memory: npm start` (and a locked store) printed a raw pino JSON line among the chat's
// plain sentences; `npm run report` printed {"level":30,…"msg":"feedback store open"}.
describe('createTerminalLogger', () => {
  test.each([
    ['warn', 'warning: the store is busy\n'],
    ['error', 'error: the store is busy\n'],
    ['info', 'the store is busy\n'],
  ] as const)('a %s line is one plain sentence: %j', (level, expected) => {
    const { logger, text } = terminal();
    logger[level]('the store is busy');
    expect(text()).toBe(expected);
  });

  test('the fields follow in parentheses, the error its message, and a value the message says is not repeated', () => {
    const { logger, text } = terminal();
    logger.warn({ engine: 'sqlite', path: 'data/x.sqlite' }, 'DATABASE_PATH is locked by another process');
    logger.warn({ engine: 'sqlite', path: ':memory:' }, 'DATABASE_PATH is :memory:: lost at exit');
    logger.error({ err: new Error('disk I/O error'), surface: 'terminal' }, 'could not record a question');
    expect(text().split('\n')).toEqual([
      'warning: DATABASE_PATH is locked by another process (path: data/x.sqlite)',
      'warning: DATABASE_PATH is :memory:: lost at exit',
      'error: could not record a question: disk I/O error (surface: terminal)',
      '',
    ]);
    expect(text()).not.toContain('{');
  });

  test('one log line stays one terminal line, below the level nothing is written, secrets stay redacted', () => {
    const { logger, text } = terminal('warn');
    logger.info('feedback store open');
    logger.warn({ err: new Error('first\nsecond'), token: 'Bot secret' }, 'two\nlines');
    expect(text()).toBe('warning: two lines: first second (token: [redacted])\n');
  });

  test('a line that is not JSON is written as it is', () => {
    expect(plainLogLine('not json\n')).toBe('not json');
  });
});

test('the bot and the HTTP endpoint keep JSON lines', () => {
  const lines: string[] = [];
  createLogger('info', { write: (line: string) => lines.push(line) }).warn('the store is busy');
  expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 40, msg: 'the store is busy' });
});
