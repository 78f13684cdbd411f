/**
 * The shapes every adapter (terminal, Discord, HTTP) shares. The core produces them; adapters only render them.
 * Nothing here knows about Discord or the terminal.
 */

/** Stable ids of the people (and the agency) quoted in the article. */
export type SpeakerId = string;

/** One person or body quoted in the article, as curated in `seeds/speakers.json`. */
export interface Speaker {
  id: SpeakerId;
  /** The name exactly as the article writes it (Arabic). */
  nameAr: string;
  nameEn: string;
  roleAr: string;
  roleEn: string;
  /** Spellings people type (Arabic, English, Arabizi); matched after normalization. */
  variants: string[];
  /**
   * Roles that name this speaker without his name, each as concept ids that must all appear ("president" +
   * "syria" is al-Assad; "deputy" + "foreignminister" is al-Mekdad).
   */
  roles?: string[][];
  /**
   * For someone who serves an office without holding it (al-Taei advises the interior minister; al-Mekdad is
   * deputy to the foreign minister): the concept ids of the office and of the capacity. A question about the
   * office-holder himself ("who is the interior minister?") is then not answered with this speaker.
   */
  serves?: { office: string; as: string };
  /** The concept id of the speaker's country ("iraq", "syria"): "the Syrian prime minister" is not al-Abadi. */
  country?: string;
}

/** One of the article's 14 paragraphs. `number` is 1-based over the non-empty paragraphs after removing `&`. */
export interface Paragraph {
  number: number;
  /** The cleaned paragraph text: a verbatim substring of the cleaned article. */
  text: string;
  speakerId: SpeakerId;
  /** Spans of `text` that the article puts in quotation marks (verbatim substrings), as curated. */
  quotes: string[];
  /** Curator's note on attribution (continuations, unbalanced quote marks). */
  note: string;
  /** The curators' English translation of the whole paragraph (indexed for English questions; shown labelled). */
  translation: string;
}

/** Language tags of curated alternate questions. `ar-*` are dialects: Levantine, Iraqi, Egyptian, Gulf, Maghrebi. */
export const QUESTION_LANGS = ['ar', 'ar-lev', 'ar-iq', 'ar-eg', 'ar-gulf', 'ar-ma', 'en', 'arabizi'] as const;
export type QuestionLang = (typeof QUESTION_LANGS)[number];

/** A hand-curated question/answer pair from `seeds/qa.json`. */
export interface QaEntry {
  id: string;
  paragraph: number;
  speakerId: SpeakerId;
  /** Verbatim substring of paragraph `paragraph`. */
  quote: string;
  /** English translation of `quote`, written by the curators (always shown labelled as a translation). */
  translation: string;
  /** Alternate phrasings by language; at least one question in all. */
  questions: Partial<Record<QuestionLang, string[]>>;
  /** The entry that says what the article is about ("what is this article about?", "ما موضوع المقال؟"); one at most. */
  summary?: boolean;
}

/**
 * A concept of the article's vocabulary with its spellings across scripts (Arabic forms, English words,
 * Arabizi), from `seeds/concepts.json`. All its terms match each other: this is how an English or Arabizi
 * question reaches the Arabic text. A term may be two words ("abu kamal").
 */
export interface Concept {
  id: string;
  terms: string[];
  /** A value concept (a date, a number) that can answer questions of this type. */
  answers?: AnswerType;
  /** An intent concept ("when", "how many") whose answer must hold a value of this type. */
  asks?: AnswerType;
  /** Named in the article but never quoted (Iran, Russia, ISIS): "what did X say" has no answer. */
  silent?: boolean;
  /** A thing the article is about (a place, a group, a date, a number): asked alone, it is a question. */
  entity?: boolean;
  /** For a place: the id of the country concept it lies in (Mosul in Iraq, Raqqa in Syria). */
  in?: string;
  /**
   * The one country the article gives this thing to (the air force is Iraq's: no Syrian planes strike in it), as a
   * country concept id: qualified by another country's adjective ("the Syrian air force"), it is not in the article.
   * Read with offices by src/core/offices.ts.
   */
  owner?: string;
  /** A country (its adjective qualifies offices: "the Iraqi deputy foreign minister"); see src/core/offices.ts. */
  country?: boolean;
  /**
   * An office no speaker holds ("minister": al-Taei only advises one): "what did the minister say?" has no answer.
   * Offices that speakers hold come from their `roles` and `serves`.
   */
  office?: boolean;
  /**
   * A rank, not an amount ("second" largest city): it answers "what rank?" (كم ترتيب الموصل؟) but not "how many?" or
   * "the number of" (كم عدد مقاتلي داعش؟).
   */
  ordinal?: boolean;
  /** A group the article mentions but never names one of ("several Iraqi militias"): "their names?" has no answer. */
  unnamed?: boolean;
  /**
   * An event the article never dates (the Baghdad bombings): "when did it happen?" has no answer, although its
   * paragraph dates something else (al-Abadi's announcement of the strikes that answered it).
   */
  undated?: boolean;
  /**
   * A group that acts (ISIS, an army, the air force, militias, the news agency); with the speakers and the countries,
   * what a who-question's answer must name when the reporter tells it.
   */
  agent?: boolean;
  /**
   * A fact the article ties to particular places, as their concept ids (ISIS's control: Mosul and Raqqa; its
   * strongholds: Raqqa): asked of another place ("who controls Baghdad?", "when did ISIS seize Damascus?"), the
   * article does not say.
   */
  placed?: string[];
  /**
   * Sent and never answered in the article (al-Abadi's message): a reply by its receiving side ("what did Assad reply
   * to Abadi?", "بماذا رد الأسد على الرسالة؟") is not told. Needs `direction`.
   */
  unanswered?: boolean;
  /**
   * Which way the thing went in the article, by speaker or concept ids: al-Abadi's message went from him (Iraq,
   * Baghdad, his envoy) to al-Assad (Syria, Damascus). A question that reverses it ("Assad's message to Abadi")
   * rests on a false premise; see src/core/premises.ts. `travellers`: the only people who went from one end to the
   * other (the envoy went to Damascus; al-Abadi did not). `genitive`: which end a name in construct state after the
   * concept's word is: `from` for a thing sent (رسالة الأسد, "al-Assad's message": he sent it; the default), `to`
   * for an act done to it (قصف البوكمال, "the bombing of al-Bukamal": it was hit).
   */
  direction?: { from: string[]; to: string[]; travellers?: string[]; genitive?: 'from' | 'to' };
}

/** Expected answer types: "when" wants a time expression, "where" a place, "how many" a quantity. */
export const ANSWER_TYPES = ['when', 'where', 'how-many'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** The validated model: the article, who speaks, and the curated Q&A. Immutable after loading. */
export interface Corpus {
  /** The article with stray `&` removed; every quote shown is a substring of this. */
  text: string;
  /** First line's byline, e.g. "أسامة مهدي". */
  byline: string;
  paragraphs: Paragraph[];
  speakers: Speaker[];
  entries: QaEntry[];
  concepts: Concept[];
}

/** How a user wrote the question; decides whether to show the English translation. */
export type QueryScript = 'arabic' | 'latin' | 'mixed' | 'none';

/** The speaker block of an answer. `role` is English, `roleAr` Arabic. */
export interface AnswerSpeaker {
  id: SpeakerId;
  nameAr: string;
  nameEn: string;
  role: string;
  roleAr: string;
}

/** A candidate answer that ranked below the top one. */
export interface Alternative {
  quote: string;
  speaker: AnswerSpeaker;
  paragraph: number;
  source: 'qa' | 'article';
  confidence: number;
  /** Curated entry id when `source` is 'qa'. */
  entryId?: string;
  /** A question this alternative answers (for "Did you mean" buttons). */
  label: string;
  translation?: string;
}

/** The bot found a passage that answers the question. */
export interface Answer {
  kind: 'answer';
  /** Verbatim substring of the cleaned article. */
  quote: string;
  speaker: AnswerSpeaker;
  /** 1-based paragraph number. */
  paragraph: number;
  /**
   * True when the quote is the speaker's own words: inside the article's quotation marks, or the reporter's
   * own text. False for the article's narration or reported speech in a paragraph attributed to the speaker
   * (e.g. "مستشار الأمن الوطني فالح الفياض" in the paragraph on al-Abadi's message): adapters say so.
   * Always set by the answerer; optional so that hand-built answers (tests) may omit it.
   */
  direct?: boolean;
  source: 'qa' | 'article';
  /** 0..1; calibrated so that answers ≥ 0.8 are nearly always right. */
  confidence: number;
  /** Curated English translation: of the quote (curated entry) or of the whole paragraph (see below). */
  translation?: string;
  /** What `translation` translates: the quote itself, or the paragraph the quote comes from. */
  translationScope?: 'quote' | 'paragraph';
  entryId?: string;
  /** Up to 3 other candidates, best first. */
  alternatives: Alternative[];
  /** The script of the question, so adapters can decide to show the translation. */
  script: QueryScript;
  /**
   * The speaker the question said spoke these words, when someone else did ("did al-Fayyadh say the enemy is
   * common?" is answered with al-Assad's words): adapters say the words are not his. Absent otherwise.
   */
  askedSpeaker?: AnswerSpeaker;
  /**
   * The person a short quote names and introduces when that is not its speaker: «مستشار الأمن الوطني فالح الفياض»
   * (who is al-Fayyadh?) stands in al-Abadi's paragraph 2. Adapters say whom the words name, so the attribution line
   * is not read as the answer. Absent otherwise.
   */
  introduces?: AnswerSpeaker;
  /**
   * True when the answer shows paragraphs asked for by number or as the whole article ("paragraphs 3 to 5", "show
   * the whole article"): the first paragraph is the answer, the others its alternatives, each in full. Absent otherwise.
   */
  listing?: true;
  /**
   * The article's paragraph count, set when a request by number asked for some that are not paragraphs ("paragraphs
   * 13 to 20", "paragraphs 0 to 3", "1 to 99999"): the answer shows those that are, and adapters say the others do
   * not exist, so a cut range is never passed off as the whole request. Absent otherwise.
   */
  clippedTo?: number;
}

/**
 * Why the bot declined. `other-language`: written in a language it does not read (see src/core/language.ts); `opinion`:
 * the bot's own view was asked ("who is right?", "برأيك"), and it only quotes; `no-context`: a follow-up ("what else did he say?") with no previous answer to follow;
 * `nothing-more`: every quote of the speaker was shown already (see src/core/followup.ts).
 */
export type NoAnswerReason =
  | 'empty'
  | 'other-language'
  | 'opinion'
  | 'off-topic'
  | 'not-in-article'
  | 'no-such-paragraph'
  | 'no-context'
  | 'nothing-more';

/** The bot did not find an answer in the article; it says so and suggests what it can answer. */
export interface NoAnswer {
  kind: 'no-answer';
  reason: NoAnswerReason;
  /** A plain sentence for the user (English and Arabic). */
  message: string;
  /** Questions the bot can answer (curated phrasings). */
  suggestions: string[];
  script: QueryScript;
}

export type Reply = Answer | NoAnswer;

/** A curated question offered by autocomplete or as a suggestion. */
export interface Suggestion {
  entryId: string;
  question: string;
}

/**
 * The one service adapters call. Pure and synchronous: every call answers in well under a millisecond
 * and never throws on any string input.
 */
export interface Answerer {
  readonly corpus: Corpus;
  /** Answers a free-text question (any language, any noise). Never throws. */
  ask(question: string): Reply;
  /** The answer of a curated entry (autocomplete pick, "Did you mean" button); undefined for an unknown id. */
  answerEntry(entryId: string, script?: QueryScript): Answer | undefined;
  /**
   * Curated questions matching what is typed so far, best first, at most `limit`.
   * An empty or blank `partial` returns popular questions. Prefers questions in the script the user types.
   */
  suggest(partial: string, limit: number): Suggestion[];
  /** Every paragraph attributed to `speakerId` as an answer (quote = the paragraph's curated quotes or text), in article order. Empty for an unknown id. */
  quotesBy(speakerId: SpeakerId): Answer[];
  /** Finds a speaker by id or by any typed name variant (normalized); undefined when none. */
  findSpeaker(nameOrId: string): Speaker | undefined;
}
