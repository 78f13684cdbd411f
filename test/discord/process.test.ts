/**
 * The process-level safety net (src/discord/process.ts), on an EventEmitter standing in for `process`: what is
 * logged, what keeps running, and with which code the process exits (case 18: Node 20 exits on an unhandled
 * rejection unless told otherwise).
 */
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { installProcessHandlers } from '../../src/discord/process.ts';
import { createLogger } from '../../src/logger.ts';

function setup(stop: () => Promise<void> = async () => {}) {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const sink = new Writable({
    write(chunk, _e, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  const target = new EventEmitter();
  const exits: number[] = [];
  const stderr: string[] = [];
  let stops = 0;
  const handlers = installProcessHandlers({
    logger: createLogger('info', sink),
    stop: () => {
      stops++;
      return stop();
    },
    exit: (code) => exits.push(code),
    target,
    stderr: (l) => stderr.push(l),
    stopTimeoutMs: 100,
  });
  const settled = () => new Promise((r) => setTimeout(r, 20));
  return { lines, target, exits, stderr, stops: () => stops, handlers, settled };
}

test('an unhandled rejection is logged as an error and the bot keeps running', async () => {
  const s = setup();
  s.target.emit('unhandledRejection', new Error('forgot a catch'), Promise.resolve());
  s.target.emit('unhandledRejection', 'a string reason', Promise.resolve());
  await s.settled();
  expect(s.exits).toEqual([]);
  expect(s.stops()).toBe(0);
  const logged = s.lines.filter((l) => l.msg.startsWith('unhandled promise rejection'));
  expect(logged).toHaveLength(2);
  expect(logged[0]).toMatchObject({ level: 50, err: { message: 'forgot a catch' } });
  expect(logged[1]).toMatchObject({ err: { message: 'a string reason' } });
});

test('an uncaught exception is logged as fatal, the bot is stopped, and the process exits 1', async () => {
  const s = setup();
  s.target.emit('uncaughtException', new TypeError('x is undefined'), 'uncaughtException');
  await s.settled();
  expect(s.lines.find((l) => l.level === 60)).toMatchObject({ err: { name: 'TypeError', message: 'x is undefined' } });
  expect(s.stderr.join('\n')).toContain('x is undefined');
  expect(s.stops()).toBe(1);
  expect(s.exits).toEqual([1]);
});

test('fail(error): the reason (naming the fix) goes to the log and stderr, then stop and exit 1, once', async () => {
  const s = setup();
  const error = new Error('Discord rejected the token (gateway close 4004). Reset it in the Developer Portal.');
  s.handlers.fail(error);
  s.handlers.fail(error);
  await s.settled();
  expect(s.stderr).toEqual([`iqtibas stopped: ${error.message}`, `iqtibas stopped: ${error.message}`]);
  expect(s.stops()).toBe(1);
  expect(s.exits).toEqual([1]);
});

test('SIGTERM stops cleanly with exit 0; a second signal during a slow stop exits at once', async () => {
  const clean = setup();
  clean.target.emit('SIGTERM');
  await clean.settled();
  expect(clean.exits).toEqual([0]);

  const slow = setup(() => new Promise(() => {}));
  slow.target.emit('SIGINT');
  slow.target.emit('SIGINT');
  expect(slow.exits).toEqual([1]);
});

test('a stop that hangs or fails does not keep the process alive', async () => {
  const hangs = setup(() => new Promise(() => {}));
  hangs.target.emit('SIGTERM');
  await new Promise((r) => setTimeout(r, 150));
  expect(hangs.exits).toEqual([0]);
  expect(hangs.lines.some((l) => l.msg.includes('stop took too long'))).toBe(true);

  const fails = setup(() => Promise.reject(new Error('destroy failed')));
  fails.target.emit('SIGTERM');
  await fails.settled();
  expect(fails.exits).toEqual([1]);
});

test('uninstall removes every listener', () => {
  const s = setup();
  s.handlers.uninstall();
  for (const event of ['SIGINT', 'SIGTERM', 'unhandledRejection', 'uncaughtException']) {
    expect(s.target.listenerCount(event)).toBe(0);
  }
});
