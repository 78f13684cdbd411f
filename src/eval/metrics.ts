/**
 * Scoring of labelled questions, as the team measures (shared/eval/README.md): an answerable question is right
 * when the answer's paragraph is one of `paragraphs`; its speaker is right when the answer's speaker is one of
 * `speakers`; an unanswerable one (`paragraphs: []`) is right when the bot abstains.
 */
import { z } from 'zod';
import type { Reply } from '../core/types.ts';

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

/**
 * Parses a `.jsonl` eval file's text; blank lines are skipped.
 * @throws Error naming the line number of the first invalid line.
 */
export function parseEvalFile(text: string): LabelledQuestion[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, n]) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`eval file line ${n}: not JSON (${(error as Error).message})`);
      }
      const parsed = LabelledQuestionSchema.safeParse(json);
      if (!parsed.success) throw new Error(`eval file line ${n}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return parsed.data;
    });
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
