/**
 * The embedded store: one SQLite file (better-sqlite3), for a single bot process (several processes on one file
 * work too, serialized by SQLite's lock, but PostgreSQL is the engine for several instances).
 *
 * better-sqlite3 is synchronous: each method runs its statement to completion on the calling thread and returns a
 * settled promise, so a resolved write is already committed. Statements are prepared once at open.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type PickRow, type QuestionRow, toPick, toQuestion, toVote, type VoteRow } from './rows.ts';
import type { FeedbackSnapshot, FeedbackStore, PickEvent, QuestionEvent, VoteEvent, VoteResult } from './types.ts';

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

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** The database file; its folder is created. `:memory:` works (tests). */
  path: string;
  /** How long a statement waits for another process's lock before failing with SQLITE_BUSY, in ms. @defaultValue 5000 */
  busyTimeoutMs?: number;
}

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
 * Opens (creating if needed) the SQLite store at `options.path` and migrates it to the current schema.
 *
 * @throws Error (from the filesystem or SQLite) when the folder or file cannot be created or opened, or when the
 *   file is not a database or is newer than this release. {@link openStore} wraps these with what to fix.
 */
export function openSqliteStore(options: SqliteStoreOptions): FeedbackStore {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  try {
    configure(db, options.busyTimeoutMs ?? 5000);
    migrateSqlite(db);
    return new SqliteStore(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: Database.Database, busyTimeoutMs: number): void {
  // Wait for another connection's lock instead of failing at once (set first: the next pragmas may need the lock).
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
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
  readonly #insertQuestion: Database.Statement;
  readonly #selectVote: Database.Statement<[string, string], { vote: number }>;
  readonly #insertVote: Database.Statement;
  readonly #updateVote: Database.Statement;
  readonly #upsertPick: Database.Statement;
  readonly #deletes: Database.Statement<[number]>[];
  readonly #selectQuestions: Database.Statement<[number], QuestionRow>;
  readonly #selectVotes: Database.Statement<[number], VoteRow>;
  readonly #selectPicks: Database.Statement<[number], PickRow>;
  readonly #recordVote: (event: VoteEvent) => VoteResult;
  readonly #deleteOlderThan: (cutoff: number) => number;
  readonly #snapshot: (since: number) => FeedbackSnapshot;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#insertQuestion = db.prepare(
      `INSERT INTO questions (at, surface, user_hash, question, normalized, outcome, ref, paragraph, confidence, reason)
       VALUES (@at, @surface, @userHash, @question, @normalized, @outcome, @ref, @paragraph, @confidence, @reason)`,
    );
    this.#selectVote = db.prepare('SELECT vote FROM votes WHERE message_id = ? AND user_hash = ?');
    this.#insertVote = db.prepare(
      `INSERT INTO votes (at, surface, user_hash, message_id, question_id, ref, vote)
       VALUES (@at, @surface, @userHash, @messageId, @questionId, @ref, @vote)`,
    );
    this.#updateVote = db.prepare(
      `UPDATE votes SET at = @at, surface = @surface, question_id = @questionId, ref = @ref, vote = @vote
       WHERE message_id = @messageId AND user_hash = @userHash`,
    );
    this.#upsertPick = db.prepare(
      `INSERT INTO picks (at, user_hash, message_id, ref, picked)
       SELECT @at, @userHash, @messageId, @ref, @picked
       WHERE EXISTS (SELECT 1 FROM votes WHERE message_id = @messageId AND user_hash = @userHash AND vote = -1)
       ON CONFLICT (message_id, user_hash) DO UPDATE SET at = excluded.at, ref = excluded.ref, picked = excluded.picked`,
    );
    this.#deletes = ['questions', 'votes', 'picks'].map((table) =>
      db.prepare<[number]>(`DELETE FROM ${table} WHERE at < ?`),
    );
    this.#selectQuestions = db.prepare('SELECT * FROM questions WHERE at >= ? ORDER BY at, id');
    this.#selectVotes = db.prepare('SELECT * FROM votes WHERE at >= ? ORDER BY at, id');
    this.#selectPicks = db.prepare('SELECT * FROM picks WHERE at >= ? ORDER BY at, id');

    // Read-then-write under the write lock (IMMEDIATE), so another process cannot slip a vote in between.
    const recordVote = db.transaction((event: VoteEvent): VoteResult => {
      const params = { ...event, questionId: event.questionId ?? null };
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

  async recordQuestion(event: QuestionEvent): Promise<number> {
    const info = this.#insertQuestion.run({
      ...event,
      ref: event.ref ?? null,
      paragraph: event.paragraph ?? null,
      reason: event.reason ?? null,
    });
    return Number(info.lastInsertRowid);
  }

  async recordVote(event: VoteEvent): Promise<VoteResult> {
    return this.#recordVote(event);
  }

  async recordPick(event: PickEvent): Promise<boolean> {
    return this.#upsertPick.run(event).changes > 0;
  }

  async deleteOlderThan(cutoff: number): Promise<number> {
    return this.#deleteOlderThan(cutoff);
  }

  async snapshot(since: number): Promise<FeedbackSnapshot> {
    return this.#snapshot(since);
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
