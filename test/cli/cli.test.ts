/**
 * End to end: the `ask` CLI and the terminal chat (src/main.ts without a token) as real child processes, run
 * with `node --import tsx` from the project root. All processes start together in beforeAll so the file stays fast.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanArticle } from '../../src/core/corpus.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTICLE = cleanArticle(readFileSync(new URL('../../seeds/article.txt', import.meta.url), 'utf8'));
const TIMEOUT_MS = 20_000;
/** A throwaway SQLite file for the one test that records (removed after the file's tests). */
const DB_DIR = mkdtempSync(join(tmpdir(), 'iqtibas-cli-'));
const DB = join(DB_DIR, 'iqtibas.sqlite');
afterAll(() => rmSync(DB_DIR, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `node --import tsx <script> ...args` in the project root with DISCORD_TOKEN unset (blank), `env` on top;
 * `stdin` is a pipe, or a file descriptor the child reads as its standard input; `stdout` likewise.
 */
function start(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
  stdin: 'pipe' | number = 'pipe',
  stdout: 'pipe' | number = 'pipe',
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: '', NO_COLOR: '1', RECORD: 'off', ...env },
    stdio: [stdin, stdout, 'pipe'],
  });
}

/** Waits for the process to end (killing it after `timeoutMs`), collecting its output. */
function finish(child: ChildProcess, timeoutMs = TIMEOUT_MS): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${timeoutMs} ms; stdout so far:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a script to completion with `input` piped on stdin (then closed). */
function run(script: string, args: readonly string[], input = '', env: Record<string, string> = {}): Promise<Run> {
  const child = start(script, args, env);
  const done = finish(child);
  child.stdin?.end(input);
  return done;
}

/**
 * Runs the chat with `input` written but stdin kept open until `marker` has appeared in the output and then
 * `graceMs` have passed, so it can tell whether typing `exit` ended the process before end of input.
 */
async function chat(input: string, marker: string, graceMs: number): Promise<Run & { exitedBeforeEof: boolean }> {
  const child = start('src/main.ts', []);
  let ended = false;
  const done = finish(child).finally(() => {
    ended = true;
  });
  const replied = new Promise<void>((resolve) => {
    let seen = '';
    child.stdout?.on('data', (chunk: string) => {
      seen += chunk;
      if (seen.includes(marker)) resolve();
    });
  });
  child.stdin?.write(input);
  await Promise.race([replied, done]);
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, graceMs))]);
  const exitedBeforeEof = ended;
  child.stdin?.end();
  return { ...(await done), exitedBeforeEof };
}

const QUESTIONS = [
  'ما الرسالة التي حملها الفياض إلى دمشق؟',
  'How many kilometres long is the Iraq-Syria border?',
  'shu 2al el mi2dad 3an el tanse2?',
  'what is the weather in Paris?',
  '',
];

let jsonl: Run;
let json: Run;
let noQuestion: Run;
let chatRun: Run & { exitedBeforeEof: boolean };
let otherSettings: Run;
let ownSetting: Run;

beforeAll(async () => {
  [jsonl, json, noQuestion, chatRun, otherSettings, ownSetting] = await Promise.all([
    run('src/cli/ask.ts', ['--jsonl'], `${QUESTIONS.join('\n')}\n`),
    run('src/cli/ask.ts', ['--json', 'ماذا قال الطائي؟']),
    run('src/cli/ask.ts', []),
    chat('help\nspeakers\nماذا قال المقداد؟\nexit\n', '— فيصل المقداد', 1_500),
    run('src/main.ts', [], 'ماذا قال الأسد؟\n', {
      PORT: '99999',
      COOLDOWN_MAX: 'abc',
      LOG_LEVEL: 'loud',
      SHARDS: 'many',
      DISCORD_PUBLIC_KEY: 'xyz',
    }),
    run('src/main.ts', [], 'ماذا قال الأسد؟\n', { RECORD: 'maybe', PORT: '99999' }),
  ]);
}, TIMEOUT_MS + 5_000);

type Json = Record<string, unknown>;

const speakerShape = {
  id: expect.any(String),
  name_ar: expect.any(String),
  name_en: expect.any(String),
  role: expect.any(String),
};

describe('ask --jsonl', () => {
  const records = (): Json[] =>
    jsonl.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Json);

  test('when 5 questions are piped in, it prints 5 JSON lines in order and exits 0', () => {
    expect(jsonl.code, jsonl.stderr).toBe(0);
    expect(records().map((r) => r.question)).toEqual(QUESTIONS);
  });

  test('every line has the stable fields with their types', () => {
    for (const r of records()) {
      expect(typeof r.answered).toBe('boolean');
      expect(r.paragraph === null || Number.isInteger(r.paragraph)).toBe(true);
      expect(typeof r.confidence).toBe('number');
      expect(Array.isArray(r.alternatives)).toBe(true);
      if (r.answered) {
        expect(r.speaker).toMatchObject(speakerShape);
        expect(typeof r.quote).toBe('string');
        expect(['qa', 'article']).toContain(r.source);
        expect(r.confidence).toBeGreaterThan(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
      } else {
        expect(r).toMatchObject({ paragraph: null, speaker: null, quote: null, source: null, alternatives: [] });
        expect(typeof r.reason).toBe('string');
      }
    }
  });

  test('the Arabic, English and Arabizi questions are answered; the off-topic and empty ones are not', () => {
    expect(records().map((r) => r.answered)).toEqual([true, true, true, false, false]);
    expect(records()[4]?.reason).toBe('empty');
  });

  test('every quote answered, alternatives included, is a substring of the cleaned article', () => {
    for (const r of records()) {
      if (typeof r.quote === 'string') expect(ARTICLE).toContain(r.quote);
      for (const alternative of r.alternatives as Json[]) {
        expect(ARTICLE).toContain(alternative.quote);
        expect(alternative.speaker).toMatchObject(speakerShape);
      }
    }
  });
});

describe('ask --json', () => {
  test('when asked what al-Taei said, it prints one object answering with the speaker taei', () => {
    expect(json.code, json.stderr).toBe(0);
    const record = JSON.parse(json.stdout) as Json;
    expect(record).toMatchObject({ question: 'ماذا قال الطائي؟', answered: true, speaker: { id: 'taei' } });
    expect(ARTICLE).toContain(record.quote);
  });
});

describe('ask with no question', () => {
  test('when run without a question, it exits non-zero with a helpful message', () => {
    expect(noQuestion.code).not.toBe(0);
    expect(noQuestion.stderr).toContain('Write a question');
    expect(noQuestion.stderr).toContain('--jsonl');
    expect(noQuestion.stdout).toBe('');
  });
});

// Bug fixed: `npm run ask -- --json ""` printed the usage text and exited 1, so a tool passing user input through
// --json got no JSON for an empty question.
describe('ask --json with an empty or blank question', () => {
  test('prints the JSON object of an empty --jsonl line (reason empty) and exits 0', async () => {
    const [empty, blank, none, plain] = await Promise.all([
      run('src/cli/ask.ts', ['--json', '']),
      run('src/cli/ask.ts', ['--json', '   ']),
      run('src/cli/ask.ts', ['--json']),
      run('src/cli/ask.ts', ['   ']),
    ]);
    for (const [result, question] of [
      [empty, ''],
      [blank, '   '],
      [none, ''],
    ] as const) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toMatchObject({ question, answered: false, reason: 'empty' });
    }
    // Without --json a blank question is still a usage error: a person forgot the question.
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('Write a question');
    expect(plain.stdout).toBe('');
  });
});

// Bug fixed: `ask` keeps no context, and a follow-up line ("what else did he say?") was answered "off-topic" (or
// "empty") instead of the chat's no-context reply, which says to ask about someone first.
describe('ask: a follow-up gets the reply of the chat without context', () => {
  test('in --jsonl, --json and plain, "what else did he say?" and "who is he?" say to ask about someone first', async () => {
    const [lines, once, plain] = await Promise.all([
      run('src/cli/ask.ts', ['--jsonl'], 'what did assad say\nwhat else did he say?\nwho is he?\nوماذا قال أيضا؟\n'),
      run('src/cli/ask.ts', ['--json', 'what else did he say?']),
      run('src/cli/ask.ts', ['who is he?']),
    ]);
    expect(lines.code, lines.stderr).toBe(0);
    const records = lines.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Json);
    expect(records[0]).toMatchObject({ answered: true, speaker: { id: 'assad' } });
    for (const record of [...records.slice(1), JSON.parse(once.stdout) as Json]) {
      expect(record).toMatchObject({ answered: false, reason: 'no-context' });
      expect(record.message).toContain('Who do you mean? Ask about someone first');
    }
    expect(records).toHaveLength(4);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('Who do you mean? Ask about someone first');
  });
});

// Bug fixed: chat words got whatever the answerer made of them: "help", "speakers", "exit" and "bad" were declined
// as off-topic, "good" as empty, and "who is quoted in the article" was answered with paragraph 1.
test('ask --jsonl: every word of the chat, however typed, is no question: reason empty, saying it is a chat command', async () => {
  const words = ['help', 'مساعده', '/help', 'speakers', 'list speakers', 'exit', 'exit!', 'good', 'bad', 'سيء'];
  const result = await run('src/cli/ask.ts', ['--jsonl'], `${[...words, 'who is quoted in the article'].join('\n')}\n`);
  expect(result.code, result.stderr).toBe(0);
  const records = result.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Json);
  expect(records.map((r) => r.question)).toEqual([...words, 'who is quoted in the article']);
  for (const r of records) {
    expect(r).toMatchObject({ answered: false, reason: 'empty', paragraph: null });
    expect(r.message).toContain('is a command of the terminal chat (npm start), not a question');
    expect((r.suggestions as string[]).length).toBeGreaterThan(0);
  }
  // Suggestions in the question's script: Arabic for «مساعده», English for "help".
  const firstSuggestion = (r: Json | undefined) => String((r?.suggestions as string[] | undefined)?.[0]);
  expect(firstSuggestion(records[1])).toMatch(/[\u0600-\u06ff]/);
  expect(firstSuggestion(records[0])).not.toMatch(/[\u0600-\u06ff]/);
});

describe('terminal chat (npm start without DISCORD_TOKEN)', () => {
  test('when help, speakers, a question and exit are piped in, it answers each and exits 0', () => {
    expect(chatRun.code, chatRun.stderr).toBe(0);
    expect(chatRun.stdout).toContain('Commands: help, speakers, paragraph N (shows paragraph N), exit.');
  });

  test('the speakers command lists every speaker with the name as the article writes it', () => {
    for (const name of ['أسامة مهدي', 'حيدر العبادي', 'بشار الأسد', 'فالح الفياض', 'وهاب الطائي', 'فيصل المقداد']) {
      expect(chatRun.stdout).toContain(name);
    }
  });

  test('the question about al-Mekdad is answered with a quote of the article and his name', () => {
    const answer = chatRun.stdout.slice(chatRun.stdout.lastIndexOf('«'));
    expect(answer).toContain('— فيصل المقداد');
    const quote = answer.slice(1, answer.indexOf('»'));
    expect(ARTICLE).toContain(quote);
  });

  // Bug fixed: with piped input the process only ended at end of input, not when the user typed `exit`.
  test('when exit is typed while stdin stays open, the process ends without waiting for end of input', () => {
    expect(chatRun.exitedBeforeEof).toBe(true);
  });
});

describe('edge cases of piping (found by a new user)', () => {
  let afterExit: Run;
  let loneCr: Run;
  let conflicting: Run;
  let brokenPipe: Run;

  beforeAll(async () => {
    [afterExit, loneCr, conflicting] = await Promise.all([
      run('src/main.ts', [], 'exit\nماذا قال الأسد؟\n'),
      run('src/cli/ask.ts', ['--jsonl'], 'ماذا قال الأسد؟\rWhat did Mekdad say?\nthird line\r\nماذا قال الطائي؟\r'),
      run('src/cli/ask.ts', ['--json', '--jsonl']),
    ]);
    // A reader that stops after the first chunk, like `| head -c 1`.
    const child = start('src/main.ts', []);
    const done = finish(child);
    child.stdout?.once('data', () => child.stdout?.destroy());
    child.stdin?.end(`${'ماذا قال الأسد؟\n'.repeat(3000)}`);
    brokenPipe = await done;
  }, TIMEOUT_MS * 2);

  test('when exit comes first in piped input, nothing after it is answered', () => {
    expect(afterExit.code).toBe(0);
    expect(afterExit.stdout).not.toContain('بشار الأسد');
  });

  // Changed: a lone CR used to be kept inside its line, which merged every question of a classic-Mac (CR-only) file
  // into one object. A lone CR now ends a line, as LF and CRLF do.
  test('when lines end in a lone CR, LF or CRLF, each is one question: one JSON line per input line', () => {
    const lines = loneCr.stdout.trim().split('\n');
    expect(loneCr.code, loneCr.stderr).toBe(0);
    expect(lines.map((line) => JSON.parse(line).question)).toEqual([
      'ماذا قال الأسد؟',
      'What did Mekdad say?',
      'third line',
      'ماذا قال الطائي؟',
    ]);
  });

  test('when --json and --jsonl are both given, the CLI refuses with a clear message', () => {
    expect(conflicting.code).not.toBe(0);
    expect(conflicting.stderr).toContain("cannot be used with option '--jsonl'");
  });

  test('when the reader closes the pipe early, the chat exits quietly (no EPIPE stack trace)', () => {
    expect(brokenPipe.stderr).not.toContain('EPIPE');
    expect(brokenPipe.code).toBe(0);
  });
});

// Bug fixed (break10 #35): `ask "…" > /dev/full` died with a stack trace; the chat too (the tester saw it exit 0 with
// no word). A write error on stdout is now one line on stderr and exit 1; EPIPE (the reader closed) stays quiet.
describe.runIf(existsSync('/dev/full'))('when standard output cannot be written (> /dev/full: ENOSPC)', () => {
  const ENOSPC = 'cannot write standard output: ENOSPC: no space left on device, write';
  let runs: Record<'plain' | 'json' | 'jsonl' | 'chat' | 'checkData' | 'report' | 'eval', Run>;

  /** Runs a script with stdout on /dev/full, where every write fails with ENOSPC. */
  function toFullDisk(
    script: string,
    args: readonly string[],
    input = '',
    env: Record<string, string> = {},
  ): Promise<Run> {
    const full = openSync('/dev/full', 'w');
    try {
      const child = start(script, args, env, 'pipe', full);
      const done = finish(child);
      child.stdin?.end(input);
      return done;
    } finally {
      closeSync(full);
    }
  }

  beforeAll(async () => {
    const [plain, json, jsonl, chat, checkData, report, evaluation] = await Promise.all([
      toFullDisk('src/cli/ask.ts', ['ما طول الحدود؟']),
      toFullDisk('src/cli/ask.ts', ['--json', 'ما طول الحدود؟']),
      toFullDisk('src/cli/ask.ts', ['--jsonl'], 'ما طول الحدود؟\nWhat did Mekdad say?\n'),
      toFullDisk('src/main.ts', [], 'ما طول الحدود؟\nWhat did Mekdad say?\n'),
      toFullDisk('src/cli/check-data.ts', []),
      // No database yet: the report says "Nothing recorded yet" on stdout.
      toFullDisk('src/cli/report.ts', [], '', { DATABASE_PATH: join(DB_DIR, 'none.sqlite') }),
      // Bug fixed (break test 17): eval died with an unhandled 'error' stack trace.
      toFullDisk('src/cli/eval.ts', []),
    ]);
    runs = { plain, json, jsonl, chat, checkData, report, eval: evaluation };
  }, TIMEOUT_MS + 5_000);

  test.each([
    ['ask "…"', 'plain', 'ask'],
    ['ask --json "…"', 'json', 'ask'],
    ['ask --jsonl', 'jsonl', 'ask'],
    ['the terminal chat', 'chat', 'iqtibas'],
    ['check-data', 'checkData', 'check-data'],
    ['report', 'report', 'report'],
    ['eval', 'eval', 'eval'],
  ] as const)('%s says so in one line on stderr and exits 1', (_name, key, program) => {
    const run = runs[key];
    expect(run.stderr.trim()).toBe(`${program}: ${ENOSPC}`);
    expect(run.code).toBe(1);
  });
});

describe('when the reader closes the pipe early (| head -1: EPIPE)', () => {
  let jsonlBrokenPipe: Run;

  /** Runs a script whose reader stops after the first chunk and closes its end, as `| head -c 1` does. */
  function withEarlyClose(script: string, args: readonly string[], input: string): Promise<Run> {
    const child = start(script, args);
    const done = finish(child);
    child.stdout?.once('data', () => child.stdout?.destroy());
    child.stdin?.end(input);
    return done;
  }

  beforeAll(async () => {
    jsonlBrokenPipe = await withEarlyClose('src/cli/ask.ts', ['--jsonl'], 'ماذا قال الأسد؟\n'.repeat(3000));
  }, TIMEOUT_MS + 5_000);

  test('ask --jsonl stops quietly: exit 0, nothing on stderr', () => {
    expect(jsonlBrokenPipe.stderr).toBe('');
    expect(jsonlBrokenPipe.code).toBe(0);
  });
});

// Bug fixed: `PORT=99999 npm start` and `COOLDOWN_MAX=abc npm start` exited 1 with "Invalid configuration", though
// the terminal chat reads neither: each program validates the settings it uses and only warns about the others.
describe('terminal chat and the settings of the other programs', () => {
  test('invalid settings of the bot and the HTTP endpoint are warnings; the chat answers', () => {
    expect(otherSettings.code, otherSettings.stderr).toBe(0);
    expect(otherSettings.stdout).toContain('— بشار الأسد');
    for (const key of ['PORT', 'COOLDOWN_MAX', 'LOG_LEVEL', 'SHARDS', 'DISCORD_PUBLIC_KEY']) {
      expect(otherSettings.stderr).toContain(`warning: ignoring ${key}, which the terminal chat does not use`);
    }
    expect(otherSettings.stderr).toContain('PORT must be a whole number from 1 to 65535 (npm run start:http reads it)');
    expect(otherSettings.stderr).not.toContain('Invalid configuration');
  });

  test('an invalid setting the chat uses (RECORD) still stops it, naming the variable and what to set', () => {
    expect(ownSetting.code).toBe(1);
    expect(ownSetting.stderr).toContain('Invalid configuration');
    expect(ownSetting.stderr).toContain('RECORD must be on or off');
    expect(ownSetting.stdout).toBe('');
  });
});

// Bug fixed: with classic-Mac line endings (CR only) the piped chat read all its input as one question.
test('the piped chat answers each CR-terminated line and stops at a CR-terminated exit', async () => {
  const result = await run('src/main.ts', [], 'ماذا قال الأسد؟\rماذا قال الطائي؟\rexit\rماذا قال المقداد؟\r');
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain('— بشار الأسد');
  expect(result.stdout).toContain('— وهاب الطائي');
  expect(result.stdout).not.toContain('— فيصل المقداد');
});

// Bug fixed: a directory as standard input (`npm start < /tmp`, `ask --jsonl < /tmp`: EISDIR) and a write-only one
// (EBADF) were read as empty input: no output, exit 0. They are read failures: said on stderr, exit 1.
describe('unreadable standard input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iqtibas-stdin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs `script` with `fd` as its standard input; the parent's copy of `fd` is closed when the child is done. */
  async function runOn(script: string, args: readonly string[], fd: number): Promise<Run> {
    try {
      return await finish(start(script, args, {}, fd));
    } finally {
      closeSync(fd);
    }
  }

  test.each([
    ['src/cli/ask.ts', ['--jsonl'], 'ask: '],
    ['src/main.ts', [], 'iqtibas: '],
  ])('%s %j with a directory on stdin says EISDIR on stderr and exits 1', async (script, args, prefix) => {
    const result = await runOn(script, args, openSync(dir, 'r'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${prefix}cannot read standard input: EISDIR`);
    expect(result.stdout).toBe('');
  });

  test.each([
    ['src/cli/ask.ts', ['--jsonl'], 'ask: '],
    ['src/main.ts', [], 'iqtibas: '],
  ])('%s %j with a write-only stdin names the failed read (EBADF) and exits 1', async (script, args, prefix) => {
    const result = await runOn(script, args, openSync(join(dir, 'write-only.txt'), 'w'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${prefix}cannot read standard input: EBADF`);
    expect(result.stderr).not.toContain('failed to start');
  });

  test('an empty file is no error: no output, exit 0', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    const [ask, chat] = await Promise.all([
      runOn('src/cli/ask.ts', ['--jsonl'], openSync(join(dir, 'empty.txt'), 'r')),
      runOn('src/main.ts', [], openSync(join(dir, 'empty.txt'), 'r')),
    ]);
    for (const result of [ask, chat]) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe('');
    }
  });
});

// Bug fixed: the chat printed store warnings as raw pino JSON lines next to its plain configuration warnings.
test('with DATABASE_PATH=:memory:, the chat warns in a plain sentence on stderr, not a JSON line', async () => {
  const result = await run('src/main.ts', [], 'ماذا قال الأسد؟\n', {
    RECORD: 'on',
    DATABASE_URL: '',
    DATABASE_PATH: ':memory:',
  });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain('— بشار الأسد');
  expect(result.stderr).toMatch(/^warning: DATABASE_PATH is :memory:: questions and votes are kept in this process/m);
  expect(result.stderr).not.toContain('{');
});

// Bug fixed: `npm run ask -- "-what did assad say"` failed with "error: unknown option" (exit 1).
describe('ask: a question that starts with "-"', () => {
  test('is answered, with --json before or after it; a mistyped option is still refused', async () => {
    const [plain, jsonAfter, jsonBefore, typo] = await Promise.all([
      run('src/cli/ask.ts', ['-what did assad say']),
      run('src/cli/ask.ts', ['-what did assad say', '--json']),
      run('src/cli/ask.ts', ['--json', '-ماذا قال الأسد؟']),
      run('src/cli/ask.ts', ['--jsn', 'ماذا قال الأسد؟']),
    ]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('— بشار الأسد');
    for (const [result, question] of [
      [jsonAfter, '-what did assad say'],
      [jsonBefore, '-ماذا قال الأسد؟'],
    ] as const) {
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ question, answered: true, speaker: { id: 'assad' } });
    }
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain("error: unknown option '--jsn'");
    expect(typo.stderr).toContain('npm run ask -- -- "-what"');
  });
});

// Bug fixed: Node 20's recursive mkdir retries forever under /proc (mkdir answers ENOENT although /proc exists), so
// `DATABASE_PATH=/proc/nonexist/x.db npm start` hung at 100% CPU instead of refusing the path.
test.skipIf(process.platform !== 'linux')(
  'a DATABASE_PATH under /proc ends at once with exit 1, naming DATABASE_PATH and what to set',
  async () => {
    const child = start('src/main.ts', [], { RECORD: 'on', DATABASE_URL: '', DATABASE_PATH: '/proc/nonexist/x.db' });
    const done = finish(child, 15_000);
    child.stdin?.end('ماذا قال الأسد؟\n');
    const result = await done;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'DATABASE_PATH (/proc/nonexist/x.db): the folder /proc/nonexist cannot be created: /proc takes no new folders',
    );
    expect(result.stderr).toContain('Point DATABASE_PATH at a file in an ordinary folder');
    expect(result.stdout).toBe('');
  },
  TIMEOUT_MS,
);

/**
 * Reports on stderr every module of pino, better-sqlite3 or discord.js that the process loads (a resolve hook chained
 * after tsx's), so a test can tell what a one-off run pays for.
 */
const HEAVY_MODULES_HOOK = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(
    `export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (/node_modules\\/(pino|better-sqlite3|discord\\.js)\\//.test(resolved.url)) process.stderr.write('HEAVY ' + resolved.url + '\\n');
  return resolved;
}`,
  )}));`,
)}`;

test('a one-off chat with RECORD=off and `ask` load neither pino, nor better-sqlite3, nor discord.js', async () => {
  const runWithHook = (script: string, args: string[], input: string) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', HEAVY_MODULES_HOOK, script, ...args], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', NO_COLOR: '1', RECORD: 'off' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const done = finish(child);
    child.stdin?.end(input);
    return done;
  };
  const [chatOff, askOnce, chatOn] = await Promise.all([
    runWithHook('src/main.ts', [], 'ماذا قال الأسد؟\n'),
    runWithHook('src/cli/ask.ts', ['ماذا قال الأسد؟'], ''),
    // The control: recording on loads the logger and the store, and the hook sees it.
    (() => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--import', HEAVY_MODULES_HOOK, 'src/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, DISCORD_TOKEN: '', NO_COLOR: '1', RECORD: 'on', DATABASE_URL: '', DATABASE_PATH: DB },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const done = finish(child);
      child.stdin?.end('ماذا قال الأسد؟\n');
      return done;
    })(),
  ]);
  expect(chatOff.stdout).toContain('— بشار الأسد');
  expect(chatOff.stderr).not.toContain('HEAVY');
  expect(askOnce.stdout).toContain('— بشار الأسد');
  expect(askOnce.stderr).not.toContain('HEAVY');
  expect(chatOn.stdout).toContain('— بشار الأسد');
  expect(chatOn.stderr).toMatch(/HEAVY \S+node_modules\/pino\//);
});

// Bug fixed (break13): with piped input that stays open (a supervisor, `producer | npm start`), SIGTERM and SIGINT
// killed the chat (exit 143, 130) instead of stopping it cleanly with 0, as the README promises.
test.each(['SIGTERM', 'SIGINT'] as const)(
  'the piped chat stops cleanly on %s: the question asked is answered, exit 0',
  async (signal) => {
    const child = start('src/main.ts', []);
    const done = finish(child);
    child.stdin?.write('ماذا قال الطائي؟\n');
    await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
    child.kill(signal);
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('وهاب الطائي');
  },
  TIMEOUT_MS,
);
