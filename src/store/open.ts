/**
 * PLACEHOLDER so that the `report` branch typechecks: the storage branch provides the real `openStore` (SQLite and
 * PostgreSQL). The merger replaces this file with that one.
 */
import type { RecordingConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { FeedbackStore } from './types.ts';

/**
 * Opens the feedback store of the configuration: PostgreSQL when `recording.databaseUrl` is set, else the SQLite
 * file `recording.databasePath`. Resolves to undefined when recording is off (RECORD=off).
 * @throws always, in this placeholder.
 */
export async function openStore(recording: RecordingConfig, logger: Logger): Promise<FeedbackStore | undefined> {
  void recording;
  void logger;
  throw new Error('openStore: not built yet (placeholder in the report branch; the storage branch provides it)');
}
