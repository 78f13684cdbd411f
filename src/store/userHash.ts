/**
 * Users are stored only as a keyed hash of their id: the same user always gets the same hash (so "one vote per user
 * per message" and "distinct users" work), but without the key nobody can test a known Discord id against the
 * store (a plain SHA-256 of a snowflake is reversible by enumeration; an HMAC is not without the key).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RecordingConfig } from '../config.ts';
import { makeFolder } from './folder.ts';

/**
 * HMAC-SHA256 of `userId` keyed with `secret`, as 64 lowercase hex characters. Stable for a given key; a different
 * key gives unrelated hashes.
 *
 * @param secret - USER_HASH_SECRET or the generated key ({@link resolveUserHashSecret}).
 * @param userId - the raw id (a Discord snowflake, or a terminal user name); never stored itself.
 */
export function hashUser(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/** A generated key: 32 random bytes written as 64 hex characters (one line). */
const KEY_PATTERN = /^[0-9a-f]{64}$/;

/** Where the generated key of a SQLite store lives: next to the database file. */
export function keyPathOf(databasePath: string): string {
  return `${databasePath}.key`;
}

/**
 * The key user ids are hashed with.
 *
 * - USER_HASH_SECRET when configured.
 * - Else, with SQLite: a random 32-byte key created once in `<databasePath>.key` (mode 0600, folder created), then
 *   read back on every start so hashes stay stable across restarts. Creation is atomic (written to a temporary file,
 *   then hard-linked into place), so two processes starting together end up with the same key.
 * - Else, with PostgreSQL (DATABASE_URL): no key can be generated, because every instance must hash with the same
 *   key and they share no file.
 * - Else, with DATABASE_PATH `:memory:`: a random key kept in memory, like the rows (no file is written).
 *
 * Synchronous (small file I/O): call it once at start.
 *
 * @throws Error naming USER_HASH_SECRET when DATABASE_URL is set without it; Error naming the key file when it
 *   cannot be created or read, or does not hold a key.
 */
export function resolveUserHashSecret(
  recording: Pick<RecordingConfig, 'databasePath' | 'databaseUrl' | 'userHashSecret'>,
): string {
  if (recording.userHashSecret !== undefined) return recording.userHashSecret;
  if (recording.databaseUrl !== undefined) {
    throw new Error(
      'USER_HASH_SECRET must be set when DATABASE_URL is used: every instance writing to the shared database must ' +
        'hash user ids with the same key (at least 16 characters, e.g. `openssl rand -hex 32`).',
    );
  }
  // Rows that vanish at exit need no key that outlives them, and ':memory:.key' would land in the working folder.
  if (recording.databasePath === ':memory:') return randomBytes(32).toString('hex');
  const keyPath = keyPathOf(recording.databasePath);
  return readKey(keyPath) ?? createKey(keyPath);
}

/** The key in `keyPath`, or undefined when the file does not exist. */
function readKey(keyPath: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(keyPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(
      `The user-hash key file ${keyPath} cannot be read (${(error as Error).message}): check DATABASE_PATH and the ` +
        "file's permissions, or set USER_HASH_SECRET.",
      { cause: error },
    );
  }
  const key = text.trim();
  if (!KEY_PATTERN.test(key)) {
    throw new Error(
      `The user-hash key file ${keyPath} does not hold a key (64 hex characters). Restore it, or delete it to ` +
        'create a new one (users recorded so far will then count as new users), or set USER_HASH_SECRET.',
    );
  }
  return key;
}

/** Writes a new key to `keyPath` unless another process got there first; returns the key now in the file. */
function createKey(keyPath: string): string {
  const key = randomBytes(32).toString('hex');
  const temp = `${keyPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    makeFolder(dirname(keyPath));
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, `${key}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // link() fails with EEXIST instead of replacing: the first process to link wins, the others read its key.
    linkSync(temp, keyPath);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const existing = readKey(keyPath);
      if (existing !== undefined) return existing;
    }
    throw new Error(
      `The user-hash key file ${keyPath} cannot be created (${(error as Error).message}): make its folder writable ` +
        '(it is the folder of DATABASE_PATH) or set USER_HASH_SECRET.',
      { cause: error },
    );
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already gone.
    }
  }
}
