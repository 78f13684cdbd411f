/**
 * The shared store: PostgreSQL (DATABASE_URL), for several bot instances writing to one database. Same tables and
 * semantics as the SQLite store (src/store/sqlite.ts); upserts are single `INSERT ... ON CONFLICT` statements, so
 * concurrent instances never race between a read and a write.
 */
import pg from 'pg';
import { type PickRow, type QuestionRow, toPick, toQuestion, toVote, type VoteRow } from './rows.ts';
import type { FeedbackSnapshot, FeedbackStore, PickEvent, QuestionEvent, VoteEvent, VoteResult } from './types.ts';

/** One schema change; `sql` receives the quoted schema name and returns the statements to run. Never edit one. */
export interface PostgresMigration {
  name: string;
  sql: (schema: string) => string;
}

/**
 * Every schema version, in order; `<schema>.schema_version` holds how many have been applied. Add new ones at the
 * end. Same columns as `SQLITE_MIGRATIONS` (src/store/sqlite.ts): times are BIGINT milliseconds since the epoch (UTC), ids are
 * identity columns (never reused after retention deletes), one vote and one pick per (message, user), indexes on
 * `at` for the report and retention.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = Object.freeze([
  {
    name: 'questions, votes and picks',
    sql: (s: string) => `
      CREATE TABLE ${s}.questions (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at BIGINT NOT NULL,
        surface TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        question TEXT NOT NULL,
        normalized TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('answer', 'no-answer')),
        ref TEXT,
        paragraph INTEGER,
        confidence DOUBLE PRECISION NOT NULL,
        reason TEXT
      );
      CREATE INDEX questions_at ON ${s}.questions (at);

      CREATE TABLE ${s}.votes (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at BIGINT NOT NULL,
        surface TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        message_id TEXT NOT NULL,
        question_id BIGINT,
        ref TEXT NOT NULL,
        vote SMALLINT NOT NULL CHECK (vote IN (1, -1)),
        UNIQUE (message_id, user_hash)
      );
      CREATE INDEX votes_at ON ${s}.votes (at);

      CREATE TABLE ${s}.picks (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at BIGINT NOT NULL,
        user_hash TEXT NOT NULL,
        message_id TEXT NOT NULL,
        ref TEXT NOT NULL,
        picked TEXT NOT NULL,
        UNIQUE (message_id, user_hash)
      );
      CREATE INDEX picks_at ON ${s}.picks (at);
    `,
  },
]);

/**
 * Key of the transaction-level advisory lock taken while migrating, so that instances starting together migrate
 * one after the other (the second finds the work done). An arbitrary constant: "iqtb" in ASCII.
 */
export const MIGRATION_LOCK_KEY = 0x69717462;

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** postgres:// URL (DATABASE_URL). */
  connectionString: string;
  /**
   * PostgreSQL schema holding the tables, created if missing: lowercase letters, digits and `_`. Tests use one per
   * run; deployments can use one per bot sharing a database.
   * @defaultValue 'public'
   */
  schema?: string;
  /** Most connections the pool opens. @defaultValue 5 */
  maxConnections?: number;
  /** How long to wait for a connection, in ms, before failing. @defaultValue 10000 */
  connectionTimeoutMillis?: number;
  /** Told about errors of idle pooled connections (a restarted server); they are otherwise harmless. */
  onIdleError?: (error: Error) => void;
}

/**
 * Connects to PostgreSQL, migrates the schema (in one transaction, under an advisory lock) and returns the store.
 *
 * @throws Error with pg's message (never the URL, which may hold a password) when the server cannot be reached,
 *   the credentials are refused, the schema name is invalid, or the database is at a newer schema version.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<FeedbackStore> {
  const schemaName = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schemaName)) {
    throw new Error(`PostgreSQL schema name "${schemaName}" must be lowercase letters, digits and _`);
  }
  const schema = `"${schemaName}"`;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 5,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    application_name: 'iqtibas',
  });
  // An idle client's error (server restart, network cut) is emitted on the pool; unhandled, it would crash the
  // process. The pool drops that client and opens a new one on the next query.
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    await migratePostgres(pool, schema);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return new PostgresStore(pool, schema);
}

/**
 * Applies the pending migrations in one transaction, holding {@link MIGRATION_LOCK_KEY}. Exported for the tests.
 *
 * @param schema - the quoted schema name, e.g. `"public"`.
 * @returns the schema version after migrating.
 * @throws Error when the database is at a newer version than {@link POSTGRES_MIGRATIONS} knows.
 */
export async function migratePostgres(
  pool: pg.Pool,
  schema: string,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Held until COMMIT/ROLLBACK. Taken before anything else: concurrent CREATE ... IF NOT EXISTS can still fail.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    // Create only what is missing: CREATE ... IF NOT EXISTS still needs the CREATE privilege, which a deployment's
    // role may lack once the schema exists (PostgreSQL 15 no longer grants CREATE on `public` to everyone).
    const exists = await client.query<{ schema: boolean; table: boolean }>(
      `SELECT to_regnamespace($1) IS NOT NULL AS schema, to_regclass($2) IS NOT NULL AS table`,
      [schema, `${schema}.schema_version`],
    );
    if (!exists.rows[0]?.schema) await client.query(`CREATE SCHEMA ${schema}`);
    if (!exists.rows[0]?.table) await client.query(`CREATE TABLE ${schema}.schema_version (version INTEGER NOT NULL)`);
    const { rows } = await client.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${schema}.schema_version`,
    );
    const version = rows[0]?.version ?? 0;
    if (version > migrations.length) {
      throw new Error(
        `The database is at schema version ${version}, newer than this iqtibas knows (${migrations.length}): it ` +
          'was written by a newer release. Upgrade iqtibas, or use another database or schema.',
      );
    }
    for (const migration of migrations.slice(version)) await client.query(migration.sql(schema));
    if (version < migrations.length) {
      await client.query(`DELETE FROM ${schema}.schema_version`);
      await client.query(`INSERT INTO ${schema}.schema_version (version) VALUES ($1)`, [migrations.length]);
    }
    await client.query('COMMIT');
    return migrations.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

class PostgresStore implements FeedbackStore {
  readonly #pool: pg.Pool;
  readonly #sql: ReturnType<typeof statements>;
  #closed: Promise<void> | undefined;

  constructor(pool: pg.Pool, schema: string) {
    this.#pool = pool;
    this.#sql = statements(schema);
  }

  async recordQuestion(e: QuestionEvent): Promise<number> {
    const { rows } = await this.#pool.query<{ id: string }>({
      ...this.#sql.insertQuestion,
      values: [
        e.at,
        e.surface,
        e.userHash,
        e.question,
        e.normalized,
        e.outcome,
        e.ref ?? null,
        e.paragraph ?? null,
        e.confidence,
        e.reason ?? null,
      ],
    });
    return Number(rows[0]?.id);
  }

  async recordVote(e: VoteEvent): Promise<VoteResult> {
    const { rows } = await this.#pool.query<{ inserted: boolean }>({
      ...this.#sql.upsertVote,
      values: [e.at, e.surface, e.userHash, e.messageId, e.questionId ?? null, e.ref, e.vote],
    });
    const row = rows[0];
    if (row === undefined) return 'unchanged';
    return row.inserted ? 'new' : 'changed';
  }

  async recordPick(e: PickEvent): Promise<boolean> {
    const result = await this.#pool.query({
      ...this.#sql.upsertPick,
      values: [e.at, e.userHash, e.messageId, e.ref, e.picked],
    });
    return (result.rowCount ?? 0) > 0;
  }

  async deleteOlderThan(cutoff: number): Promise<number> {
    const { rows } = await this.#pool.query<{ deleted: number }>({ ...this.#sql.deleteOlder, values: [cutoff] });
    return rows[0]?.deleted ?? 0;
  }

  async snapshot(since: number): Promise<FeedbackSnapshot> {
    const client = await this.#pool.connect();
    try {
      // One snapshot for the three reads, so a vote is never listed without the question it answers.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const questions = await client.query<QuestionRow>({ ...this.#sql.selectQuestions, values: [since] });
      const votes = await client.query<VoteRow>({ ...this.#sql.selectVotes, values: [since] });
      const picks = await client.query<PickRow>({ ...this.#sql.selectPicks, values: [since] });
      await client.query('COMMIT');
      return {
        questions: questions.rows.map(toQuestion),
        votes: votes.rows.map(toVote),
        picks: picks.rows.map(toPick),
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    this.#closed ??= this.#pool.end();
    return this.#closed;
  }
}

/** The named (server-side prepared, once per connection) statements of one schema. */
function statements(s: string) {
  // Names must be unique per SQL text on a connection; each store has its own pool, hence its own connections.
  const named = (name: string, text: string) => ({ name: `iqtibas_${name}`, text });
  return {
    insertQuestion: named(
      'insert_question',
      `INSERT INTO ${s}.questions (at, surface, user_hash, question, normalized, outcome, ref, paragraph, confidence, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    ),
    // One statement, atomic against concurrent instances. No row back: the WHERE kept the same vote ('unchanged').
    // A row back: `xmax = 0` holds for a freshly inserted row and not for one updated by ON CONFLICT (the updating
    // transaction's id is stamped in xmax), the usual way to tell 'new' from 'changed' before PostgreSQL 18's OLD.
    // A 👍 also withdraws the same user's pick on that message (a pick is recorded only while the vote is 👎), as
    // the SQLite store does, so the report never counts a pick against a 👍. The question is linked only if it is
    // recorded (the id comes from a button, which can be forged or outlive it), as in the SQLite store.
    upsertVote: named(
      'upsert_vote',
      `WITH p AS (
         DELETE FROM ${s}.picks WHERE $7::smallint = 1 AND message_id = $4::text AND user_hash = $3::text
       )
       INSERT INTO ${s}.votes AS v (at, surface, user_hash, message_id, question_id, ref, vote)
       VALUES ($1, $2, $3, $4, (SELECT id FROM ${s}.questions WHERE id = $5::bigint), $6, $7)
       ON CONFLICT (message_id, user_hash) DO UPDATE
         SET at = excluded.at, surface = excluded.surface, question_id = excluded.question_id, ref = excluded.ref,
             vote = excluded.vote
         WHERE v.vote <> excluded.vote
       RETURNING (v.xmax = 0) AS inserted`,
    ),
    upsertPick: named(
      'upsert_pick',
      `INSERT INTO ${s}.picks (at, user_hash, message_id, ref, picked)
       SELECT $1::bigint, $2::text, $3::text, $4::text, $5::text
       WHERE EXISTS (SELECT 1 FROM ${s}.votes WHERE message_id = $3::text AND user_hash = $2::text AND vote = -1)
       ON CONFLICT (message_id, user_hash) DO UPDATE SET at = excluded.at, ref = excluded.ref, picked = excluded.picked`,
    ),
    deleteOlder: named(
      'delete_older',
      `WITH q AS (DELETE FROM ${s}.questions WHERE at < $1 RETURNING 1),
            v AS (DELETE FROM ${s}.votes WHERE at < $1 RETURNING 1),
            p AS (DELETE FROM ${s}.picks WHERE at < $1 RETURNING 1)
       SELECT ((SELECT count(*) FROM q) + (SELECT count(*) FROM v) + (SELECT count(*) FROM p))::int AS deleted`,
    ),
    selectQuestions: named('select_questions', `SELECT * FROM ${s}.questions WHERE at >= $1 ORDER BY at, id`),
    selectVotes: named('select_votes', `SELECT * FROM ${s}.votes WHERE at >= $1 ORDER BY at, id`),
    selectPicks: named('select_picks', `SELECT * FROM ${s}.picks WHERE at >= $1 ORDER BY at, id`),
  };
}
