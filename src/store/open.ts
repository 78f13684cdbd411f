/**
 * Opens the configured store: PostgreSQL when DATABASE_URL is set, else the SQLite file at DATABASE_PATH, nothing
 * when RECORD is off. Errors are rewritten to name the setting to fix, never echoing DATABASE_URL (it may hold a
 * password).
 */
import { accessSync, constants, type Stats, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { RecordingConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { makeFolder, NoNewFolderError } from './folder.ts';
import type { FeedbackStore } from './types.ts';

/** DATABASE_PATH's value for a store kept in memory only: recording works, and everything is lost at exit. */
export const MEMORY_PATH = ':memory:';

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
 * DATABASE_PATH is checked before anything is created ({@link checkDatabasePath}); `:memory:` opens a store in this
 * process's memory, with a warning that nothing persists.
 *
 * @returns undefined when `recording.enabled` is false (RECORD=off), or when the SQLite file stays locked by another
 *   process through the open's wait (logged: the program answers without recording); else an open store the caller
 *   must close.
 * @throws {@link StoreOpenError} naming DATABASE_PATH (a folder or a device rather than a file, folder not creatable
 *   or not writable, file not a database, schema newer than this release) or DATABASE_URL (server unreachable, login
 *   refused, ...).
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
  checkDatabasePath(path);
  try {
    const { openSqliteStore } = await import('./sqlite.ts');
    const store = openSqliteStore({ path });
    if (path === MEMORY_PATH) {
      logger.warn(
        { engine: 'sqlite', path },
        'DATABASE_PATH is :memory:: questions and votes are kept in this process only and lost when it exits ' +
          '(`npm run report` cannot see them); set DATABASE_PATH to a file to keep them',
      );
    } else {
      logger.info({ engine: 'sqlite', path }, 'feedback store open');
    }
    return store;
  } catch (error) {
    if (isForeignDatabase(error)) throw foreignDatabaseError(path, error);
    // Another process holds the write lock past the open's wait (a backup, the sqlite3 CLI): answering matters more
    // than recording, so start without it rather than not at all.
    if (isLocked(error)) {
      logger.warn(
        { engine: 'sqlite', path },
        'DATABASE_PATH is locked by another process: answering without recording until the next start',
      );
      return undefined;
    }
    throw new StoreOpenError(
      `DATABASE_PATH (${path}): cannot open the SQLite store (${messageOf(error)}). Point DATABASE_PATH at a writable ` +
        'file of iqtibas (the folder is created), or move this file away to start afresh.',
      { cause: error },
    );
  }
}

/**
 * The error for a DATABASE_PATH that is another program's SQLite database (`error` is sqlite.ts's
 * ForeignDatabaseError), worded for the bot, the chat and the report alike: a wrong path, not a file to move away.
 */
export function foreignDatabaseError(path: string, error: Error & { tables: readonly string[] }): StoreOpenError {
  const tables = error.tables.length > 0 ? ` (${error.tables.join(', ')})` : '';
  return new StoreOpenError(
    `DATABASE_PATH (${path}) is not an iqtibas feedback store: this SQLite file holds another program's tables` +
      `${tables}, so DATABASE_PATH probably names the wrong file. Set it to the bot's own database file (default ` +
      'data/iqtibas.sqlite; the bot creates it when missing).',
    { cause: error },
  );
}

/** True for sqlite.ts's ForeignDatabaseError (matched by name: sqlite.ts is loaded on demand). */
export function isForeignDatabase(error: unknown): error is Error & { tables: readonly string[] } {
  return (
    error instanceof Error &&
    error.name === 'ForeignDatabaseError' &&
    Array.isArray((error as { tables?: unknown }).tables)
  );
}

/** SQLITE_BUSY / SQLITE_LOCKED from better-sqlite3 (its errors carry SQLite's result code as `code`). */
function isLocked(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || /database is locked/i.test(messageOf(error));
}

/**
 * Checks DATABASE_PATH before anything is created there (the folder, the file, its `.key`): it must name a regular
 * file, existing or not, in a folder that exists or can be created and that is writable. `:memory:` passes. Creates
 * the folder when missing, nothing else.
 *
 * @throws {@link StoreOpenError} naming DATABASE_PATH and what to set: the path is a folder (or ends with `/`), or an
 *   existing thing that is not a regular file (a device such as /dev/null, a pipe, a socket); the folder cannot be
 *   created or is not writable.
 */
export function checkDatabasePath(path: string): void {
  if (path === MEMORY_PATH) return;
  const example = 'e.g. data/iqtibas.sqlite';
  if (path.endsWith('/') || path.endsWith(sep)) {
    throw new StoreOpenError(
      `DATABASE_PATH (${path}) names a folder: set it to a file in that folder, e.g. ${join(path, 'iqtibas.sqlite')}.`,
    );
  }
  let stats: Stats | undefined;
  try {
    stats = statSync(path);
  } catch {
    // Missing (the usual first start) or unreachable: the folder checks below say which.
  }
  if (stats?.isDirectory()) {
    throw new StoreOpenError(
      `DATABASE_PATH (${path}) is a folder: set it to a file in that folder, e.g. ${join(path, 'iqtibas.sqlite')}.`,
    );
  }
  if (stats && !stats.isFile()) {
    throw new StoreOpenError(
      `DATABASE_PATH (${path}) is ${kindOf(stats)}, not a file: set DATABASE_PATH to the path of a file (it is ` +
        `created if missing; ${example}), or RECORD=off to record nothing.`,
    );
  }
  checkFolder(path);
}

/** What a non-regular, non-folder path is, for the error message. */
function kindOf(stats: Stats): string {
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/** Creates the database's folder and checks it can be written to, so the error names the folder, not SQLite. */
function checkFolder(path: string): void {
  const folder = dirname(resolve(path));
  try {
    makeFolder(folder);
  } catch (error) {
    if (error instanceof NoNewFolderError) {
      throw new StoreOpenError(
        `DATABASE_PATH (${path}): the folder ${folder} cannot be created: ${error.parent} takes no new folders (a ` +
          'system filesystem such as /proc or /sys). Point DATABASE_PATH at a file in an ordinary folder, e.g. ' +
          'data/iqtibas.sqlite.',
        { cause: error },
      );
    }
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
