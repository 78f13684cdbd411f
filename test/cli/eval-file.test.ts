import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { loadCorpus } from '../../src/core/corpus.ts';
import { EvalFileError, parseEvalFile } from '../../src/eval/metrics.ts';

test('parseEvalFile skips blank lines and reads labelled questions', () => {
  const items = parseEvalFile(
    '\n{"id":"a","q":"ماذا قال الأسد؟","lang":"ar","kind":"said","paragraphs":[4],"speakers":["assad"]}\n\n',
  );
  expect(items).toHaveLength(1);
  expect(items[0]?.q).toBe('ماذا قال الأسد؟');
});

// Bug fixed: a line that is not JSON threw JSON.parse's message without saying which line.
test('a line that is not JSON is reported with its line number', () => {
  expect(() =>
    parseEvalFile('{"id":"a","q":"x","lang":"en","kind":"said","paragraphs":[],"speakers":[]}\n{bad'),
  ).toThrow(/eval file line 2: not JSON/);
});

const corpus = loadCorpus();
const line = (fields: Record<string, unknown>): string =>
  JSON.stringify({
    id: 'x',
    q: 'ماذا قال الأسد؟',
    lang: 'ar',
    kind: 'said',
    paragraphs: [4],
    speakers: ['assad'],
    ...fields,
  });

function problemsOf(text: string): readonly string[] {
  try {
    parseEvalFile(text, corpus);
  } catch (error) {
    expect(error).toBeInstanceOf(EvalFileError);
    return (error as EvalFileError).problems;
  }
  return [];
}

// Bug fixed: a line missing fields said "Invalid input: expected string, received undefined", naming neither the
// field nor the line.
test('a line with missing or mistyped fields names the line and each field', () => {
  const problems = problemsOf(`${line({ id: 'a' })}\n{"id":"b","q":123,"paragraphs":"x"}`);
  expect(problems).toEqual([
    'line 2: "q" must be a string, not a number; "lang" is missing (a string); "kind" is missing (a string); ' +
      '"paragraphs" must be an array, not a string; "speakers" is missing (an array)',
  ]);
  expect(problemsOf(line({ paragraphs: [4, 'five'] }))).toEqual([
    'line 1: "paragraphs[1]" must be a number, not a string',
  ]);
});

// Bug fixed (break18): a paragraph 1.5 read "must be a whole number, not a number".
test('a paragraph that is not a whole number is named as written', () => {
  expect(problemsOf(line({ paragraphs: [1.5] }))).toEqual(['line 1: "paragraphs[0]" must be a whole number, not 1.5']);
});

// Bug fixed: paragraphs [99], speakers ["nobody"] and duplicate ids were scored as ordinary misses.
test('labels are checked against the article: paragraph numbers, speaker ids, unique ids; every bad line is listed', () => {
  const text = [
    line({ id: 'a', paragraphs: [99], speakers: ['nobody'] }),
    line({ id: 'a' }),
    '',
    line({ id: 'c', paragraphs: [0, 14] }),
    line({ id: 'd', paragraphs: [4, 4], speakers: ['assad', 'assad'] }),
    line({ id: 'e', paragraphs: [4], speakers: [] }),
    line({ id: 'f', paragraphs: [], speakers: ['assad'] }),
    line({ id: 'g' }),
  ].join('\n');
  expect(problemsOf(text)).toEqual([
    'line 1: "paragraphs": 99 not in the article (paragraphs are numbered 1 to 14); "speakers": "nobody" unknown ' +
      '(speaker ids: mahdi, abadi, sana, assad, fayyadh, taei, mekdad)',
    'line 2: "id" "a" is used already on line 1',
    'line 4: "paragraphs": 0 not in the article (paragraphs are numbered 1 to 14)',
    'line 5: "paragraphs" lists a paragraph twice; "speakers" lists a speaker twice',
    'line 6: "speakers" is empty but "paragraphs" is not: name who speaks in those paragraphs',
    'line 7: "speakers" must be empty when "paragraphs" is (a question the article does not answer)',
  ]);
});

test('the labelled sets in test/eval all pass the label checks', () => {
  for (const name of ['dev', 'blind', 'blind2', 'blind3', 'blind4', 'blind5']) {
    const text = readFileSync(new URL(`../eval/${name}.jsonl`, import.meta.url), 'utf8');
    expect(parseEvalFile(text, corpus).length).toBeGreaterThan(50);
  }
});

test('npm run eval refuses a file with bad labels, exit 1, naming each line; nothing is scored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iqtibas-eval-'));
  const file = join(dir, 'bad.jsonl');
  writeFileSync(file, `${line({ id: 'a', paragraphs: [99] })}\n${line({ id: 'a' })}\n`);
  try {
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/eval.ts', file],
        { cwd: fileURLToPath(new URL('../..', import.meta.url)) },
        (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file} is refused, nothing was scored: 2 lines to fix`);
    expect(result.stderr).toContain('eval file line 1: "paragraphs": 99 not in the article');
    expect(result.stderr).toContain('eval file line 2: "id" "a" is used already on line 1');
    expect(result.stdout).not.toContain('SUMMARY');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Found by a fresh break test: a set without unanswerable questions printed "abstention 0.0%".
test('npm run eval prints "-" for a rate over no questions', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iqtibas-eval-'));
  const file = join(dir, 'answerable.jsonl');
  writeFileSync(file, `${line({ id: 'a' })}\n`);
  try {
    const stdout = await new Promise<string>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/eval.ts', file],
        { cwd: fileURLToPath(new URL('../..', import.meta.url)) },
        (_error, out) => resolve(out),
      );
    });
    expect(stdout).toMatch(/SUMMARY overall 100\.0% \| answerable top-1 100\.0% \| abstention - \|/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Bug fixed (break test 17): a binary file's control bytes were echoed to the terminal inside the parser's message.
test('control characters of a bad line are shown escaped, never raw', () => {
  let message = '';
  try {
    parseEvalFile('\u001b[31m\u0007{bad\n');
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toContain('not JSON');
  expect(message).toContain('\\u001b');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
  expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
});
