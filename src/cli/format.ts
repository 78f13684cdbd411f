/**
 * Plain-text rendering of replies for the terminal. The quote is printed byte for byte as the article has it;
 * Latin runs (names, numbers) sit on their own lines so a bidi terminal cannot scramble them.
 */
import type { Answer, Answerer, Reply } from '../core/types.ts';
import { clippedNote, isParagraphListing, listedParagraphs } from '../paragraphListing.ts';

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * The answer block: quote, speaker and role, paragraph, confidence, translation (for Latin-script questions). Several
 * paragraphs asked for ("paragraphs 3 to 5", "show the whole article") are each printed whole, one block each,
 * separated by a blank line: they are what was asked, not other matches.
 */
export function formatReply(reply: Reply): string {
  if (reply.kind === 'no-answer') {
    const tips = reply.suggestions.map((s) => `  • ${s}`).join('\n');
    return `${reply.message}\nYou can ask, for example:\n${tips}`;
  }
  const shown = isParagraphListing(reply)
    ? listedParagraphs(reply).map(formatAnswer).join('\n\n')
    : formatAnswer(reply);
  return reply.clippedTo === undefined ? shown : `${clippedNote(reply.clippedTo)}\n\n${shown}`;
}

/** One answer block (see {@link formatReply}), its other matches listed by label. */
function formatAnswer(reply: Answer): string {
  const lines = [
    `«${reply.quote}»`,
    `— ${reply.speaker.nameAr}`,
    `  ${reply.speaker.nameEn}, ${reply.speaker.role}`,
    ...(reply.direct === false ? ['  (the article’s words reporting this speaker, not a direct quotation)'] : []),
    ...(reply.askedSpeaker
      ? [`  (not ${reply.askedSpeaker.nameEn}: the article gives these words to ${reply.speaker.nameEn})`]
      : []),
    ...(reply.introduces
      ? [
          `  (these words name ${reply.introduces.nameEn}, ${reply.introduces.role}; they stand in ${reply.speaker.nameEn}'s paragraph)`,
        ]
      : []),
    `  paragraph ${reply.paragraph} · confidence ${percent(reply.confidence)} · ${reply.source === 'qa' ? 'curated answer' : 'from the article'}`,
  ];
  if (reply.translation && (reply.script === 'latin' || reply.script === 'mixed')) {
    const of = reply.translationScope === 'paragraph' ? ` of paragraph ${reply.paragraph}` : '';
    lines.push(`  Translation${of} (ours, not the article's): ${reply.translation}`);
  }
  if (reply.alternatives.length > 0) {
    lines.push('  Other matches:');
    // The label is often Arabic: on its own line, so a bidi terminal keeps the English line in order.
    for (const a of reply.alternatives)
      lines.push(`   - paragraph ${a.paragraph}, ${a.speaker.nameEn}:`, `     ${a.label}`);
  }
  return lines.join('\n');
}

/** The speakers list: Arabic name, English name and role, one per line. */
export function formatSpeakers(answerer: Answerer): string {
  return answerer.corpus.speakers.map((s) => `• ${s.nameAr}\n  ${s.nameEn}: ${s.roleEn}`).join('\n');
}

/** Help text of the terminal chat. */
export function formatHelp(answerer: Answerer): string {
  const examples = answerer
    .suggest('', 4)
    .map((s) => `  • ${s.question}`)
    .join('\n');
  return [
    `Ask anything about the article (${answerer.corpus.paragraphs.length} paragraphs, by ${answerer.corpus.byline}):`,
    'in Arabic, any dialect, English or Arabizi. I answer with the exact quote and who said it.',
    'Commands: help, speakers, paragraph N (shows paragraph N), exit.',
    'Follow-ups refer to the last answer for 10 minutes: "what else did he say?", "who is he?", "and al-Mekdad?",',
    '"وماذا قال أيضا؟". Rate an answer with good or bad right after it (recorded for the curators unless',
    'RECORD=off); a paragraph shown on request is the article itself and is not rated.',
    'Examples:',
    examples,
  ].join('\n');
}
