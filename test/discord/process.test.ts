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

function setup(stop: () => Promise<void> = async () => {}, clock?: { now: number }) {
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
    ...(clock && { now: () => clock.now }),
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

  const clock = { now: 0 };
  const slow = setup(() => new Promise(() => {}), clock);
  slow.target.emit('SIGINT');
  clock.now = 1500;
  slow.target.emit('SIGINT');
  expect(slow.exits).toEqual([1]);

  const other = setup(() => new Promise(() => {}), { now: 0 });
  other.target.emit('SIGINT');
  other.target.emit('SIGTERM');
  expect(other.exits).toEqual([1]);
});

// Bug fixed: under `npm start`, one Ctrl-C reaches the bot twice (the terminal signals npm's whole process group, and
// npm forwards the signal to its child): the second copy cut the clean stop short with exit 1.
test('the same signal again within a second is the same request: the stop goes on and exits 0', async () => {
  const clock = { now: 0 };
  let release: () => void = () => {};
  const s = setup(() => new Promise<void>((resolve) => (release = resolve)), clock);
  s.target.emit('SIGINT');
  clock.now = 10;
  s.target.emit('SIGINT');
  await s.settled();
  expect(s.exits).toEqual([]);
  expect(s.stops()).toBe(1);
  release();
  await s.settled();
  expect(s.exits).toEqual([0]);
  expect(s.lines.some((l) => l.msg.includes('second signal'))).toBe(false);
});

// Bug fixed: with stdout a closed pipe, a log line on the way out threw (or never returned) and the process, its
// listener already closed, never exited.
test('a logger that throws on every line does not keep the process from exiting', async () => {
  const target = new EventEmitter();
  const exits: number[] = [];
  const broken = createLogger('info', {
    write() {
      throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    },
  });
  installProcessHandlers({
    logger: broken,
    stop: async () => {},
    exit: (c) => exits.push(c),
    target,
    stderr: () => {},
  });
  target.emit('SIGTERM');
  await new Promise((r) => setTimeout(r, 20));
  expect(exits).toEqual([0]);
});

test('a stop that throws synchronously still ends in an exit (1)', async () => {
  const s = setup(() => {
    throw new Error('not even a promise');
  });
  s.target.emit('SIGTERM');
  await s.settled();
  expect(s.exits).toEqual([1]);
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
