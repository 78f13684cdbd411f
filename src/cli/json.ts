/**
 * The stable JSON shape of a reply, printed by `npm run ask -- --json` and `--jsonl`. Other tools rely on
 * these field names (snake_case): keep them stable, add rather than rename.
 */
import { MAX_QUESTION_CHARS } from '../core/answerer.ts';
import { removeInvisibles } from '../core/normalize.ts';
import type { Alternative, AnswerSpeaker, NoAnswerReason, Reply } from '../core/types.ts';

/** Longest question echoed back, in characters: the answerer reads no more. */
const ECHO_MAX = MAX_QUESTION_CHARS;

/** The question as echoed back (at most ECHO_MAX characters, then "…"): bidi and zero-width controls and C0/C1 control characters removed. */
export function echoSafe(question: string): string {
  if (question.length > ECHO_MAX) return `${echoSafe(question.slice(0, ECHO_MAX))}…`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is this function's purpose
  return removeInvisibles(question).replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
}

/** Speaker block of the JSON record. */
export interface JsonSpeaker {
  id: string;
  name_ar: string;
  name_en: string;
  role: string;
  role_ar: string;
}

/** One alternative in the JSON record. */
export interface JsonAlternative {
  paragraph: number;
  speaker: JsonSpeaker;
  quote: string;
  confidence: number;
  source: 'qa' | 'article';
  entry_id: string | null;
  label: string;
}

/** The JSON record of one question. `paragraph`, `speaker`, `quote`, `source` are null when not answered. */
export interface JsonRecord {
  question: string;
  answered: boolean;
  paragraph: number | null;
  speaker: JsonSpeaker | null;
  quote: string | null;
  /** True when the quote is the speaker's own words; false for the article's narration or reported speech. */
  direct: boolean | null;
  /** The speaker the question said spoke the words, when the article gives them to `speaker`; null otherwise. */
  asked_speaker: JsonSpeaker | null;
  /** Whom a short quote names, when not its speaker (see Answer.introduces). */
  introduces: JsonSpeaker | null;
  /** English translation written by the curators (labelled as ours wherever shown). */
  translation: string | null;
  /** What `translation` translates: 'quote', or the whole 'paragraph' the quote comes from; null without one. */
  translation_scope: 'quote' | 'paragraph' | null;
  confidence: number;
  source: 'qa' | 'article' | null;
  entry_id: string | null;
  alternatives: JsonAlternative[];
  /** The article's paragraph count when some paragraphs asked for by number do not exist (see Answer.clippedTo). */
  clipped_to: number | null;
  /** Why there is no answer (a {@link NoAnswerReason}: 'empty', 'off-topic', 'not-in-article'…); null when answered. */
  reason: string | null;
  message: string | null;
  suggestions: string[];
}

function speakerJson(s: AnswerSpeaker): JsonSpeaker {
  return { id: s.id, name_ar: s.nameAr, name_en: s.nameEn, role: s.role, role_ar: s.roleAr };
}

function alternativeJson(a: Alternative): JsonAlternative {
  return {
    paragraph: a.paragraph,
    speaker: speakerJson(a.speaker),
    quote: a.quote,
    confidence: a.confidence,
    source: a.source,
    entry_id: a.entryId ?? null,
    label: a.label,
  };
}

/** Converts a core reply to the stable JSON record (`question` is the asked text, made safe to echo). */
export function toJsonRecord(asked: string, reply: Reply): JsonRecord {
  const question = echoSafe(asked);
  if (reply.kind === 'no-answer') {
    return {
      question,
      answered: false,
      paragraph: null,
      speaker: null,
      quote: null,
      direct: null,
      asked_speaker: null,
      introduces: null,
      translation: null,
      translation_scope: null,
      confidence: 0,
      source: null,
      entry_id: null,
      alternatives: [],
      clipped_to: null,
      reason: reply.reason,
      message: reply.message,
      suggestions: reply.suggestions,
    };
  }
  return {
    question,
    answered: true,
    paragraph: reply.paragraph,
    speaker: speakerJson(reply.speaker),
    quote: reply.quote,
    direct: reply.direct ?? null,
    asked_speaker: reply.askedSpeaker ? speakerJson(reply.askedSpeaker) : null,
    introduces: reply.introduces ? speakerJson(reply.introduces) : null,
    translation: reply.translation ?? null,
    translation_scope: reply.translation === undefined ? null : (reply.translationScope ?? 'quote'),
    confidence: reply.confidence,
    source: reply.source,
    entry_id: reply.entryId ?? null,
    alternatives: reply.alternatives.map(alternativeJson),
    clipped_to: reply.clippedTo ?? null,
    reason: null,
    message: null,
    suggestions: [],
  };
}
