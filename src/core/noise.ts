/**
 * Chat noise around a question: links, Discord mention and emoji syntax, terminal escape sequences and
 * control characters. None of it is a question word, and left in it reads as unknown words that lower the
 * confidence ("http://x.example ماذا قال المقداد" would look off-topic). Removed before normalization, for
 * matching only; what the user typed is never changed for display.
 */

import { normalize } from './normalize.ts';

/** Each pattern and why it is noise. Applied in order; each match becomes a space. */
const NOISE_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the sequences this pattern removes
  [/\u001b\[[0-9;?]*[A-Za-z]/g, 'ANSI escape sequences (colours) pasted from a terminal'],
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC, BEL and ST end the sequences this pattern removes
  [/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, 'ANSI OSC sequences (a window title: ESC ] 0 ; … BEL)'],
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is this pattern's purpose
  [/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, 'C0/C1 control characters'],
  [
    /\[\s*(?:link|here|click here|source|url|رابط|الرابط|هنا|المصدر)\s*\]\([^)]*\)/gi,
    'markdown links whose text only says "link" (the text of others is kept)',
  ],
  [/\[([^\]]*)\]\([^)]*\)/g, 'markdown links (their text is kept)'],
  [/~~[^~\n]+~~(?=[^~]*\p{L})/gu, 'struck-out text (~~…~~), withdrawn by its writer, when something follows it'],
  [/\bhttps?:\/\/\S+|\bwww\.\S+/gi, 'links'],
  [/\b[a-z0-9-]+\.(?:gg|com|net|org|io|me|ly|co|app|dev)\/\S*/gi, 'bare links with a path (discord.gg/abc)'],
  [/<a?:\w{1,32}:\d{1,20}>/g, 'Discord custom emoji <:name:id>'],
  [/<(?:@[!&]?|#)\d{1,20}>/g, 'Discord user, role and channel mentions'],
  [/<t:-?\d{1,20}(?::[tTdDfFR])?>/g, 'Discord timestamps <t:0:R>'],
  [/<\/[\w -]{1,100}:\d{1,20}>/g, 'Discord slash-command mentions </ask:123>'],
  [/@(?:everyone|here)\b/gi, 'Discord mass mentions'],
  [/^\s*@silent\b/i, "Discord's @silent prefix (sends without a notification)"],
  [
    /:(?=[a-z0-9_+-]{0,31}[a-z])[a-z0-9_+-]{2,32}:/gi,
    'emoji shortcodes (:flag_sy:, :thinking:; not times like 10:30:00)',
  ],
  [
    /^\s*(?:(?:one|quick|small|simple|short|another|last|random|silly|dumb|follow[- ]?up|a|my)\s+)*(?:question|q|one|query|thing)(?:\s*#?\d+)?\s*[:：]/i,
    'a label before the question ("quick one:", "question 2:")',
  ],
  [
    // A label word with a number joined by - _ # ("test-1", "Q-7", "DMQ-PRIVATE-1", "ticket#42"); not a name with
    // one ("covid-19", "F-16").
    /^\s*(?:test|q|question|ticket|case|item|msg|message|dm|dmq|id|no|num|private|req|issue|task|qa)(?:[-_#][a-z]{1,12})*[-_#]\d{1,6}\s*[:：.)\]-]?\s+(?=\S)/i,
    'a ticket or test label before the question ("test-1", "Q-7:", "DMQ-PRIVATE-1")',
  ],
  [
    /^\s*(?:سؤال|سوال|so2al|soal|su2al|swal)(?:\s+(?:سريع|صغير|بسيط|واحد|تاني|ثاني|اخير|أخير|sghir|zghir|sari3|wa7ad))?\s*[:：]/i,
    'an Arabic or Arabizi label before the question ("سؤال سريع:", "so2al:")',
  ],
];

/** A fenced code block (```js alert(1)```), fences included. */
const CODE_BLOCK = /```[\s\S]*?```/g;

/**
 * Code pasted with a question ("```js alert(1)``` what did Abadi say") is not the question: blocks are dropped when
 * words remain outside them; a message that is all code block keeps its words (someone fenced the question itself).
 */
function withoutCodeBlocks(text: string): string {
  if (!text.includes('```')) return text;
  const outside = text.replace(CODE_BLOCK, ' ');
  return /\p{L}/u.test(outside) ? outside : text.replace(/```/g, ' ');
}

/**
 * Removes chat noise, keeping the words of markdown link texts. Never throws; returns a string of at most the
 * input's length.
 */
export function stripChatNoise(text: string): string {
  let out = withoutCodeBlocks(text);
  for (const [pattern] of NOISE_PATTERNS) {
    out = out.replace(pattern, (_match, linkText: unknown) => (typeof linkText === 'string' ? ` ${linkText} ` : ' '));
  }
  return out;
}

/**
 * Words of a student's or reader's circumstances ("I have an exam tomorrow", «الاستاذ رح يسألنا بكرة»), normalized
 * as normalize.ts folds them. A clause holding one is about the asker, not the article: its "tomorrow" is no date
 * asked for.
 */
const ASIDE_WORDS: ReadonlySet<string> = new Set(
  `exam exams test tests quiz homework assignment teacher teachers professor prof class school uni university
  lecture midterm finals امتحان الامتحان امتحانات الامتحانات اختبار الاختبار واجب الواجب استاذ الاستاذ الأستاذ
  المعلم معلم المعلمه المدرسه مدرسه الجامعه جامعه المحاضره محاضره الدرس درس emti7an imti7an em7an wajeb wajib
  ostaz ustaz ostez madrase madrasa jam3a`
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(normalize),
);

/** Stems of {@link ASIDE_WORDS} as typed (any hamza, any case): a message without one has no aside. */
const MAY_HOLD_ASIDE =
  /exam|test|quiz|homework|assignment|teacher|prof|class|school|uni|lecture|midterm|finals|امتحان|اختبار|واجب|ستاذ|معلم|مدرس|جامع|محاضر|درس|emti7an|imti7an|em7an|wajeb|wajib|ostaz|ustaz|ostez|madras|jam3a/i;

/** Where a message divides into clauses: sentence ends, and "because" in the scripts the bot reads. */
const CLAUSE_BREAK =
  /[.!?؟\n;؛]+|\s(?:because|coz|cuz|cause|since|ل[اأإ]ن(?:و|ه)?|عشان|علشان|3ashan|la2an|la2anno|la2ano)\s/i;

/**
 * Drops the clauses of a message that speak of the asker's circumstances ({@link ASIDE_WORDS}) when another clause
 * remains to ask the question: "what did assad say? I have an exam tomorrow" → "what did assad say". Text as typed
 * (before normalization); the words are compared lowercased, with the Arabic article and ب/ل/و read off. Returns the
 * text unchanged when no clause is an aside, or when every one is.
 */
export function withoutAsides(text: string): string {
  // Most messages name no exam or teacher: one scan of the raw text spares normalizing each clause.
  if (!MAY_HOLD_ASIDE.test(text)) return text;
  const clauses = text.split(CLAUSE_BREAK).filter((c) => c.trim() !== '');
  if (clauses.length < 2) return text;
  const kept = clauses.filter((c) => !isAside(c));
  if (kept.length === clauses.length || kept.length === 0) return text;
  return kept.join('. ');
}

/**
 * A clause about the asker: an aside word, and nothing of a question or a claim in it — no question word, no verb of
 * saying, no number ("my teacher asked who said…", "my teacher says the border is 605 km" are kept).
 */
function isAside(clause: string): boolean {
  const words = normalize(clause).split(' ');
  const aside = words.some((w) => ASIDE_WORDS.has(w) || (/^[وبل]/.test(w) && ASIDE_WORDS.has(w.slice(1))));
  return aside && !words.some((w) => ASKS_OR_CLAIMS.has(w) || /^\d+$/.test(w));
}

/** Question words and verbs of saying (normalized): a clause holding one may be the question or its claim. */
const ASKS_OR_CLAIMS: ReadonlySet<string> = new Set(
  `who what when where why how which whom whose did does is are was were says said say tell told claims
  من مين منو ماذا ما متي وين اين فين ليش لماذا كيف هل شو ايش قال قالت يقول حكي حكا صرح
  shu sho meen min emta wen wein lesh leh kif 2al 2alet`
    .split(/\s+/)
    .filter((w) => w !== ''),
);
