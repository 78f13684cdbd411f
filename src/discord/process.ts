/**
 * Process-level safety net of the Discord bot, installed by main.ts (the entry point; importing this module does
 * nothing by itself).
 *
 * - `unhandledRejection`: Node 20 would exit; a promise someone forgot to catch is a bug to fix, not a reason to
 *   stop answering everyone else. Logged as an error, the bot keeps running.
 * - `uncaughtException`: Node's documentation says the process state is unknown afterwards, so we log it, stop the
 *   bot (bounded in time) and exit 1 for the supervisor (systemd, Docker, pm2) to restart us.
 * - SIGINT/SIGTERM: clean stop, exit 0. A second signal during the stop exits at once, except the same signal again
 *   within {@link ProcessHandlerOptions.repeatWindowMs}: under `npm start` one Ctrl-C arrives twice (from the
 *   terminal, to the whole process group, and forwarded by npm), and that is one request to stop, not two.
 * - Whatever happens during the stop (a stop that never settles, a log line that cannot be written because stdout is
 *   a closed pipe), the process exits: the exit is in a `finally`, and the stop is bounded by `stopTimeoutMs`.
 * - {@link ProcessHandlers.fail}: the bot reported it cannot go on (gateway closed with 4004, 4014…): the reason and
 *   its fix go to the log and to stderr, then exit 1.
 */
import type { Logger } from '../logger.ts';
import { describeError } from './errors.ts';

export interface ProcessHandlerOptions {
  logger: Logger;
  /** Stops the bot; called once, on the way out. */
  stop: () => Promise<void>;
  /** @defaultValue process.exit */
  exit?: (code: number) => void;
  /** Where the handlers are attached (tests pass an EventEmitter). @defaultValue process */
  target?: NodeJS.EventEmitter;
  /** A plain line for the operator, besides the JSON log. @defaultValue console.error */
  stderr?: (line: string) => void;
  /** How long a stop may take before we exit anyway. @defaultValue 5000 */
  stopTimeoutMs?: number;
  /**
   * The signals that stop the process cleanly. A shard of the ShardingManager listens to SIGTERM only: its manager
   * turns a Ctrl-C into SIGTERM for every shard, and the terminal's own SIGINT must not count as a second signal.
   * @defaultValue ['SIGINT', 'SIGTERM']
   */
  signals?: readonly NodeJS.Signals[];
  /**
   * The same signal again within this many milliseconds of the first is the same request (see above), not a second
   * one. @defaultValue 1000
   */
  repeatWindowMs?: number;
  /** Clock in ms, for the repeat window (tests). @defaultValue Date.now */
  now?: () => number;
}

export interface ProcessHandlers {
  /** Logs why the bot cannot go on (the message names the fix), prints it to stderr, stops and exits 1. */
  fail(error: Error): void;
  /** Stops and exits with `code`. Idempotent: only the first call counts. */
  shutdown(code: number, reason: string): Promise<void>;
  /** Removes every handler (tests). */
  uninstall(): void;
}

/** Attaches the handlers described above and returns the controls main.ts needs. */
export function installProcessHandlers(options: ProcessHandlerOptions): ProcessHandlers {
  const { logger, stop } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const target = options.target ?? process;
  const stderr = options.stderr ?? ((line: string) => console.error(line));
  const stopTimeoutMs = options.stopTimeoutMs ?? 5000;
  const repeatWindowMs = options.repeatWindowMs ?? 1000;
  const now = options.now ?? Date.now;
  let exiting = false;
  let firstSignal: { signal: NodeJS.Signals; at: number } | undefined;

  // A log line must never stand between us and the exit: with stdout a closed pipe or a broken destination, logging
  // may throw, and a throw here would skip exit() and leave a process that stopped serving but never ends.
  const log = (write: () => void): void => {
    try {
      write();
    } catch {
      // Nothing useful left to do with a log line that cannot be written.
    }
  };

  const shutdown = async (code: number, reason: string): Promise<void> => {
    if (exiting) return;
    exiting = true;
    let exitCode = code;
    let timer: NodeJS.Timeout | undefined;
    try {
      log(() => logger.info({ reason, code }, 'shutting down'));
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), stopTimeoutMs);
      });
      const stopped = Promise.resolve()
        .then(stop)
        .then(() => 'stopped' as const);
      const outcome = await Promise.race([stopped, timeout]);
      if (outcome === 'timeout') log(() => logger.warn({ ms: stopTimeoutMs }, 'stop took too long; exiting anyway'));
    } catch (err) {
      log(() => logger.error({ err: describeError(err) }, 'stop failed'));
      exitCode = code === 0 ? 1 : code;
    } finally {
      clearTimeout(timer);
      log(() => logger.flush?.());
      exit(exitCode);
    }
  };

  const onSignal = (signal: NodeJS.Signals): void => {
    if (exiting) {
      // npm forwards the signal the terminal already sent us: the same stop request, not an impatient second one.
      if (firstSignal?.signal === signal && now() - firstSignal.at < repeatWindowMs) return;
      log(() => logger.warn({ signal }, 'second signal during shutdown; exiting now'));
      exit(1);
      return;
    }
    firstSignal = { signal, at: now() };
    void shutdown(0, signal);
  };
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const onSigint = (): void => onSignal('SIGINT');
  const onSigterm = (): void => onSignal('SIGTERM');

  const onRejection = (reason: unknown): void => {
    log(() =>
      logger.error({ err: describeError(reason) }, 'unhandled promise rejection (a bug; the bot keeps running)'),
    );
  };

  const onException = (error: unknown, origin: unknown): void => {
    log(() => logger.fatal({ err: describeError(error), origin }, 'uncaught exception; stopping'));
    log(() => stderr(`iqtibas stopped after an uncaught exception: ${describeError(error).message}`));
    void shutdown(1, 'uncaughtException');
  };

  if (signals.includes('SIGINT')) target.on('SIGINT', onSigint);
  if (signals.includes('SIGTERM')) target.on('SIGTERM', onSigterm);
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);

  return {
    fail(error: Error): void {
      log(() => logger.fatal({ err: describeError(error) }, 'the bot cannot go on'));
      log(() => stderr(`iqtibas stopped: ${error.message}`));
      void shutdown(1, error.name);
    },
    shutdown,
    uninstall(): void {
      target.off('SIGINT', onSigint);
      target.off('SIGTERM', onSigterm);
      target.off('unhandledRejection', onRejection);
      target.off('uncaughtException', onException);
    },
  };
}
