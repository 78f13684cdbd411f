/**
 * Matching features of text: the keys the index stores and the question looks up.
 *
 * A token yields one exact key: its concept when the lexicon knows it (a speaker `sp:` or a concept `c:`,
 * shared by all its spellings in all scripts), else its light stem tagged by script. It may add a second
 * stem reading (a bare preposition removed) and a phonetic skeleton key shared by Arabic script and Latin
 * transliterations. One `Featurizer` is used for the index and for the question, so both sides agree.
 */
import { NOT_TOPIC_STEMS, STOPWORDS } from './lexicon.ts';
import { normalize } from './normalize.ts';
import { alternateStem, scriptOf, skeleton, stemArabic, stemEnglish, tokenize } from './tokenize.ts';
import type { Concept, Speaker } from './types.ts';

/** "his", "her", "their": before "side" or "part" they make "for his part" (من جهته). */
const POSSESSIVES: ReadonlySet<string> = new Set(['his', 'her', 'their', 'its']);

/** قال with its qaf dropped, as Levantine Arabizi writes it ("al", "aal"); read as "said" before an article. */
const DROPPED_QAF: ReadonlySet<string> = new Set(['al', 'aal', 'alet', 'aalet']);
const ARTICLES: ReadonlySet<string> = new Set(['el', 'al', 'il', 'l']);
/** "what" in Arabizi: "el assad shu al?" ends on the verb. */
const WHAT_ARABIZI: ReadonlySet<string> = new Set(['shu', 'sho', 'shou', 'esh', 'eh', 'eish', 'shoo']);

/** Nouns of asking that join no clause: "what was the date Abadi ordered the strikes?" asks when wherever it stands. */
const ASKING_NOUNS: ReadonlySet<string> = new Set(['date', 'dates']);

/**
 * The keys of the question-intent concepts the rules read (seeds/concepts.json ids with the `c:` prefix): what a
 * question asks for. Other `c:ask-` concepts (greetings, ask-why) are intents too; see `isIntent`.
 */
export const INTENT = Object.freeze({
  said: 'c:ask-said',
  according: 'c:ask-according',
  who: 'c:ask-who',
  role: 'c:ask-role',
  when: 'c:ask-when',
  where: 'c:ask-where',
  howMany: 'c:ask-howmany',
  howLong: 'c:ask-howlong',
} as const);

/** A feature key: `sp:` speaker, `c:` concept, `a:` Arabic stem, `e:` Latin stem, `n:` number, `s:` skeleton. */
export type FeatureKey = string;

/** One topic token (or two-word term) of a text with its feature keys. */
export interface TokenFeatures {
  /** The normalized token(s) as found. */
  token: string;
  /** The primary key; always present. */
  exact: FeatureKey;
  /** A second stem reading (Arabic bare preposition removed), when there is one. */
  alternate?: FeatureKey;
  /** Skeleton key, when the skeleton has at least `MIN_SKELETON` consonants and there is no concept. */
  skeleton?: FeatureKey;
}

/** The intent of a who-question, and the Arabic word that opens one when it is not "from" (normalized). */

const ARABIC_WHO = 'من';
/**
 * Lexicon lookups remembered, at most this many (users type unbounded vocabularies), of words up to
 * `MEMO_MAX_CHARS` long (longer ones are pasted junk, not words): a full memo starts over.
 */
const CONCEPT_MEMO_SIZE = 20_000;
const MEMO_MAX_CHARS = 48;

/** Remembers a lookup (null for none) within the bounds above. */
function remember(memo: Map<string, FeatureKey | null>, text: string, key: FeatureKey | undefined): void {
  if (text.length > MEMO_MAX_CHARS) return;
  if (memo.size >= CONCEPT_MEMO_SIZE) memo.clear();
  memo.set(text, key ?? null);
}

/** English "tell": read as saying only after a speaker's name. */
const TELL: ReadonlySet<string> = new Set(['tell', 'tells']);
/**
 * English verbs of speaking or opining about something, read as "say" right after a speaker's name ("did Assad
 * mention Iran?", "what does Taei think of Baghdad?"); elsewhere they keep their own reading ("which paragraph
 * mentions Raqqa?", "what do you think?").
 */
const SPEAKS_OF_AFTER_NAME: ReadonlySet<string> = new Set([
  'mention',
  'mentions',
  'mentioned',
  'comment',
  'comments',
  'commented',
  'praise',
  'praised',
  'praises',
  'criticize',
  'criticized',
  'criticise',
  'criticised',
  'think',
  'thinks',
  'thought',
  'feel',
  'feels',
  'talk',
  'talked',
  'talks',
  'want',
  'wants',
  'wanted',
  'request',
  'requested',
  'demand',
  'demanded',
]);

/** Arabic verbs of speaking or opining, read as "say" right before a speaker's name ("هل ذكر الأسد إيران؟"). */
const SPEAKS_OF_BEFORE_NAME: ReadonlySet<string> = new Set(
  [
    'ذكر',
    'أشار',
    'يشير',
    'تحدث',
    'يتحدث',
    'تكلم',
    'انتقد',
    'ينتقد',
    'أشاد',
    'يشيد',
    'علق',
    'تطرق',
    'طالب',
    'يطالب',
    'اقترح',
    'دعا',
    'يريد',
    'اراد',
  ].map((w) => normalize(w)),
);

/** English "which"/"what" opening a who-question before a noun in WHO_NOUNS. */
const WHICH: ReadonlySet<string> = new Set(['which', 'what']);
/** Nouns for a person or a body that speaks ("which official", "what agency", "which leader"). */
const WHO_NOUNS: ReadonlySet<string> = new Set([
  'official',
  'officials',
  'leader',
  'leaders',
  'person',
  'guy',
  'man',
  'politician',
  'diplomat',
  'agency',
  'outlet',
  'spokesperson',
  'figure',
]);
/** English "talk", which is no said-intent of its own ("who reported that Assad and the envoy talked about…"). */
const TALK: ReadonlySet<string> = new Set(['talk', 'talks', 'talked', 'talking']);
/** "With" after a verb of speaking (normalized): «حكى مع», "talked with", "7aka ma3". */
const SPOKEN_WITH: ReadonlySet<string> = new Set(['with', 'مع', 'ma3', 'm3a', 'wiyya', 'ويا']);
/** The meeting concept's key (concepts.json `meeting`). */
const MEETING_KEY = 'c:meeting';

/** "tell me", "tell us": the asker is told, nobody's words are asked for. */
const TOLD_TO_ASKER: ReadonlySet<string> = new Set(['me', 'us']);

/**
 * Arabizi word endings: the object pronouns (-ha her/it, -hom/-hum/-hon them, -na us, -o/-u him) and the feminine
 * past (-et, -it: "2alet" she said), as written by Levantine and Egyptian users; the word before them is group 1.
 */
const ARABIZI_SUFFIX = /^(.+?)(?:ha|hom|hum|hon|na|o|u|et|it)$/;

/**
 * "Of" in a three-word term ("head of state"), or the Arabizi article ("ra2ees el wozara", "bilad el sham"): read
 * as the pair around it.
 */
const OF: ReadonlySet<string> = new Set(['of', 'el', 'al', 'il']);

/** Words for "day" that, before a day's name, mean "on" ("يوم الخميس"), normalized. */
const ON_DAY: ReadonlySet<string> = new Set(['يوم', 'yom', 'youm']);

/** Arabic كم: "how many", and also the abbreviation of kilometres after a number. */
const ARABIC_HOW_MANY = 'كم';

/** A Latin question word counts as the question's intent only among its first words (index ≤ this). */
const LATIN_INTENT_WINDOW = 2;

/** Skeletons shorter than this are too ambiguous to match on ("t" would match every ط/ت word). */
export const MIN_SKELETON = 3;

/** Pronoun suffixes that attach to function words (عنها, عليه, فيهم, لنا). */
const FUNCTION_WORD_PRONOUNS = ['هما', 'كما', 'هم', 'هن', 'ها', 'نا', 'كم', 'ه', 'ي', 'ك'];

/**
 * True for tokens that carry no topic: stopwords (as typed, as stemmed, or with a pronoun suffix: عنها is عن)
 * and one-letter tokens.
 */
export function isStopword(token: string): boolean {
  if (STOPWORDS.has(token)) return true;
  const script = scriptOf(token);
  if (script !== 'number' && token.length < 2) return true;
  if (script !== 'arabic') return false;
  if (STOPWORDS.has(stemArabic(token))) return true;
  // "وشو", "فماذا": و/ف "and" before a short function word, which stemming leaves on (too few letters remain).
  if (/^[وف]/.test(token) && token.length <= 4 && STOPWORDS.has(token.slice(1))) return true;
  return FUNCTION_WORD_PRONOUNS.some((p) => token.endsWith(p) && STOPWORDS.has(token.slice(0, -p.length)));
}

/**
 * English function words whose two-letter swaps are the commonest typing slips ("teh", "waht", "hwo", "adn"). Only
 * these: a swap of other stopwords makes real words ("from"/"form", "own"/"won"), and a swap of "adesh" is "daesh".
 */
const SWAPPABLE_FUNCTION_WORDS = new Set([
  'the',
  'and',
  'what',
  'how',
  'who',
  'was',
  'did',
  'does',
  'about',
  'with',
  'that',
  'this',
]);

/** The function word a Latin token is a two-letter swap of ("teh" → "the"), if any. */
function unswappedFunctionWord(token: string): string | undefined {
  if (token.length < 3 || token.length > 5) return undefined;
  for (let i = 0; i + 1 < token.length; i++) {
    const swapped = token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2);
    if (swapped !== token && SWAPPABLE_FUNCTION_WORDS.has(swapped)) return swapped;
  }
  return undefined;
}

/** Latin letters for Arabizi's digit letters; two readings where English spellings differ (see `conceptOfArabizi`). */
const ARABIZI_DIGITS: Record<string, readonly string[]> = {
  '2': ['', 'a', 'q'],
  '3': ['', 'a'],
  '5': ['kh'],
  '6': ['t'],
  '7': ['h'],
  '9': ['s', 'q'],
  // 8 for غ (Gulf and Levantine chat: "8arat" raids, "8arib" strange), sometimes for ق.
  '8': ['gh', 'q'],
};

/** Readings of a Latin token with its Arabizi digits replaced by letters; at most 16. */
function arabiziReadings(token: string): string[] {
  let readings = [''];
  for (const ch of token) {
    const options = ARABIZI_DIGITS[ch] ?? [ch];
    readings = readings.flatMap((r) => options.map((o) => r + o)).slice(0, 16);
  }
  return readings.filter((r) => r.length >= 2 && r !== token);
}

/** The stem key of one normalized token, ignoring the lexicon. */
export function stemKey(token: string): FeatureKey {
  switch (scriptOf(token)) {
    case 'arabic':
      return `a:${stemArabic(token)}`;
    case 'latin':
      return `e:${stemEnglish(token)}`;
    default:
      return `n:${token}`;
  }
}

/**
 * Turns normalized text into topic features, using a lexicon of speakers' names and concepts.
 * Two-word terms are matched before single words; a lexicon term is kept even when it is a stopword
 * ("more" is a concept in this article).
 */
export class Featurizer {
  private readonly single = new Map<FeatureKey, FeatureKey>();
  /** Concepts that answer "when" (days, months, years), as keys. */
  readonly timeKeys: ReadonlySet<FeatureKey>;
  /** The same terms by their exact normalized spelling, consulted first: stems collide (planes/plans → plan). */
  private readonly spelled = new Map<string, FeatureKey>();
  private readonly pairs = new Map<string, FeatureKey>();
  /** conceptOf's answers by token (null: none), up to CONCEPT_MEMO_SIZE tokens, then no more are kept. */
  private readonly conceptMemo = new Map<string, FeatureKey | null>();
  /** pairOf's answers by "first second", bounded the same way. */
  private readonly pairMemo = new Map<string, FeatureKey | null>();
  /** Roles that name a speaker: all `concepts` present → the speaker's key. */
  private readonly roles: Array<{ speaker: FeatureKey; concepts: FeatureKey[]; country: FeatureKey | undefined }> = [];

  /**
   * @param speakers name variants of one or two words map to `sp:<id>` ("الرئيس السوري" is al-Assad).
   * @param concepts every term of one or two words maps to `c:<id>`; longer terms are ignored.
   */
  constructor(speakers: readonly Speaker[], concepts: readonly Concept[]) {
    this.timeKeys = new Set(concepts.filter((c) => c.answers === 'when').map((c) => `c:${c.id}`));
    for (const concept of concepts) {
      for (const term of concept.terms) this.addTerm(term, `c:${concept.id}`);
    }
    for (const speaker of speakers) {
      for (const name of [speaker.nameAr, speaker.nameEn, ...speaker.variants]) {
        this.addTerm(name, `sp:${speaker.id}`);
      }
      for (const role of speaker.roles ?? []) {
        const country = speaker.country === undefined ? undefined : `c:${speaker.country}`;
        this.roles.push({ speaker: `sp:${speaker.id}`, concepts: role.map((id) => `c:${id}`), country });
      }
    }
  }

  private addTerm(term: string, key: FeatureKey): void {
    const tokens = tokenize(normalize(term));
    if (tokens.length === 1) {
      const token = tokens[0] as string;
      this.spelled.set(token, key);
      const stem = this.stemOfTerm(token, key);
      if (!this.single.has(stem)) this.single.set(stem, key);
      // A term that starts with و/ف/ب/ل/ك is also registered under its other reading (وظيفة: ظيف and وظيف), so
      // the same word with the article (الوظيفة → وظيف) finds it.
      const alternate = scriptOf(token) === 'arabic' ? alternateStem(token) : undefined;
      if (alternate !== undefined && !this.single.has(`a:${alternate}`)) this.single.set(`a:${alternate}`, key);
    } else if (tokens.length === 2) this.pairs.set(tokens.map(stemKey).join(' '), key);
    // "head of state", "children of ours": read as the pair around "of" (see tokenFeatures).
    else if (tokens.length === 3 && OF.has(tokens[1] ?? ''))
      this.pairs.set(`${stemKey(tokens[0] ?? '')} ${stemKey(tokens[2] ?? '')}`, key);
  }

  /**
   * The stem a single-word term is found by. A name's first letter is its own: فيصل, فالح and وهاب read with و/ف as
   * "and" would stem to the words يصل "arrives", الح and هاب, and a question's verb would be read as the name.
   */
  private stemOfTerm(token: string, key: FeatureKey): FeatureKey {
    const own = key.startsWith('sp:') && /^[وف]/.test(token) ? alternateStem(token) : undefined;
    return own === undefined ? stemKey(token) : `a:${own}`;
  }

  /** The first role whose concepts are all among `keys`, as the speaker key it names and those concepts. */
  roleOf(keys: ReadonlySet<FeatureKey>): { speaker: FeatureKey; concepts: readonly FeatureKey[] } | undefined {
    return this.roles.find(({ concepts }) => concepts.every((c) => keys.has(c)));
  }

  /** Every single-word lexicon spelling as [its stem key, its speaker or concept key] (for fuzzy lookup). */
  lexiconSpellings(): Iterable<[FeatureKey, FeatureKey]> {
    return this.single.entries();
  }

  /**
   * Every single-word lexicon term as written (normalized, not stemmed) with its key: a typo that breaks the
   * stemmer's suffixes ("meetign" stems to itself, "meeting" to "meet") is still one edit from the written term.
   */
  lexiconWords(): Iterable<[string, FeatureKey]> {
    return this.spelled.entries();
  }

  /**
   * Topic features of normalized text, in order. A role that names a speaker ("ra2ees el souri": president + syria)
   * stands for that speaker: its words are replaced by the speaker's key, as a two-word name ("Syrian president")
   * already is — left as topic words, they would favour the passage that introduces him over his words.
   */
  features(normalized: string): TokenFeatures[] {
    let out = this.tokenFeatures(normalized);
    const keys = new Set(out.map((f) => f.exact));
    for (const { speaker, concepts, country } of this.roles) {
      if (!keys.has(speaker) && concepts.every((c) => keys.has(c))) {
        // "رئيس الوزراء العراقي", "the Iraqi PM": the speaker's own country beside his title is part of it.
        const beside = (i: number) =>
          [out[i - 1], out[i + 1]].some((f) => f !== undefined && concepts.includes(f.exact));
        out = out.filter((f, i) => !concepts.includes(f.exact) && !(f.exact === country && beside(i)));
        out.push({ token: speaker, exact: speaker });
        keys.add(speaker);
      }
    }
    return out;
  }

  private tokenFeatures(normalized: string): TokenFeatures[] {
    const tokens = tokenize(normalized).map((t) => this.withoutSwapSlip(t));
    const out: TokenFeatures[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      const next = tokens[i + 1];
      const pair = next === undefined ? undefined : this.pairOf(token, next);
      if (pair) {
        out.push({ token: `${token} ${next}`, exact: pair });
        i++;
        continue;
      }
      const afterOf = next !== undefined && OF.has(next) ? tokens[i + 2] : undefined;
      const ofPair = afterOf === undefined ? undefined : this.pairOf(token, afterOf);
      if (ofPair) {
        out.push({ token: `${token} ${next} ${afterOf}`, exact: ofPair });
        i += 2;
        continue;
      }
      // "605 كم", "٦٠٠ كم تقريبا": after a number, and ending the question, كم is the unit (km), not "how many"
      // ("عام 2011 كم ميليشيا" still asks how many).
      const concept =
        token === ARABIC_HOW_MANY && /^\d+$/.test(tokens[i - 1] ?? '') && (next === undefined || isStopword(next))
          ? this.conceptOf('km')
          : this.conceptOf(token);
      // English wh-words are also conjunctions ("who called them brothers when talking about …"): past the
      // opening words of a question they are not its intent. "say" may come anywhere ("what did Fayad say").
      const whWord = concept?.startsWith('c:ask-') && concept !== 'c:ask-said' && concept !== 'c:ask-according';
      if (whWord && scriptOf(token) === 'latin' && !ASKING_NOUNS.has(token) && i > LATIN_INTENT_WINDOW) continue;
      // "did Assad mention Iran?", "what does Taei think of Baghdad?", "هل ذكر الأسد إيران؟": a verb of speaking
      // or opining next to a speaker's name asks what that speaker said, like "say".
      if (this.speaksOf(token, next, out)) {
        out.push({ token, exact: INTENT.said });
        continue;
      }
      // "who met Assad face to face?", "وجها لوجه": how they met, not what the article is asked about.
      // "what did al-Fayyadh stress on his side?", "for his part": ومن جهته, no topic.
      if (POSSESSIVES.has(token) && (next === 'side' || next === 'part')) {
        i++;
        continue;
      }
      const faceToFace = token === 'face' && next === 'to' && tokens[i + 2] === 'face' ? 2 : 0;
      if (faceToFace > 0 || (token === 'وجها' && next === 'لوجه')) {
        i += faceToFace || 1;
        continue;
      }
      // "sho al el asad?", "el assad shu al?": Levantine Arabizi drops the qaf of قال (2al, aal, al); before an
      // article, or closing "what … said", it is no article.
      const saysWhat = next === undefined && WHAT_ARABIZI.has(tokens[i - 1] ?? '');
      if (DROPPED_QAF.has(token) && (saysWhat || (next !== undefined && ARTICLES.has(next)))) {
        out.push({ token, exact: INTENT.said });
        continue;
      }
      // "help me understand…", "can you help us": asked of the bot, not the article's "help Syria" (serves).
      if (concept && next !== undefined && TOLD_TO_ASKER.has(next) && isStopword(token)) continue;
      // "ماذا قال الأسد يوم الخميس؟": يوم before a day is "on", not "when?".
      if (concept === INTENT.when && ON_DAY.has(token) && this.timeKeys.has(this.conceptOf(next ?? '') ?? '')) continue;
      // "who talked with Assad?", «مين حكى مع الأسد؟»: speaking with someone is meeting him (the envoy did), not what
      // anyone said.
      // "which official said…?", "what news agency reported…?": "which" before a noun for a person or a body (one
      // word may stand between) asks who.
      // "which news agency": a word between that is no concept; "which Iraqi officials" is read as a side's speakers.
      const noun = WHO_NOUNS.has(next ?? '') || (WHO_NOUNS.has(tokens[i + 2] ?? '') && !this.conceptOf(next ?? ''));
      if (WHICH.has(token) && i <= LATIN_INTENT_WINDOW && noun) {
        out.push({ token, exact: INTENT.who });
        continue;
      }
      const speaking = concept === INTENT.said || TALK.has(token);
      if (speaking && next !== undefined && SPOKEN_WITH.has(next) && out[0]?.exact === INTENT.who) {
        out.push({ token, exact: MEETING_KEY });
        continue;
      }
      if (concept) out.push(this.conceptFeatures(token, concept));
      else if (this.opensWhoQuestion(token, i, next)) out.push({ token, exact: INTENT.who });
      // "what did Fayyadh tell Assad": "tell" after a name is what he said ("tell me about…" asks nothing of anyone).
      else if (this.tellsWhatWasSaid(token, next, out)) out.push({ token, exact: INTENT.said });
      else if (!isStopword(token)) out.push(this.plainFeatures(token));
    }
    return dedupe(out);
  }

  /**
   * Whether `token` is a verb of speaking or opining about something (mention, think, praise, ذكر, أشار …) said by the
   * speaker next to it: after his name in English ("Assad mention"), before it in Arabic ("ذكر الأسد"). The
   * speaker's name itself is read by the caller; this only turns the verb into the said-intent.
   */
  private speaksOf(token: string, next: string | undefined, before: readonly TokenFeatures[]): boolean {
    if (SPEAKS_OF_AFTER_NAME.has(token)) return before.at(-1)?.exact.startsWith('sp:') ?? false;
    if (!SPEAKS_OF_BEFORE_NAME.has(token) || next === undefined) return false;
    return this.conceptOf(next)?.startsWith('sp:') === true;
  }

  /**
   * "what did Fayyadh tell Assad": "tell" right after a speaker's name, in a question not already asking who someone
   * is ("who is Assad? tell me"), and not "tell me/us", is what he said.
   */
  private tellsWhatWasSaid(token: string, next: string | undefined, before: readonly TokenFeatures[]): boolean {
    if (!TELL.has(token) || (next !== undefined && TOLD_TO_ASKER.has(next))) return false;
    if (before.some((f) => f.exact === INTENT.who || f.exact === INTENT.role)) return false;
    return this.namesSomeone(before.at(-1));
  }

  /** A feature naming a speaker: his name, or the title of his role ("the envoy told", "the deputy minister told"). */
  private namesSomeone(f: TokenFeatures | undefined): boolean {
    if (f === undefined) return false;
    return f.exact.startsWith('sp:') || this.roles.some((r) => r.concepts.at(-1) === f.exact);
  }

  /**
   * Arabic من is both "from" and "who"; opening a question before a topic word ("من التقى الأسد؟", "من أرسل
   * الرسالة؟") it is "who". Before another question word ("من أين", "من متى") it is "from".
   */
  private opensWhoQuestion(token: string, i: number, next: string | undefined): boolean {
    if (i !== 0 || token !== ARABIC_WHO || next === undefined) return false;
    const after = this.conceptOf(next);
    // "من قال" is "who said"; "من أين", "من متى" are "from where", "since when".
    return after === INTENT.said || (!after?.startsWith('c:ask-') && !isStopword(next));
  }

  /** "teh" read as "the", "waht" as "what": a Latin token the lexicon lacks that is a swap of a function word. */
  private withoutSwapSlip(token: string): string {
    if (scriptOf(token) !== 'latin' || this.conceptOf(token) !== undefined) return token;
    return unswappedFunctionWord(token) ?? token;
  }

  /**
   * The lexicon key of the term starting at `words[i]`: a two-word term first ("الرئيس السوري"), else the word.
   * `length` is how many words it spans.
   */
  termAt(words: readonly string[], i: number): { key: FeatureKey; length: 1 | 2 } | undefined {
    const word = words[i];
    if (word === undefined) return undefined;
    const next = words[i + 1];
    const pair = next === undefined ? undefined : this.pairOf(word, next);
    if (pair) return { key: pair, length: 2 };
    const key = this.conceptOf(word);
    return key ? { key, length: 1 } : undefined;
  }

  /** The lexicon key of a two-word term (the first word read with or without a bare preposition), if any. */
  private pairOf(first: string, second: string): FeatureKey | undefined {
    const pair = `${first} ${second}`;
    const known = this.pairMemo.get(pair);
    if (known !== undefined) return known ?? undefined;
    const key = this.lookUpPair(first, second);
    remember(this.pairMemo, pair, key);
    return key;
  }

  private lookUpPair(first: string, second: string): FeatureKey | undefined {
    const direct = this.pairs.get(`${stemKey(first)} ${stemKey(second)}`);
    if (direct || scriptOf(first) !== 'arabic') return direct;
    const alternate = alternateStem(first);
    return alternate === undefined ? undefined : this.pairs.get(`a:${alternate} ${stemKey(second)}`);
  }

  /** The lexicon key of one token (by its stem, or its preposition-less stem), if any. */
  conceptOf(token: string): FeatureKey | undefined {
    // Memoized: the matcher, the premises and the office rules each read a question's words (a miss is null).
    const known = this.conceptMemo.get(token);
    if (known !== undefined) return known ?? undefined;
    const key = this.lookUpConcept(token);
    remember(this.conceptMemo, token, key);
    return key;
  }

  private lookUpConcept(token: string): FeatureKey | undefined {
    const spelled = this.spelled.get(token);
    if (spelled) return spelled;
    if (NOT_TOPIC_STEMS.has(token)) return undefined;
    const direct = this.single.get(stemKey(token));
    if (direct) return direct;
    // "alabadi", "elassad": the Arabic article typed fused to a Latin name.
    const fused = /^(?:al|el)(.{3,})$/.exec(token)?.[1];
    if (fused !== undefined && scriptOf(token) === 'latin') {
      const key = this.spelled.get(fused) ?? this.single.get(stemKey(fused));
      if (key) return key;
    }
    if (scriptOf(token) === 'latin') return this.conceptOfArabizi(token) ?? this.conceptWithoutArabiziSuffix(token);
    const alternate = scriptOf(token) === 'arabic' ? alternateStem(token) : undefined;
    return alternate === undefined ? undefined : this.single.get(`a:${alternate}`);
  }

  /**
   * "7usaybah", "3iraq", "mo9ul": Arabizi digits read as the Latin letters an English spelling uses for the same
   * sound (7 ح → h, 5 خ → kh, 9 ص/ق → s or q, 6 ط → t, 3 ع and 2 ء → a or nothing, and 2 also ق, which Levantine
   * speech says as a glottal stop: ra22a), so the lexicon's English spellings find them. Digit-letter conventions as in Palfreyman & al Khalil, "A Funky Language for Teenzz to Use"
   * (2003); the vowel readings are tried both ways since English spellings drop ع and ء ("Iraq") or write "a".
   */
  private conceptOfArabizi(token: string): FeatureKey | undefined {
    if (!/[2356789]/.test(token)) return undefined;
    for (const spelling of arabiziReadings(token)) {
      const key = this.spelled.get(spelling) ?? this.single.get(stemKey(spelling));
      if (key) return key;
    }
    return undefined;
  }

  /**
   * "2asafha" (قصفها, struck it), "na2alet" (نقلت, carried), "ba3atho" (بعثه): an Arabizi verb or noun with a
   * pronoun or feminine ending the lexicon's spellings lack, read without it. Only a remainder of 4 letters or more
   * that the lexicon knows counts, so English words ("china", "into") are left alone.
   */
  private conceptWithoutArabiziSuffix(token: string): FeatureKey | undefined {
    const bare = ARABIZI_SUFFIX.exec(token)?.[1];
    if (bare === undefined || bare.length < 4) return undefined;
    return this.spelled.get(bare) ?? this.conceptOfArabizi(bare);
  }

  /** A concept token keeps its skeleton, so a Latin spelling the lexicon lacks can still reach it. */
  private conceptFeatures(token: string, concept: FeatureKey): TokenFeatures {
    const skel = scriptOf(token) === 'number' ? '' : skeleton(token);
    return skel.length >= MIN_SKELETON ? { token, exact: concept, skeleton: `s:${skel}` } : { token, exact: concept };
  }

  private plainFeatures(token: string): TokenFeatures {
    const features: TokenFeatures = { token, exact: stemKey(token) };
    if (scriptOf(token) === 'number') return features;
    const alternate = scriptOf(token) === 'arabic' ? alternateStem(token) : undefined;
    if (alternate !== undefined) features.alternate = `a:${alternate}`;
    const skel = skeleton(token);
    if (skel.length >= MIN_SKELETON) features.skeleton = `s:${skel}`;
    return features;
  }
}

/** Keeps the first of features with the same primary key ("فيصل المقداد" is one speaker, not two). */
function dedupe(features: TokenFeatures[]): TokenFeatures[] {
  const seen = new Set<FeatureKey>();
  return features.filter((f) => {
    if (seen.has(f.exact)) return false;
    seen.add(f.exact);
    return true;
  });
}
