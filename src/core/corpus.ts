import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { normalize } from './normalize.ts';
import {
  ANSWER_TYPES,
  type Concept,
  type Corpus,
  type Paragraph,
  type QaEntry,
  QUESTION_LANGS,
  type Speaker,
} from './types.ts';

/** The project's own `seeds/` folder (resolved from this file, so it works from any working directory). */
export const DEFAULT_SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds');

/** File names inside a seeds folder. The article file is copied verbatim from the source and never edited. */
export const SEED_FILES = Object.freeze({
  article: 'article.txt',
  speakers: 'speakers.json',
  paragraphs: 'paragraphs.json',
  qa: 'qa.json',
  concepts: 'concepts.json',
});

/** Thrown when seed data is invalid; `problems` lists every problem found, one line each ("<where>: <what>"). */
export class SeedValidationError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`iqtibas: invalid seed data (${problems.length} problem(s)):\n  - ${problems.join('\n  - ')}`);
    this.name = 'SeedValidationError';
    this.problems = problems;
  }
}

const nonEmpty = z.string().trim().min(1);

const SpeakerSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'id must be lowercase letters, digits and dashes'),
  nameAr: nonEmpty,
  nameEn: nonEmpty,
  roleAr: nonEmpty,
  roleEn: nonEmpty,
  variants: z.array(nonEmpty).min(1),
  serves: z.object({ office: nonEmpty, as: nonEmpty }).optional(),
  roles: z.array(z.array(nonEmpty).min(1)).optional(),
  country: nonEmpty.optional(),
});

const ParagraphSchema = z.object({
  paragraph: z.number().int().positive(),
  speaker: nonEmpty,
  note: z.string().default(''),
  quotes: z.array(nonEmpty).default([]),
  translation: nonEmpty,
});

const QuestionsSchema = z.partialRecord(z.enum(QUESTION_LANGS), z.array(nonEmpty));

const QaEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lowercase letters, digits and dashes'),
  paragraph: z.number().int().positive(),
  speaker: nonEmpty.optional(),
  quote: nonEmpty,
  translation: nonEmpty,
  questions: QuestionsSchema,
  summary: z.boolean().optional(),
});

const ConceptSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lowercase letters, digits and dashes'),
  terms: z.array(nonEmpty).min(1),
  answers: z.enum(ANSWER_TYPES).optional(),
  asks: z.enum(ANSWER_TYPES).optional(),
  silent: z.boolean().optional(),
  entity: z.boolean().optional(),
  in: nonEmpty.optional(),
  owner: nonEmpty.optional(),
  country: z.boolean().optional(),
  office: z.boolean().optional(),
  ordinal: z.boolean().optional(),
  unnamed: z.boolean().optional(),
  undated: z.boolean().optional(),
  agent: z.boolean().optional(),
  placed: z.array(nonEmpty).min(1).optional(),
  unanswered: z.boolean().optional(),
  direction: z
    .object({
      from: z.array(nonEmpty).min(1),
      to: z.array(nonEmpty).min(1),
      travellers: z.array(nonEmpty).optional(),
      genitive: z.enum(['from', 'to']).optional(),
    })
    .optional(),
});

/** The raw contents of the seed files, before validation. */
export interface RawSeeds {
  article: string;
  speakers: unknown;
  paragraphs: unknown;
  qa: unknown;
  /** Optional: a corpus without a concept lexicon still works (exact and fuzzy matching only). */
  concepts?: unknown;
}

/**
 * Removes the stray `&` characters of the source text (HTML-entity debris) and turns CRLF/CR line ends into LF.
 * The only changes ever made to the article's text; every quote shown is a substring of the result.
 */
export function cleanArticle(raw: string): string {
  return raw.replace(/&/g, '').replace(/\r\n?/g, '\n');
}

/**
 * Splits the cleaned article into paragraphs: lines, trimmed, empty ones dropped. Their 1-based index is
 * the paragraph number used everywhere (interface: the eval sets and users rely on it).
 */
export function splitParagraphs(cleaned: string): string[] {
  return cleaned
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function zodProblems(where: string, error: z.ZodError): string[] {
  return error.issues.map(
    (issue) => `${where}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`,
  );
}

function parseArray<T>(
  label: string,
  value: unknown,
  schema: z.ZodType<T>,
  idOf: (item: unknown, index: number) => string,
  problems: string[],
): T[] {
  if (!Array.isArray(value)) {
    problems.push(`${label}: expected a JSON array`);
    return [];
  }
  const out: T[] = [];
  value.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else problems.push(...zodProblems(`${label}[${idOf(item, index)}]`, parsed.error));
  });
  return out;
}

function idOrIndex(item: unknown, index: number): string {
  const id = (item as { id?: unknown; paragraph?: unknown } | null)?.id;
  const paragraph = (item as { paragraph?: unknown } | null)?.paragraph;
  if (typeof id === 'string') return id;
  if (typeof paragraph === 'number') return `paragraph ${paragraph}`;
  return `#${index}`;
}

function checkDuplicates(label: string, ids: string[], problems: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`${label}[${id}]: duplicate id`);
    seen.add(id);
  }
}

function buildSpeakers(raw: unknown, problems: string[]): Speaker[] {
  const parsed = parseArray('speakers', raw, SpeakerSchema, idOrIndex, problems);
  checkDuplicates(
    'speakers',
    parsed.map((s) => s.id),
    problems,
  );
  return parsed.map(({ serves, roles, country, ...speaker }) => ({
    ...speaker,
    ...(serves ? { serves } : {}),
    ...(roles ? { roles } : {}),
    ...(country ? { country } : {}),
  }));
}

function checkServedOffices(speakers: Speaker[], concepts: Concept[], problems: string[]): void {
  const ids = new Set(concepts.map((c) => c.id));
  for (const s of speakers) {
    for (const id of [...(s.serves ? [s.serves.office, s.serves.as] : []), ...(s.roles ?? []).flat()]) {
      if (!ids.has(id)) problems.push(`speakers[${s.id}]: serves/roles name unknown concept "${id}"`);
    }
    if (s.country !== undefined && !concepts.some((c) => c.id === s.country && c.country)) {
      problems.push(`speakers[${s.id}]: country "${s.country}" is not a concept marked "country": true`);
    }
  }
  const known = new Set([...ids, ...speakers.map((s) => s.id)]);
  for (const c of concepts) {
    for (const id of [...(c.direction?.from ?? []), ...(c.direction?.to ?? []), ...(c.direction?.travellers ?? [])]) {
      if (!known.has(id)) problems.push(`concepts[${c.id}]: direction names unknown speaker or concept "${id}"`);
    }
    for (const id of c.placed ?? []) {
      if (!concepts.some((k) => k.id === id && k.in)) {
        problems.push(`concepts[${c.id}]: "placed" names "${id}", which is not a place (a concept with "in")`);
      }
    }
    if (c.in !== undefined && !concepts.some((k) => k.id === c.in && k.country)) {
      problems.push(`concepts[${c.id}]: "in" names "${c.in}", which is not a concept marked "country": true`);
    }
    if (c.owner !== undefined && !concepts.some((k) => k.id === c.owner && k.country)) {
      problems.push(`concepts[${c.id}]: "owner" names "${c.owner}", which is not a concept marked "country": true`);
    }
  }
}

function buildParagraphs(raw: unknown, texts: string[], speakerIds: Set<string>, problems: string[]): Paragraph[] {
  const annotations = parseArray('paragraphs', raw, ParagraphSchema, idOrIndex, problems);
  const byNumber = new Map(annotations.map((a) => [a.paragraph, a]));
  if (annotations.length !== byNumber.size) problems.push('paragraphs: a paragraph number is annotated twice');
  for (const a of annotations) {
    if (a.paragraph > texts.length) {
      problems.push(`paragraphs[paragraph ${a.paragraph}]: the article has only ${texts.length} paragraphs`);
    }
  }
  return texts.map((text, index) => {
    const number = index + 1;
    const annotation = byNumber.get(number);
    if (!annotation) {
      problems.push(`paragraphs[paragraph ${number}]: no annotation (speaker) for this paragraph`);
      return { number, text, speakerId: '', quotes: [], note: '', translation: '' };
    }
    if (!speakerIds.has(annotation.speaker)) {
      problems.push(`paragraphs[paragraph ${number}]: unknown speaker "${annotation.speaker}"`);
    }
    for (const quote of annotation.quotes) {
      if (!text.includes(quote)) {
        problems.push(
          `paragraphs[paragraph ${number}]: quote is not a verbatim substring of the paragraph: "${quote}"`,
        );
      }
    }
    return {
      number,
      text,
      speakerId: annotation.speaker,
      quotes: annotation.quotes,
      note: annotation.note,
      translation: annotation.translation,
    };
  });
}

function buildEntries(raw: unknown, paragraphs: Paragraph[], speakerIds: Set<string>, problems: string[]): QaEntry[] {
  const parsed = parseArray('qa', raw, QaEntrySchema, idOrIndex, problems);
  checkDuplicates(
    'qa',
    parsed.map((e) => e.id),
    problems,
  );
  const entries = parsed.map((e) => {
    const where = `qa[${e.id}]`;
    const paragraph = paragraphs[e.paragraph - 1];
    if (!paragraph) problems.push(`${where}: paragraph ${e.paragraph} does not exist (1..${paragraphs.length})`);
    else if (!paragraph.text.includes(e.quote)) {
      problems.push(`${where}: quote is not a verbatim substring of paragraph ${e.paragraph}: "${e.quote}"`);
    }
    const speakerId = e.speaker ?? paragraph?.speakerId ?? '';
    if (e.speaker !== undefined && !speakerIds.has(e.speaker))
      problems.push(`${where}: unknown speaker "${e.speaker}"`);
    const count = Object.values(e.questions).reduce((n, list) => n + (list?.length ?? 0), 0);
    if (count === 0) problems.push(`${where}: no questions`);
    return {
      id: e.id,
      paragraph: e.paragraph,
      speakerId,
      quote: e.quote,
      translation: e.translation,
      questions: e.questions,
      ...(e.summary ? { summary: true } : {}),
    };
  });
  if (parsed.filter((e) => e.summary).length > 1) problems.push('qa: more than one entry is marked "summary": true');
  return entries;
}

function buildConcepts(raw: unknown, problems: string[]): Concept[] {
  const parsed = parseArray('concepts', raw ?? [], ConceptSchema, idOrIndex, problems);
  const concepts: Concept[] = parsed.map((c) => ({
    id: c.id,
    terms: c.terms,
    ...(c.answers ? { answers: c.answers } : {}),
    ...(c.asks ? { asks: c.asks } : {}),
    ...(c.silent ? { silent: true } : {}),
    ...(c.entity ? { entity: true } : {}),
    ...(c.in ? { in: c.in } : {}),
    ...(c.owner ? { owner: c.owner } : {}),
    ...(c.country ? { country: true } : {}),
    ...(c.office ? { office: true } : {}),
    ...(c.ordinal ? { ordinal: true } : {}),
    ...(c.unnamed ? { unnamed: true } : {}),
    ...(c.undated ? { undated: true } : {}),
    ...(c.agent ? { agent: true } : {}),
    ...(c.placed ? { placed: c.placed } : {}),
    ...(c.unanswered ? { unanswered: true } : {}),
    ...(c.direction
      ? {
          direction: {
            from: c.direction.from,
            to: c.direction.to,
            ...(c.direction.travellers ? { travellers: c.direction.travellers } : {}),
            ...(c.direction.genitive ? { genitive: c.direction.genitive } : {}),
          },
        }
      : {}),
  }));
  checkDuplicates(
    'concepts',
    concepts.map((c) => c.id),
    problems,
  );
  checkSharedTerms(concepts, problems);
  return concepts;
}

/**
 * A term may belong to one concept only, as normalized (a question word maps to one key, the last one read: "public"
 * in two concepts silently moved from one to the other and changed answers).
 */
function checkSharedTerms(concepts: readonly Concept[], problems: string[]): void {
  const owner = new Map<string, string>();
  for (const concept of concepts) {
    for (const term of concept.terms) {
      const key = normalize(term);
      const first = owner.get(key);
      if (first === undefined) owner.set(key, concept.id);
      else if (first !== concept.id)
        problems.push(`concepts[${concept.id}]: term "${term}" is also a term of ${first}`);
    }
  }
}

/**
 * Validates raw seed contents and builds the immutable model. Pure (no I/O), so tests can pass fixtures.
 * @throws SeedValidationError listing every problem: schema errors, unknown speakers, duplicate ids, entries
 *   with no questions, quotes that are not verbatim substrings of the cleaned article, missing annotations.
 */
export function buildCorpus(raw: RawSeeds): Corpus {
  const problems: string[] = [];
  const text = cleanArticle(raw.article);
  const texts = splitParagraphs(text);
  if (texts.length === 0) problems.push('article: no paragraphs');
  const speakers = buildSpeakers(raw.speakers, problems);
  const speakerIds = new Set(speakers.map((s) => s.id));
  const paragraphs = buildParagraphs(raw.paragraphs, texts, speakerIds, problems);
  const entries = buildEntries(raw.qa, paragraphs, speakerIds, problems);
  const concepts = buildConcepts(raw.concepts, problems);
  checkServedOffices(speakers, concepts, problems);
  if (problems.length > 0) throw new SeedValidationError(problems);
  const byline = (texts[0] ?? '').split(':')[0]?.trim() ?? '';
  return deepFreeze({ text, byline, paragraphs, speakers, entries, concepts });
}

function readJson(path: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${path}: ${(error as Error).message}`);
    return [];
  }
}

/**
 * Reads and validates the seed files of `seedsDir` (default: the project's `seeds/`).
 * @throws SeedValidationError on unreadable files or invalid data (every problem listed).
 */
export function loadCorpus(seedsDir: string = DEFAULT_SEEDS_DIR): Corpus {
  const problems: string[] = [];
  let article = '';
  try {
    article = readFileSync(join(seedsDir, SEED_FILES.article), 'utf8');
  } catch (error) {
    problems.push(`${join(seedsDir, SEED_FILES.article)}: ${(error as Error).message}`);
  }
  const speakers = readJson(join(seedsDir, SEED_FILES.speakers), problems);
  const paragraphs = readJson(join(seedsDir, SEED_FILES.paragraphs), problems);
  const qa = readJson(join(seedsDir, SEED_FILES.qa), problems);
  const concepts = readJson(join(seedsDir, SEED_FILES.concepts), problems);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return buildCorpus({ article, speakers, paragraphs, qa, concepts });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The concept `name` spells when it is named in the article but never quoted (`silent`: Iran, Russia, ISIS), so a
 * request for its quotes can say so rather than "unknown". Compared normalized, with or without the article (ال,
 * al-, el-). Undefined for anything else, speakers included.
 */
export function silentConceptNamed(corpus: Corpus, name: string): Concept | undefined {
  const key = normalize(name);
  if (key === '') return undefined;
  const bare = (t: string) => t.replace(/^(?:ال|al |el |al|el)/, '');
  return corpus.concepts.find(
    (c) => c.silent && c.terms.some((t) => normalize(t) === key || bare(normalize(t)) === bare(key)),
  );
}

/**
 * The quote shown for a paragraph: its longest curated quotation-mark span when that makes up most of it (the
 * speaker's own words), else the whole paragraph (reporter's text, reported speech).
 */
export function quoteOfParagraph(paragraph: Paragraph): string {
  const longest = paragraph.quotes.reduce((a, q) => (q.length > a.length ? q : a), '');
  return longest.length >= paragraph.text.length * 0.5 ? longest : paragraph.text;
}
