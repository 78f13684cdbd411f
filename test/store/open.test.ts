import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import type { RecordingConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { checkDatabasePath, openStore, StoreOpenError } from '../../src/store/open.ts';
import { LOCKED_AT_START_RECORDER } from '../../src/store/recorder.ts';
import { startRecording } from '../../src/store/start.ts';
import { answerEvent } from './contract.ts';
import { answerReply } from './fixtures.ts';

const folders: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'iqtibas-open-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});

const recording = (over: Partial<RecordingConfig> = {}): RecordingConfig => ({
  enabled: true,
  databasePath: join(tempDir(), 'data', 'iqtibas.sqlite'),
  retentionDays: 90,
  recordDms: false,
  ...over,
});
const logger = createLogger('silent');

describe('openStore', () => {
  test('RECORD=off opens nothing', async () => {
    const config = recording({ enabled: false });
    expect(await openStore(config, logger)).toBe(undefined);
    expect(() => statSync(config.databasePath)).toThrow(/ENOENT/);
  });

  test('without DATABASE_URL it opens the SQLite file, creating its folder', async () => {
    const config = recording();
    const store = await openStore(config, logger);
    expect(await store?.recordQuestion(answerEvent())).toBe(1);
    await store?.close();
    expect(statSync(config.databasePath).isFile()).toBe(true);
  });

  test('a folder that cannot be created names DATABASE_PATH', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain-file'), '');
    const error = await openStore(recording({ databasePath: join(dir, 'plain-file', 'x.sqlite') }), logger).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toMatch(/^DATABASE_PATH \(.*x\.sqlite\): the folder .* cannot be created/);
  });

  // Root ignores file modes, so this one only runs as an ordinary user.
  test.skipIf(process.getuid?.() === 0)(
    'a read-only folder names DATABASE_PATH and says it is not writable',
    async () => {
      const dir = join(tempDir(), 'ro');
      mkdirSync(dir);
      chmodSync(dir, 0o500);
      const error = await openStore(recording({ databasePath: join(dir, 'x.sqlite') }), logger).catch(
        (e: unknown) => e,
      );
      expect((error as Error).message).toMatch(/^DATABASE_PATH \(.*\): the folder .* is not writable/);
    },
  );

  test('a file that is not a database names DATABASE_PATH', async () => {
    const config = recording();
    mkdirSync(join(config.databasePath, '..'), { recursive: true });
    writeFileSync(config.databasePath, 'hello '.repeat(1000));
    const error = await openStore(config, logger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toMatch(
      /^DATABASE_PATH \(.*\): cannot open the SQLite store \(file is not a database\)/,
    );
  });

  // Bug fixed (break19 F4): an unrelated table got iqtibas's tables added next to it; a `questions` table of another
  // program failed with "table questions already exists" and the advice to move the file away.
  test.each([
    ['CREATE TABLE users (name TEXT)', 'users'],
    ['CREATE TABLE questions (id INTEGER PRIMARY KEY, at INTEGER)', 'questions'],
  ])("another program's database (%s) is refused as a wrong DATABASE_PATH, and left as it was", async (sql, table) => {
    const config = recording();
    mkdirSync(join(config.databasePath, '..'), { recursive: true });
    const other = new Database(config.databasePath);
    other.exec(sql);
    other.close();
    const before = readFileSync(config.databasePath);
    const error = await openStore(config, logger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toBe(
      `DATABASE_PATH (${config.databasePath}) is not an iqtibas feedback store: this SQLite file holds another ` +
        `program's tables (${table}), so DATABASE_PATH probably names the wrong file. Set it to the bot's own ` +
        'database file (default data/iqtibas.sqlite; the bot creates it when missing).',
    );
    // Byte for byte: no iqtibas table, and not even switched to WAL mode.
    expect(readFileSync(config.databasePath).equals(before)).toBe(true);
    expect(readdirSync(join(config.databasePath, '..'))).toEqual(['iqtibas.sqlite']);
  });
});

describe('DATABASE_PATH is checked before anything is created', () => {
  /** Starts recording at `databasePath`; returns the error it fails with. */
  const failure = (databasePath: string) =>
    startRecording(recording({ databasePath }), logger).then(
      async (r) => {
        await r.close();
        throw new Error(`startRecording(${databasePath}) succeeded`);
      },
      (e: unknown) => e as Error,
    );

  test('a folder: a clear error naming DATABASE_PATH and a file to set, and no <folder>.key beside it', async () => {
    const parent = tempDir();
    const folder = join(parent, 'data');
    mkdirSync(folder);
    const error = await failure(folder);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error.message).toBe(
      `DATABASE_PATH (${folder}) is a folder: set it to a file in that folder, e.g. ${join(folder, 'iqtibas.sqlite')}.`,
    );
    expect(readdirSync(parent)).toEqual(['data']);
    expect(readdirSync(folder)).toEqual([]);
    // A trailing slash names a folder even before it exists.
    const missing = `${join(parent, 'new')}/`;
    expect((await failure(missing)).message).toMatch(/^DATABASE_PATH \(.*new\/\) names a folder: set it to a file/);
    expect(readdirSync(parent)).toEqual(['data']);
  });

  test('a device, pipe or socket (like /dev/null): a clear error, and no .key or -journal created', async () => {
    const dir = tempDir();
    const socketPath = join(dir, 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      const error = await failure(socketPath);
      expect(error).toBeInstanceOf(StoreOpenError);
      expect(error.message).toMatch(/^DATABASE_PATH \(.*sock\) is a socket, not a file: set DATABASE_PATH to the path/);
      expect(readdirSync(dir)).toEqual(['sock']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // /dev/null itself is refused the same way (checked directly: nothing is created either way).
    expect(() => checkDatabasePath('/dev/null')).toThrow(/^DATABASE_PATH \(\/dev\/null\) is a device, not a file/);
  });

  test('a file that is not a database: no .key is left beside it', async () => {
    const dir = tempDir();
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'hello '.repeat(1000));
    expect((await failure(path)).message).toMatch(/cannot open the SQLite store \(file is not a database\)/);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  test(':memory: records in memory, with a warning that nothing persists, and writes no file (no ./:memory:.key)', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const before = readdirSync(process.cwd());
    const started = await startRecording(recording({ databasePath: ':memory:' }), createLogger('info', sink));
    try {
      const id = await started.recorder.question({
        surface: 'slash',
        userId: '123',
        question: 'ماذا قال الأسد؟',
        reply: answerReply(),
      });
      // Recorded: the recorder hands out the question's opaque reference (src/store/questionRef.ts), not its row id.
      expect(id).toBeGreaterThanOrEqual(2 ** 48);
      await expect(
        started.recorder.vote({ surface: 'slash', userId: '123', messageId: 'm', ref: 'p4', vote: 1 }),
      ).resolves.toBe('new');
    } finally {
      await started.close();
    }
    expect(lines.join('')).toMatch(/"level":40.*DATABASE_PATH is :memory:.*lost when it exits/);
    expect(readdirSync(process.cwd())).toEqual(before);
  });
});

describe('a SQLite file locked by another process at start', () => {
  // Found by a fresh break test: the bot waited 7.5 s and exited 1; answering matters more than recording.
  test("the program starts without recording (the lock outlasts the open's wait)", async () => {
    const config = recording();
    const first = await startRecording(config, logger);
    await first.close();
    const { default: Database } = await import('better-sqlite3');
    const locker = new Database(config.databasePath);
    try {
      locker.exec('BEGIN EXCLUSIVE');
      const { recorder, close } = await startRecording(config, logger);
      // Not NULL_RECORDER: its reason is RECORD=off, and the chat would tell the user to set RECORD=on.
      expect(recorder).toBe(LOCKED_AT_START_RECORDER);
      expect(recorder.off).toBe('locked-at-start');
      await close();
    } finally {
      if (locker.inTransaction) locker.exec('COMMIT');
      locker.close();
    }
  }, 20_000);
});
