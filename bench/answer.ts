/**
 * `npm run bench`: speed and memory of the answerer, side by side with plain fuse.js 7.5 over the raw
 * paragraphs (ignoreLocation: true, default threshold), on the same questions (dev + blind sets, repeated).
 * Also: a 2,000-character message, a cold process's first answer, and how cost grows on synthetic corpora
 * 10× and 100× larger. Prints figures; never fails on timing (these machines are shared and noisy).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { createAnswerer } from '../src/core/answerer.ts';
import { loadCorpus } from '../src/core/corpus.ts';
import type { Answerer } from '../src/core/types.ts';
import { parseEvalFile } from '../src/eval/metrics.ts';
import { syntheticCorpus } from './synthetic.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPEATS = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Times `fn` over every question, `repeats` times; returns sorted per-call microseconds. */
function timeEach(questions: string[], repeats: number, fn: (q: string) => unknown): number[] {
  return timeByQuestion(questions, repeats, fn)
    .flat()
    .sort((a, b) => a - b);
}

/** Times `fn` over every question, `repeats` times; returns each question's microseconds, one array per question. */
function timeByQuestion(questions: string[], repeats: number, fn: (q: string) => unknown): number[][] {
  const times = questions.map((): number[] => []);
  for (let r = 0; r < repeats; r++) {
    questions.forEach((q, i) => {
      const start = process.hrtime.bigint();
      fn(q);
      times[i]?.push(Number(process.hrtime.bigint() - start) / 1000);
    });
  }
  return times;
}

/**
 * Each question's median over its repeats, sorted: the cost of each question with the machine's transient noise
 * (another process taking the core, a GC pause) filtered out. Its p99 is the cost of the 99th-percentile question.
 */
function perQuestionMedians(byQuestion: number[][]): number[] {
  return byQuestion
    .map((times) =>
      percentile(
        [...times].sort((a, b) => a - b),
        0.5,
      ),
    )
    .sort((a, b) => a - b);
}

function summary(times: number[]): { median: number; p99: number; qps: number } {
  const total = times.reduce((s, t) => s + t, 0);
  return { median: percentile(times, 0.5), p99: percentile(times, 0.99), qps: (times.length / total) * 1e6 };
}

const fmt = (x: number, digits = 0): string => x.toFixed(digits).padStart(9);

function loadQuestions(): string[] {
  const files = ['dev.jsonl', 'blind.jsonl', 'blind2.jsonl'].map((f) => join(root, 'test', 'eval', f));
  return files.flatMap((f) => {
    try {
      return parseEvalFile(readFileSync(f, 'utf8')).map((item) => item.q);
    } catch {
      return [];
    }
  });
}

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

// --- 1. Ours vs plain fuse.js on the real article -------------------------------------------------------------
const questions = loadQuestions();
const heapBefore = heapMb();
let t0 = performance.now();
const corpus = loadCorpus();
const answerer = createAnswerer(corpus);
const buildMs = performance.now() - t0;
const heapAfter = heapMb();

t0 = performance.now();
const plain = new Fuse(
  corpus.paragraphs.map((p) => p.text),
  { ignoreLocation: true, includeScore: true },
);
const plainBuildMs = performance.now() - t0;

const firstPass = summary(timeEach(questions, 1, (q) => answerer.ask(q)));
const oursByQuestion = timeByQuestion(questions, REPEATS, (q) => answerer.ask(q));
const fuseByQuestion = timeByQuestion(questions, REPEATS, (q) => plain.search(q));
const ours = summary(oursByQuestion.flat().sort((a, b) => a - b));
const fuse = summary(fuseByQuestion.flat().sort((a, b) => a - b));
const oursPerQuestion = summary(perQuestionMedians(oursByQuestion));
const fusePerQuestion = summary(perQuestionMedians(fuseByQuestion));

console.log(`\n${questions.length} questions (dev + blind sets) × ${REPEATS}, Node ${process.version}`);
console.log(`${'matcher'.padEnd(30)}  median µs     p99 µs   questions/s   build ms`);
const line = (name: string, s: ReturnType<typeof summary>, build: number) =>
  console.log(`${name.padEnd(30)}${fmt(s.median)}  ${fmt(s.p99)}  ${fmt(s.qps)}   ${fmt(build, 1)}`);
line('iqtibas (first pass, cold)', firstPass, buildMs);
line('iqtibas', ours, buildMs);
line('plain fuse.js 7.5, paragraphs', fuse, plainBuildMs);
console.log(`p99 ratio fuse.js / iqtibas, all calls: ${(fuse.p99 / ours.p99).toFixed(1)}×  (target ≥ 30×)`);
console.log(
  `per question (median of its ${REPEATS} runs): iqtibas median ${oursPerQuestion.median.toFixed(0)} µs, p99 ${oursPerQuestion.p99.toFixed(0)} µs; fuse.js median ${fusePerQuestion.median.toFixed(0)} µs, p99 ${fusePerQuestion.p99.toFixed(0)} µs; p99 ratio ${(fusePerQuestion.p99 / oursPerQuestion.p99).toFixed(1)}×`,
);
console.log(
  `heap after build: ${(heapAfter - heapBefore).toFixed(1)} MB (total ${heapAfter.toFixed(1)} MB); load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`,
);

// --- 2. Long messages ------------------------------------------------------------------------------------------
const long =
  `${'السلام عليكم، سؤالي عن المقال: ماذا قال المقداد عن التنسيق مع الجيش العراقي في الموصل والبوكمال؟ '.repeat(25)}`.slice(
    0,
    2000,
  );
const longTimes = summary(timeEach([long, long.replace(/ا/g, 'ى'), `${long} 🤔`], 20, (q) => answerer.ask(q)));
console.log(`2,000-character message: median ${longTimes.median.toFixed(0)} µs, p99 ${longTimes.p99.toFixed(0)} µs`);

// --- 3. Cold start ---------------------------------------------------------------------------------------------
const coldStart = performance.now();
execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'ask.ts'), '--json', 'ماذا قال الأسد؟'], {
  cwd: root,
  stdio: 'pipe',
});
console.log(`cold process (node + tsx + load + first answer): ${(performance.now() - coldStart).toFixed(0)} ms`);

// --- 4. Growth on synthetic corpora ----------------------------------------------------------------------------
const GROWTH_PASSES = 3;
console.log(
  `\ngrowth (synthetic corpora; same questions: one first pass on the new index, then ${GROWTH_PASSES} warm passes)`,
);
console.log(
  `${'size'.padEnd(8)}${'paragraphs'.padStart(11)}${'entries'.padStart(9)}   build ms  first p99 µs   median µs     p99 µs  per-question p99 µs`,
);
for (const factor of [1, 10, 100]) {
  const c = factor === 1 ? corpus : syntheticCorpus(root, factor);
  const start = performance.now();
  const a: Answerer = createAnswerer(c);
  const build = performance.now() - start;
  // The first pass pays for what is built on first use (fuzzy deletion index, memos) and for the JIT.
  const first = summary(timeEach(questions, 1, (q) => a.ask(q)));
  const byQuestion = timeByQuestion(questions, GROWTH_PASSES, (q) => a.ask(q));
  const warm = summary(byQuestion.flat().sort((x, y) => x - y));
  const perQuestion = summary(perQuestionMedians(byQuestion));
  console.log(
    `${`${factor}×`.padEnd(8)}${String(c.paragraphs.length).padStart(11)}${String(c.entries.length).padStart(9)}   ${fmt(build, 0)}     ${fmt(first.p99)}   ${fmt(warm.median)}  ${fmt(warm.p99)}            ${fmt(perQuestion.p99)}`,
  );
}
