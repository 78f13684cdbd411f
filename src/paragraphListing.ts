/**
 * Paragraphs shown on request, more than one ("paragraphs 3 to 5", "الفقرات من 1 إلى 14", "show the whole article"):
 * how the adapters (the terminal, Discord) tell such an answer from an answer chosen for a question, and the passages
 * to show in full. Shared by both so they agree; no I/O.
 */
import type { Answer } from './core/types.ts';

/**
 * Whether `answer` lists paragraphs asked for by number or as the whole article. The core answers such a request
 * with the first paragraph as the answer and the others as its alternatives, each the whole paragraph from the
 * article at confidence 1 (src/core/answerer.ts, `paragraphAnswer`); an answer chosen for a question never has an
 * alternative at full confidence (none of the 3,845 curated, labelled and break-test questions does;
 * test/paragraphListing.test.ts keeps that true). A single paragraph ("paragraph 6") has no alternatives: it is
 * already shown whole.
 */
export function isParagraphListing(answer: Answer): boolean {
  const passages = [answer, ...answer.alternatives];
  return passages.length > 1 && passages.every((p) => p.source === 'article' && p.confidence === 1);
}

/**
 * The paragraphs of a listing, in the order asked, each as an answer of its own (the first is `answer` without its
 * alternatives), so every adapter shows each one as it shows a single paragraph: quote, speaker, paragraph number,
 * translation of the paragraph for a question in Latin script.
 */
export function listedParagraphs(answer: Answer): Answer[] {
  const rest = answer.alternatives.map(
    (a): Answer => ({
      kind: 'answer',
      quote: a.quote,
      speaker: a.speaker,
      paragraph: a.paragraph,
      source: a.source,
      confidence: a.confidence,
      ...(a.translation !== undefined && { translation: a.translation, translationScope: 'paragraph' as const }),
      alternatives: [],
      script: answer.script,
    }),
  );
  // Without `direct`: the core says for the first paragraph only whether it is narration, not for the others, and
  // a note on one paragraph of a listing would suggest the others are quotations.
  const { direct: _direct, ...first } = answer;
  return [{ ...first, alternatives: [] }, ...rest];
}
