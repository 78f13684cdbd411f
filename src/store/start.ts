/**
 * Recording at start-up, in one call for every entry point (terminal chat, gateway bot, HTTP endpoint): the user
 * hash key, the store (SQLite or PostgreSQL), the recorder and the retention timer, closed in reverse order.
 */
import type { RecordingConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { openStore } from './open.ts';
import { createRecorder, LOCKED_AT_START_RECORDER, NULL_RECORDER, type Recorder } from './recorder.ts';
import { startRetention } from './retention.ts';
import { resolveUserHashSecret } from './userHash.ts';

/** A started recording: the recorder to pass to the adapters, and how to stop it. */
export interface Recording {
  recorder: Recorder;
  /** Stops retention, then closes the store. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts recording as configured: with RECORD=off, a recorder that records nothing (and no file is created); with
 * the SQLite file locked by another process past the open's wait, one that records nothing until the next start
 * ({@link LOCKED_AT_START_RECORDER}, whose `off` says so).
 *
 * @throws the store's StoreOpenError (DATABASE_PATH a folder or a device, not writable, not a database;
 *   DATABASE_URL unreachable) or the key file's error, each naming what to fix; entry points print it and exit 1.
 */
export async function startRecording(recording: RecordingConfig, logger: Logger): Promise<Recording> {
  if (!recording.enabled) return { recorder: NULL_RECORDER, close: async () => {} };
  let secret: string | undefined;
  // PostgreSQL: a missing USER_HASH_SECRET is found before connecting. SQLite: the file is checked and opened
  // before the key is created next to it, so a DATABASE_PATH that cannot work leaves no stray .key behind.
  if (recording.databaseUrl !== undefined) secret = resolveUserHashSecret(recording);
  const store = await openStore(recording, logger);
  // Recording is on, so no store means the file stayed locked through the open's wait: say that, not RECORD=off.
  if (!store) return { recorder: LOCKED_AT_START_RECORDER, close: async () => {} };
  try {
    secret ??= resolveUserHashSecret(recording);
  } catch (error) {
    await store.close();
    throw error;
  }
  const stopRetention = startRetention(store, recording.retentionDays, logger);
  const recorder = createRecorder({ store, secret, recordDms: recording.recordDms, logger });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= stopRetention().then(() => recorder.close());
    return closing;
  };
  return { recorder, close };
}
