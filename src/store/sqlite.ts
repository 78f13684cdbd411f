/**
 * The embedded store: one SQLite file (better-sqlite3), for a single bot process (several processes on one file
 * work too, serialized by SQLite's lock, but PostgreSQL is the engine for several instances).
 *
 * better-sqlite3 is synchronous: each method runs its statement to completion on the calling thread and returns a
 * settled promise, so a resolved write is already committed. Statements are prepared once at open.
 *
 * Synchronous also means that while a write waits for another process's write lock, the whole event loop waits with
 * it: no interaction is acknowledged, no heartbeat sent (a 5 s busy timeout froze the bot for as long as someone held
 * the file in a `BEGIN EXCLUSIVE`). So once open, a write waits at most `busyTimeoutMs` (200 ms: plenty for another
 * shard's commit, which takes a millisecond or two) and then rejects with StoreBusyError; after such a failure, writes for the next `busyBackoffMs` try once without waiting
 * (the back-off doubling, up to 8 times, while the lock stays), so a lock held for seconds costs the process a few
 * short stalls, not one per event. A try without waiting succeeds as soon as the lock is gone.
 */
import { closeSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { makeFolder } from './folder.ts';
import { type PickRow, type QuestionRow, toPick, toQuestion, toVote, type VoteRow } from './rows.ts';
import {
  type FeedbackSnapshot,
  type FeedbackStore,
  type PickEvent,
  type QuestionEvent,
  StoreBusyError,
  type VoteEvent,
  type VoteResult,
} from './types.ts';

/** One schema change. Migration N (1-based) brings the file from version N-1 to N; never edit a shipped one. */
export interface SqliteMigration {
  /** What it does, for logs and errors. */
  name: string;
  /** Statements run in one transaction. */
  sql: string;
}

/**
 * Every schema version, in order; `PRAGMA user_version` holds how many have been applied. Add new ones at the end.
 *
 * Times are INTEGER milliseconds since the epoch (UTC). Ids use AUTOINCREMENT so that an id freed by retention is
 * never given to a new question (a vote button may still carry the old one). Votes and picks keep one row per
 * (message, user); their `id` only orders rows for the report. Indexes on `at` serve both the report (`at >= since`)
 * and retention (`at < cutoff`).
 */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = Object.freeze([
  {
    name: 'questions, votes and picks',
    sql: `
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        surface TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        question TEXT NOT NULL,
        normalized TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('answer', 'no-answer')),
        ref TEXT,
        paragraph INTEGER,
        confidence REAL NOT NULL,
        reason TEXT
      );
      CREATE INDEX questions_at ON questions (at);

      CREATE TABLE votes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        surface TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        message_id TEXT NOT NULL,
        question_id INTEGER,
        ref TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (1, -1)),
        UNIQUE (message_id, user_hash)
      );
      CREATE INDEX votes_at ON votes (at);

      CREATE TABLE picks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        user_hash TEXT NOT NULL,
        message_id TEXT NOT NULL,
        ref TEXT NOT NULL,
        picked TEXT NOT NULL,
        UNIQUE (message_id, user_hash)
      );
      CREATE INDEX picks_at ON picks (at);
    `,
  },
]);

/**
 * A vote's question_id: the custom_id's question id only if that question is recorded here, else NULL. The id comes
 * from the button, which a client can forge (or which outlives its question, past retention or in another
 * database): a dangling id would link the vote to whatever question later gets that id, and the report would blame
 * the wrong phrasing.
 */
const LINKED_QUESTION = '(SELECT id FROM questions WHERE id = @questionId)';

/**
 * Thrown when a SQLite file holds no iqtibas schema (`user_version` 0) but tables of its own: another program's
 * database, reached through a wrong DATABASE_PATH. iqtibas creates its tables and sets the version in one
 * transaction, so a file of ours at version 0 is always empty. {@link openStore} and the report say what to set.
 */
export class ForeignDatabaseError extends Error {
  /** The file's table and view names (printable ones only, at most 3). */
  readonly tables: readonly string[];

  constructor(tables: readonly string[]) {
    super(`not an iqtibas feedback store: the file holds another program's tables (${tables.join(', ') || '…'})`);
    this.name = 'ForeignDatabaseError';
    this.tables = tables;
  }
}

/** A table name worth printing: no control, bidi or markup characters from someone else's schema. */
const PRINTABLE_NAME = /^[\p{L}\p{N}_$.-]{1,64}$/u;

/**
 * Throws {@link ForeignDatabaseError} when `db` has no iqtibas schema (`user_version` 0) yet holds tables or views.
 * Reads only, in one read transaction: a process creating the schema meanwhile is seen before or after, never
 * half-way (tables without the version).
 *
 * @returns the schema version.
 */
function refuseForeignDatabase(db: Database.Database): number {
  return db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) {
      const names = foreignTableNames(db);
      if (names.length > 0) throw new ForeignDatabaseError(names);
    }
    return version;
  })();
}

/** The printable table and view names of `db` (at most 3, then "…"), SQLite's own excluded. */
function foreignTableNames(db: Database.Database): string[] {
  const names = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    )
    .all()
    .map((row) => row.name);
  if (names.length === 0) return [];
  const shown = names.filter((name) => PRINTABLE_NAME.test(name)).slice(0, 3);
  return names.length > shown.length && shown.length > 0 ? [...shown, '…'] : shown;
}

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * The database file; its folder is created, and the file itself with mode 0600 (it holds what users typed).
   * `:memory:` keeps everything in this connection's memory (nothing persists).
   */
  path: string;
  /**
   * How long opening and migrating wait for another process's write lock, in ms. Long, because nothing is being
   * answered yet and shards starting together migrate one after the other. @defaultValue 5000
   */
  openBusyTimeoutMs?: number;
  /**
   * Once open, how long a write waits for another connection's write lock before rejecting with
   * {@link StoreBusyError}, in ms. The event loop is blocked meanwhile, so keep it short. @defaultValue 200
   */
  busyTimeoutMs?: number;
  /**
   * After a write gave up waiting, for how long (ms) later writes try once without waiting; the first write after
   * that waits `busyTimeoutMs` again (if it gives up too, the next back-off is twice as long, up to 8 times this),
   * and any success ends the back-off at once. @defaultValue 1000
   */
  busyBackoffMs?: number;
}

/** Defaults of {@link SqliteStoreOptions}, in ms. */
export const SQLITE_WAITS = Object.freeze({ openBusyTimeoutMs: 5000, busyTimeoutMs: 200, busyBackoffMs: 1000 });

/**
 * Applies the pending `migrations` to `db` (each in its own immediate transaction, bumping `user_version`).
 * Exported for the tests; {@link openSqliteStore} calls it with {@link SQLITE_MIGRATIONS}.
 *
 * @returns the schema version after migrating.
 * @throws Error when the file was written by a newer version of iqtibas (its version is above the list's length).
 */
export function migrateSqlite(
  db: Database.Database,
  migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS,
): number {
  const versionOf = () => db.pragma('user_version', { simple: true }) as number;
  for (;;) {
    // Read the version inside the write lock: a second process migrating at the same time waits, then sees it done.
    const done = db
      .transaction(() => {
        const version = versionOf();
        if (version > migrations.length) {
          throw new Error(
            `The database is at schema version ${version}, newer than this iqtibas knows (${migrations.length}): ` +
              'it was written by a newer release. Upgrade iqtibas, or point DATABASE_PATH at another file.',
          );
        }
        const next = migrations[version];
        if (next === undefined) return true;
        db.exec(next.sql);
        db.pragma(`user_version = ${version + 1}`);
        return false;
      })
      .immediate();
    if (done) return versionOf();
  }
}

/**
 * Opens (creating if needed, mode 0600) the SQLite store at `options.path` and migrates it to the current schema.
 * Its writes reject with {@link StoreBusyError} when another connection keeps the write lock longer than
 * `busyTimeoutMs` (see {@link SqliteStoreOptions}).
 *
 * @throws Error (from the filesystem or SQLite) when the folder or file cannot be created or opened, or when the
 *   file is not a database or is newer than this release; {@link ForeignDatabaseError}, leaving the file as it was,
 *   when it is another program's database. {@link openStore} wraps these with what to fix.
 */
export function openSqliteStore(options: SqliteStoreOptions): FeedbackStore {
  const waits = { ...SQLITE_WAITS, ...definedOnly(options) };
  if (options.path !== ':memory:') {
    makeFolder(dirname(options.path));
    createPrivately(options.path);
  }
  const db = new Database(options.path);
  try {
    // Wait for another connection's lock instead of failing at once (set first: the next pragmas may need the lock).
    setBusyTimeout(db, waits.openBusyTimeoutMs);
    // Before anything is written (WAL mode, our tables): another program's database must be left as it is.
    refuseForeignDatabase(db);
    configure(db);
    migrateSqlite(db);
    return new SqliteStore(db, waits);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** What the report needs of a store: reading, then closing. */
export type FeedbackReader = Pick<FeedbackStore, 'snapshot' | 'close'>;

/**
 * Opens an existing SQLite store read-only, for `npm run report`, which must never write: nothing is created,
 * migrated or configured (openSqliteStore would turn an empty file into a database, 0644 under the usual umask, and
 * migrate an old one). An existing WAL database may get its `-wal` and `-shm` companions back, with the file's mode:
 * SQLite needs them to read it, and without them it would miss the commits of a bot running at the same time.
 *
 * @returns undefined when the file holds no iqtibas schema yet and nothing else (an empty file, or an empty
 *   database): nothing is recorded there.
 * @throws {@link ForeignDatabaseError} when it is another program's database (no iqtibas schema, tables of its
 *   own: a wrong DATABASE_PATH, not "nothing recorded yet"); Error when the file is missing or not a database, or
 *   its schema is older or newer than this release's (the message says what to do).
 */
export function openSqliteReader(
  path: string,
  options: Pick<SqliteStoreOptions, 'openBusyTimeoutMs'> = {},
): FeedbackReader | undefined {
  const waits = { ...SQLITE_WAITS, ...definedOnly({ path, ...options }) };
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    setBusyTimeout(db, waits.openBusyTimeoutMs);
    const version = refuseForeignDatabase(db);
    if (version === 0) {
      db.close();
      return undefined;
    }
    if (version !== SQLITE_MIGRATIONS.length) {
      throw new Error(
        `the database is at schema version ${version} and this iqtibas reads version ${SQLITE_MIGRATIONS.length}: ` +
          (version > SQLITE_MIGRATIONS.length
            ? 'it was written by a newer release; upgrade iqtibas.'
            : 'start the bot once (npm start) to migrate it, then run the report again.'),
      );
    }
    return new SqliteStore(db, waits);
  } catch (error) {
    if (db.open) db.close();
    throw error;
  }
}

/** The wait options that are set (an explicit undefined must not override a default). */
function definedOnly(options: SqliteStoreOptions): Partial<typeof SQLITE_WAITS> {
  return Object.fromEntries(
    Object.entries(options).filter(([key, value]) => key in SQLITE_WAITS && value !== undefined),
  ) as Partial<typeof SQLITE_WAITS>;
}

/**
 * Creates the database file, empty, readable and writable by its owner only, unless it exists. The file holds what
 * users typed; SQLite would create it 0644 (under the usual umask), and it creates the -wal and -shm files with the
 * database file's mode, so this one mode covers all three. An existing file keeps the mode it has.
 */
function createPrivately(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function setBusyTimeout(db: Database.Database, ms: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
}

/** The longest back-off, as a multiple of `busyBackoffMs`. */
const MAX_BACKOFF_FACTOR = 8;
/** How often a waiting write tries again for the write lock, in ms. */
const POLL_MS = 1;
/** Blocks this thread for `ms` milliseconds (the event loop with it: only for the short waits of #write). */
const sleepSync = (() => {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  return (ms: number) => {
    Atomics.wait(cell, 0, 0, ms);
  };
})();

/**
 * `run()`, tried again every millisecond while it fails with SQLITE_BUSY, for at most `waitMs`. We poll instead of
 * letting SQLite wait (its busy handler sleeps up to 100 ms between tries, so under steady contention from other
 * shards it kept missing the short gaps between their commits and gave up). Only for `run`s that change nothing when
 * busy: a single statement, a transaction whose BEGIN failed, or a read.
 *
 * @throws the last SQLITE_BUSY error once `waitMs` is spent (at once when it is 0); other errors at once.
 */
function retryWhileBusy<T>(run: () => T, waitMs: number): T {
  const deadline = performance.now() + waitMs;
  for (;;) {
    try {
      return run();
    } catch (error) {
      const now = performance.now();
      if (!isBusy(error) || now >= deadline) throw error;
      sleepSync(Math.min(POLL_MS, deadline - now));
    }
  }
}

/** True for SQLITE_BUSY and its extended codes (another connection holds the lock we need). */
function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
}

function configure(db: Database.Database): void {
  // WAL: readers (the report) never block the writer, and a commit is one append to the -wal file.
  db.pragma('journal_mode = WAL');
  // NORMAL, not FULL. The contract is that an acknowledged vote survives a crash of the process (SIGKILL, OOM,
  // a bug): in WAL mode a commit has been written to the -wal file, i.e. handed to the operating system, before
  // the statement returns, so the kernel keeps it even if the process dies the next instant (durability.test.ts
  // kills a writer with SIGKILL mid-burst to check this). What NORMAL gives up is the fsync at each commit, so a
  // power loss or kernel crash may roll back the last commits; the WAL is checksummed, so the file is never
  // corrupted, only a few seconds of feedback can be missing. FULL would close that window with one fsync per vote,
  // and better-sqlite3 runs on the main thread: every fsync (milliseconds on SSDs, tens of ms on network disks)
  // would stall every Discord interaction of the process. Losing seconds of votes on a power cut is the cheaper risk.
  db.pragma('synchronous = NORMAL');
}

class SqliteStore implements FeedbackStore {
  readonly #db: Database.Database;
  readonly #busyTimeoutMs: number;
  readonly #busyBackoffMs: number;
  /** How long a read (the report's snapshot) waits, in ms: readers wait only in rare WAL recoveries. */
  readonly #readWaitMs: number;
  /** Until when (performance.now() ms) writes try without waiting, after one gave up. */
  #impatientUntil = 0;
  /** The next back-off's length, in ms: doubles while patient waits keep failing, reset by a success. */
  #nextBackoffMs: number;
  readonly #insertQuestion: Database.Statement;
  readonly #selectVote: Database.Statement<[string, string], { vote: number }>;
  readonly #insertVote: Database.Statement;
  readonly #updateVote: Database.Statement;
  readonly #upsertPick: Database.Statement;
  readonly #deletePick: Database.Statement<[string, string]>;
  readonly #deletes: Database.Statement<[number]>[];
  readonly #selectQuestions: Database.Statement<[number], QuestionRow>;
  readonly #selectVotes: Database.Statement<[number], VoteRow>;
  readonly #selectPicks: Database.Statement<[number], PickRow>;
  readonly #recordVote: (event: VoteEvent) => VoteResult;
  readonly #deleteOlderThan: (cutoff: number) => number;
  readonly #snapshot: (since: number) => FeedbackSnapshot;

  constructor(db: Database.Database, waits: typeof SQLITE_WAITS) {
    this.#db = db;
    this.#busyTimeoutMs = waits.busyTimeoutMs;
    this.#busyBackoffMs = waits.busyBackoffMs;
    this.#nextBackoffMs = waits.busyBackoffMs;
    this.#readWaitMs = waits.openBusyTimeoutMs;
    // From now on SQLite never waits by itself: retryWhileBusy does, polling.
    setBusyTimeout(db, 0);
    this.#insertQuestion = db.prepare(
      `INSERT INTO questions (at, surface, user_hash, question, normalized, outcome, ref, paragraph, confidence, reason)
       VALUES (@at, @surface, @userHash, @question, @normalized, @outcome, @ref, @paragraph, @confidence, @reason)`,
    );
    this.#selectVote = db.prepare('SELECT vote FROM votes WHERE message_id = ? AND user_hash = ?');
    this.#insertVote = db.prepare(
      `INSERT INTO votes (at, surface, user_hash, message_id, question_id, ref, vote)
       VALUES (@at, @surface, @userHash, @messageId, ${LINKED_QUESTION}, @ref, @vote)`,
    );
    this.#updateVote = db.prepare(
      `UPDATE votes SET at = @at, surface = @surface, question_id = ${LINKED_QUESTION}, ref = @ref, vote = @vote
       WHERE message_id = @messageId AND user_hash = @userHash`,
    );
    this.#upsertPick = db.prepare(
      `INSERT INTO picks (at, user_hash, message_id, ref, picked)
       SELECT @at, @userHash, @messageId, @ref, @picked
       WHERE EXISTS (SELECT 1 FROM votes WHERE message_id = @messageId AND user_hash = @userHash AND vote = -1)
       ON CONFLICT (message_id, user_hash) DO UPDATE SET at = excluded.at, ref = excluded.ref, picked = excluded.picked`,
    );
    this.#deletePick = db.prepare('DELETE FROM picks WHERE message_id = ? AND user_hash = ?');
    this.#deletes = ['questions', 'votes', 'picks'].map((table) =>
      db.prepare<[number]>(`DELETE FROM ${table} WHERE at < ?`),
    );
    this.#selectQuestions = db.prepare('SELECT * FROM questions WHERE at >= ? ORDER BY at, id');
    this.#selectVotes = db.prepare('SELECT * FROM votes WHERE at >= ? ORDER BY at, id');
    this.#selectPicks = db.prepare('SELECT * FROM picks WHERE at >= ? ORDER BY at, id');

    // Read-then-write under the write lock (IMMEDIATE), so another process cannot slip a vote in between.
    const recordVote = db.transaction((event: VoteEvent): VoteResult => {
      const params = { ...event, questionId: event.questionId ?? null };
      // A pick says which answer was right instead of one rated 👎: a 👍 by the same user withdraws it (a pick is
      // recorded only while that vote is 👎, see recordPick), so the report never counts a pick against a 👍.
      if (event.vote === 1) this.#deletePick.run(event.messageId, event.userHash);
      const previous = this.#selectVote.get(event.messageId, event.userHash);
      if (previous === undefined) {
        this.#insertVote.run(params);
        return 'new';
      }
      if (previous.vote === event.vote) return 'unchanged';
      this.#updateVote.run(params);
      return 'changed';
    });
    this.#recordVote = (event) => recordVote.immediate(event);
    const deleteOlderThan = db.transaction((cutoff: number) =>
      this.#deletes.reduce((sum, statement) => sum + statement.run(cutoff).changes, 0),
    );
    this.#deleteOlderThan = (cutoff) => deleteOlderThan.immediate(cutoff);
    // One read transaction: the three lists come from the same moment.
    this.#snapshot = db.transaction((since: number) => ({
      questions: this.#selectQuestions.all(since).map(toQuestion),
      votes: this.#selectVotes.all(since).map(toVote),
      picks: this.#selectPicks.all(since).map(toPick),
    }));
  }

  /**
   * Runs one write (a statement or a transaction), waiting for another connection's write lock at most
   * `busyTimeoutMs`, or not at all during the back-off that follows a write that gave up.
   *
   * @throws StoreBusyError when the lock was not free in time (nothing was written); other errors as they are.
   */
  #write<T>(run: () => T): T {
    const started = performance.now();
    const patient = started >= this.#impatientUntil;
    try {
      const result = retryWhileBusy(run, patient ? this.#busyTimeoutMs : 0);
      this.#impatientUntil = 0;
      this.#nextBackoffMs = this.#busyBackoffMs;
      return result;
    } catch (error) {
      if (!isBusy(error)) throw error;
      const now = performance.now();
      const waited = Math.round(now - started);
      // Only a full wait starts the back-off: tries without waiting must not keep extending it, or brief
      // contention from other shards could keep writes impatient for as long as traffic lasts.
      if (patient) {
        this.#impatientUntil = now + this.#nextBackoffMs;
        this.#nextBackoffMs = Math.min(this.#nextBackoffMs * 2, this.#busyBackoffMs * MAX_BACKOFF_FACTOR);
      }
      throw new StoreBusyError(
        `the SQLite file is locked by another connection (waited ${waited} ms for its write lock)`,
        waited,
        { cause: error },
      );
    }
  }

  async recordQuestion(event: QuestionEvent): Promise<number> {
    const info = this.#write(() =>
      this.#insertQuestion.run({
        ...event,
        ref: event.ref ?? null,
        paragraph: event.paragraph ?? null,
        reason: event.reason ?? null,
      }),
    );
    return Number(info.lastInsertRowid);
  }

  async recordVote(event: VoteEvent): Promise<VoteResult> {
    return this.#write(() => this.#recordVote(event));
  }

  async recordPick(event: PickEvent): Promise<boolean> {
    return this.#write(() => this.#upsertPick.run(event).changes > 0);
  }

  async deleteOlderThan(cutoff: number): Promise<number> {
    return this.#write(() => this.#deleteOlderThan(cutoff));
  }

  async snapshot(since: number): Promise<FeedbackSnapshot> {
    return retryWhileBusy(() => this.#snapshot(since), this.#readWaitMs);
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
