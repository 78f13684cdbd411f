/**
 * Answer references: how a button, a vote or a report row names "what answered". A curated entry id, or `p<N>` for
 * the quote of paragraph N (1-based). Kept short and plain (`[A-Za-z0-9_.-]`) so they fit Discord's 100-character
 * custom_id.
 */
import type { Answer, Answerer, QueryScript } from './types.ts';

const PARAGRAPH_REF = /^p(\d{1,3})$/;

/**
 * The reference of an answer or alternative: its curated entry id when it is short and plain enough to fit a
 * custom_id (1 to 64 of `A-Z a-z 0-9 _ . -`, and not itself shaped like a paragraph ref), else `p<N>`. Shared by
 * the buttons and the feedback store, so a vote names the same thing as the recorded question.
 *
 * @example refOf({ entryId: 'assad-enemy', paragraph: 4 }) // 'assad-enemy'
 * @example refOf({ paragraph: 12 }) // 'p12'
 */
export function refOf(a: { entryId?: string; paragraph: number }): string {
  return a.entryId && /^[A-Za-z0-9_.-]{1,64}$/.test(a.entryId) && !PARAGRAPH_REF.test(a.entryId)
    ? a.entryId
    : `p${a.paragraph}`;
}

/**
 * The answer behind a reference: a curated entry, else `p<n>` for paragraph n (its speaker's quote there).
 * `script` is the asker's, so the translation shows as it would have for them. Undefined for an unknown reference.
 */
export function resolveRef(answerer: Answerer, ref: string, script: QueryScript): Answer | undefined {
  const byEntry = answerer.answerEntry(ref, script);
  if (byEntry) return byEntry;
  const m = PARAGRAPH_REF.exec(ref);
  if (!m) return undefined;
  const n = Number(m[1]);
  const paragraph = answerer.corpus.paragraphs.find((p) => p.number === n);
  if (!paragraph) return undefined;
  const answer = answerer.quotesBy(paragraph.speakerId).find((a) => a.paragraph === n);
  return answer && { ...answer, script };
}

/**
 * The first curated phrasing of an entry: Arabic first, or English first when `script` is 'latin' (so a list shown
 * to someone asking in English is in English); undefined for an unknown id.
 */
export function entryQuestion(answerer: Answerer, entryId: string, script?: QueryScript): string | undefined {
  const entry = answerer.corpus.entries.find((e) => e.id === entryId);
  if (!entry) return undefined;
  const q = entry.questions;
  return ((script === 'latin' ? (q.en ?? q.arabizi) : undefined) ?? q.ar ?? Object.values(q).flat())[0];
}
