/**
 * The curators' loop end to end, on a real SQLite file: users ask and rate (in the terminal chat as a process, and
 * through the real discord.js client against the fake Discord), then `npm run report` reads what was recorded.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { buildReport } from '../../src/report/build.ts';
import { openStore } from '../../src/store/open.ts';
import { startRecording } from '../../src/store/start.ts';
import { buttonsOf, callbackOf, realAnswerer, startHarness } from '../discord/harness.ts';
import { snowflake } from '../fake-discord/snowflake.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'iqtibas-loop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node --import tsx <script>` in the project with `input` on stdin; resolves with its output. */
function run(
  script: string,
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: '', NO_COLOR: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} timed out\n${stdout}\n${stderr}`));
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('terminal → store → report', () => {
  test('questions and ratings typed in the chat show up in `npm run report --json`', async () => {
    const env = { DATABASE_PATH: join(dir, 'terminal.sqlite') };
    const lines = [
      'ماذا قال الأسد؟',
      'good',
      'كيف أطبخ المقلوبة؟',
      'كيف اطبخ المقلوبه؟',
      'ماذا قال المقداد عن التنسيق؟',
      'bad',
      'none',
      'exit',
    ];
    const chat = await run('src/main.ts', [], env, `${lines.join('\n')}\n`);
    expect(chat.code, chat.stderr).toBe(0);
    expect(chat.stdout).toContain('Recorded as a good answer');
    // The key file sits next to the database, readable by its owner only.
    expect(readFileSync(`${env.DATABASE_PATH}.key`, 'utf8').trim().length).toBeGreaterThanOrEqual(32);

    const report = await run('src/cli/report.ts', ['--json'], env);
    expect(report.code, report.stderr).toBe(0);
    const json = JSON.parse(report.stdout) as {
      summary: Record<string, number>;
      unanswered: { rows: { question: string; count: number; normalized: string }[] };
      per_surface: { surface: string; questions: number }[];
    };
    expect(json.summary).toMatchObject({ questions: 4, answered: 2, declined: 2, votes_up: 1, votes_down: 1 });
    expect(json.summary.picks_none).toBe(1);
    // Two spellings of one question are one row.
    expect(json.unanswered.rows).toHaveLength(1);
    expect(json.unanswered.rows[0]?.count).toBe(2);
    expect(json.per_surface).toEqual([expect.objectContaining({ surface: 'terminal', questions: 4 })]);
    // The raw OS user name is never stored.
    expect(readFileSync(env.DATABASE_PATH).includes(Buffer.from(`terminal:`))).toBe(false);

    // Bug fixed: with RECORD=off the report refused to show what was recorded before.
    const off = await run('src/cli/report.ts', ['--json'], { ...env, RECORD: 'off' });
    expect(off.code, off.stderr).toBe(0);
    expect((JSON.parse(off.stdout) as { summary: { questions: number } }).summary.questions).toBe(4);
    expect(off.stderr).toContain('Recording is off');
  }, 60_000);
});

describe('Discord (fake) → store → report', () => {
  test('an /ask answer and a 👍 through the real client land in the SQLite file and in the report', async () => {
    const config = loadConfig({ DATABASE_PATH: join(dir, 'discord.sqlite') });
    const logger = createLogger('silent');
    const recording = await startRecording(config.recording, logger);
    const h = await startHarness({ recorder: recording.recorder });
    try {
      const { token } = h.fake.slash('ask', { question: 'ماذا قال الطائي؟' });
      const request = await callbackOf(h.fake, token);
      const data = (request.body as { data: Record<string, unknown> }).data;
      const up = buttonsOf(data).find((b) => b.label === '👍');
      if (!up) throw new Error('no 👍 button');
      const click = h.fake.click(up.custom_id, request, { messageId: snowflake() });
      await callbackOf(h.fake, click.token);
    } finally {
      await h.close();
      await recording.close();
    }
    const store = await openStore(config.recording, logger);
    if (!store) throw new Error('recording is on');
    try {
      const snapshot = await store.snapshot(0);
      expect(snapshot.questions).toHaveLength(1);
      expect(snapshot.questions[0]).toMatchObject({
        surface: 'slash',
        question: 'ماذا قال الطائي؟',
        outcome: 'answer',
      });
      expect(snapshot.votes).toEqual([
        expect.objectContaining({ vote: 1, surface: 'slash', questionId: snapshot.questions[0]?.id }),
      ]);
      const report = buildReport(snapshot, realAnswerer(), { since: 0, now: Date.now() });
      expect(report.summary).toMatchObject({ questions: 1, answered: 1, votesUp: 1 });
    } finally {
      await store.close();
    }
  }, 60_000);
});
