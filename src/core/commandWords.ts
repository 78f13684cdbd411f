/**
 * Messages that ask for the list of people quoted rather than for an answer ("speakers", "who are the speakers?",
 * «من المتحدثون في المقال؟»), shared by the terminal chat and Discord messages so the two agree.
 */
import { normalize } from './normalize.ts';

/** Whole messages (normalized, trailing punctuation gone) that ask who is quoted. */
const SPEAKERS_REQUESTS: ReadonlySet<string> = new Set(
  [
    'speakers',
    'who',
    'who is quoted',
    'who are the speakers',
    'who speaks in the article',
    'who is quoted in the article',
    'list the speakers',
    'show speakers',
    'show the speakers',
    'speakers please',
    'speakers list',
    'المتحدثون',
    'المتحدثين',
    'من المتحدثون',
    'من المتحدثون في المقال',
    'من هم المتحدثون',
    'مين المتحدثين',
    'مين بيحكي بالمقال',
  ].map(normalize),
);

/**
 * Whether a whole message asks for the list of speakers. Compared normalized (hamzas, case, diacritics folded),
 * so "Who are the speakers?" and «من هم المتحدثون؟» both do; a question about someone ("who is Assad?") does not.
 *
 * @example asksForSpeakers('Who are the speakers?') // true
 * @example asksForSpeakers('who is Assad?') // false
 */
export function asksForSpeakers(text: string): boolean {
  return SPEAKERS_REQUESTS.has(normalize(text));
}
