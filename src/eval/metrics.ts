/**
 * Scoring of labelled questions, as the team measures (shared/eval/README.md): an answerable question is right
 * when the answer's paragraph is one of `paragraphs`; its speaker is right when the answer's speaker is one of
 * `speakers`; an unanswerable one (`paragraphs: []`) is right when the bot abstains.
 */
import { z } from 'zod';
import type { Corpus, Reply } from '../core/types.ts';

export const LabelledQuestionSchema = z.object({
  id: z.string(),
  q: z.string(),
  lang: z.string(),
  kind: z.string(),
  paragraphs: z.array(z.number().int()),
  speakers: z.array(z.string()),
  note: z.string().optional(),
});

/** One line of an eval `.jsonl` file. */
export type LabelledQuestion = z.infer<typeof LabelledQuestionSchema>;

/** What labels are checked against: the article's paragraphs (numbered 1..N) and its speakers' ids. */
export type LabelCorpus = Pick<Corpus, 'paragraphs' | 'speakers'>;

/**
 * Thrown by {@link parseEvalFile}: the file is refused as a whole (a wrong label would be scored as an ordinary miss
 * and lower the figures silently). `problems` holds one line per problem, `line N: …`, in file order.
 */
export class EvalFileError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `eval file ${p}`);
    if (problems.length > MAX_PROBLEMS_SHOWN) shown.push(`… and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
    super(shown.join('\n'));
    this.name = 'EvalFileError';
    this.problems = problems;
  }
}

/**
 * `text` with control characters (C0, DEL, C1) shown as \uXXXX: the parser's message quotes the bad line, and a binary
 * file's bytes would otherwise reach the terminal as escape sequences.
 */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Enough to fix a file in one go without burying the terminal. */
const MAX_PROBLEMS_SHOWN = 20;

const TYPE_NAMES: Readonly<Record<string, string>> = Object.freeze({
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  array: 'an array',
  object: 'an object',
});

/** The JSON type of a value as a reader says it. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return TYPE_NAMES[typeof value] ?? typeof value;
}

/** `paragraphs[0]`, `q`: where in the object an issue is. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i > 0 ? '.' : ''}${String(k)}`)).join('');
}

/** One sentence per schema issue, naming the field: `"q" is missing (a string)`, `"paragraphs[0]" must be …`. */
function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const field = fieldName(issue.path);
  if (field === '') return `must be a JSON object with ${Object.keys(LabelledQuestionSchema.shape).join(', ')}`;
  let value: unknown = json;
  for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | null | undefined)?.[key];
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    if (value === undefined) return `"${field}" is missing (${expected})`;
    // A number that is not whole ("paragraphs": [1.5]) is shown as written: "not a number" would read as NaN.
    const found = issue.expected === 'int' && typeof value === 'number' ? String(value) : typeName(value);
    return `"${field}" must be ${expected}, not ${found}`;
  }
  return `"${field}": ${issue.message}`;
}

/** Problems of one item's labels against the corpus (paragraph numbers, speaker ids, consistency). */
function labelProblems(item: LabelledQuestion, corpus: LabelCorpus): string[] {
  const problems: string[] = [];
  const count = corpus.paragraphs.length;
  const known = new Set(corpus.speakers.map((s) => s.id));
  const badParagraphs = item.paragraphs.filter((p) => p < 1 || p > count);
  if (badParagraphs.length > 0) {
    problems.push(
      `"paragraphs": ${badParagraphs.join(', ')} not in the article (paragraphs are numbered 1 to ${count})`,
    );
  }
  if (new Set(item.paragraphs).size !== item.paragraphs.length) problems.push('"paragraphs" lists a paragraph twice');
  const unknown = item.speakers.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    problems.push(
      `"speakers": ${unknown.map((id) => JSON.stringify(id)).join(', ')} unknown (speaker ids: ${[...known].join(', ')})`,
    );
  }
  if (new Set(item.speakers).size !== item.speakers.length) problems.push('"speakers" lists a speaker twice');
  // Speaker accuracy counts an answerable question with no speaker as wrong whatever the answer, and an unanswerable
  // question's speakers are never read: either way the label says something the scoring does not.
  if (item.paragraphs.length > 0 && item.speakers.length === 0) {
    problems.push('"speakers" is empty but "paragraphs" is not: name who speaks in those paragraphs');
  }
  if (item.paragraphs.length === 0 && item.speakers.length > 0) {
    problems.push('"speakers" must be empty when "paragraphs" is (a question the article does not answer)');
  }
  return problems;
}

/**
 * Parses a `.jsonl` eval file's text; blank lines are skipped. With `corpus`, the labels are checked too: paragraph
 * numbers within 1..N, known speaker ids, no duplicates, speakers given exactly when paragraphs are, and unique ids
 * across the file.
 *
 * @throws {@link EvalFileError} listing every invalid line with its number and field (not JSON, a field missing or of
 *   the wrong type, a label the article does not have, an id used twice).
 */
export function parseEvalFile(text: string, corpus?: LabelCorpus): LabelledQuestion[] {
  const items: LabelledQuestion[] = [];
  const problems: string[] = [];
  const firstLineOf = new Map<string, number>();
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const n = index + 1;
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      problems.push(`line ${n}: not JSON (${printable((error as Error).message)})`);
      continue;
    }
    const parsed = LabelledQuestionSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(`line ${n}: ${parsed.error.issues.map((issue) => describeIssue(issue, json)).join('; ')}`);
      continue;
    }
    const item = parsed.data;
    const own = corpus ? labelProblems(item, corpus) : [];
    const first = firstLineOf.get(item.id);
    if (first !== undefined) own.push(`"id" ${JSON.stringify(item.id)} is used already on line ${first}`);
    else firstLineOf.set(item.id, n);
    if (own.length > 0) problems.push(`line ${n}: ${own.join('; ')}`);
    else items.push(item);
  }
  if (problems.length > 0) throw new EvalFileError(problems);
  return items;
}

/** The outcome of one labelled question. */
export interface Outcome {
  item: LabelledQuestion;
  reply: Reply;
  answerable: boolean;
  /** Paragraph right (answerable) or abstained (unanswerable). */
  correct: boolean;
  /** Speaker right; undefined when the question is unanswerable or the bot abstained. */
  speakerCorrect: boolean | undefined;
  /** The shown quote is a substring of the article. */
  verbatim: boolean;
}

/** Scores one reply against its label. `articleText` is the cleaned article (for the verbatim check). */
export function score(item: LabelledQuestion, reply: Reply, articleText: string): Outcome {
  const answerable = item.paragraphs.length > 0;
  if (reply.kind === 'no-answer') {
    return { item, reply, answerable, correct: !answerable, speakerCorrect: undefined, verbatim: true };
  }
  const correct = answerable && item.paragraphs.includes(reply.paragraph);
  const speakerCorrect = answerable ? item.speakers.includes(reply.speaker.id) : undefined;
  return { item, reply, answerable, correct, speakerCorrect, verbatim: articleText.includes(reply.quote) };
}

/** Counts for a group of outcomes. Rates are 0..1, NaN-free (0 when the group is empty). */
export interface Summary {
  n: number;
  correct: number;
  overall: number;
  answerable: number;
  top1: number;
  unanswerable: number;
  abstention: number;
  speakerChecked: number;
  speaker: number;
  verbatim: number;
}

const rate = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Overall accuracy, answerable top-1, abstention accuracy, speaker accuracy and verbatim rate of a group. */
export function summarize(outcomes: Outcome[]): Summary {
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const speakerChecked = outcomes.filter((o) => o.speakerCorrect !== undefined);
  const answered = outcomes.filter((o) => o.reply.kind === 'answer');
  const correct = outcomes.filter((o) => o.correct).length;
  return {
    n: outcomes.length,
    correct,
    overall: rate(correct, outcomes.length),
    answerable: answerable.length,
    top1: rate(answerable.filter((o) => o.correct).length, answerable.length),
    unanswerable: unanswerable.length,
    abstention: rate(unanswerable.filter((o) => o.correct).length, unanswerable.length),
    speakerChecked: speakerChecked.length,
    speaker: rate(speakerChecked.filter((o) => o.speakerCorrect).length, speakerChecked.length),
    verbatim: rate(answered.filter((o) => o.verbatim).length, answered.length),
  };
}

/** Outcomes grouped by a field (`lang` or `kind`), groups sorted by name. */
export function groupBy(outcomes: Outcome[], field: 'lang' | 'kind'): Array<[string, Outcome[]]> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const k = o.item[field];
    groups.set(k, [...(groups.get(k) ?? []), o]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** One band of the reliability table: answers whose confidence falls in [from, to). */
export interface ReliabilityBand {
  from: number;
  to: number;
  answers: number;
  right: number;
}

/**
 * Reliability table: for the answers given (abstentions excluded), share right per confidence band.
 * An answer to an unanswerable question counts as wrong.
 */
export function reliability(
  outcomes: Outcome[],
  edges: number[] = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01],
): ReliabilityBand[] {
  const bands: ReliabilityBand[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i] as number;
    const to = edges[i + 1] as number;
    const inBand = outcomes.filter(
      (o) => o.reply.kind === 'answer' && o.reply.confidence >= from && o.reply.confidence < to,
    );
    bands.push({ from, to, answers: inBand.length, right: inBand.filter((o) => o.correct).length });
  }
  return bands;
}
