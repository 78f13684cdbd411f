/**
 * `npm run report` as a real child process (`node --import tsx src/cli/report.ts`): option validation, RECORD=off
 * and a missing database. Three processes, started together in beforeAll (each costs about a second).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), 'iqtibas-report-'));
const MISSING = join(DIR, 'sub', 'iqtibas.sqlite');
/** An existing, empty (0-byte) DATABASE_PATH, alone in its folder. */
const EMPTY_DIR = mkdtempSync(join(tmpdir(), 'iqtibas-report-empty-'));
const EMPTY = join(EMPTY_DIR, 'iqtibas.sqlite');
writeFileSync(EMPTY, '', { mode: 0o600 });
/** Another program's database: a `questions(id, at)` table with a row, and no iqtibas schema. */
const FOREIGN = join(DIR, 'other-app.sqlite');
/** A real iqtibas store, migrated by the bot's open, with nothing recorded. */
const EMPTY_STORE = join(DIR, 'empty-store.sqlite');

/** Writes {@link FOREIGN} and {@link EMPTY_STORE}. */
async function writeDatabases(): Promise<void> {
  const other = new Database(FOREIGN);
  other.exec('CREATE TABLE questions (id INTEGER PRIMARY KEY, at INTEGER); INSERT INTO questions (at) VALUES (1)');
  other.close();
  await openSqliteStore({ path: EMPTY_STORE }).close();
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the report CLI with `args` and extra environment to completion (killed after 20 s). */
function report(args: readonly string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], {
    cwd: ROOT,
    // Blank values count as unset (config.ts); a developer's .env cannot override variables already set.
    env: { ...process.env, DATABASE_URL: '', DATABASE_PATH: MISSING, RECORD: '', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let badDays: Run;
let off: Run;
let missing: Run;
let otherSettings: Run;
let empty: Run;
let daysAndSince: Run;
let impossibleDate: Run;
let folder: Run;
let foreign: Run;
let emptyStore: Run;

beforeAll(async () => {
  await writeDatabases();
  [badDays, off, missing, otherSettings, empty, daysAndSince, impossibleDate, folder, foreign, emptyStore] =
    await Promise.all([
      report(['--days', '0'], {}),
      report(['--json'], { RECORD: 'off' }),
      report([], {}),
      report(['--json'], { RECORD: 'off', COOLDOWN_MAX: 'abc', PORT: '99999', DISCORD_TOKEN: 'Bot x' }),
      report([], { DATABASE_PATH: EMPTY }),
      report(['--json', '--days', '7', '--since', '2024-01-01'], {}),
      report(['--since', '2024-02-30'], {}),
      report([], { DATABASE_PATH: EMPTY_DIR }),
      report([], { DATABASE_PATH: FOREIGN }),
      report(['--json'], { DATABASE_PATH: EMPTY_STORE }),
    ]);
});

// Bug fixed (break19 F4): another program's database (or a wrong path) printed "Nothing recorded yet", exit 0, where
// the chat and the bot refuse it.
test("another program's SQLite database as DATABASE_PATH: says it is not a feedback store, exit 1", () => {
  expect(foreign.code).toBe(1);
  expect(foreign.stdout).toBe('');
  expect(foreign.stderr.trim()).toBe(
    `report: DATABASE_PATH (${FOREIGN}) is not an iqtibas feedback store: this SQLite file holds another program's ` +
      "tables (questions), so DATABASE_PATH probably names the wrong file. Set it to the bot's own database file " +
      '(default data/iqtibas.sqlite; the bot creates it when missing).',
  );
});

test('a real iqtibas store with nothing recorded yet: an empty report, exit 0', () => {
  expect(emptyStore.code, emptyStore.stderr).toBe(0);
  expect(JSON.parse(emptyStore.stdout)).toMatchObject({ status: 'ok', summary: { questions: 0 } });
});

// Bug fixed (break test 17): a folder as DATABASE_PATH gave "disk I/O error"; the chat and the bot say what to set.
test('a folder as DATABASE_PATH says so and what to set, exit 1', () => {
  expect(folder.code).toBe(1);
  expect(folder.stderr.trim()).toBe(
    `report: DATABASE_PATH (${EMPTY_DIR}) is a folder: set it to a file in that folder, e.g. ${join(EMPTY_DIR, 'iqtibas.sqlite')}.`,
  );
});

afterAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  rmSync(EMPTY_DIR, { recursive: true, force: true });
});

test('--days 0 exits non-zero and says the allowed range', () => {
  expect(badDays.code).not.toBe(0);
  expect(badDays.stderr).toContain('--days must be a whole number from 1 to 3650.');
  expect(badDays.stdout).toBe('');
});

// Bug fixed (break14 #19): it said the date must be written YYYY-MM-DD, which it was.
test('--since 2024-02-30 exits non-zero and says it is no date of the calendar', () => {
  expect(impossibleDate.code).not.toBe(0);
  expect(impossibleDate.stderr).toContain('2024-02-30 is not a date of the calendar');
  expect(impossibleDate.stdout).toBe('');
});

test('RECORD=off exits 0 and says recording is off (here as JSON)', () => {
  expect(off.code).toBe(0);
  expect(JSON.parse(off.stdout)).toMatchObject({ status: 'recording_off', summary: { questions: 0 } });
});

test('a missing database file: "nothing recorded yet", exit 0, and no file created', () => {
  expect(missing.code).toBe(0);
  expect(missing.stdout).toMatch(/^Nothing recorded yet\./);
  expect(missing.stdout).toContain('RECORD_DMS');
  expect(existsSync(MISSING)).toBe(false);
  expect(existsSync(join(DIR, 'sub'))).toBe(false);
});

// Bug fixed: COOLDOWN_MAX=abc (a setting of the Discord bot and the HTTP endpoint) made the report exit 1 with
// "Invalid configuration": the report validates what it reads, and only warns about the rest.
test('invalid settings the report does not read are warnings, named with who reads them; it still reports', () => {
  expect(otherSettings.code, otherSettings.stderr).toBe(0);
  expect(JSON.parse(otherSettings.stdout)).toMatchObject({ status: 'recording_off' });
  expect(otherSettings.stderr).toMatch(/warning: ignoring COOLDOWN_MAX.*COOLDOWN_MAX must be a whole number/);
  expect(otherSettings.stderr).toMatch(/warning: ignoring PORT.*npm run start:http reads it/);
  expect(otherSettings.stderr).toMatch(/warning: ignoring DISCORD_TOKEN/);
  expect(otherSettings.stderr).not.toContain('Invalid configuration');
});

// Bug fixed: an existing empty DATABASE_PATH was opened like the bot opens it, which wrote the schema into it (a
// 40 KB database, mode 0644); the report opens the file read-only.
test('an existing empty database file: "nothing recorded yet", exit 0, and the file left as it was', () => {
  expect(empty.code, empty.stderr).toBe(0);
  expect(empty.stdout).toMatch(/^Nothing recorded yet\./);
  const stats = statSync(EMPTY);
  expect(stats.size).toBe(0);
  expect(stats.mode & 0o777).toBe(0o600);
  expect(readdirSync(EMPTY_DIR)).toEqual(['iqtibas.sqlite']);
});

// Bug fixed: README says --since replaces --days, but the two together exited 1 ("cannot be used with").
test('--since given with --days replaces it', () => {
  expect(daysAndSince.code, daysAndSince.stderr).toBe(0);
  expect(JSON.parse(daysAndSince.stdout)).toMatchObject({ since: '2024-01-01T00:00:00.000Z' });
});
