/**
 * Checks of the curated data beyond what the loader enforces: what a curator should fix (errors) or look at
 * (warnings). The loader already rejects invalid schema, non-verbatim quotes, unknown speakers, duplicate ids and
 * entries without questions; these checks need the matcher or a view over the whole set.
 */
import { normalize } from './normalize.ts';
import type { Answerer, Corpus, QuestionLang } from './types.ts';

/** One finding. `where` names the entry, paragraph or speaker; `action` says what to do about it. */
export interface Finding {
  level: 'error' | 'warning';
  check: 'duplicate-question' | 'conflict' | 'coverage' | 'phrasings' | 'languages' | 'translation';
  where: string;
  message: string;
  action: string;
}

/** Curated entries should have at least this many phrasings (issue: ≥ 8). */
export const MIN_PHRASINGS = 8;

const DIALECTS: readonly QuestionLang[] = ['ar-lev', 'ar-iq', 'ar-eg', 'ar-gulf', 'ar-ma'];

/** The same normalized question in two entries: the matcher cannot tell them apart. */
function duplicateQuestions(corpus: Corpus): Finding[] {
  const owner = new Map<string, string>();
  const out: Finding[] = [];
  for (const entry of corpus.entries) {
    for (const question of Object.values(entry.questions).flat()) {
      const key = normalize(question);
      const previous = owner.get(key);
      if (previous !== undefined && previous !== entry.id) {
        out.push({
          level: 'error',
          check: 'duplicate-question',
          where: `qa[${entry.id}]`,
          message: `"${question}" is also a question of ${previous}`,
          action: `keep it in one entry only`,
        });
      }
      owner.set(key, entry.id);
    }
  }
  return out;
}

/**
 * Alternate questions that the matcher answers with another entry (or not at all). Warnings, not errors: they
 * depend on the matcher as much as on the data, and a phrasing shared by two near entries is sometimes right.
 * Those answered from another paragraph are listed first: they are the ones users would see as wrong.
 */
function conflicts(corpus: Corpus, answerer: Answerer): Finding[] {
  const out: Finding[] = [];
  for (const entry of corpus.entries) {
    for (const question of Object.values(entry.questions).flat()) {
      const reply = answerer.ask(question);
      if (reply.kind === 'answer' && reply.entryId === entry.id) continue;
      const got =
        reply.kind === 'no-answer'
          ? `no answer (${reply.reason})`
          : `${reply.entryId ?? `paragraph ${reply.paragraph}`} (paragraph ${reply.paragraph})`;
      const sameParagraph = reply.kind === 'answer' && reply.paragraph === entry.paragraph;
      out.push({
        level: 'warning',
        check: 'conflict',
        where: `qa[${entry.id}]`,
        message: `"${question}" is answered by ${got}`,
        action: sameParagraph
          ? 'same paragraph: make the two entries’ phrasings more distinct, or merge them'
          : 'other paragraph: rephrase it, move it to the entry that answers it, or add words only this entry has',
      });
    }
  }
  return out.sort((a, b) => Number(a.action.startsWith('same')) - Number(b.action.startsWith('same')));
}

/** Paragraphs and speakers no entry covers, and quoted spans no entry quotes. */
function coverage(corpus: Corpus): Finding[] {
  const out: Finding[] = [];
  for (const p of corpus.paragraphs) {
    if (!corpus.entries.some((e) => e.paragraph === p.number)) {
      out.push({
        level: 'warning',
        check: 'coverage',
        where: `paragraph ${p.number}`,
        message: 'no curated entry answers from this paragraph',
        action: 'new entry needed',
      });
    }
    for (const quote of p.quotes) {
      const quoted = corpus.entries.some(
        (e) => e.paragraph === p.number && (quote.includes(e.quote) || e.quote.includes(quote)),
      );
      if (!quoted) {
        out.push({
          level: 'warning',
          check: 'coverage',
          where: `paragraph ${p.number}`,
          message: `no entry quotes "${quote.slice(0, 60)}…"`,
          action: 'new entry needed',
        });
      }
    }
  }
  for (const s of corpus.speakers) {
    if (!corpus.entries.some((e) => e.speakerId === s.id)) {
      out.push({
        level: 'warning',
        check: 'coverage',
        where: `speaker ${s.id}`,
        message: 'no curated entry is attributed to this speaker',
        action: 'new entry needed',
      });
    }
  }
  return out;
}

/** Entries with too few phrasings, missing a language, with fewer than two dialects, or without translation. */
function entryShape(corpus: Corpus): Finding[] {
  const out: Finding[] = [];
  for (const e of corpus.entries) {
    const where = `qa[${e.id}]`;
    const count = Object.values(e.questions).reduce((n, list) => n + (list?.length ?? 0), 0);
    if (count < MIN_PHRASINGS) {
      out.push({
        level: 'warning',
        check: 'phrasings',
        where,
        message: `${count} phrasings (fewer than ${MIN_PHRASINGS})`,
        action: `add ${MIN_PHRASINGS - count} more phrasings`,
      });
    }
    const missing = (['ar', 'en', 'arabizi'] as const).filter((lang) => !e.questions[lang]?.length);
    const dialects = DIALECTS.filter((lang) => e.questions[lang]?.length).length;
    if (missing.length > 0 || dialects < 2) {
      const needs = [...missing, ...(dialects < 2 ? [`${2 - dialects} more dialect(s)`] : [])];
      out.push({
        level: 'warning',
        check: 'languages',
        where,
        message: `missing: ${needs.join(', ')}`,
        action: `add phrasings in ${needs.join(', ')}`,
      });
    }
    if (e.translation.trim() === '') {
      out.push({
        level: 'error',
        check: 'translation',
        where,
        message: 'no translation',
        action: 'translate the quote',
      });
    }
  }
  return out;
}

/**
 * Every curation finding for a corpus, errors first. `answerer` must be built from the same corpus (it answers
 * each alternate question to find conflicts: about a millisecond per question).
 */
export function checkCuration(corpus: Corpus, answerer: Answerer): Finding[] {
  const findings = [
    ...duplicateQuestions(corpus),
    ...conflicts(corpus, answerer),
    ...coverage(corpus),
    ...entryShape(corpus),
  ];
  return findings.sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
}
