/**
 * The PostgreSQL store: the shared contract, then migrations under concurrency and the privacy check. Needs a
 * server: set TEST_DATABASE_URL (CI does, see .ci/run); each test works in its own throwaway schema.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { openStore, StoreOpenError } from '../../src/store/open.ts';
import { migratePostgres, openPostgresStore, POSTGRES_MIGRATIONS } from '../../src/store/postgres.ts';
import { createRecorder } from '../../src/store/recorder.ts';
import { StoreBusyError } from '../../src/store/types.ts';
import { hashUser } from '../../src/store/userHash.ts';
import { storeContract } from './contract.ts';
import { answerReply } from './fixtures.ts';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('[postgres.test.ts] TEST_DATABASE_URL is not set: the PostgreSQL store tests are SKIPPED.');
const connectionString = url ?? '';

/** The admin pool that creates and drops the test schemas. */
let admin: pg.Pool | undefined;
const adminPool = () => {
  admin ??= new pg.Pool({ connectionString, max: 2 });
  return admin;
};
afterAll(async () => {
  await admin?.end();
});

const newSchema = () => `iqtibas_test_${randomBytes(6).toString('hex')}`;
const dropSchema = async (schema: string) => {
  await adminPool().query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
};

describe.skipIf(!url)('PostgreSQL store', () => {
  storeContract('PostgreSQL', async () => {
    const schema = newSchema();
    return {
      open: () => openPostgresStore({ connectionString, schema }),
      dispose: () => dropSchema(schema),
    };
  });

  describe('schema and privacy', () => {
    let schema: string;
    beforeAll(() => {
      schema = newSchema();
    });
    afterAll(async () => {
      await dropSchema(schema);
    });

    test('five instances starting at once all migrate (advisory lock): one schema version, tables once', async () => {
      const s = newSchema();
      try {
        const stores = await Promise.all(
          Array.from({ length: 5 }, () => openPostgresStore({ connectionString, schema: s })),
        );
        await Promise.all(stores.map((st) => st.close()));
        const { rows } = await adminPool().query(`SELECT version FROM "${s}".schema_version`);
        expect(rows).toEqual([{ version: POSTGRES_MIGRATIONS.length }]);
      } finally {
        await dropSchema(s);
      }
    });

    test('migrations are idempotent, and a version-1 schema with rows migrates to the current one', async () => {
      const s = newSchema();
      const pool = new pg.Pool({ connectionString, max: 1 });
      try {
        expect(await migratePostgres(pool, `"${s}"`, POSTGRES_MIGRATIONS.slice(0, 1))).toBe(1);
        await pool.query(
          `INSERT INTO "${s}".questions (at, surface, user_hash, question, normalized, outcome, confidence, reason)
           VALUES (1, 'slash', 'h', 'q', 'q', 'no-answer', 0, 'empty')`,
        );
        for (let i = 0; i < 2; i++) {
          const store = await openPostgresStore({ connectionString, schema: s });
          expect((await store.snapshot(0)).questions).toMatchObject([{ question: 'q', reason: 'empty' }]);
          await store.close();
        }
        const { rows } = await pool.query(`SELECT version FROM "${s}".schema_version`);
        expect(rows).toEqual([{ version: POSTGRES_MIGRATIONS.length }]);
      } finally {
        await pool.end();
        await dropSchema(s);
      }
    });

    test('a failing migration rolls back whole: no table, no version', async () => {
      const s = newSchema();
      const pool = new pg.Pool({ connectionString, max: 1 });
      try {
        const bad = [
          { name: 'bad', sql: (q: string) => `CREATE TABLE ${q}.ok (a int); CREATE TABLE ${q}.ok (a int);` },
        ];
        await expect(migratePostgres(pool, `"${s}"`, bad)).rejects.toThrow(/already exists/);
        const { rows } = await pool.query('SELECT to_regnamespace($1) AS ns', [s]);
        expect(rows).toEqual([{ ns: null }]);
      } finally {
        await pool.end();
        await dropSchema(s);
      }
    });

    test('a database from a newer release is refused with a message that says so', async () => {
      const s = newSchema();
      try {
        await (await openPostgresStore({ connectionString, schema: s })).close();
        await adminPool().query(`UPDATE "${s}".schema_version SET version = version + 1`);
        await expect(openPostgresStore({ connectionString, schema: s })).rejects.toThrow(/newer release/);
      } finally {
        await dropSchema(s);
      }
    });

    test('no raw user id is ever written: every row holds only its HMAC', async () => {
      const rawId = '987654321098765432';
      const secret = 's'.repeat(32);
      const recorder = createRecorder({
        store: await openPostgresStore({ connectionString, schema }),
        secret,
        recordDms: true,
        logger: createLogger('silent'),
      });
      await recorder.question({ surface: 'dm', userId: rawId, question: 'who?', reply: answerReply() });
      await recorder.vote({ surface: 'dm', userId: rawId, messageId: '111111111111111111', ref: 'p4', vote: -1 });
      await recorder.pick({ userId: rawId, messageId: '111111111111111111', ref: 'p4', picked: 'none' });
      await recorder.close();
      const { rows } = await adminPool().query<{ dump: string }>(
        `SELECT string_agg(t::text, '|') AS dump FROM (
           SELECT row_to_json(q)::text AS t FROM "${schema}".questions q
           UNION ALL SELECT row_to_json(v)::text FROM "${schema}".votes v
           UNION ALL SELECT row_to_json(p)::text FROM "${schema}".picks p) rows`,
      );
      const dump = rows[0]?.dump ?? '';
      expect(dump).not.toContain(rawId);
      expect(dump.split(hashUser(secret, rawId)).length - 1).toBe(3);
    });

    test('tables locked by another session: a question is given up at once and a vote refused within 1.5 s', async () => {
      const s = newSchema();
      const store = await openPostgresStore({ connectionString, schema: s });
      const recorder = createRecorder({
        store,
        secret: 'x'.repeat(32),
        recordDms: false,
        logger: createLogger('silent'),
      });
      const locker = await adminPool().connect();
      try {
        await locker.query(`BEGIN; LOCK TABLE "${s}".questions, "${s}".votes IN EXCLUSIVE MODE`);
        let started = performance.now();
        expect(
          await recorder.question({ surface: 'slash', userId: 'u', question: 'q', reply: answerReply() }),
        ).toBeUndefined();
        expect(performance.now() - started).toBeLessThan(800);
        started = performance.now();
        await expect(
          recorder.vote({ surface: 'slash', userId: 'u', messageId: 'm', ref: 'p4', vote: 1 }),
        ).rejects.toBeInstanceOf(StoreBusyError);
        expect(performance.now() - started).toBeLessThan(1800);
      } finally {
        await locker.query('COMMIT');
        locker.release();
        await recorder.close();
        await dropSchema(s);
      }
    });

    test('openStore picks PostgreSQL when DATABASE_URL is set', async () => {
      // Through the config there is no schema option: the tables land in `public`. Drop them after, unless they
      // were there before (TEST_DATABASE_URL pointing at a database that already holds a store).
      const existed = (await adminPool().query("SELECT to_regclass('public.schema_version') IS NOT NULL AS e")).rows[0]
        ?.e;
      const store = await openStore(
        {
          enabled: true,
          databasePath: '/nonexistent/unused.sqlite',
          databaseUrl: connectionString,
          retentionDays: 90,
          recordDms: false,
        },
        createLogger('silent'),
      );
      expect(store).toBeDefined();
      expect(await store?.deleteOlderThan(0)).toBe(0);
      await store?.close();
      if (!existed)
        await adminPool().query('DROP TABLE public.questions, public.votes, public.picks, public.schema_version');
    });
  });
});

test('openStore names DATABASE_URL when the server cannot be reached, and never prints the URL', async () => {
  const bad = 'postgres://iqtibas:s3cret-pass@127.0.0.1:1/none';
  const error = await openStore(
    { enabled: true, databasePath: 'unused', databaseUrl: bad, retentionDays: 90, recordDms: false },
    createLogger('silent'),
  ).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreOpenError);
  expect((error as Error).message).toMatch(/^DATABASE_URL: cannot open the PostgreSQL store/);
  expect((error as Error).message).not.toContain('s3cret-pass');
});
