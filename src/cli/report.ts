/**
 * `npm run report [-- --json] [-- --days N | --since YYYY-MM-DD] [-- --top N]`: the curators' report of what users
 * asked and how they rated the answers (see src/report/build.ts), read from the feedback store.
 *
 * Exits 0 after printing a report, with RECORD=off (says so) and when nothing was recorded yet (a missing SQLite file
 * is not created, an existing one is opened read-only); 1 on an invalid option, an invalid configuration or a
 * storage error, including a DATABASE_PATH that is another program's SQLite database.
 */
import 'dotenv/config';
import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { createAnswerer } from '../core/answerer.ts';
import { loadCorpus } from '../core/corpus.ts';
import { createTerminalLogger } from '../logger.ts';
import { buildReport, DEFAULT_TOP, emptyReport } from '../report/build.ts';
import {
  formatNothingRecorded,
  formatRecordingOff,
  formatReportText,
  stringifyJsonReport,
  toJsonReport,
} from '../report/format.ts';
import type { FeedbackReader } from '../store/sqlite.ts';
import type { FeedbackSnapshot } from '../store/types.ts';
import { exitOnOutputError } from './io.ts';

const DAY_MS = 86_400_000;

/** A commander argument parser for a whole number in `min..max`, with a message that names the option. */
function wholeNumber(option: string, min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^\d{1,9}$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`${option} must be a whole number from ${min} to ${max}.`);
    }
    return Number(value);
  };
}

/** `YYYY-MM-DD` → midnight UTC of that date (ms epoch); rejects impossible dates (2024-02-30) and future ones. */
function utcDate(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const at = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m) throw new InvalidArgumentError('--since must be a date written YYYY-MM-DD (UTC), e.g. 2024-05-01.');
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== value.trim()) {
    throw new InvalidArgumentError(`--since: ${value.trim()} is not a date of the calendar (check the month and day).`);
  }
  if (at > Date.now()) throw new InvalidArgumentError('--since must not be in the future.');
  return at;
}

const program = new Command()
  .name('report')
  .description('Report what users asked and how they rated the answers, with what to change in seeds/qa.json.')
  .option('--json', 'print the report as JSON')
  .addOption(
    new Option('--days <n>', 'report the last n days (1 to 3650)')
      .default(30)
      // No .conflicts('since'): --since replaces --days (README), so a script may add it to a line that has --days.
      .argParser(wholeNumber('--days', 1, 3650)),
  )
  .addOption(
    new Option('--since <date>', 'report from this UTC date (YYYY-MM-DD) instead; replaces --days').argParser(utcDate),
  )
  .addOption(
    new Option('--top <n>', 'rows per section (1 to 100)').default(DEFAULT_TOP).argParser(wholeNumber('--top', 1, 100)),
  )
  .showHelpAfterError()
  .parse();

const options = program.opts<{ json?: boolean; days: number; since?: number; top: number }>();
exitOnOutputError('report');

async function main(): Promise<number> {
  const config = loadConfig(process.env, { surface: 'report', warn: (line) => console.error(line) });
  const now = Date.now();
  const since = options.since ?? now - options.days * DAY_MS;
  const period = { since, now, top: options.top };
  const stored = config.recording.databaseUrl !== undefined || existsSync(config.recording.databasePath);
  // RECORD=off stops recording, not reading: what was recorded before is still worth reporting.
  if (!config.recording.enabled && stored) {
    console.error('Recording is off (RECORD=off): this reports what was recorded before it was turned off.');
  }
  const recording = { ...config.recording, enabled: config.recording.enabled || stored };

  if (!recording.enabled) {
    console.log(
      options.json ? stringifyJsonReport(toJsonReport(emptyReport(period), 'recording_off')) : formatRecordingOff(),
    );
    return 0;
  }
  // Opening SQLite creates the file: a report must not, so a missing file is "nothing recorded yet".
  if (recording.databaseUrl === undefined && !existsSync(recording.databasePath)) {
    console.log(
      options.json
        ? stringifyJsonReport(toJsonReport(emptyReport(period), 'nothing_recorded'))
        : formatNothingRecorded(),
    );
    return 0;
  }

  let store: FeedbackReader | undefined;
  if (recording.databaseUrl === undefined) {
    // Read-only: openStore would create the schema in an existing empty file (and migrate an old one).
    const { openSqliteReader } = await import('../store/sqlite.ts');
    const { checkDatabasePath, foreignDatabaseError, isForeignDatabase } = await import('../store/open.ts');
    // A folder, a device: the same words as the chat and the bot («DATABASE_PATH (/tmp) is a folder: …»).
    checkDatabasePath(recording.databasePath);
    try {
      store = openSqliteReader(recording.databasePath);
    } catch (error) {
      // Another program's database is a wrong DATABASE_PATH, not "nothing recorded yet": said as the bot says it.
      if (isForeignDatabase(error)) throw foreignDatabaseError(recording.databasePath, error);
      throw new Error(`DATABASE_PATH (${recording.databasePath}): ${(error as Error).message}`, { cause: error });
    }
    if (!store) {
      console.log(
        options.json
          ? stringifyJsonReport(toJsonReport(emptyReport(period), 'nothing_recorded'))
          : formatNothingRecorded(),
      );
      return 0;
    }
  } else {
    // Plain sentences on stderr: stdout carries the report (and must stay valid JSON with --json).
    const logger = createTerminalLogger(config.logLevel);
    const { openStore } = await import('../store/open.ts');
    store = await openStore(recording, logger);
    if (!store) {
      console.log(
        options.json ? stringifyJsonReport(toJsonReport(emptyReport(period), 'recording_off')) : formatRecordingOff(),
      );
      return 0;
    }
  }
  let snapshot: FeedbackSnapshot;
  try {
    snapshot = await store.snapshot(since);
  } finally {
    await store.close();
  }
  const report = buildReport(snapshot, createAnswerer(loadCorpus()), period);
  console.log(options.json ? stringifyJsonReport(toJsonReport(report)) : formatReportText(report));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      error instanceof ConfigError
        ? error.message
        : (error as Error).name === 'StoreOpenError'
          ? `report: ${(error as Error).message}`
          : `report: could not read the feedback store: ${(error as Error).message}`,
    );
    process.exitCode = 1;
  },
);
