/**
 * Follow-up questions: "وماذا قال أيضا؟", "شو كمان قال", "what else did he say?", "who is he?", "and al-Mekdad?"
 * only make sense against the previous answer. {@link Conversations} keeps, per user and in memory, who the last
 * answer was about (for 10 minutes) and resolves such questions against it; every other question goes to the
 * answerer unchanged. Transport-agnostic: the terminal chat and Discord DMs use it alike.
 *
 * Resolution rewrites the question (or picks the speaker's next paragraph) and lets the answerer answer, so every
 * quote shown is still a verbatim substring of the article.
 */
import { detectScript, INTRODUCTION_EXTRA_CHARS } from './answerer.ts';
import { STOPWORDS } from './lexicon.ts';
import { withinQuestionLimit } from './limits.ts';
import { normalize } from './normalize.ts';
import { tokenize } from './tokenize.ts';
import type { Answer, Answerer, NoAnswer, QueryScript, Reply, Speaker, SpeakerId } from './types.ts';

/** What a follow-up is resolved against: the speaker of the last answer and what of theirs was shown. */
export interface FollowUpContext {
  speakerId: SpeakerId;
  /** Paragraphs of this speaker already shown in the conversation, in the order shown. */
  shown: number[];
  /** The normalized question that produced the context ("and al-Mekdad?" re-asks it about someone else). */
  question: string;
}

/**
 * The kinds of follow-up; `undefined` from {@link classifyFollowUp} means a standalone question. A `pronoun`
 * follow-up is `explicit` when it says "he" ("what did he say about Iran?"); the Arabic verb alone ("ماذا قال عن
 * الموصل؟") only refers to someone when there is a previous answer, and is a question of its own otherwise.
 */
export type FollowUp =
  | { kind: 'more' }
  | { kind: 'who' }
  | { kind: 'swap'; speaker: Speaker }
  | { kind: 'pronoun'; explicit: boolean }
  | { kind: 'wh'; ask: BareAsk }
  | { kind: 'about'; subject: string };

/** What a bare question word after an answer asks of the last question: "when?", "where?", "why?". */
type BareAsk = 'when' | 'where' | 'why';

/**
 * "Else / more / also / again" in the scripts users type (normalized: ة→ه, أ→ا, ى→ي). A question made only of
 * these, question words and "say" asks for more of the same speaker.
 */
const MORE_WORDS = normalizedSet(`
  ايضا كمان كمن بعد غير هيك زياده زيادة المزيد اكثر كذلك تاني ثاني غيره غيرو برضه برضو كمل تابع
  else more also again further additionally continue
  kaman kamen kman kamaan aydan aidan tani tany kaman ba3d ghair gher ghir kamn kammel kamel
`);

/** Words that ask who someone is, or what their position is. */
const WHO_WORDS = normalizedSet(`من مين منو منهو شكون who meen min minu mnu mino shkoun chkoun`);
/** Third-person references (he, that one) and questions about a position (his role, his job). */
const HE_WORDS = normalizedSet(`
  هو هاد هذا ذلك ذاك ده دا هيدا هاذا هادا هالحكي هالكلام he him that this guy man howa huwe huwa hoa hada hayda howe
  houwe huwwe
`);
const ROLE_WORDS = normalizedSet(`
  منصبه منصب وظيفته وظيفه وظيفة دوره صفته شغلته شغله عمله مهنته مركزه لقبه منصبو شغلتو وظيفتو دورو شغلو
  role position job title post occupation office mansabo mansabu mansab wazifto wazifa
`);
/**
 * English anaphors that stand for the last speaker inside a longer question ("what did he say about Iran?").
 * Not "his": "when did the adviser give his comments?" names its subject.
 */
const ENGLISH_PRONOUNS = new Set(['he', 'him', 'she']);
/**
 * What may stand around a name in "and al-Mekdad?", "وماذا عن الطائي؟", "w el ta2i?": anything else ("who is
 * al-Taei?", "Mekdad quotes") makes it a question of its own.
 */
const SWAP_FILLER = normalizedSet(`
  و ماذا عن شو ايش اش وش طيب بالنسبه بالنسبة ل اما لـ هل شنو
  and what about how regarding re abt so ok okay then whats
  w wa we u shu sho esh 3an an ok tayeb tayyeb tab
`);
/**
 * Words about the article as a whole or about events ("what else does the article say?", "شو كمان صار؟"): with
 * them, "else / more" is not about the last speaker.
 */
const NOT_ABOUT_SPEAKER = normalizedSet(`
  المقال المقاله الخبر التقرير النص الكاتب صار حصل حدث وقع يصير جرى
  article story news report text piece happen happened happening going quoted
  sar 7asal
`);
/** "When / where / why / to whom did he say that?": asks about the last speaker's statement, not for more of it. */
const WH_WORDS = normalizedSet(`
  متى متي امتى إمتى امتا وقتيش وين اين أين فين وين ليش لماذا ليه لمين لمن شوكت
  when where why whom emta imta mta wein wen fein lesh leh lamin
`);
/** "When" alone after an answer: the last question asked with "when" (see `askedWith`). */
const WHEN_WORDS = normalizedSet(`متى متي امتى إمتى امتا وقتيش شوكت ايمتى when emta imta mta`);
/** "Where" and "why" alone after an answer, asked of the last question as "when" is. */
const WHERE_WORDS = normalizedSet(`اين أين وين فين وينه where wein wen fein`);
const WHY_WORDS = normalizedSet(`لماذا ليش ليه علاش why lesh leh leish 3lash`);
const BARE_ASKS: ReadonlyArray<[BareAsk, ReadonlySet<string>]> = [
  ['when', WHEN_WORDS],
  ['where', WHERE_WORDS],
  ['why', WHY_WORDS],
];
/** "What" words: "and about what?" asks nothing new. */
const WHAT_WORDS = normalizedSet(`ماذا ما شو ايش اش وش شنو ايه what which shu sho esh eh`);
/** "About" in a said-question: what comes after it is the subject, what comes before names the speaker. */
const ABOUT_WORDS = normalizedSet(`عن حول بخصوص بشان about regarding concerning 3an 7awl`);
/** Words that make a question a standalone "what did X say", not "and X?". */
const SAY_WORDS = normalizedSet(`
  قال قالت يقول تقول قاله قالوا حكى حكا يحكي صرح ذكر تكلم تحدث اعلن
  say said says tell told mention mentioned state stated announce announced
  2al 2alet aal 7aka 7aki gal galet
`);

/** How long a conversation's context lives without a new question (issue #6: 10 minutes). */
export const FOLLOW_UP_TTL_MS = 10 * 60_000;

/** Contexts kept at most; past that the least recently used is dropped (memory stays bounded under floods). */
export const MAX_CONVERSATIONS = 10_000;

function normalizedSet(words: string): ReadonlySet<string> {
  return new Set(
    words
      .split(/\s+/)
      .map(normalize)
      .filter((w) => w !== ''),
  );
}

/**
 * The question's tokens with a leading conjunction و removed where the rest is a known word ("وماذا" → "ماذا",
 * "والمقداد" → "المقداد"): follow-ups usually start with "and".
 */
function followUpTokens(normalized: string, known: (token: string) => boolean): string[] {
  return tokenize(normalized).map((t) => (t.length > 2 && t.startsWith('و') && known(t.slice(1)) ? t.slice(1) : t));
}

/**
 * Classifies a question as a follow-up, or undefined for a standalone question. Pure; needs the answerer only to
 * recognise speaker names ("and al-Mekdad?").
 *
 * - `more`: only "else/more/also" words, question words and "say" ("what else did he say?", "شو كمان قال").
 * - `who`: "who is he?", "ما منصبه؟": a who-word or a position word, and no name.
 * - `swap`: "and al-Mekdad?", "وماذا عن الطائي؟": a speaker's name with only function words, and no "say".
 * - `pronoun`: an English question with he/him/his and no name ("what did he say about Iran?").
 */
export function classifyFollowUp(question: string, answerer: Answerer): FollowUp | undefined {
  const normalized = normalize(withinQuestionLimit(question));
  const isSpeakerWord = (t: string): boolean => answerer.findSpeaker(t) !== undefined;
  const tokens = followUpTokens(normalized, (t) => STOPWORDS.has(t) || isSpeakerWord(t) || MORE_WORDS.has(t));
  if (tokens.length === 0) return undefined;
  // Single Latin letters are debris of normalization ("what's" → "what s").
  const content = tokens.filter(
    (t) => !/^[a-z]$/.test(t) && ![STOPWORDS, MORE_WORDS, ROLE_WORDS, WHO_WORDS, HE_WORDS].some((s) => s.has(t)),
  );
  const has = (set: ReadonlySet<string>): boolean => tokens.some((t) => set.has(t));

  if (content.length > 0) {
    // "and about Albukamal?", «وعن البوكمال؟»: the last question again, about something else.
    const aboutAt = tokens.findIndex((t) => ABOUT_WORDS.has(t));
    const subject = tokens.slice(aboutAt + 1);
    const onlyFillers = tokens.slice(0, aboutAt).every((t) => SWAP_FILLER.has(t) || MORE_WORDS.has(t));
    // "and" or "what" first ("وعن", "what about"): «عن شو الرسالة؟» ("what is the message about?") stands alone.
    const joinedAbout = aboutAt > 0 || tokens[0] !== tokenize(normalized)[0];
    const asksSubject = subject.length > 0 && !subject.some((t) => STOPWORDS.has(t) && WHAT_WORDS.has(t));
    if (
      aboutAt >= 0 &&
      joinedAbout &&
      onlyFillers &&
      asksSubject &&
      !has(SAY_WORDS) &&
      !mentionsSpeaker(subject, answerer)
    ) {
      return { kind: 'about', subject: subject.join(' ') };
    }
    // "and al-Mekdad?": the words other than "and / what about" are exactly a name.
    const swapTo = answerer.findSpeaker(tokens.filter((t) => !SWAP_FILLER.has(t)).join(' '));
    // A bare name ("المقداد؟") asks about that person; "and …" (a filler word or a leading و) makes it a swap.
    const joined = tokens.some((t) => SWAP_FILLER.has(t)) || tokens[0] !== tokenize(normalized)[0];
    if (swapTo && joined) return { kind: 'swap', speaker: swapTo };
    const explicit = tokens.some((t) => ENGLISH_PRONOUNS.has(t));
    // "What did he say about al-Assad?", "ماذا قال عن الموصل؟": the speaker is whoever is named before "about".
    const about = tokens.findIndex((t) => ABOUT_WORDS.has(t));
    // Only when nothing before "about" names someone or something ("What did Russia say about…" stands alone).
    const before = tokens.slice(0, about);
    const unnamed = before.every((t) => STOPWORDS.has(t) || SAY_WORDS.has(t) || MORE_WORDS.has(t) || HE_WORDS.has(t));
    // "Who talked about…" and "what does the article say about…" are not about the last speaker.
    const aboutHim = unnamed && !has(WHO_WORDS) && !has(NOT_ABOUT_SPEAKER);
    if (about > 0 && before.some((t) => SAY_WORDS.has(t)) && aboutHim) return { kind: 'pronoun', explicit };
    if (swapTo || answerer.findSpeaker(content.join(' '))) return undefined;
    if (mentionsSpeaker(tokens, answerer)) return undefined;
    return explicit ? { kind: 'pronoun', explicit } : undefined;
  }
  if (has(NOT_ABOUT_SPEAKER)) return undefined;
  // "When did he say that?", "متى قال ذلك؟": about his statement; so is a bare "when?" ("متى؟", "and when?", "emta?").
  if (has(SAY_WORDS) && has(WH_WORDS)) return { kind: 'pronoun', explicit: true };
  for (const [ask, words] of BARE_ASKS) {
    if (tokens.every((t) => words.has(t) || SWAP_FILLER.has(t)) && has(words)) return { kind: 'wh', ask };
  }
  // "and who said it?", «مين قال هالحكي؟»: who the last answer's speaker is.
  if (has(ROLE_WORDS) || (has(WHO_WORDS) && (has(HE_WORDS) || tokens.includes('it')))) return { kind: 'who' };
  // "Who else?", "مين كمان حكى؟", "من قال؟" ask about other people, not about the last one.
  if (has(WHO_WORDS)) return undefined;
  if (has(MORE_WORDS)) return { kind: 'more' };
  // "What did he say?" / "شو قال؟": only question words and "say".
  if (has(SAY_WORDS)) return { kind: 'more' };
  return undefined;
}

/**
 * True for a question that refers to a previous answer ("and al-Taei?", "what else did he say?"): recorded as asked
 * it would mean nothing to the curators, so adapters do not record it.
 */
export function isFollowUp(question: string, answerer: Answerer): boolean {
  return classifyFollowUp(question, answerer) !== undefined;
}

/**
 * The speakers named by any one or two consecutive tokens ("al-Mekdad", "فيصل المقداد"), also with a leading
 * conjunction و ("والمقداد"), by id.
 */
function speakersNamed(tokens: readonly string[], answerer: Answerer): Map<string, Speaker> {
  const found = new Map<string, Speaker>();
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    for (const candidate of [t, next === undefined ? '' : `${t} ${next}`, t.startsWith('و') ? t.slice(1) : '']) {
      const s = candidate === '' ? undefined : answerer.findSpeaker(candidate);
      if (s) found.set(s.id, s);
    }
  });
  return found;
}

function mentionsSpeaker(tokens: readonly string[], answerer: Answerer): boolean {
  return speakersNamed(tokens, answerer).size > 0;
}

/** A follow-up's reply and the context to keep for the next one (undefined: keep none). */
export interface FollowUpResult {
  reply: Reply;
  context: FollowUpContext | undefined;
}

/**
 * Answers `question` in the light of `context` (the previous answer), or as a standalone question when it is not
 * a follow-up. A follow-up without context ("what else did he say?" as a first question) gets a no-answer that
 * says to name someone first. Never throws.
 */
export function answerWithContext(
  answerer: Answerer,
  asked: string,
  context: FollowUpContext | undefined,
): FollowUpResult {
  // Read as the answerer reads it: at most MAX_QUESTION_CHARS, after NFKC too.
  const question = withinQuestionLimit(asked);
  const followUp = classifyFollowUp(question, answerer);
  const script = detectScript(question);
  const standalone =
    followUp === undefined ||
    (context === undefined &&
      (followUp.kind === 'swap' || followUp.kind === 'about' || (followUp.kind === 'pronoun' && !followUp.explicit)));
  if (standalone) return afterStandalone(answerer, answerer.ask(question), normalize(question), context);
  if (context === undefined) return { reply: noContext(answerer, script), context };
  const speaker = answerer.findSpeaker(context.speakerId);
  if (!speaker) return afterStandalone(answerer, answerer.ask(question), normalize(question), undefined);
  switch (followUp.kind) {
    case 'more':
      return nextQuote(answerer, speaker, context, script);
    case 'who': {
      // "SANA (Syrian Arab News Agency)": the name without its gloss, as a user would ask.
      const nameEn = speaker.nameEn.replace(/\s*\([^)]*\)\s*$/, '');
      const whoQuestion = script === 'latin' ? `who is ${nameEn}` : `من هو ${speaker.nameAr}`;
      const reply = withScript(answerer.ask(whoQuestion), script);
      // "Who is he?" is answered from the reporter's introduction: "he" is still the same person afterwards, and
      // "and al-Assad?" now asks who al-Assad is.
      return { reply, context: { ...context, question: normalize(whoQuestion) } };
    }
    case 'pronoun': {
      const rewritten = namePronoun(normalize(question), speaker, script);
      return afterStandalone(answerer, withScript(answerer.ask(rewritten), script), rewritten, context);
    }
    case 'swap':
      return swapSpeaker(answerer, followUp.speaker, speaker, context, script);
    case 'about': {
      const rewritten = aboutSomethingElse(context.question, followUp.subject, speaker, script);
      return afterStandalone(answerer, withScript(answerer.ask(rewritten), script), rewritten, context);
    }
    case 'wh': {
      // "Where did al-Fayyadh meet al-Assad?" then "when?": the same question asked with "when" (Thursday), not
      // when the speaker of the passage shown spoke; "where?" and "why?" likewise.
      const rewritten = askedWith(followUp.ask, context.question, script);
      return afterStandalone(answerer, withScript(answerer.ask(rewritten), script), rewritten, context);
    }
  }
}

/** Question words a bare "when?" replaces in the previous question (normalized). */
const LEADING_WH =
  /^(?:what|where|who|why|how|which|ماذا|ما|شو|ايش|شنو|وش|اين|وين|فين|من|مين|منو|لماذا|ليش|كيف|shu|sho|wein|meen|lesh|kif) /;

/** The question word of each bare ask, by script (normalized). */
const ASK_WORDS: Readonly<Record<BareAsk, { latin: string; arabic: string }>> = {
  when: { latin: 'when', arabic: 'متي' },
  where: { latin: 'where', arabic: 'اين' },
  why: { latin: 'why', arabic: 'لماذا' },
};

/** `question` (normalized) asked with `ask`: its opening question word replaced, or the word put before it. */
function askedWith(ask: BareAsk, question: string, script: QueryScript): string {
  const word = ASK_WORDS[ask][script === 'latin' ? 'latin' : 'arabic'];
  return LEADING_WH.test(question) ? question.replace(LEADING_WH, `${word} `) : `${word} ${question}`;
}

/**
 * The context after a standalone answer: its speaker. A declined question about someone or something else ends it
 * ("what did Trump say?" then "what else did he say?" must not fall back on the speaker before); one without a
 * subject of its own ("who else?", an empty line) leaves it as it was.
 */
function afterStandalone(
  answerer: Answerer,
  reply: Reply,
  normalizedQuestion: string,
  previous: FollowUpContext | undefined,
): FollowUpResult {
  if (reply.kind !== 'answer') return { reply, context: endsContext(answerer, reply, normalizedQuestion, previous) };
  // "Who is al-Assad?" is answered with the reporter's words about him: "he" is al-Assad afterwards, not the reporter.
  // "Who carried the message?" is answered with al-Abadi's paragraph introducing his envoy: "he" is al-Fayyadh.
  const introduced = reply.introduces === undefined ? undefined : answerer.findSpeaker(reply.introduces.id);
  const named = namedSpeaker(normalizedQuestion, answerer) ?? introduced;
  const speakerId = named && named.id !== reply.speaker.id ? named.id : reply.speaker.id;
  const same = previous?.speakerId === speakerId;
  // A paragraph counts as shown when the speaker's words were, quoted or reported ("بلاده لن تدافع عن حدودها…"); the
  // narration that only introduces him («مستشار وزير الداخلية العراقي وهاب الطائي») is not his words.
  const speaker = answerer.findSpeaker(speakerId);
  const introduces =
    speaker !== undefined &&
    reply.quote.includes(speaker.nameAr) &&
    reply.quote.length <= speaker.nameAr.length + INTRODUCTION_EXTRA_CHARS;
  const own = speakerId === reply.speaker.id && !introduces ? [reply.paragraph] : [];
  // A listing ("paragraphs 11 to 13", "everything al-Mekdad said") showed each of its paragraphs whole.
  const listed = reply.listing
    ? reply.alternatives.filter((a) => a.speaker.id === speakerId).map((a) => a.paragraph)
    : [];
  const shown = [...new Set([...(same ? previous.shown : []), ...own, ...listed])];
  return { reply, context: { speakerId, shown, question: normalizedQuestion } };
}

/** The one speaker a question names, if exactly one. */
function namedSpeaker(normalized: string, answerer: Answerer): Speaker | undefined {
  const found = speakersNamed(tokenize(normalized), answerer);
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/**
 * The question with "he"/"him" replaced by the speaker's name, or, when it has none ("ماذا قال عن الموصل؟",
 * "when did he say that" after the replacement needs none), the name inserted after the first "say".
 */
/**
 * "and about Albukamal?" after "what did al-Mekdad say about Mosul?": the last question with what followed its
 * "about" replaced; after a question with no "about", what the last speaker said about it.
 */
function aboutSomethingElse(lastQuestion: string, subject: string, speaker: Speaker, script: QueryScript): string {
  const words = lastQuestion.split(' ');
  const about = words.findIndex((w) => ABOUT_WORDS.has(w));
  if (about >= 0) return [...words.slice(0, about + 1), subject].join(' ');
  const nameEn = speaker.nameEn.replace(/\s*\([^)]*\)\s*$/, '');
  return script === 'latin' ? `what did ${nameEn} say about ${subject}` : `ماذا قال ${speaker.nameAr} عن ${subject}`;
}

function namePronoun(normalized: string, speaker: Speaker, script: QueryScript): string {
  const name = normalize(script === 'latin' ? speaker.nameEn : speaker.nameAr);
  const words = normalized.split(' ');
  if (words.some((w) => ENGLISH_PRONOUNS.has(w))) {
    return words.map((w) => (ENGLISH_PRONOUNS.has(w) ? name : w)).join(' ');
  }
  const say = words.findIndex((w) => SAY_WORDS.has(w) || SAY_WORDS.has(w.replace(/^و/, '')));
  if (say < 0) return `${normalized} ${name}`;
  return [...words.slice(0, say + 1), name, ...words.slice(say + 1)].join(' ');
}

/**
 * Whether a declined question ends the context: only one about someone or something else ("what did Trump say?").
 * A line the article knows nothing of ("hmm", a typo: declined as off-topic or empty) and a question about the same
 * speaker ("what did he say about Mosul?", declined for al-Taei) leave it, so "what was his job?" still means him.
 */
function endsContext(
  answerer: Answerer,
  reply: NoAnswer,
  normalizedQuestion: string,
  previous: FollowUpContext | undefined,
): FollowUpContext | undefined {
  if (previous === undefined || !hasSubject(normalizedQuestion)) return previous;
  if (reply.reason === 'off-topic' || reply.reason === 'empty') return previous;
  return namedSpeaker(normalizedQuestion, answerer)?.id === previous.speakerId ? previous : undefined;
}

/** True when the normalized question has a word of its own beyond function, question and "else/more" words. */
function hasSubject(normalized: string): boolean {
  return tokenize(normalized).some((t) => t.length > 1 && !STOPWORDS.has(t) && !MORE_WORDS.has(t) && !HE_WORDS.has(t));
}

/** "What else did he say?": the speaker's first paragraph not shown yet, or "that is all" when none is left. */
function nextQuote(
  answerer: Answerer,
  speaker: Speaker,
  context: FollowUpContext,
  script: QueryScript,
): FollowUpResult {
  const next = answerer.quotesBy(speaker.id).find((a) => !context.shown.includes(a.paragraph));
  if (!next) return { reply: nothingMore(answerer, speaker, context, script), context };
  const reply: Answer = { ...next, script };
  return { reply, context: { ...context, shown: [...context.shown, next.paragraph] } };
}

/**
 * "And al-Mekdad?": the previous question asked about `to` instead of `from`. The name is replaced where the
 * question used one; otherwise `to`'s name is added. When the article does not say it of `to` ("what did al-Mekdad
 * say about Iran?"), the reply declines as that question would; when the answer is neither his words nor about him,
 * the reply is what `to` said first (the question is then "what did al-Mekdad say?").
 */
function swapSpeaker(
  answerer: Answerer,
  to: Speaker,
  from: Speaker,
  context: FollowUpContext,
  script: QueryScript,
): FollowUpResult {
  const toName = normalize(script === 'latin' ? to.nameEn : to.nameAr);
  const rewritten = replaceSpeakerName(context.question, from, toName) ?? `${context.question} ${toName}`;
  const reply = answerer.ask(rewritten);
  // Their own words, or words about them ("who is al-Assad?" is answered from the reporter's introduction).
  if (reply.kind === 'answer' && (reply.speaker.id === to.id || mentions(reply.quote, to))) {
    // The conversation now follows `to`, even when the answer is the reporter's words about him.
    const shown = reply.speaker.id === to.id && reply.direct !== false ? [reply.paragraph] : [];
    return { reply: withScript(reply, script), context: { speakerId: to.id, shown, question: rewritten } };
  }
  // "What did al-Taei say about Iran?" then "and al-Mekdad?": the article does not have him say it; his first words
  // would answer another question (at full confidence), so the decline stands, and the talk follows him.
  if (reply.kind === 'no-answer' && reply.reason === 'not-in-article') {
    return { reply: withScript(reply, script), context: { speakerId: to.id, shown: [], question: rewritten } };
  }
  const first = answerer.quotesBy(to.id)[0];
  if (!first) return afterStandalone(answerer, withScript(answerer.ask(toName), script), toName, undefined);
  const whatSaid = normalize(script === 'latin' ? `what did ${to.nameEn} say` : `ماذا قال ${to.nameAr}`);
  return { reply: { ...first, script }, context: { speakerId: to.id, shown: [first.paragraph], question: whatSaid } };
}

/** True when `text` names `speaker` (his Arabic name or a variant, normalized, on word boundaries). */
function mentions(text: string, speaker: Speaker): boolean {
  const padded = ` ${normalize(text)} `;
  return [speaker.nameAr, ...speaker.variants]
    .map(normalize)
    .some((v) => v.length > 2 && (padded.includes(` ${v} `) || padded.includes(` و${v} `)));
}

/** `question` with the first name variant of `speaker` replaced by `name` (word boundaries), or undefined. */
function replaceSpeakerName(question: string, speaker: Speaker, name: string): string | undefined {
  const padded = ` ${question} `;
  const variants = [speaker.nameAr, speaker.nameEn, ...speaker.variants]
    .map(normalize)
    .filter((v) => v !== '')
    .sort((a, b) => b.length - a.length);
  for (const v of variants) {
    for (const prefix of ['', 'و']) {
      const at = padded.indexOf(` ${prefix}${v} `);
      if (at >= 0) return `${padded.slice(0, at + 1)}${name}${padded.slice(at + 1 + prefix.length + v.length)}`.trim();
    }
  }
  return undefined;
}

function withScript(reply: Reply, script: QueryScript): Reply {
  return { ...reply, script };
}

/**
 * Popular curated questions in the script the user writes (English and Arabizi users get Latin ones), other than
 * the question just asked.
 */
function suggestionsIn(answerer: Answerer, script: QueryScript, count: number, asked: string): string[] {
  const latin = script === 'latin';
  return answerer
    .suggest(latin ? 'what' : '', 25)
    .map((s) => s.question)
    .filter((q) => (detectScript(q) === 'latin') === latin && normalize(q) !== asked)
    .slice(0, count);
}

/** A follow-up with nothing to follow. */
function noContext(answerer: Answerer, script: QueryScript): NoAnswer {
  const suggestions = suggestionsIn(answerer, script, 4, '');
  return {
    kind: 'no-answer',
    reason: 'no-context',
    message:
      'Who do you mean? Ask about someone first, e.g. "What did al-Mekdad say?". / من تقصد؟ اسأل عن شخص أولاً، مثلاً: ماذا قال المقداد؟',
    suggestions,
    script,
  };
}

/** Everything the speaker says was shown already. */
function nothingMore(answerer: Answerer, speaker: Speaker, context: FollowUpContext, script: QueryScript): NoAnswer {
  const paragraphs = answerer.quotesBy(speaker.id).map((a) => a.paragraph);
  const where = paragraphs.length === 1 ? `paragraph ${paragraphs[0]}` : `paragraphs ${paragraphs.join(', ')}`;
  return {
    kind: 'no-answer',
    reason: 'nothing-more',
    message: `That is all ${speaker.nameEn} says in the article (${where}). / هذا كل ما ورد على لسان ${speaker.nameAr} في المقال.`,
    suggestions: suggestionsIn(answerer, script, 4, context.question),
    script,
  };
}

/** Options of {@link Conversations}. */
export interface ConversationOptions {
  /** @defaultValue {@link FOLLOW_UP_TTL_MS} */
  ttlMs?: number;
  /** @defaultValue {@link MAX_CONVERSATIONS} */
  maxConversations?: number;
}

/**
 * Per-user follow-up context, in memory only (never stored): the last answer's speaker for `ttlMs` after the last
 * question, for at most `maxConversations` users (least recently active dropped first). Keys are whatever the
 * adapter uses to tell users apart (a Discord user id, "terminal").
 */
export class Conversations {
  private readonly contexts = new Map<string, { context: FollowUpContext; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxConversations: number;

  constructor(
    private readonly answerer: Answerer,
    options: ConversationOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? FOLLOW_UP_TTL_MS;
    this.maxConversations = options.maxConversations ?? MAX_CONVERSATIONS;
  }

  /** Answers `question` from `key`, resolving follow-ups against that user's last answer. Never throws. */
  ask(key: string, question: string, now = Date.now()): Reply {
    const { reply, context } = answerWithContext(this.answerer, question, this.contextOf(key, now));
    this.contexts.delete(key);
    if (context) {
      this.contexts.set(key, { context, expiresAt: now + this.ttlMs });
      this.evictOverflow();
    }
    return reply;
  }

  /** The live context of `key`, or undefined when there is none or it expired (then it is dropped). */
  contextOf(key: string, now = Date.now()): FollowUpContext | undefined {
    const entry = this.contexts.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.contexts.delete(key);
      return undefined;
    }
    return entry.context;
  }

  /** Sets `key`'s context after an answer given elsewhere (a button click), so follow-ups refer to it. */
  remember(key: string, answer: Answer, now = Date.now()): void {
    const previous = this.contextOf(key, now);
    const { context } = afterStandalone(this.answerer, answer, '', previous);
    this.contexts.delete(key);
    if (context) this.contexts.set(key, { context, expiresAt: now + this.ttlMs });
    this.evictOverflow();
  }

  /** Drops expired contexts; returns how many are left. Adapters call it from a timer. */
  sweep(now = Date.now()): number {
    for (const [key, entry] of this.contexts) if (entry.expiresAt <= now) this.contexts.delete(key);
    return this.contexts.size;
  }

  /** Number of users with a context (expired ones included until swept). */
  get size(): number {
    return this.contexts.size;
  }

  private evictOverflow(): void {
    // Map iterates in insertion order and ask() re-inserts on use: the first key is the least recently active.
    while (this.contexts.size > this.maxConversations) {
      const oldest = this.contexts.keys().next();
      if (oldest.done) break;
      this.contexts.delete(oldest.value);
    }
  }
}
