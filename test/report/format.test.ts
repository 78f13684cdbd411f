/**
 * The text and JSON renderings of the report: headings, the empty report, the stable JSON keys, and hostile user
 * text (mentions, markdown, bidi controls, ANSI escapes, 2,000-character questions) printed safely.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import type { Answerer } from '../../src/core/types.ts';
import { buildReport, emptyReport, type Report } from '../../src/report/build.ts';
import {
  displaySafe,
  formatNothingRecorded,
  formatReportText,
  stringifyJsonReport,
  TEXT_QUESTION_MAX,
  toJsonReport,
} from '../../src/report/format.ts';
import { DAY, question, sampleStore, T0, vote } from './fakeStore.ts';

const PERIOD = { since: T0 - 30 * DAY, now: T0 };
let answerer: Answerer;
let sample: Report;

beforeAll(async () => {
  answerer = createAnswerer(loadCorpus());
  sample = buildReport(await (await sampleStore()).snapshot(PERIOD.since), answerer, PERIOD);
});

/** Bidi controls, zero-width characters and control characters other than LF. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

describe('text', () => {
  test('a one-line summary, then every section heading', () => {
    const text = formatReportText(sample);
    const [first] = text.split('\n');
    expect(first).toBe(
      'iqtibas report, 2024-04-01 to 2024-05-01 (UTC): 10 questions from 5 users, 4 answered (1 with low confidence), 6 declined; 👍 2 👎 2; 1 alternative picked, 1 "none"',
    );
    for (const heading of [
      'Unanswered questions (3 groups)',
      'Low-confidence answers (1 group)',
      'Worst-rated answers (1 answer)',
      'Alternatives users picked instead (1 pair)',
      '"None of these" after a 👎 (1 answer)',
      'Per day (UTC) (4 days)',
      'Per surface',
    ]) {
      expect(text).toContain(heading);
    }
  });

  test('Arabic is shown as typed, with each row followed by its action', () => {
    const text = formatReportText(sample);
    expect(text).toContain('  1. «ماذا قالت إيران عن الرسالة؟»');
    expect(text).toContain('also spelled: «ماذا قالت ايران عن الرساله؟»');
    expect(text).toContain('→ add this phrasing to entry p11-foreign-army (seeds/qa.json, "ar-lev")');
  });

  test('the tables are aligned: every row of a table has the same length', () => {
    const lines = formatReportText(sample).split('\n');
    const start = lines.findIndex((l) => l.trimStart().startsWith('day '));
    const table = lines.slice(start, start + 5);
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
  });

  test('an empty report says nothing was recorded and how recording works', () => {
    const text = formatReportText(emptyReport(PERIOD));
    expect(text).toContain('Nothing recorded since 2024-04-01 (UTC).');
    expect(text).toMatch(/RECORD is on/);
    expect(text).toMatch(/RECORD_DMS=on/);
    expect(formatNothingRecorded()).toMatch(/^Nothing recorded yet\./);
  });

  test('a section with fewer rows than its total says "top N of M"', () => {
    const r = buildReport(
      { questions: ['a', 'b', 'c'].map((q, i) => ({ ...question(`كم عمر ${q}؟`), id: i + 1 })), votes: [], picks: [] },
      answerer,
      { ...PERIOD, top: 2 },
    );
    expect(formatReportText(r)).toContain('Unanswered questions (top 2 of 3 groups)');
  });
});

describe('hostile text', () => {
  const hostile = [
    '@everyone **bold** `code` <@123456789012345678> ماذا\u202Eقال\u2066 ترامب؟',
    'line one\nline two\r\n\tthird \u001b[31mred\u001b[0m \u0085 \u200Finvisible\u200B',
    `${'و'.repeat(1990)} end of a wall`,
  ];

  test.each([
    ['bidi overrides and isolates', '\u202Eabc\u2066d\u2069', 10, 'abcd'],
    ['line breaks and tabs', 'a\nb\r\n\tc', 10, 'a b c'],
    ['ANSI escapes lose their ESC', '\u001b[31mred', 10, '[31mred'],
    [
      'zero-width joiner and C1 characters (a zero-width space is a word break)',
      'a\u200Db\u0086c\u009Bd\u200Be',
      10,
      'abcd e',
    ],
    ['long text is capped with an ellipsis', 'abcdefghij', 5, 'abcd…'],
    ['Arabic is kept', 'ماذا قال الأسد؟', 20, 'ماذا قال الأسد؟'],
  ])('displaySafe: %s', (_, input, max, output) => {
    expect(displaySafe(input, max)).toBe(output);
  });

  test('questions, spellings and examples are printed on one line each, without controls, capped', () => {
    const questions = hostile.map((text, i) => ({ ...question(text, { user: `u${i}` }), id: i + 1 }));
    const votes = [vote('p04-assad-said', -1, { questionId: 3 })];
    const r = buildReport({ questions, votes, picks: [] }, answerer, PERIOD);
    const text = formatReportText(r);
    expect(text).not.toMatch(UNSAFE);
    expect(text).toContain('@everyone **bold** `code` <@123456789012345678> ماذاقال ترامب؟');
    expect(text).toContain('line one line two third [31mred[0m invisible');
    const longest = Math.max(...text.split('\n').map((l) => [...l].length));
    expect(longest).toBeLessThan(TEXT_QUESTION_MAX + 120);
    expect(text).toMatch(/و+…»/);
  });

  test('the JSON keeps the text whole but escapes invisible characters, and parses back to the same value', () => {
    const questions = hostile.map((text, i) => ({ ...question(text, { user: `u${i}` }), id: i + 1 }));
    const json = toJsonReport(buildReport({ questions, votes: [], picks: [] }, answerer, PERIOD));
    const out = stringifyJsonReport(json);
    expect(out).not.toMatch(/[\u0080-\u009F\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF]/);
    expect(out).toContain('\\u202e');
    expect(JSON.parse(out)).toEqual(json);
    expect(json.unanswered.rows.map((g) => g.question)).toEqual(expect.arrayContaining(hostile));
  });
});

describe('JSON shape', () => {
  const keys = (o: object) => Object.keys(o).sort();

  test('top-level, summary, sections and rows have stable snake_case keys', () => {
    const json = toJsonReport(sample);
    expect(keys(json)).toEqual(
      [
        'status',
        'generated_at',
        'since',
        'top',
        'summary',
        'unanswered',
        'low_confidence',
        'worst_rated',
        'picks',
        'picks_none',
        'per_day',
        'per_surface',
      ].sort(),
    );
    expect(json).toMatchObject({
      status: 'ok',
      generated_at: '2024-05-01T12:00:00.000Z',
      since: '2024-04-01T12:00:00.000Z',
      top: 10,
    });
    expect(keys(json.summary)).toEqual(
      [
        'questions',
        'answered',
        'declined',
        'votes_up',
        'votes_down',
        'low_confidence',
        'users',
        'picks',
        'picks_none',
      ].sort(),
    );
    const group = [
      'question',
      'normalized',
      'spellings',
      'count',
      'users',
      'surfaces',
      'last_seen',
      'lang',
      'now',
      'action',
    ];
    expect(keys(json.unanswered.rows[0] as object)).toEqual([...group, 'reasons'].sort());
    expect(keys(json.low_confidence.rows[0] as object)).toEqual([...group, 'answered_with', 'confidence'].sort());
    expect(keys(json.worst_rated.rows[0] as object)).toEqual(
      ['ref', 'paragraph', 'up', 'down', 'net', 'down_ratio', 'users', 'examples', 'action'].sort(),
    );
    expect(keys(json.picks.rows[0] as object)).toEqual(
      ['ref', 'picked', 'count', 'users', 'examples', 'action'].sort(),
    );
    expect(keys(json.picks_none.rows[0] as object)).toEqual(['ref', 'count', 'users', 'examples', 'action'].sort());
    expect(keys(json.per_day.rows[0] as object)).toEqual(
      ['day', 'questions', 'answered', 'declined', 'votes_up', 'votes_down'].sort(),
    );
    expect(keys(json.per_surface[0] as object)).toEqual(
      ['surface', 'questions', 'answered', 'declined', 'votes_up', 'votes_down'].sort(),
    );
    for (const row of [json.unanswered.rows[0], json.picks.rows[0], json.worst_rated.rows[0]]) {
      expect(keys(row?.action as object)).toEqual(['kind', 'entry_id', 'paragraph', 'lang', 'text'].sort());
    }
  });

  test('absent values are null, never missing; "now" says what the answerer does today', () => {
    const json = toJsonReport(sample);
    const off = json.unanswered.rows.find((g) => g.question === 'كيف أطبخ المقلوبة؟');
    expect(off?.action).toEqual({
      kind: 'out-of-scope',
      entry_id: null,
      paragraph: null,
      lang: null,
      text: 'out of scope: nothing in the article is about this; no action',
    });
    expect(off?.now).toEqual({ kind: 'no-answer', reason: 'not-in-article', topical: false, near_miss: null });
    expect(off?.last_seen).toBe('2024-04-30T12:00:00.000Z');
  });

  test('an empty report keeps every key, with the status the CLI gives it', () => {
    const json = toJsonReport(emptyReport(PERIOD), 'nothing_recorded');
    expect(json.status).toBe('nothing_recorded');
    expect(keys(json)).toEqual(keys(toJsonReport(sample)));
    expect(json.unanswered).toEqual({ total: 0, rows: [] });
  });
});
