/**
 * Paragraphs shown on request, more than one ("paragraphs 3 to 5", "الفقرات من 1 إلى 14", "show the whole article"):
 * how the adapters (the terminal, Discord) tell such an answer from an answer chosen for a question, and the passages
 * to show in full. Shared by both so they agree; no I/O.
 */
import type { Answer } from './core/types.ts';

/**
 * Whether `answer` lists paragraphs asked for by number or as the whole article: the core marks such an answer
 * (`listing`), the first paragraph as the answer and the others as its alternatives, each whole (src/core/answerer.ts,
 * `paragraphAnswer`). A single paragraph ("paragraph 6") is no listing: it is already shown whole.
 */
export function isParagraphListing(answer: Answer): boolean {
  return answer.listing === true && answer.alternatives.length > 0;
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

/**
 * Said with paragraphs asked for by number when some of them do not exist ("paragraphs 13 to 20", "0 to 3"), so a cut
 * range is not taken for the whole request (see Answer.clippedTo). `count` is the article's paragraph count.
 */
export function clippedNote(count: number): string {
  return `The article has ${count} paragraphs (1 to ${count}); the others you asked for do not exist, so only these are shown.`;
}
