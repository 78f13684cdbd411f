/**
 * Renders a {@link Report}: plain text for a terminal (sections with headings, Arabic shown as is on its own line so
 * a bidi terminal cannot reorder the figures around it) and a stable JSON shape for tools.
 *
 * User text is hostile by default: the text rendering removes bidi and zero-width controls and control characters
 * (an ANSI escape loses its ESC), folds line breaks to spaces and caps long questions with an ellipsis; the JSON
 * keeps the text whole but writes those invisible characters as `\uXXXX` escapes.
 */
import { removeInvisibles } from '../core/normalize.ts';
import type { AnswerRef } from '../store/types.ts';
import type { Action, Counts, CurrentReply, QuestionGroup, Report, Section } from './build.ts';

/** Longest question shown in the text report, in characters (then "…"). */
export const TEXT_QUESTION_MAX = 160;

/** Longest example question shown in the text report, in characters (then "…"). */
export const TEXT_EXAMPLE_MAX = 80;

/**
 * Text safe to print in a terminal on one line: bidi controls (U+061C, U+200E/F, U+202A–E, U+2066–9), zero-width
 * characters and C0/C1 control characters removed, line breaks and tabs as spaces, runs of spaces collapsed, at most
 * `max` characters (then "…"). Arabic and every visible character are kept as typed.
 */
export function displaySafe(text: string, max: number): string {
  const clean = removeInvisibles(text)
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  const chars = [...clean];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
}

const quoted = (text: string, max = TEXT_QUESTION_MAX): string => `«${displaySafe(text, max)}»`;

/** `2024-05-01 13:04` (UTC). */
const dateTime = (at: number): string => new Date(at).toISOString().slice(0, 16).replace('T', ' ');
const date = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** `entry X`, or `paragraph N` for a `p<N>` ref. */
const refName = (ref: AnswerRef): string => (/^p\d+$/.test(ref) ? `paragraph ${ref.slice(1)}` : ref);

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const listCounts = (counts: Partial<Record<string, number>>): string =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

function heading(title: string, section: { total: number; rows: readonly unknown[] }, unit: string): string {
  const shown = section.rows.length < section.total ? `top ${section.rows.length} of ${section.total}` : section.total;
  const line = `\n${title} (${shown} ${section.total === 1 ? unit : `${unit}s`})`;
  return section.total === 0 ? `${line}\n  (none)` : line;
}

const arrow = (action: Action): string => `     → ${action.text}`;

function groupLines(g: QuestionGroup, index: number, detail: string): string[] {
  const others =
    g.spellings.length > 1
      ? [
          `     also spelled: ${g.spellings
            .slice(1)
            .map((s) => quoted(s, TEXT_EXAMPLE_MAX))
            .join(' ')}`,
        ]
      : [];
  return [
    `${String(index + 1).padStart(3)}. ${quoted(g.question)}`,
    `     ${g.count}× by ${plural(g.users, 'user')} · ${listCounts(g.surfaces)} · last ${dateTime(g.lastSeen)} · lang ${g.lang ?? '?'}${detail}`,
    ...others,
    arrow(g.action),
  ];
}

const examplesLine = (label: string, examples: readonly string[]): string[] =>
  examples.length === 0 ? [] : [`     ${label} ${examples.map((e) => quoted(e, TEXT_EXAMPLE_MAX)).join(' ')}`];

function countsTable(first: string, rows: ReadonlyArray<Counts & { key: string }>): string[] {
  const head = ['questions', 'answered', 'declined', 'up', 'down'];
  const width = Math.max(first.length, ...rows.map((r) => r.key.length));
  const line = (key: string, cells: ReadonlyArray<string | number>): string =>
    `  ${key.padEnd(width)}${cells.map((c, i) => String(c).padStart((head[i] as string).length + 2)).join('')}`;
  return [
    line(first, head),
    ...rows.map((r) => line(r.key, [r.questions, r.answered, r.declined, r.votesUp, r.votesDown])),
  ];
}

/** The one-line summary at the top of the text report. */
export function formatSummary(report: Report): string {
  const s = report.summary;
  return (
    `iqtibas report, ${date(report.since)} to ${date(report.now)} (UTC): ` +
    `${plural(s.questions, 'question')} from ${plural(s.users, 'user')}, ${s.answered} answered ` +
    `(${s.lowConfidence} with low confidence), ${s.declined} declined; ` +
    `👍 ${s.votesUp} 👎 ${s.votesDown}; ${plural(s.picks, 'alternative')} picked, ${s.picksNone} "none"`
  );
}

/**
 * What to print when there is nothing to report (no database yet, or no row in the period): how recording works.
 * @param since - start of the period (ms epoch), when a store was read; absent when there is no database at all.
 */
export function formatNothingRecorded(since?: number): string {
  return [
    since === undefined ? 'Nothing recorded yet.' : `Nothing recorded since ${date(since)} (UTC).`,
    'The bot records each question it answers or declines, and the 👍/👎 votes and picks on its answers, while',
    'RECORD is on (the default; RECORD=off turns recording off). Questions sent in DMs are recorded only with',
    'RECORD_DMS=on. Rows go to DATABASE_PATH (default data/iqtibas.sqlite) or to PostgreSQL with DATABASE_URL,',
    'users only as a keyed hash, and are deleted after RETENTION_DAYS (default 90).',
    'Run the bot (npm start), let people ask, then run npm run report again.',
  ].join('\n');
}

/** What to print with RECORD=off. */
export function formatRecordingOff(): string {
  return 'Recording is off (RECORD=off): nothing is recorded, so there is nothing to report. Unset RECORD (or set RECORD=on) and restart the bot to record questions and feedback.';
}

const isEmpty = (report: Report): boolean =>
  report.summary.questions === 0 &&
  report.summary.votesUp + report.summary.votesDown === 0 &&
  report.summary.picks + report.summary.picksNone === 0;

function nowDetail(now: CurrentReply): string {
  return now.kind === 'answer' ? '' : ` · today: declined (${now.reason})`;
}

/**
 * The text report: a one-line summary, then the sections (unanswered, low confidence, worst rated, picks, per day,
 * per surface), each row with its suggested action after "→". An empty report prints {@link formatNothingRecorded}.
 */
export function formatReportText(report: Report): string {
  if (isEmpty(report)) return `${formatSummary(report)}\n\n${formatNothingRecorded(report.since)}`;
  const out: string[] = [formatSummary(report)];
  const { unanswered, lowConfidence, worstRated, picks, picksNone } = report;

  out.push(heading('Unanswered questions', unanswered, 'group'));
  unanswered.rows.forEach((g, i) => {
    out.push(...groupLines(g, i, ` · declined: ${listCounts(g.reasons)}`));
  });

  out.push(heading('Low-confidence answers', lowConfidence, 'group'));
  lowConfidence.rows.forEach((g, i) => {
    const withWhat = g.answeredWith.map((w) => `${refName(w.ref)} ${w.count}`).join(', ');
    out.push(...groupLines(g, i, ` · answered with ${withWhat} (mean conf ${g.confidence})${nowDetail(g.now)}`));
  });

  out.push(heading('Worst-rated answers', worstRated, 'answer'));
  worstRated.rows.forEach((r, i) => {
    const where = r.paragraph !== undefined && !/^p\d+$/.test(r.ref) ? ` (paragraph ${r.paragraph})` : '';
    out.push(
      `${String(i + 1).padStart(3)}. ${refName(r.ref)}${where}: ${r.up} up, ${r.down} down, net ${r.net}, ` +
        `${Math.round(r.downRatio * 100)}% down, ${plural(r.users, 'voter')}`,
      ...examplesLine('rated down on:', r.examples),
      arrow(r.action),
    );
  });

  out.push(heading('Alternatives users picked instead', picks, 'pair'));
  picks.rows.forEach((p, i) => {
    out.push(
      `${String(i + 1).padStart(3)}. ${refName(p.ref)} → ${refName(p.picked)}: ${p.count}× by ${plural(p.users, 'user')}`,
      ...examplesLine('questions:', p.examples),
      arrow(p.action),
    );
  });
  if (picksNone.total > 0) {
    out.push(heading('  "None of these" after a 👎', picksNone, 'answer'));
    picksNone.rows.forEach((p, i) => {
      out.push(
        `${String(i + 1).padStart(3)}. ${refName(p.ref)}: ${p.count}× by ${plural(p.users, 'user')}`,
        ...examplesLine('questions:', p.examples),
        arrow(p.action),
      );
    });
  }

  out.push(heading('Per day (UTC)', report.perDay, 'day'));
  out.push(
    ...countsTable(
      'day',
      report.perDay.rows.map((d) => ({ key: d.day, ...d })),
    ),
  );
  out.push(`\nPer surface`);
  out.push(
    ...countsTable(
      'surface',
      report.perSurface.map((s) => ({ key: s.surface, ...s })),
    ),
  );
  return out.join('\n');
}

/** An action in the JSON shape; absent fields are null. */
export interface JsonAction {
  kind: Action['kind'];
  entry_id: string | null;
  paragraph: number | null;
  lang: string | null;
  text: string;
}

/** What the answerer says today, in the JSON shape. */
export type JsonNow =
  | { kind: 'answer'; ref: string; paragraph: number; confidence: number }
  | {
      kind: 'no-answer';
      reason: string;
      topical: boolean;
      near_miss: { ref: string; paragraph: number; confidence: number } | null;
    };

/** Counts of one day or surface in the JSON shape. */
export interface JsonCounts {
  questions: number;
  answered: number;
  declined: number;
  votes_up: number;
  votes_down: number;
}

/** One question group in the JSON shape (unanswered and low-confidence rows). */
export interface JsonGroup {
  question: string;
  normalized: string;
  spellings: string[];
  count: number;
  users: number;
  surfaces: Record<string, number>;
  last_seen: string;
  lang: string | null;
  now: JsonNow;
  action: JsonAction;
}

/**
 * The JSON report printed by `npm run report -- --json`. Keys are snake_case and stable (add, never rename); absent
 * values are null; times are ISO 8601 UTC strings; confidences and ratios are 0..1 with two decimals.
 *
 * ```text
 * {
 *   status: 'ok' | 'nothing_recorded' | 'recording_off',
 *   generated_at, since: ISO time, top: rows per section,
 *   summary: { questions, answered, declined, low_confidence, users, votes_up, votes_down, picks, picks_none },
 *   unanswered:     { total, rows: [Group & { reasons: { <reason>: count } }] },
 *   low_confidence: { total, rows: [Group & { answered_with: [{ ref, count }], confidence }] },
 *   worst_rated:    { total, rows: [{ ref, paragraph, up, down, net, down_ratio, users, examples, action }] },
 *   picks:          { total, rows: [{ ref, picked, count, users, examples, action }] },
 *   picks_none:     { total, rows: [{ ref, count, users, examples, action }] },
 *   per_day:        { total, rows: [{ day: 'YYYY-MM-DD', questions, answered, declined, votes_up, votes_down }] },
 *   per_surface:    [{ surface, questions, answered, declined, votes_up, votes_down }]
 * }
 * Group  = { question, normalized, spellings, count, users, surfaces: { <surface>: count }, last_seen, lang, now, action }
 * now    = { kind: 'answer', ref, paragraph, confidence }
 *        | { kind: 'no-answer', reason, topical, near_miss: { ref, paragraph, confidence } | null }
 * action = { kind: 'nothing' | 'add-phrasings' | 'new-entry' | 'out-of-scope' | 'review-entry' | 'review-answer',
 *            entry_id, paragraph, lang, text }
 * ```
 * A ref is a curated entry id or `p<N>` (paragraph N). `rows` hold at most `top` items of `total`; `per_day` keeps
 * the latest days.
 */
export interface JsonReport {
  status: 'ok' | 'nothing_recorded' | 'recording_off';
  generated_at: string;
  since: string;
  top: number;
  summary: JsonCounts & {
    low_confidence: number;
    users: number;
    picks: number;
    picks_none: number;
  };
  unanswered: { total: number; rows: Array<JsonGroup & { reasons: Record<string, number> }> };
  low_confidence: {
    total: number;
    rows: Array<JsonGroup & { answered_with: Array<{ ref: string; count: number }>; confidence: number }>;
  };
  worst_rated: {
    total: number;
    rows: Array<{
      ref: string;
      paragraph: number | null;
      up: number;
      down: number;
      net: number;
      down_ratio: number;
      users: number;
      examples: string[];
      action: JsonAction;
    }>;
  };
  picks: {
    total: number;
    rows: Array<{ ref: string; picked: string; count: number; users: number; examples: string[]; action: JsonAction }>;
  };
  picks_none: {
    total: number;
    rows: Array<{ ref: string; count: number; users: number; examples: string[]; action: JsonAction }>;
  };
  per_day: { total: number; rows: Array<JsonCounts & { day: string }> };
  per_surface: Array<JsonCounts & { surface: string }>;
}

const iso = (at: number): string => new Date(at).toISOString();

const jsonAction = (a: Action): JsonAction => ({
  kind: a.kind,
  entry_id: a.entryId ?? null,
  paragraph: a.paragraph ?? null,
  lang: a.lang ?? null,
  text: a.text,
});

const jsonCounts = (c: Counts): JsonCounts => ({
  questions: c.questions,
  answered: c.answered,
  declined: c.declined,
  votes_up: c.votesUp,
  votes_down: c.votesDown,
});

const jsonNow = (now: CurrentReply): JsonNow =>
  now.kind === 'answer'
    ? { kind: 'answer', ref: now.ref, paragraph: now.paragraph, confidence: now.confidence }
    : { kind: 'no-answer', reason: now.reason, topical: now.topical, near_miss: now.nearMiss ?? null };

const jsonGroup = (g: QuestionGroup): JsonGroup => ({
  question: g.question,
  normalized: g.normalized,
  spellings: g.spellings,
  count: g.count,
  users: g.users,
  surfaces: { ...g.surfaces } as Record<string, number>,
  last_seen: iso(g.lastSeen),
  lang: g.lang ?? null,
  now: jsonNow(g.now),
  action: jsonAction(g.action),
});

const rowsOf = <T, U>(section: Section<T>, map: (row: T) => U): { total: number; rows: U[] } => ({
  total: section.total,
  rows: section.rows.map(map),
});

/**
 * The report as {@link JsonReport}.
 * @param status - 'ok' for a report read from a store; the CLI passes 'nothing_recorded' (no database yet) or
 *   'recording_off' (RECORD=off) with an empty report.
 */
export function toJsonReport(report: Report, status: JsonReport['status'] = 'ok'): JsonReport {
  const s = report.summary;
  return {
    status,
    generated_at: iso(report.now),
    since: iso(report.since),
    top: report.top,
    summary: {
      ...jsonCounts(s),
      low_confidence: s.lowConfidence,
      users: s.users,
      picks: s.picks,
      picks_none: s.picksNone,
    },
    unanswered: rowsOf(report.unanswered, (g) => ({
      ...jsonGroup(g),
      reasons: { ...g.reasons } as Record<string, number>,
    })),
    low_confidence: rowsOf(report.lowConfidence, (g) => ({
      ...jsonGroup(g),
      answered_with: g.answeredWith,
      confidence: g.confidence,
    })),
    worst_rated: rowsOf(report.worstRated, (r) => ({
      ref: r.ref,
      paragraph: r.paragraph ?? null,
      up: r.up,
      down: r.down,
      net: r.net,
      down_ratio: r.downRatio,
      users: r.users,
      examples: r.examples,
      action: jsonAction(r.action),
    })),
    picks: rowsOf(report.picks, (p) => ({
      ref: p.ref,
      picked: p.picked,
      count: p.count,
      users: p.users,
      examples: p.examples,
      action: jsonAction(p.action),
    })),
    picks_none: rowsOf(report.picksNone, (p) => ({
      ref: p.ref,
      count: p.count,
      users: p.users,
      examples: p.examples,
      action: jsonAction(p.action),
    })),
    per_day: rowsOf(report.perDay, (d) => ({ day: d.day, ...jsonCounts(d) })),
    per_surface: report.perSurface.map((c) => ({ surface: c.surface, ...jsonCounts(c) })),
  };
}

/** Invisible characters JSON.stringify leaves as is: bidi and zero-width controls, C1 controls, line separators. */
const JSON_INVISIBLES = /[\u0080-\u009F\u00AD\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Serializes a {@link JsonReport} (two-space indentation), writing invisible and bidi characters as `\uXXXX`
 * escapes: the parsed value is unchanged, and printing it cannot reorder or hide the surrounding text.
 */
export function stringifyJsonReport(json: JsonReport): string {
  return JSON.stringify(json, null, 2).replace(
    JSON_INVISIBLES,
    (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`,
  );
}
