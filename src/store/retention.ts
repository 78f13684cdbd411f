/**
 * Retention: recorded rows older than RETENTION_DAYS are deleted at start and then once a day, so the store never
 * holds more than the configured window (plus at most one interval).
 */
import type { Logger } from '../logger.ts';
import type { FeedbackStore } from './types.ts';

/** A day in milliseconds: the default interval between two retention runs. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Options of {@link startRetention}. */
export interface RetentionOptions {
  /** Time between runs, in ms. @defaultValue {@link DAY_MS} */
  intervalMs?: number;
  /** The clock (ms epoch); tests pass a fixed one. @defaultValue Date.now */
  now?: () => number;
}

/**
 * Deletes rows older than `days` days now, then every `intervalMs`. Each run logs how many rows it deleted; a failed
 * run is logged and retried at the next interval (it never throws). The timer is unref'd: it never keeps the process
 * alive. A run is skipped while the previous one is still going.
 *
 * @param days - RETENTION_DAYS (whole days, at least 1).
 * @returns stop(): clears the timer and resolves once a run in progress (if any) has finished, so the store can
 *   then be closed safely.
 */
export function startRetention(
  store: FeedbackStore,
  days: number,
  logger: Logger,
  { intervalMs = DAY_MS, now = Date.now }: RetentionOptions = {},
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    const cutoff = now() - days * DAY_MS;
    running = store
      .deleteOlderThan(cutoff)
      .then(
        (deleted) => logger.info({ deleted, retentionDays: days, cutoff }, 'retention: deleted old recorded rows'),
        (err: unknown) => logger.error({ err, retentionDays: days }, 'retention: could not delete old recorded rows'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
