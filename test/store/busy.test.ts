/**
 * The SQLite store while another connection holds the database's write lock (`BEGIN EXCLUSIVE`, as the sqlite3 shell
 * or another shard process would): better-sqlite3 waits on the event loop's thread, so a write must give up within a
 * short wait (StoreBusyError) instead of freezing the bot, and brief contention between shard processes must still
 * be absorbed. Also: the file holds what users typed, so it and its -wal / -shm are created readable by the owner only.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { sealQuestionId } from '../../src/store/questionRef.ts';
import { createRecorder } from '../../src/store/recorder.ts';
import { openSqliteStore, SQLITE_WAITS } from '../../src/store/sqlite.ts';
import { type FeedbackStore, StoreBusyError } from '../../src/store/types.ts';
import { answerEvent } from './contract.ts';
import { answerReply } from './fixtures.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A fresh store on a file in a temp folder, closed and removed after the test. */
function openTemp(): { path: string; store: FeedbackStore } {
  const dir = mkdtempSync(join(tmpdir(), 'iqtibas-busy-'));
  const path = join(dir, 'feedback.sqlite');
  const store = openSqliteStore({ path });
  cleanups.push(() => {
    void store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { path, store };
}

/** A second connection holding the write lock in this process, until `release()`. */
function lock(path: string): { release(): void } {
  const db = new Database(path);
  db.exec('BEGIN EXCLUSIVE');
  const release = () => {
    if (db.inTransaction) db.exec('COMMIT');
    if (db.open) db.close();
  };
  cleanups.push(release);
  return { release };
}

const vote = (messageId: string) =>
  ({ at: 1, surface: 'slash', userHash: 'h', messageId, ref: 'p4', vote: 1 }) as const;

/** Milliseconds `run` takes to settle, with how it settled. */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = performance.now();
  try {
    const value = await run();
    return { ms: performance.now() - started, value };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

describe('SQLite store under another connection’s write lock', () => {
  test('a write gives up after the short busy timeout with StoreBusyError, and writes nothing', async () => {
    const { path, store } = openTemp();
    const held = lock(path);
    const result = await timed(() => store.recordVote(vote('m1')));
    expect(result.error).toBeInstanceOf(StoreBusyError);
    expect((result.error as StoreBusyError).message).toMatch(/locked by another connection/);
    // It did wait (brief contention is absorbed), but far less than Discord's 3 s.
    expect(result.ms).toBeGreaterThanOrEqual(SQLITE_WAITS.busyTimeoutMs * 0.8);
    expect(result.ms).toBeLessThan(SQLITE_WAITS.busyTimeoutMs + 300);
    held.release();
    expect((await store.snapshot(0)).votes).toEqual([]);
  });

  test('after one write gave up, the next ones fail at once while the lock lasts; the first one after it succeeds', async () => {
    const { path, store } = openTemp();
    const held = lock(path);
    await expect(store.recordQuestion(answerEvent())).rejects.toBeInstanceOf(StoreBusyError);
    for (const write of [
      (): Promise<unknown> => store.recordQuestion(answerEvent()),
      () => store.recordVote(vote('m2')),
      () => store.recordPick({ at: 1, userHash: 'h', messageId: 'm2', ref: 'p4', picked: 'none' }),
    ]) {
      const result = await timed(write);
      expect(result.error).toBeInstanceOf(StoreBusyError);
      expect(result.ms).toBeLessThan(50);
    }
    held.release();
    const after = await timed(() => store.recordVote(vote('m3')));
    expect(after.value).toBe('new');
    expect(after.ms).toBeLessThan(50);
    expect((await store.snapshot(0)).votes.map((v) => v.messageId)).toEqual(['m3']);
  });

  test('once the back-off is over, a write waits the short timeout again; the back-off doubles while the lock stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iqtibas-busy-'));
    const path = join(dir, 'feedback.sqlite');
    const store = openSqliteStore({ path, busyTimeoutMs: 100, busyBackoffMs: 150 });
    cleanups.push(() => {
      void store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const held = lock(path);
    await expect(store.recordVote(vote('m1'))).rejects.toBeInstanceOf(StoreBusyError); // back-off: 150 ms
    await sleep(200);
    const patient = await timed(() => store.recordVote(vote('m1')));
    expect(patient.error).toBeInstanceOf(StoreBusyError);
    expect(patient.ms).toBeGreaterThanOrEqual(80); // waited again; the next back-off is 300 ms
    await sleep(200);
    const impatient = await timed(() => store.recordVote(vote('m1')));
    expect(impatient.error).toBeInstanceOf(StoreBusyError);
    expect(impatient.ms).toBeLessThan(50);
    // Still in the back-off, but a try without waiting succeeds as soon as the lock is gone.
    held.release();
    const after = await timed(() => store.recordVote(vote('m1')));
    expect(after.value).toBe('new');
    expect(after.ms).toBeLessThan(50);
  });

  test('another process holding the write lock for 80 ms (a shard committing slowly) is waited for: the write succeeds', async () => {
    const { path, store } = openTemp();
    await store.recordQuestion(answerEvent()); // the schema exists before the other process locks it
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(process.argv[1]);
      db.exec('BEGIN EXCLUSIVE');
      process.stdout.write('locked\\n');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, 80);
    `;
    const child = spawn(process.execPath, ['-e', script, path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const result = await timed(() => store.recordVote(vote('m1')));
    expect(result.error).toBeUndefined();
    expect(result.value).toBe('new');
    expect(result.ms).toBeLessThan(SQLITE_WAITS.busyTimeoutMs + 100);
    await exited;
  });
});

describe('SQLite store shared by several processes (shards)', () => {
  test('three other processes writing votes back to back: none of theirs or ours is refused', async () => {
    const { path, store } = openTemp();
    await store.recordQuestion(answerEvent()); // the schema exists before the others open the file
    const children = Array.from({ length: 3 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/store/vote-burst.ts', path], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += String(chunk);
      });
      const acking = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
      return { child, acking, exited, stderr: () => stderr };
    });
    cleanups.push(() => {
      for (const { child } of children) child.kill('SIGKILL');
    });
    await Promise.all(children.map((c) => c.acking));
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      try {
        await store.recordVote(vote(`ours-${i}`));
      } catch (error) {
        if (!(error instanceof StoreBusyError)) throw error;
        refused++;
      }
    }
    for (const { child } of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => c.exited));
    expect(refused).toBe(0);
    // vote-burst.ts dies on its first refused vote (an unhandled rejection on stderr).
    expect(children.map((c) => c.stderr())).toEqual(['', '', '']);
  });
});

describe('SQLite file permissions', () => {
  test('the database, its -wal and its -shm are created with mode 0600', async () => {
    const { path, store } = openTemp();
    await store.recordQuestion(answerEvent()); // a commit: the -wal and -shm exist
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect({ file, mode: (statSync(file).mode & 0o777).toString(8) }).toEqual({ file, mode: '600' });
    }
  });
});

describe('the recorder on a locked SQLite file', () => {
  test('questions go unrecorded at once and votes are refused, with one warning; an info line when it is free again', async () => {
    const { path, store } = openTemp();
    const { logger, lines } = logSink();
    const recorder = createRecorder({ store, secret: 'busy-test-secret', recordDms: false, logger });
    const held = lock(path);
    const ask = (question: string) =>
      recorder.question({ surface: 'slash', userId: 'u1', question, reply: answerReply() });

    const started = performance.now();
    expect(await ask('first')).toBe(undefined);
    expect(await ask('second')).toBe(undefined);
    await expect(
      recorder.vote({ surface: 'slash', userId: 'u1', messageId: 'm1', ref: 'p4', vote: 1 }),
    ).rejects.toBeInstanceOf(StoreBusyError);
    expect(await ask('third')).toBe(undefined);
    // One short wait for the whole burst, not one per event.
    expect(performance.now() - started).toBeLessThan(SQLITE_WAITS.busyTimeoutMs + 150);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[40, expect.stringMatching(/feedback store is busy/)]]);
    expect(JSON.stringify(lines)).not.toMatch(/first|second|u1/);

    held.release();
    // Recorded as the first row: the recorder hands out its reference (src/store/questionRef.ts).
    expect(await ask('after')).toBe(sealQuestionId('busy-test-secret', 1));
    expect(lines.slice(1)).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'the feedback store is writable again',
        questionsNotRecorded: 3,
        feedbackRefused: 1,
      }),
    ]);
  });
});

function logSink() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const sink = new Writable({
    write(chunk, _e, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}
