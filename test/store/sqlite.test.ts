/**
 * The SQLite store: the shared contract on a file in a temp folder (never data/), then what is SQLite's own:
 * migrations, pragmas, and that no raw user id ends up in the file's bytes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createRecorder } from '../../src/store/recorder.ts';
import {
  ForeignDatabaseError,
  migrateSqlite,
  openSqliteReader,
  openSqliteStore,
  SQLITE_MIGRATIONS,
} from '../../src/store/sqlite.ts';
import { hashUser } from '../../src/store/userHash.ts';
import { answerEvent, storeContract } from './contract.ts';
import { answerReply } from './fixtures.ts';

const folders: string[] = [];
/** A fresh temp folder, removed after the test. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iqtibas-sqlite-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

storeContract('SQLite', async () => {
  const dir = tempDir();
  return { open: async () => openSqliteStore({ path: join(dir, 'sub', 'feedback.sqlite') }), dispose: async () => {} };
});

describe('SQLite schema and settings', () => {
  const versionOf = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return db.pragma('user_version', { simple: true });
    } finally {
      db.close();
    }
  };

  test('opening creates the folder, switches the file to WAL and sets the schema version', async () => {
    const path = join(tempDir(), 'a', 'b', 'feedback.sqlite');
    const store = openSqliteStore({ path });
    await store.recordQuestion(answerEvent());
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    db.close();
    await store.close();
  });

  test('migrations are idempotent: opening twice keeps the version and the rows', async () => {
    const path = join(tempDir(), 'feedback.sqlite');
    const first = openSqliteStore({ path });
    const id = await first.recordQuestion(answerEvent());
    await first.close();
    const second = openSqliteStore({ path });
    expect((await second.snapshot(0)).questions.map((q) => q.id)).toEqual([id]);
    await second.close();
    expect(versionOf(path)).toBe(SQLITE_MIGRATIONS.length);
  });

  test('a file at version 1 with rows migrates to the current version and keeps them', async () => {
    const path = join(tempDir(), 'v1.sqlite');
    const db = new Database(path);
    expect(migrateSqlite(db, SQLITE_MIGRATIONS.slice(0, 1))).toBe(1);
    db.prepare(
      `INSERT INTO questions (at, surface, user_hash, question, normalized, outcome, confidence, reason)
       VALUES (1, 'slash', 'h', 'q', 'q', 'no-answer', 0, 'empty')`,
    ).run();
    db.close();

    const store = openSqliteStore({ path });
    const snap = await store.snapshot(0);
    expect(snap.questions).toHaveLength(1);
    expect(snap.questions[0]).toMatchObject({ question: 'q', reason: 'empty' });
    await store.close();
    expect(versionOf(path)).toBe(SQLITE_MIGRATIONS.length);
  });

  test('the runner applies only pending migrations, in order, each bumping user_version', () => {
    const db = new Database(':memory:');
    const list = [
      { name: 'one', sql: 'CREATE TABLE t (a INTEGER)' },
      { name: 'two', sql: 'ALTER TABLE t ADD COLUMN b TEXT' },
    ];
    expect(migrateSqlite(db, list.slice(0, 1))).toBe(1);
    expect(migrateSqlite(db, list)).toBe(2);
    expect(migrateSqlite(db, list)).toBe(2);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').all('t')).toEqual([{ name: 'a' }, { name: 'b' }]);
    db.close();
  });

  test('a failing migration rolls back whole and leaves the version alone', () => {
    const db = new Database(':memory:');
    const list = [{ name: 'bad', sql: 'CREATE TABLE ok (a); CREATE TABLE ok (a);' }];
    expect(() => migrateSqlite(db, list)).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok'").get()).toEqual({ n: 0 });
    db.close();
  });

  test('a file from a newer release is refused with a message that says so', () => {
    const path = join(tempDir(), 'future.sqlite');
    const db = new Database(path);
    db.pragma(`user_version = ${SQLITE_MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openSqliteStore({ path })).toThrow(/newer release/);
  });

  test('a file that is not a database is refused', () => {
    const dir = tempDir();
    const path = join(dir, 'notes.sqlite');
    writeFileSync(path, 'not a database, just text '.repeat(100));
    expect(() => openSqliteStore({ path })).toThrow(/not a database/);
  });

  test('no raw user id is ever written: the file bytes hold only its HMAC', async () => {
    const dir = tempDir();
    const path = join(dir, 'feedback.sqlite');
    const rawId = '987654321098765432';
    const recorder = createRecorder({
      store: openSqliteStore({ path }),
      secret: 'k'.repeat(32),
      recordDms: true,
      logger: createLogger('silent'),
    });
    for (const surface of ['slash', 'dm', 'mention'] as const) {
      await recorder.question({ surface, userId: rawId, question: 'ماذا قال الأسد؟', reply: answerReply() });
    }
    await recorder.vote({ surface: 'slash', userId: rawId, messageId: '111111111111111111', ref: 'p4', vote: -1 });
    await recorder.pick({ userId: rawId, messageId: '111111111111111111', ref: 'p4', picked: 'none' });
    // Check while open (-wal holds the rows) and after close (checkpointed into the main file).
    const bytesOfDir = () => Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
    const hash = hashUser('k'.repeat(32), rawId);
    for (const check of ['open', 'closed']) {
      if (check === 'closed') await recorder.close();
      const bytes = bytesOfDir();
      expect(bytes.includes(Buffer.from(rawId)), check).toBe(false);
      expect(bytes.includes(Buffer.from(hash)), check).toBe(true);
    }
  });
});

// Bug fixed: `npm run report` opened an existing empty DATABASE_PATH like the bot does, which wrote the schema into it.
describe('openSqliteReader (the report: read-only)', () => {
  test('an empty file is "no schema yet": undefined, and the file keeps its size, mode and lonely folder', () => {
    const dir = tempDir();
    const path = join(dir, 'feedback.sqlite');
    writeFileSync(path, '', { mode: 0o600 });
    expect(openSqliteReader(path)).toBeUndefined();
    expect(statSync(path).size).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['feedback.sqlite']);
  });

  test('a store with rows is read, and its main file is not changed', async () => {
    const path = join(tempDir(), 'feedback.sqlite');
    const writer = openSqliteStore({ path });
    const id = await writer.recordQuestion(answerEvent());
    await writer.close();
    const before = readFileSync(path);
    const reader = openSqliteReader(path);
    expect((await reader?.snapshot(0))?.questions.map((q) => q.id)).toEqual([id]);
    await reader?.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  test('a missing file, or one from another release, is refused (nothing created)', () => {
    const dir = tempDir();
    expect(() => openSqliteReader(join(dir, 'missing.sqlite'))).toThrow();
    expect(readdirSync(dir)).toEqual([]);
    const path = join(dir, 'future.sqlite');
    const db = new Database(path);
    db.pragma(`user_version = ${SQLITE_MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openSqliteReader(path)).toThrow(/newer release/);
  });

  // Bug fixed (break19 F4): another program's database read as "no schema yet", so the report said "Nothing recorded
  // yet" for a wrong DATABASE_PATH.
  test('another program\'s database is refused, naming its tables; an empty database is still "no schema yet"', () => {
    const dir = tempDir();
    const foreign = join(dir, 'other.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE questions (id INTEGER PRIMARY KEY, at INTEGER); CREATE VIEW "bad\u202Ename" AS SELECT 1');
    db.close();
    expect(() => openSqliteReader(foreign)).toThrow(ForeignDatabaseError);
    expect(() => openSqliteReader(foreign)).toThrow(
      "not an iqtibas feedback store: the file holds another program's tables (questions, …)",
    );
    const emptied = join(dir, 'emptied.sqlite');
    const empty = new Database(emptied);
    empty.exec('CREATE TABLE t (a); DROP TABLE t');
    empty.close();
    expect(openSqliteReader(emptied)).toBeUndefined();
  });
});
