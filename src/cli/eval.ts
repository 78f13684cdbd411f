/**
 * `npm run eval -- [file.jsonl ...] [--misses]`: scores labelled questions (default: test/eval/dev.jsonl) and
 * prints overall, answerable top-1, abstention and speaker accuracy, per lang and per kind, a reliability
 * table (confidence bands vs. share right), and the misses.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { createAnswerer } from '../core/answerer.ts';
import {
  EvalFileError,
  groupBy,
  type LabelCorpus,
  type LabelledQuestion,
  type Outcome,
  parseEvalFile,
  reliability,
  type Summary,
  score,
  summarize,
} from '../eval/metrics.ts';
import { exitOnOutputError } from './io.ts';
import { loadCorpusOrExit } from './seeds.ts';

exitOnOutputError('eval');

const DEFAULT_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'eval', 'dev.jsonl');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(6);

function row(label: string, s: Summary): string {
  return [
    label.padEnd(16),
    String(s.n).padStart(4),
    pct(s.overall),
    s.answerable ? pct(s.top1) : '     -',
    s.unanswerable ? pct(s.abstention) : '     -',
    s.speakerChecked ? pct(s.speaker) : '     -',
  ].join('  ');
}

function describe(o: Outcome): string {
  const got =
    o.reply.kind === 'answer'
      ? `p${o.reply.paragraph} ${o.reply.speaker.id} conf=${o.reply.confidence} ${o.reply.entryId ?? o.reply.source}`
      : `no-answer (${o.reply.reason})`;
  const want = o.item.paragraphs.length ? `p${o.item.paragraphs.join('/')}` : 'no-answer';
  return `  ${o.item.id} [${o.item.lang}/${o.item.kind}] want ${want}, got ${got}\n      ${o.item.q}`;
}

const program = new Command()
  .name('eval')
  .argument('[files...]', 'labelled .jsonl files', [DEFAULT_FILE])
  .option('--no-misses', 'do not list the misses')
  .parse();

/** The labelled questions of `file`, checked against the article; exits 1 naming every bad line otherwise. */
function readItems(file: string, corpus: LabelCorpus): LabelledQuestion[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return program.error(`Cannot read ${file}: ${(error as Error).message}`);
  }
  let items: LabelledQuestion[];
  try {
    items = parseEvalFile(text, corpus);
  } catch (error) {
    if (!(error instanceof EvalFileError)) throw error;
    const count = error.problems.length;
    return program.error(
      `${file} is refused, nothing was scored: ${count} line${count === 1 ? '' : 's'} to fix\n${error.message}`,
    );
  }
  if (items.length === 0) program.error(`${file} holds no labelled questions (one JSON object per line).`);
  return items;
}

const answerer = createAnswerer(loadCorpusOrExit());
const files = program.args.length ? program.args : [DEFAULT_FILE];
for (const file of files) {
  const items = readItems(file, answerer.corpus);
  const outcomes = items.map((item) => score(item, answerer.ask(item.q), answerer.corpus.text));
  const all = summarize(outcomes);
  console.log(`\n${file}: ${items.length} questions`);
  console.log(`${'group'.padEnd(16)}     n  overall   top-1  abstain  speaker`);
  console.log(row('ALL', all));
  for (const [lang, group] of groupBy(outcomes, 'lang')) console.log(row(`lang ${lang}`, summarize(group)));
  for (const [kind, group] of groupBy(outcomes, 'kind')) console.log(row(`kind ${kind}`, summarize(group)));
  console.log('\nreliability (answers given; confidence band → share right):');
  for (const b of reliability(outcomes)) {
    const to = Math.min(b.to, 1);
    console.log(
      `  [${b.from.toFixed(2)}, ${to.toFixed(2)}${b.to > 1 ? ']' : ')'}  ${String(b.answers).padStart(4)} answers  ${b.answers ? pct(b.right / b.answers) : '     -'} right`,
    );
  }
  const misses = outcomes.filter((o) => !o.correct || o.speakerCorrect === false);
  if (program.opts().misses && misses.length) {
    console.log(`\nmisses (${misses.length}):`);
    for (const o of misses) console.log(describe(o));
  }
  console.log(
    // A figure over no questions is "-", not 0% (a set without unanswerable items has no abstention rate).
    `\nSUMMARY overall ${pct(all.overall).trim()} | answerable top-1 ${all.answerable ? pct(all.top1).trim() : '-'} | abstention ${all.unanswerable ? pct(all.abstention).trim() : '-'} | speaker ${pct(all.speaker).trim()} | verbatim ${pct(all.verbatim).trim()}`,
  );
}
