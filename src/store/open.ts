/**
 * Opens the configured store: PostgreSQL when DATABASE_URL is set, else the SQLite file at DATABASE_PATH, nothing
 * when RECORD is off. Errors are rewritten to name the setting to fix, never echoing DATABASE_URL (it may hold a
 * password).
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { RecordingConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { FeedbackStore } from './types.ts';

/** Thrown by {@link openStore}: `message` says which setting to fix; `cause` holds the original error. */
export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

/**
 * Opens and migrates the store the configuration asks for.
 *
 * @returns undefined when `recording.enabled` is false (RECORD=off); else an open store the caller must close.
 * @throws {@link StoreOpenError} naming DATABASE_PATH (folder not creatable or not writable, file not a database,
 *   schema newer than this release) or DATABASE_URL (server unreachable, login refused, ...).
 */
export async function openStore(recording: RecordingConfig, logger: Logger): Promise<FeedbackStore | undefined> {
  if (!recording.enabled) {
    logger.info('recording is off (RECORD=off): no question or feedback is stored');
    return undefined;
  }
  if (recording.databaseUrl !== undefined) {
    try {
      // Loaded on demand: most installs never use pg, and each engine costs start-up time.
      const { openPostgresStore } = await import('./postgres.ts');
      const store = await openPostgresStore({
        connectionString: recording.databaseUrl,
        onIdleError: (err) => logger.warn({ err: { message: err.message } }, 'PostgreSQL: an idle connection failed'),
      });
      logger.info({ engine: 'postgresql' }, 'feedback store open');
      return store;
    } catch (error) {
      throw new StoreOpenError(
        `DATABASE_URL: cannot open the PostgreSQL store (${messageOf(error)}). Check that the server is running and ` +
          'reachable, and the user, password and database in the URL; the role needs to create tables on first start.',
        { cause: error },
      );
    }
  }
  const path = recording.databasePath;
  checkFolder(path);
  try {
    const { openSqliteStore } = await import('./sqlite.ts');
    const store = openSqliteStore({ path });
    logger.info({ engine: 'sqlite', path }, 'feedback store open');
    return store;
  } catch (error) {
    throw new StoreOpenError(
      `DATABASE_PATH (${path}): cannot open the SQLite store (${messageOf(error)}). Point DATABASE_PATH at a writable ` +
        'file of iqtibas (the folder is created), or move this file away to start afresh.',
      { cause: error },
    );
  }
}

/** Creates the database's folder and checks it can be written to, so the error names the folder, not SQLite. */
function checkFolder(path: string): void {
  const folder = dirname(resolve(path));
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new StoreOpenError(
      `DATABASE_PATH (${path}): the folder ${folder} cannot be created (${messageOf(error)}). Create it, or point ` +
        'DATABASE_PATH elsewhere.',
      { cause: error },
    );
  }
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
    if (!statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
  } catch (error) {
    throw new StoreOpenError(
      `DATABASE_PATH (${path}): the folder ${folder} is not writable (${messageOf(error)}). SQLite creates files ` +
        'next to the database (-wal, -shm, .key): give the bot write access to the folder, or point DATABASE_PATH ' +
        'elsewhere.',
      { cause: error },
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
