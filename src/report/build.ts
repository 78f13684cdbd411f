/**
 * The curators' report (`npm run report`): what users asked that the bot could not answer well, what they rated
 * down and what they picked instead, each row with the action to take in `seeds/qa.json`.
 *
 * {@link buildReport} is pure: it reads a {@link FeedbackSnapshot} and asks the current answerer again (so the report
 * reflects today's seeds, not those of the day the question was asked). No I/O, no clock: `now` is a parameter.
 */

import { createAnswerer } from '../core/answerer.ts';
import { DECISION } from '../core/calibration.ts';
import { Featurizer } from '../core/features.ts';
import { normalize } from '../core/normalize.ts';
import type { Answerer, Corpus, NoAnswerReason, QuestionLang } from '../core/types.ts';
import {
  type AnswerRef,
  type FeedbackSnapshot,
  type StoredPick,
  type StoredQuestion,
  type StoredVote,
  SURFACES,
  type Surface,
} from '../store/types.ts';
import { guessLang } from './lang.ts';

/** Rows per section unless `top` says otherwise. */
export const DEFAULT_TOP = 10;

/** Distinct spellings kept per question group (most frequent first). */
const MAX_SPELLINGS = 5;

/** Example questions kept per rated answer or pick row. */
const MAX_EXAMPLES = 3;

/**
 * A declined question that names something the article is about (a speaker, Iran, Raqqa, the border) and whose best
 * candidate with abstention off scores at least this is a near miss: the action names that entry or paragraph.
 * On the declined questions of the labelled sets, every near miss that pointed to the right paragraph scored 0.28 or
 * more; questions naming nothing in the article (recipes, football, code) are never near misses, whatever they score.
 */
export const NEAR_MISS_FLOOR = 0.25;

/** Counts for one day or one surface. Votes are counted after keeping each user's latest vote per message. */
export interface Counts {
  questions: number;
  answered: number;
  declined: number;
  votesUp: number;
  votesDown: number;
}

/** What the current answerer makes of a question today. `ref` is an entry id or `p<N>`. */
export type CurrentReply =
  | { kind: 'answer'; ref: AnswerRef; paragraph: number; confidence: number }
  | {
      kind: 'no-answer';
      reason: NoAnswerReason;
      /** The best candidate with abstention off, when it scores at least {@link NEAR_MISS_FLOOR}. */
      nearMiss?: { ref: AnswerRef; paragraph: number; confidence: number };
      /** Whether the question names a speaker or something the article is about (Iran, Raqqa, the border). */
      topical: boolean;
    };

/** The kinds of suggested action; `text` says it in words for the curator. */
export type ActionKind =
  /** Already handled today (answered well, or a greeting): nothing to do. */
  | 'nothing'
  /** Add the question(s) as phrasings of an existing entry (`entryId`, under `lang`). */
  | 'add-phrasings'
  /** Write a new entry: the article answers this in `paragraph`. */
  | 'new-entry'
  /** The article does not answer this: no entry; at most a note on the declined topic. */
  | 'out-of-scope'
  /** An entry was rated down: check its quote and translation. */
  | 'review-entry'
  /** Answers from a paragraph (or with none of the alternatives right) were rated down: read the questions. */
  | 'review-answer';

/** A concrete suggestion for one report row. */
export interface Action {
  kind: ActionKind;
  /** The entry concerned (to extend or to review). */
  entryId?: string;
  /** The paragraph concerned (for a new entry, or the answer reviewed). */
  paragraph?: number;
  /** The `questions` key in seeds/qa.json for the phrasings, when guessed (see lang.ts). */
  lang?: QuestionLang;
  /** One sentence, e.g. `add this phrasing to entry p04-assad (seeds/qa.json, "ar-lev")`. */
  text: string;
}

/** Questions grouped by their normalized text (hamza, teh marbuta, diacritics and case folded). */
export interface QuestionGroup {
  normalized: string;
  /** The most frequent original spelling (ties: the latest asked). */
  question: string;
  /** Distinct original spellings, most frequent first, at most 5 (the first is `question`). */
  spellings: string[];
  /** Times asked. */
  count: number;
  /** Distinct users (by user hash). */
  users: number;
  /** Times asked per surface (surfaces never used are absent). */
  surfaces: Partial<Record<Surface, number>>;
  /** Latest time asked, ms since the Unix epoch. */
  lastSeen: number;
  /** Guessed qa.json language key of `question`. */
  lang?: QuestionLang;
  /** What the answerer says today to `question`. */
  now: CurrentReply;
  action: Action;
}

/** A group of declined questions. */
export interface UnansweredGroup extends QuestionGroup {
  /** Why they were declined when asked, with counts. */
  reasons: Partial<Record<NoAnswerReason, number>>;
}

/** A group of questions answered with a confidence under DECISION.lowConfidenceBelow. */
export interface LowConfidenceGroup extends QuestionGroup {
  /** What they were answered with when asked (entry id or `p<N>`), most frequent first. */
  answeredWith: Array<{ ref: AnswerRef; count: number }>;
  /** Mean confidence when asked (0..1, two decimals). */
  confidence: number;
}

/** Votes on the answers given with one ref. Only refs with at least one 👎 are listed. */
export interface RatedAnswer {
  ref: AnswerRef;
  /** The paragraph of the entry or `p<N>`; absent for an entry no longer in qa.json. */
  paragraph?: number;
  up: number;
  down: number;
  /** up − down. */
  net: number;
  /** down / (up + down), two decimals. */
  downRatio: number;
  /** Distinct voters. */
  users: number;
  /** Questions that got a 👎 (when the vote names its recorded question), most frequent first. */
  examples: string[];
  action: Action;
}

/** Users who rated `ref` down and picked `picked` instead. */
export interface PickedAlternative {
  ref: AnswerRef;
  picked: AnswerRef;
  count: number;
  users: number;
  /** The questions those messages answered (when recorded), most frequent first. */
  examples: string[];
  action: Action;
}

/** Users who rated `ref` down and said none of the alternatives was right. */
export interface NonePick {
  ref: AnswerRef;
  count: number;
  users: number;
  examples: string[];
  action: Action;
}

/** One section: `rows` are the first `top` of `total`. */
export interface Section<T> {
  total: number;
  rows: T[];
}

/** Totals over the whole period. */
export interface ReportSummary extends Counts {
  /** Answered with confidence under DECISION.lowConfidenceBelow. */
  lowConfidence: number;
  /** Distinct users who asked. */
  users: number;
  /** Picks of an alternative (not 'none'). */
  picks: number;
  /** Picks of 'none'. */
  picksNone: number;
}

/** The report: a period, a summary and the sections, each bounded to `top` rows. */
export interface Report {
  /** Start of the period, ms since the Unix epoch (inclusive). */
  since: number;
  /** When the report was built, ms since the Unix epoch. */
  now: number;
  /** Rows per section. */
  top: number;
  summary: ReportSummary;
  unanswered: Section<UnansweredGroup>;
  lowConfidence: Section<LowConfidenceGroup>;
  worstRated: Section<RatedAnswer>;
  picks: Section<PickedAlternative>;
  picksNone: Section<NonePick>;
  /** Days with activity (UTC, `YYYY-MM-DD`), in date order; the latest `top` days. */
  perDay: Section<Counts & { day: string }>;
  /** Surfaces with activity, in SURFACES order. */
  perSurface: Array<Counts & { surface: Surface }>;
}

/** Options of {@link buildReport}. Times are ms since the Unix epoch. */
export interface ReportOptions {
  /** Start of the period (rows before it are ignored, should the snapshot hold any). */
  since: number;
  /** The report's "now" (shown, and never read from the clock here). */
  now: number;
  /** Rows per section, 1..100. @defaultValue {@link DEFAULT_TOP} */
  top?: number;
}

/** The UTC date of a time, `YYYY-MM-DD`. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Two decimals, as numbers (0.8999 → 0.9). */
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** An answer's ref: its curated entry id, else `p<paragraph>`. */
const refOf = (answer: { entryId?: string; paragraph: number }): AnswerRef => answer.entryId ?? `p${answer.paragraph}`;

/** What the report derives from a corpus once: a probe answerer and the article's entity keys. */
interface CorpusTools {
  /** The answerer with abstention off: what a declined question nearly matched. */
  probe: Answerer;
  featurizer: Featurizer;
  /** Feature keys of the speakers and of the concepts the article is about (places, groups, dates, numbers). */
  entityKeys: ReadonlySet<string>;
}

/** Built once per corpus: an index takes a few hundred milliseconds. The result depends only on the corpus. */
const toolsByCorpus = new WeakMap<Corpus, CorpusTools>();

function toolsFor(corpus: Corpus): CorpusTools {
  let tools = toolsByCorpus.get(corpus);
  if (!tools) {
    tools = {
      probe: createAnswerer(corpus, { abstainBelow: 0 }),
      featurizer: new Featurizer(corpus.speakers, corpus.concepts),
      entityKeys: new Set([
        ...corpus.speakers.map((sp) => `sp:${sp.id}`),
        ...corpus.concepts.filter((c) => c.entity).map((c) => `c:${c.id}`),
      ]),
    };
    toolsByCorpus.set(corpus, tools);
  }
  return tools;
}

/** Describes refs for the actions: `entry X` or `paragraph N`, and the paragraph a ref belongs to. */
class Refs {
  private readonly entries: Map<string, number>;

  constructor(corpus: Corpus) {
    this.entries = new Map(corpus.entries.map((e) => [e.id, e.paragraph]));
  }

  /** The paragraph of an entry id or `p<N>`; undefined for an entry no longer in the seeds. */
  paragraphOf(ref: AnswerRef): number | undefined {
    const p = /^p(\d+)$/.exec(ref);
    return p ? Number(p[1]) : this.entries.get(ref);
  }

  isEntry(ref: AnswerRef): boolean {
    return this.entries.has(ref);
  }

  isParagraph(ref: AnswerRef): boolean {
    return /^p\d+$/.test(ref) && !this.entries.has(ref);
  }

  describe(ref: AnswerRef): string {
    if (this.isParagraph(ref)) return `paragraph ${ref.slice(1)}`;
    return this.isEntry(ref) ? `entry ${ref}` : `entry ${ref} (no longer in qa.json)`;
  }
}

/** `(seeds/qa.json, "ar-lev")`, or without the key when the language is unknown. */
const where = (lang: QuestionLang | undefined): string =>
  lang ? `(seeds/qa.json, "${lang}")` : '(seeds/qa.json, under its language)';

const phrasing = (n: number): string => (n > 1 ? 'these phrasings' : 'this phrasing');

/**
 * Asks the current answerer about one question; for a decline of a question that names something the article is
 * about, also the probe (abstention off), whose best candidate is the near miss.
 */
function askNow(question: string, answerer: Answerer): CurrentReply {
  const reply = answerer.ask(question);
  if (reply.kind === 'answer') {
    return { kind: 'answer', ref: refOf(reply), paragraph: reply.paragraph, confidence: reply.confidence };
  }
  const tools = toolsFor(answerer.corpus);
  const topical = tools.featurizer.features(normalize(question)).some((f) => tools.entityKeys.has(f.exact));
  const now: CurrentReply = { kind: 'no-answer', reason: reply.reason, topical };
  if (
    !topical ||
    reply.reason === 'empty' ||
    reply.reason === 'no-such-paragraph' ||
    reply.reason === 'other-language' ||
    reply.reason === 'opinion'
  ) {
    return now;
  }
  const probe = tools.probe.ask(question);
  if (probe.kind === 'answer' && probe.confidence >= NEAR_MISS_FLOOR) {
    now.nearMiss = { ref: refOf(probe), paragraph: probe.paragraph, confidence: probe.confidence };
  }
  return now;
}

/**
 * The action for a group of questions (declined or answered with low confidence), decided on today's answer:
 * answered well → nothing; answered weakly or nearly matched → add the phrasings to that entry, or write an entry
 * for that paragraph; no candidate → out of scope.
 */
function groupAction(now: CurrentReply, spellings: number, lang: QuestionLang | undefined, refs: Refs): Action {
  const conf = (c: number): string => `conf ${round2(c)}`;
  if (now.kind === 'answer' && now.confidence >= DECISION.lowConfidenceBelow) {
    return {
      kind: 'nothing',
      ...(refs.isEntry(now.ref) ? { entryId: now.ref } : {}),
      paragraph: now.paragraph,
      text: `now answered by ${refs.describe(now.ref)} (${conf(now.confidence)}): nothing to do`,
    };
  }
  if (now.kind === 'no-answer' && now.reason === 'empty') {
    return { kind: 'nothing', text: 'a greeting or no question: nothing to do' };
  }
  if (now.kind === 'no-answer' && now.reason === 'no-such-paragraph') {
    return { kind: 'nothing', text: 'asked for a paragraph the article does not have: nothing to do' };
  }
  if (now.kind === 'no-answer' && !now.nearMiss) {
    return {
      kind: 'out-of-scope',
      text: now.topical
        ? 'out of scope: the article does not say; no entry (consider a declined-topic note if it is asked often)'
        : 'out of scope: nothing in the article is about this; no action',
    };
  }
  const best = now.kind === 'answer' ? now : (now.nearMiss as NonNullable<typeof now.nearMiss>);
  const these = phrasing(spellings);
  // Where the best candidate points: an entry that may take the phrasing, or a paragraph that needs an entry.
  const toward = (text: { entry: string; paragraph: string }): Action =>
    refs.isEntry(best.ref)
      ? {
          kind: 'add-phrasings',
          entryId: best.ref,
          paragraph: best.paragraph,
          ...(lang ? { lang } : {}),
          text: text.entry,
        }
      : { kind: 'new-entry', paragraph: best.paragraph, ...(lang ? { lang } : {}), text: text.paragraph };
  if (now.kind === 'answer') {
    const state = `now answered weakly by ${refs.describe(best.ref)} (${conf(best.confidence)})`;
    return toward({
      entry: `${state}: if it is the right answer, add ${these} to entry ${best.ref} ${where(lang)}`,
      paragraph: `${state}: new entry needed, the article answers this in paragraph ${best.paragraph}; quote the clause that answers`,
    });
  }
  const state = `declined; near miss ${refs.describe(best.ref)} (${conf(best.confidence)})`;
  return toward({
    entry: `${state}: if it answers this, add ${these} to entry ${best.ref} ${where(lang)}; if not, out of scope`,
    paragraph: `${state}: if paragraph ${best.paragraph} answers this, new entry needed (quote the clause that answers); if not, out of scope`,
  });
}

/** Counts of items by key, most frequent first (ties: first seen). */
function ranked<T>(items: readonly T[], keyOf: (item: T) => string): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

/** Groups questions by normalized text into {@link QuestionGroup}s (without action), most asked first. */
function groupQuestions(
  questions: readonly StoredQuestion[],
  answerer: Answerer,
  refs: Refs,
): Array<QuestionGroup & { members: StoredQuestion[] }> {
  const byKey = new Map<string, StoredQuestion[]>();
  for (const q of questions) byKey.set(q.normalized, [...(byKey.get(q.normalized) ?? []), q]);
  const groups = [...byKey].map(([normalized, members]) => {
    // Most frequent spelling; among equals the latest asked (members are in time order, so reverse first).
    const spellings = ranked([...members].reverse(), (q) => q.question).map((s) => s.key);
    const question = spellings[0] ?? '';
    const surfaces: Partial<Record<Surface, number>> = {};
    for (const m of members) surfaces[m.surface] = (surfaces[m.surface] ?? 0) + 1;
    const lang = guessLang(question);
    const now = askNow(question, answerer);
    return {
      normalized,
      question,
      spellings: spellings.slice(0, MAX_SPELLINGS),
      count: members.length,
      users: new Set(members.map((m) => m.userHash)).size,
      surfaces,
      lastSeen: Math.max(...members.map((m) => m.at)),
      ...(lang ? { lang } : {}),
      now,
      action: groupAction(now, spellings.length, lang, refs),
      members,
    };
  });
  return groups.sort((a, b) => b.count - a.count || b.users - a.users || b.lastSeen - a.lastSeen);
}

/** One key per (user, message): a user's vote and pick on one answer message share it. */
function userMessageKey(row: { userHash: string; messageId: string }): string {
  return `${row.userHash}\u0000${row.messageId}`;
}

/** Keeps each user's latest row per message (later `at` wins; equal times: the later row). */
function latestPerUserMessage<T extends { at: number; userHash: string; messageId: string }>(rows: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const key = userMessageKey(row);
    const seen = latest.get(key);
    if (!seen || row.at >= seen.at) latest.set(key, row);
  }
  return [...latest.values()];
}

/** The question texts of the given question ids, most frequent first (by normalized text), at most 3. */
function examplesOf(ids: ReadonlyArray<number | undefined>, byId: ReadonlyMap<number, StoredQuestion>): string[] {
  const found = ids.flatMap((id) => {
    const q = id === undefined ? undefined : byId.get(id);
    return q ? [q] : [];
  });
  const first = new Map<string, string>();
  for (const q of found) if (!first.has(q.normalized)) first.set(q.normalized, q.question);
  return ranked(found, (q) => q.normalized)
    .slice(0, MAX_EXAMPLES)
    .map((r) => first.get(r.key) ?? '');
}

function ratedAnswers(
  votes: readonly StoredVote[],
  picks: readonly StoredPick[],
  byId: ReadonlyMap<number, StoredQuestion>,
  refs: Refs,
): RatedAnswer[] {
  const byRef = new Map<AnswerRef, StoredVote[]>();
  for (const v of votes) byRef.set(v.ref, [...(byRef.get(v.ref) ?? []), v]);
  const rows: RatedAnswer[] = [];
  for (const [ref, list] of byRef) {
    const up = list.filter((v) => v.vote === 1).length;
    const down = list.length - up;
    if (down === 0) continue;
    const paragraph = refs.paragraphOf(ref);
    const examples = examplesOf(
      list.filter((v) => v.vote === -1).map((v) => v.questionId),
      byId,
    );
    const picked = ranked(
      picks.filter((p) => p.ref === ref && p.picked !== 'none'),
      (p) => p.picked,
    )[0];
    const instead = picked ? `; users picked ${refs.describe(picked.key)} instead (see picks)` : '';
    let action: Action;
    if (refs.isEntry(ref)) {
      action = {
        kind: 'review-entry',
        entryId: ref,
        ...(paragraph !== undefined ? { paragraph } : {}),
        text: `review entry ${ref}'s quote/translation and its phrasings (${down} 👎 of ${up + down})${instead}`,
      };
    } else if (refs.isParagraph(ref)) {
      action = {
        kind: 'review-answer',
        ...(paragraph !== undefined ? { paragraph } : {}),
        text: `answers from paragraph ${paragraph} were rated down: add an entry quoting the clause that answers these questions, or the entry that should have matched${instead}`,
      };
    } else {
      action = { kind: 'nothing', entryId: ref, text: `entry ${ref} is no longer in qa.json: nothing to do` };
    }
    rows.push({
      ref,
      ...(paragraph !== undefined ? { paragraph } : {}),
      up,
      down,
      net: up - down,
      downRatio: round2(down / (up + down)),
      users: new Set(list.map((v) => v.userHash)).size,
      examples,
      action,
    });
  }
  return rows.sort(
    (a, b) => a.net - b.net || b.downRatio - a.downRatio || b.down - a.down || a.ref.localeCompare(b.ref),
  );
}

function pickRows(
  picks: readonly StoredPick[],
  questionOfMessage: ReadonlyMap<string, number>,
  byId: ReadonlyMap<number, StoredQuestion>,
  refs: Refs,
): { picked: PickedAlternative[]; none: NonePick[] } {
  const groups = new Map<string, StoredPick[]>();
  for (const p of picks) {
    const key = `${p.ref}\u0000${p.picked}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const picked: PickedAlternative[] = [];
  const none: NonePick[] = [];
  for (const list of groups.values()) {
    const [{ ref, picked: choice }] = list as [StoredPick, ...StoredPick[]];
    const examples = examplesOf(
      list.map((p) => questionOfMessage.get(p.messageId)),
      byId,
    );
    const count = list.length;
    const users = new Set(list.map((p) => p.userHash)).size;
    const lang = examples[0] === undefined ? undefined : guessLang(examples[0]);
    const these =
      examples.length === 0 ? `the questions answered with ${refs.describe(ref)}` : phrasing(examples.length);
    if (choice === 'none') {
      none.push({
        ref,
        count,
        users,
        examples,
        action: {
          kind: 'review-answer',
          ...(refs.isEntry(ref) ? { entryId: ref } : {}),
          ...(refs.paragraphOf(ref) !== undefined ? { paragraph: refs.paragraphOf(ref) as number } : {}),
          text: `no alternative to ${refs.describe(ref)} was right: read the questions; new entry if the article answers them, else no action`,
        },
      });
      continue;
    }
    const action: Action = refs.isEntry(choice)
      ? {
          kind: 'add-phrasings',
          entryId: choice,
          ...(refs.paragraphOf(choice) !== undefined ? { paragraph: refs.paragraphOf(choice) as number } : {}),
          ...(lang ? { lang } : {}),
          text: `add ${these} to entry ${choice} ${where(lang)}`,
        }
      : refs.isParagraph(choice)
        ? {
            kind: 'new-entry',
            paragraph: Number(choice.slice(1)),
            ...(lang ? { lang } : {}),
            text: `new entry needed for paragraph ${choice.slice(1)} with ${these}`,
          }
        : { kind: 'nothing', text: `entry ${choice} is no longer in qa.json: nothing to do` };
    picked.push({ ref, picked: choice, count, users, examples, action });
  }
  const order = (a: { count: number; users: number; ref: string }, b: { count: number; users: number; ref: string }) =>
    b.count - a.count || b.users - a.users || a.ref.localeCompare(b.ref);
  return { picked: picked.sort(order), none: none.sort(order) };
}

const zero = (): Counts => ({ questions: 0, answered: 0, declined: 0, votesUp: 0, votesDown: 0 });

function addQuestion(c: Counts, q: StoredQuestion): void {
  c.questions += 1;
  if (q.outcome === 'answer') c.answered += 1;
  else c.declined += 1;
}

function addVote(c: Counts, v: StoredVote): void {
  if (v.vote === 1) c.votesUp += 1;
  else c.votesDown += 1;
}

/** `top` as a whole number in 1..100. */
const clampTop = (top: number | undefined): number => Math.max(1, Math.min(100, Math.floor(top ?? DEFAULT_TOP)));

const section = <T>(rows: readonly T[], top: number): Section<T> => ({ total: rows.length, rows: rows.slice(0, top) });

/**
 * Builds the report of a snapshot.
 *
 * @param snapshot - rows as read by `FeedbackStore.snapshot(since)`; rows before `options.since` are ignored.
 * @param answerer - the current answerer (`createAnswerer(loadCorpus())`): each group's question is asked again so
 *   the actions reflect today's seeds. A second answerer with abstention off is built once per corpus (a few hundred
 *   ms) to name near misses.
 * @param options - the period, the report time and the rows per section.
 * @returns the {@link Report}; empty sections when nothing was recorded. Never throws on well-typed input.
 */
export function buildReport(snapshot: FeedbackSnapshot, answerer: Answerer, options: ReportOptions): Report {
  const top = clampTop(options.top);
  const inPeriod = <T extends { at: number }>(rows: readonly T[]): T[] =>
    rows.filter((r) => r.at >= options.since).sort((a, b) => a.at - b.at);
  const questions = inPeriod(snapshot.questions);
  const votes = latestPerUserMessage(inPeriod(snapshot.votes));
  // A pick stands only while its user's vote on that message is 👎: the stores withdraw it on a 👍, but databases
  // written before they did may still hold picks their user later voted 👍.
  const upVoted = new Set(votes.filter((v) => v.vote === 1).map(userMessageKey));
  const picks = latestPerUserMessage(inPeriod(snapshot.picks)).filter((p) => !upVoted.has(userMessageKey(p)));
  const refs = new Refs(answerer.corpus);
  const byId = new Map(snapshot.questions.map((q) => [q.id, q]));

  const declined = questions.filter((q) => q.outcome === 'no-answer');
  const weak = questions.filter((q) => q.outcome === 'answer' && q.confidence < DECISION.lowConfidenceBelow);

  const unanswered: UnansweredGroup[] = groupQuestions(declined, answerer, refs).map(({ members, ...group }) => {
    const reasons: Partial<Record<NoAnswerReason, number>> = {};
    for (const m of members) if (m.reason) reasons[m.reason] = (reasons[m.reason] ?? 0) + 1;
    return { ...group, reasons };
  });
  const lowConfidence: LowConfidenceGroup[] = groupQuestions(weak, answerer, refs).map(({ members, ...group }) => ({
    ...group,
    answeredWith: ranked(members, (m) => m.ref ?? `p${m.paragraph ?? 0}`).map((r) => ({ ref: r.key, count: r.count })),
    confidence: round2(members.reduce((s, m) => s + m.confidence, 0) / members.length),
  }));

  // A vote names its message and, usually, its recorded question: picks reach their question through the vote.
  const questionOfMessage = new Map<string, number>();
  for (const v of votes) if (v.questionId !== undefined) questionOfMessage.set(v.messageId, v.questionId);
  const { picked, none } = pickRows(picks, questionOfMessage, byId, refs);

  const days = new Map<string, Counts>();
  const surfaces = new Map<Surface, Counts>();
  const bucket = <K>(map: Map<K, Counts>, key: K): Counts => {
    let c = map.get(key);
    if (!c) {
      c = zero();
      map.set(key, c);
    }
    return c;
  };
  const total = zero();
  for (const q of questions) {
    addQuestion(total, q);
    addQuestion(bucket(days, utcDay(q.at)), q);
    addQuestion(bucket(surfaces, q.surface), q);
  }
  for (const v of votes) {
    addVote(total, v);
    addVote(bucket(days, utcDay(v.at)), v);
    addVote(bucket(surfaces, v.surface), v);
  }
  const perDay = [...days].map(([day, c]) => ({ day, ...c })).sort((a, b) => a.day.localeCompare(b.day));

  return {
    since: options.since,
    now: options.now,
    top,
    summary: {
      ...total,
      lowConfidence: weak.length,
      users: new Set(questions.map((q) => q.userHash)).size,
      picks: picks.filter((p) => p.picked !== 'none').length,
      picksNone: picks.filter((p) => p.picked === 'none').length,
    },
    unanswered: section(unanswered, top),
    lowConfidence: section(lowConfidence, top),
    worstRated: section(ratedAnswers(votes, picks, byId, refs), top),
    picks: section(picked, top),
    picksNone: section(none, top),
    perDay: { total: perDay.length, rows: perDay.slice(-top) },
    perSurface: SURFACES.flatMap((surface) => {
      const c = surfaces.get(surface);
      return c ? [{ surface, ...c }] : [];
    }),
  };
}

/**
 * The report of an empty period, without an answerer (nothing to ask again): what the CLI prints as JSON when
 * nothing was recorded or recording is off.
 */
export function emptyReport(options: ReportOptions): Report {
  const top = clampTop(options.top);
  const none = <T>(): Section<T> => ({ total: 0, rows: [] });
  return {
    since: options.since,
    now: options.now,
    top,
    summary: { ...zero(), lowConfidence: 0, users: 0, picks: 0, picksNone: 0 },
    unanswered: none(),
    lowConfidence: none(),
    worstRated: none(),
    picks: none(),
    picksNone: none(),
    perDay: none(),
    perSurface: [],
  };
}
