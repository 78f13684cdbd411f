/**
 * The matcher: an inverted index over short units of the corpus, scored by weighted token coverage.
 *
 * Units ("documents"):
 *  - every curated alternate question (the primary signal: short, written the way people ask);
 *  - every curated answer's quote plus its English translation;
 *  - every paragraph plus its English translation (the fallback when no curated entry fits).
 * A question is matched token by token (exact stem, then phonetic skeleton across scripts, then a fuzzy
 * neighbour in the vocabulary), never as one long fuzzy pattern against a long paragraph: that is what makes
 * it fast, length-bounded and able to tell right from wrong.
 */
import { quoteOfParagraph } from './corpus.ts';
import { type FeatureKey, Featurizer, INTENT, type TokenFeatures } from './features.ts';
import { editDistance, editSimilarity, FuzzyVocabulary } from './fuzzy.ts';
import { normalize } from './normalize.ts';
import { skeleton, withoutDefiniteArticle } from './tokenize.ts';
import type { AnswerType, Corpus } from './types.ts';

/** Scoring weights, in one frozen object: every number the ranking depends on, with why. */
export const MATCH_WEIGHTS = Object.freeze({
  /** A skeleton match between a Latin (Arabizi/English) token and Arabic text: weaker than an exact stem. */
  crossScriptSkeleton: 0.8,
  /** A fuzzy neighbour counts its edit similarity times this. */
  fuzzy: 0.9,
  /** The second stem reading (bare preposition removed) of an Arabic word. */
  alternateStem: 0.9,
  /** In a question-vs-curated-question score, the share of the user's words covered (vs the curated ones). */
  queryCoverageShare: 0.7,
  /**
   * For long questions (chatty, several clauses) the share moves towards the curated question's side: a long
   * message covers a curated question fully while the question covers only part of the message. From this many
   * topic words on the share falls linearly, to `longQueryCoverageShare` at twice as many.
   */
  longQueryFrom: 8,
  longQueryCoverageShare: 0.3,
  /**
   * In a "what did X say" question, a paragraph that only mentions X (SANA reporting X's meeting) matches the
   * name this much; one attributed to X matches fully.
   */
  mentionInSaidQuestion: 0.3,
  /** Curated answer text (quote + translation) scores this much of a curated question match. */
  entryContent: 0.85,
  /** A paragraph scores this much of a curated match: prefer the curated answer when both fit. */
  paragraph: 0.8,
  /**
   * When a question asks what someone said (and not who that person is), a candidate whose speaker the
   * question names scores this much more: "what did Assad say about the armies" prefers Assad's words to SANA's report of the meeting.
   */
  namedSpeaker: 1.08,
  /** ... and a candidate whose words are someone else's scores this much (Assad never spoke of Iran). */
  otherSpeaker: 0.8,
  /** ... and a curated answer whose quote names a speaker (it introduces him, it is not what he said). */
  introduction: 0.92,
  /**
   * A question that asks "when" or "how many" scores a candidate with no time or quantity in its text this
   * much: the answer must hold the kind of value asked for (the expected-answer-type check of classic QA).
   */
  answerTypeMissing: 0.8,
  /** The same for "how many": a count is precise, and a passage without one cannot give it. */
  quantityMissing: 0.65,
  /** Weight of a user's topic word found nowhere in the index, relative to the rarest indexed word. */
  unknownWord: 0.3,
  /**
   * "Who met al-Assad?", "who sent al-Assad a message?": a candidate whose paragraph names nobody but the people
   * the question names, or does not speak of that exchange (al-Assad's own words), cannot say who the other side
   * was; it scores this much.
   */
  noCounterpart: 0.7,
  /** A who-question about something a curated introduction of the named speaker does not speak of. */
  introductionOnly: 0.75,
  /** ... and one whose paragraph names the other side but whose quote shown does not (al-Abadi's words in it). */
  counterpartUnshown: 0.9,
});

/** What a unit of the index points to. */
export type Target = { type: 'entry'; index: number } | { type: 'paragraph'; number: number };

interface Unit {
  kind: 'question' | 'content' | 'paragraph';
  target: Target;
  /** For question units: the curated question text (for labels). */
  text: string;
  tokens: TokenFeatures[];
  /** Every key of `tokens` (exact, alternate, skeleton), for membership tests. */
  keys: Set<FeatureKey>;
  /** Dense id of the target (entries first, then paragraphs), for array-indexed bookkeeping. */
  targetId: number;
  /** IDF of each token's exact key, and their sum (set once the IDF is known). */
  weights: Float64Array;
  weightSum: number;
  /** Key ids of each token: exact, alternate, skeleton at 3i, 3i+1, 3i+2 (-1: none). */
  tokenKeyIds: Int32Array;
}

/** Units that share a key with a question: `strengths[slot * tokens + i]` is token i's best match in unit `touched[slot]`. */
interface Rows {
  touched: number[];
  strengths: Float64Array;
  /** Ids of the question's keys; `queryStrength[id]` holds each one's strength until the query ends. */
  queryKeyIds: number[];
}

/**
 * Packing of (bound, slot) pairs for sorting: bounds quantized to 2^-30 (ties below that are ordered by slot) and
 * slots below 2^21; 30 + 21 bits fit a double's 53-bit integer range exactly.
 */
const BOUND_SCALE = 2 ** 30;
const SLOT_SCALE = 2 ** 21;

/** At most this many texts' keys are memoized by `textCoverage` (the real article has a few hundred clauses). */
const TEXT_KEYS_MEMO = 20_000;

/** A key in more units than this is "common" (see `collectRows`); the real article's keys never are. */
const COMMON_POSTINGS = 1000;

/** How many array reads one string-keyed `Set.has` costs, about (measured on the 100× synthetic corpus). */
const SET_PROBE_COST = 20;

/**
 * A curated question whose best possible score is below this share of the best score so far is not scored:
 * alternatives are only offered down to half the top score, and the speaker and answer-type adjustments
 * (×1.08, ×0.8) cannot lift it past that.
 */
const PRUNE_BELOW_BEST = 0.4;

/**
 * At most this many candidates are returned, best first. The real article has 83 targets (69 entries, 14
 * paragraphs), so for it nothing is cut; on a corpus a hundred times larger, what callers read of the ranking
 * (a speaker's passage on the subject, a passage that dates or places it) stays bounded by this, not by the size.
 */
export const MAX_CANDIDATES = 120;

/** At most this many curated questions are scored per question (best bounds first); the article has ~750. */
const MAX_SCORED_QUESTIONS = 200;

/** One query token, resolved against the index. */
export interface QueryToken {
  token: string;
  /** Index keys this token matches, each with a match strength in (0, 1]. */
  keys: Array<{ key: FeatureKey; strength: number }>;
  /** Importance of the token (inverse document frequency; a fixed weight for unknown words). */
  weight: number;
  /** Whether any key of this token is in the index. */
  known: boolean;
}

/** A ranked candidate: a curated entry or a paragraph, with its score and what it matched. */
export interface Candidate {
  target: Target;
  /** 0..1. */
  score: number;
  /** Share of the question's topic weight matched by this candidate (0..1). */
  coverage: number;
  /** The curated question that matched best (entries only). */
  matchedQuestion?: string;
}

/** The analysed question and its ranked candidates. */
export interface MatchResult {
  tokens: QueryToken[];
  /** Share of the question's topic weight that the index knows at all (0..1). */
  knownShare: number;
  candidates: Candidate[];
  /** Every key of the question's tokens (concepts, speakers, stems): what the rules ask "does it name…?" of. */
  keys: ReadonlySet<FeatureKey>;
}

/** The concept of a meeting: with the concepts that have a direction (seeds/concepts.json), an exchange. */
const EXCHANGE_CONCEPT = 'meeting';

/** Intents that ask for someone's words: "what did X say", "according to X". */
const ATTRIBUTION_INTENTS: ReadonlySet<FeatureKey> = new Set([INTENT.said, INTENT.according]);

/** The first `count` space-separated words of normalized text (a pasted wall of text costs no more than that). */
export function leadingWords(normalized: string, count: number): string {
  let at = -1;
  for (let i = 0; i < count; i++) {
    at = normalized.indexOf(' ', at + 1);
    if (at === -1) return normalized;
  }
  return normalized.slice(0, at);
}

/** The weight of the question's side in a question-vs-curated-question score, by number of topic words. */
export function coverageShare(topicWords: number): number {
  const { queryCoverageShare: short, longQueryCoverageShare: long, longQueryFrom: from } = MATCH_WEIGHTS;
  if (topicWords <= from) return short;
  if (topicWords >= 2 * from) return long;
  return short - ((short - long) * (topicWords - from)) / from;
}

/**
 * "What has Russia to do with it?" in Arabic: «شو دخل روسيا», «وش دخل», «ما علاقة روسيا», "shu da5l rusya"
 * (normalized). دخل alone is "entered" («هل دخل الجيش العراقي سوريا؟»), and ما before it also "did not" («ما دخل
 * الجيش سوريا»), so only after شو/وش/ايش; ما only before علاقة.
 */
const INVOLVEMENT =
  /(?:^| )(?:(?:شو|وش|ايش|اش|شنو|wesh|wish|shu|sho|shou|esh|eish) (?:دخل|da5l|dakhl|da5al|3ala2a|3ala2eta|3laqa|3laqeta|3ala2eto|3la2to)|(?:ما|شو|وش|ايش|شنو) علاقه)(?: |$)/;
const INVOLVEMENT_WORDS: ReadonlySet<string> = new Set([
  'دخل',
  'da5l',
  'dakhl',
  'da5al',
  'علاقه',
  '3ala2a',
  '3ala2eta',
  '3laqa',
  '3laqeta',
  '3ala2eto',
  '3la2to',
]);

/** Striking, bombing, raids (the strike concept), as a key. */
export const STRIKE_KEY = 'c:strike';

/** Counted words that are places: sites, places, towns, مواقع, مناطق (normalized; the word counted). */
export const PLACE_COUNT =
  /^(?:sites?|places?|locations?|targets?|areas?|towns?|cit(?:y|ies)|مدينه|مواقع|موقع|موقعا|مكان|مكانا|اماكن|مناطق|منطقه|اهداف|هدف|مدن|mawa2e3|maw2e3|mawqe3|mawaqe3|amaken|manate2|mudon|modon|mdon|mednat)(?: |$)/;

/**
 * "Government", "official", "side", الحكومة, المسؤول, الجانب (normalized): beside a country, the sayer is the
 * country's side (withoutRoleOfCountry): "what did the Syrian official say?" asks for Syria's speakers.
 */
const SIDE_WORDS: ReadonlySet<string> = new Set([
  'government',
  'governments',
  'govt',
  'gov',
  'administration',
  'official',
  'officials',
  'authorities',
  'side',
  'الحكومه',
  'حكومه',
  'المسوول',
  'مسوول',
  'المسيول',
  'مسيول',
  'المسوولين',
  'مسوولين',
  'المسوولون',
  'الجانب',
  'جانب',
  'السلطات',
  'el 7okoume',
  '7okoume',
  '7ukuma',
  'el mas2oul',
  'el mas2ool',
  'el mas2ul',
  'mas2oul',
  'mas2ool',
  'mas2ul',
]);

/** "Play" in "what role does Iran play?" (English, Arabic, Arabizi), dropped with the role word. */
const PLAY_WORDS: ReadonlySet<string> = new Set([
  'play',
  'plays',
  'played',
  'playing',
  'يلعب',
  'تلعب',
  'بتلعب',
  'btil3ab',
  'tel3ab',
  'til3ab',
]);

/** English words that place a day or month relative to now ("last Thursday"). */
const DAY_QUALIFIERS: ReadonlySet<string> = new Set(['last', 'past', 'previous', 'this', 'that']);

/** Units of time after "how many" ("how many years", "كم سنة", "kam sene"): the question asks how long, normalized. */
const TIME_UNITS: ReadonlySet<string> = new Set([
  'years',
  'months',
  'weeks',
  'days',
  'سنه',
  'سنوات',
  'سنين',
  'اعوام',
  'عام',
  'شهور',
  'اشهر',
  'شهر',
  'ايام',
  'يوم',
  'sene',
  'sana',
  'snin',
  'sneen',
  'sanawat',
  'ayyam',
  'shhur',
]);

/**
 * "How many years have the militias fought in Syria?": how many of a unit of time is how long, which the article
 * answers by when it began ("since 2011"), and declines for a stay or a meeting's length (see the answerer's
 * `asksDuration`); the how-many intent becomes the how-long one (the unit stays a topic word).
 */
function asSinceWhen(token: QueryToken, i: number, tokens: readonly QueryToken[], ago: boolean): QueryToken {
  if (!token.keys.some((k) => k.key === INTENT.howMany) || !TIME_UNITS.has(tokens[i + 1]?.token ?? '')) return token;
  // "How many years ago did ISIS take Mosul?" asks when.
  const asked = ago ? INTENT.when : INTENT.howLong;
  return { ...token, keys: token.keys.map((k) => (k.key === INTENT.howMany ? { ...k, key: asked } : k)) };
}

/** "Ago", "من قبل", "قبل كم": a span back from now, which dates an event (normalized). */
const AGO = /(?:^| )(?:ago|back)(?: |$)/;

/** Scores closer than this are a tie: the coverage weights behind them are not that precise. */
const NEAR_TIE = 0.01;

/** Speaker ids a question's keys name (`sp:<id>`). */
export function namedSpeakers(keys: ReadonlySet<FeatureKey>): Set<string> {
  return new Set([...keys].filter((k) => k.startsWith('sp:')).map((k) => k.slice(3)));
}

/** "و", "and", "w", "&", and Arabizi/English articles between two names joined as one subject. */
const JOINING_WORDS = /^(?:(?:and|w|wa|we|wel|wal|wil|و|&|el|al|il|the)\s*)+$/;

/**
 * "What did Assad and Fayyadh talk about?", "7ako feha el assad w el fayyadh": two speakers joined as one subject
 * want the passage on both (SANA's account of their meeting), not either one's own words. "What did Assad say in
 * his meeting with Abadi's envoy?" names a second person apart, so its sayer is still preferred.
 */
function namedTogether(tokens: QueryToken[], normalized: string): boolean {
  return jointlyNamed(tokens, normalized) !== undefined;
}

/**
 * The two speakers {@link namedTogether} finds joined ("Assad and Fayyadh"), as "a b" with the ids sorted; undefined
 * when none are. `tokens` are the question's, `normalized` its text.
 */
export function jointlyNamed(tokens: QueryToken[], normalized: string): string | undefined {
  const names = tokens.filter((t) => t.keys.some((k) => k.key.startsWith('sp:')));
  const idOf = (t: QueryToken) => t.keys.find((k) => k.key.startsWith('sp:'))?.key.slice(3) ?? '';
  for (let i = 0; i + 1 < names.length; i++) {
    const [a, b] = [names[i] as QueryToken, names[i + 1] as QueryToken];
    const first = normalized.indexOf(a.token);
    const second = normalized.indexOf(b.token, first + 1);
    if (first < 0 || second < 0) continue;
    const between = normalized.slice(first + a.token.length, second).trim();
    const prefixed = b.token.startsWith('و');
    if ((between === '' && prefixed) || (between !== '' && JOINING_WORDS.test(between))) {
      return [idOf(a), idOf(b)].sort().join(' ');
    }
  }
  return undefined;
}

function key(target: Target): string {
  return target.type === 'entry' ? `e${target.index}` : `p${target.number}`;
}

/**
 * The inverted index over a corpus. Build once (a few milliseconds), query many times.
 */
export class MatchIndex {
  private readonly units: Unit[] = [];
  private readonly postings = new Map<FeatureKey, number[]>();
  private readonly idf = new Map<FeatureKey, number>();
  private readonly maxIdf: number;
  private readonly arabicVocabulary: FuzzyVocabulary;
  private readonly latinVocabulary: FuzzyVocabulary;
  /** Latin lexicon terms as written, for typos the stemmer reads apart ("meetign"); word → key. */
  private readonly latinTerms: FuzzyVocabulary;
  private readonly latinTermKeys = new Map<string, FeatureKey>();
  /** Speakers' name spellings (without prefix), for typos in short names. */
  private readonly nameVocabulary: FuzzyVocabulary;
  /** Speakers' one-word names with the article (الفياض, المقداد), normalized, for `articleNameTypo`. */
  private readonly articleNames: ReadonlyArray<{ form: string; skeleton: string; key: FeatureKey }>;
  /** Fuzzy vocabulary word (a stem or a lexicon spelling, without its prefix) → the key it stands for. */
  private readonly vocabularyKeys = new Map<FeatureKey, FeatureKey>();
  /** Answer types each target's text can satisfy (a date, a number), by target key. */
  private readonly targetAnswers = new Map<string, Set<AnswerType>>();
  /** Targets whose text names two places or more (Husaybah and Albukamal): an answer to "how many sites…?". */
  private readonly countsPlaces = new Set<string>();
  /** `keysOfTarget`'s memo: "target key/paragraph" → keys. */
  private readonly targetKeys = new Map<string, ReadonlySet<FeatureKey>>();
  /** Places that lie in a country (`in` on concepts: the article's cities and towns), as keys. */
  private readonly cityKeys: ReadonlySet<FeatureKey>;
  /** Concept keys that hold a value of a type, and intent keys that ask for one. */
  private readonly valueKeys = new Map<FeatureKey, AnswerType>();
  private readonly intentKeys = new Map<FeatureKey, AnswerType>();
  /** The one featurizer for index and questions alike. */
  readonly featurizer: Featurizer;
  /** For each curated entry: does its quote name one of the speakers (an introduction, not his words)? */
  private readonly introducesSomeone: boolean[];
  /**
   * The speakers each target's text names as one subject ("وناقش الاسد والفياض": assad and fayyadh), as "a b" ids in
   * sorted order, by target key (a curated entry's quote, a paragraph's text).
   */
  private readonly jointSubjects = new Map<string, ReadonlySet<string>>();
  /** The speaker ids each shown quote names, memoized (the corpus's own quotes: a few dozen). */
  private readonly peopleNamed = new Map<string, ReadonlySet<string>>();
  /** Concepts of an exchange between two sides (a meeting, the message, the envoy), as keys (c:meeting). */
  private readonly exchangeKeys: ReadonlySet<FeatureKey>;
  /** Concepts of countries (Iraq, Syria, Iran, Russia…), as keys. */
  private readonly countryKeys: ReadonlySet<FeatureKey>;
  /** Units by target key, for per-target lookups that must not scan the whole index. */
  private readonly unitsByTarget = new Map<string, Unit[]>();
  private readonly corpus: Corpus;
  /**
   * Per-query scratch reused across queries so a question allocates no per-unit bookkeeping (fewer GC pauses,
   * which set the p99): unit id → its row in the strengths table (-1: not touched), and that table.
   */
  private readonly slotScratch: Int32Array;
  private strengthsScratch: Float64Array = new Float64Array(1024);
  private strengthsUsed = 0;
  private readonly textKeys = new Map<string, Set<FeatureKey>>();
  /** Dense id of every indexed key, and each query key's strength by id (0 outside a query). */
  private readonly keyIds = new Map<FeatureKey, number>();
  private readonly queryStrength: Float64Array;
  /** Targets by dense id (entries, then paragraphs), and per-target scratch (score -1: not touched yet). */
  private readonly targets: Target[] = [];
  private readonly targetScratch: { score: Float64Array; coverage: Float64Array; question: Int32Array };
  /** Questions' packed bounds, one slot per touched unit at most (see `bestPerTarget`). */
  private readonly orderScratch: Float64Array;
  /**
   * Each unit's target id, and -1 for a curated question's: the first pass over touched units reads only these, an
   * array read instead of a unit object (on a large corpus, tens of thousands of them per question).
   */
  private readonly answerTargetOfUnit: Int32Array;
  /** Each answer unit's weight against a curated question match (`MATCH_WEIGHTS`); 0 for curated questions. */
  private readonly answerWeightOfUnit: Float64Array;

  constructor(corpus: Corpus) {
    this.corpus = corpus;
    this.featurizer = new Featurizer(corpus.speakers, corpus.concepts);
    this.introducesSomeone = corpus.entries.map((e) =>
      corpus.speakers.some((sp) => sp.nameAr !== corpus.byline && e.quote.includes(sp.nameAr)),
    );
    corpus.entries.forEach((e, index) => {
      this.addJointSubjects({ type: 'entry', index }, e.quote);
    });
    for (const p of corpus.paragraphs) this.addJointSubjects({ type: 'paragraph', number: p.number }, p.text);
    this.countryKeys = new Set(corpus.concepts.filter((c) => c.country).map((c) => `c:${c.id}`));
    this.cityKeys = new Set(corpus.concepts.filter((c) => c.in !== undefined).map((c) => `c:${c.id}`));
    this.exchangeKeys = new Set(
      corpus.concepts.filter((c) => c.id === EXCHANGE_CONCEPT || c.direction).map((c) => `c:${c.id}`),
    );
    for (const c of corpus.concepts) {
      if (c.answers) this.valueKeys.set(`c:${c.id}`, c.answers);
      if (c.asks) this.intentKeys.set(`c:${c.id}`, c.asks);
    }
    corpus.entries.forEach((entry, index) => {
      const target: Target = { type: 'entry', index };
      for (const list of Object.values(entry.questions)) {
        for (const question of list ?? []) this.addUnit('question', target, question);
      }
      this.addUnit('content', target, `${entry.quote} ${entry.translation}`, `sp:${entry.speakerId}`);
    });
    for (const paragraph of corpus.paragraphs) {
      this.addUnit(
        'paragraph',
        { type: 'paragraph', number: paragraph.number },
        `${paragraph.text} ${paragraph.translation}`,
        `sp:${paragraph.speakerId}`,
      );
    }
    this.maxIdf = this.computeIdf();
    if (this.units.length >= SLOT_SCALE) {
      throw new RangeError(`the index holds at most ${SLOT_SCALE - 1} units (${this.units.length} given)`);
    }
    this.slotScratch = new Int32Array(this.units.length).fill(-1);
    this.orderScratch = new Float64Array(this.units.length);
    this.answerTargetOfUnit = Int32Array.from(this.units, (u) => (u.kind === 'question' ? -1 : u.targetId));
    this.answerWeightOfUnit = Float64Array.from(this.units, (u) =>
      u.kind === 'content' ? MATCH_WEIGHTS.entryContent : u.kind === 'paragraph' ? MATCH_WEIGHTS.paragraph : 0,
    );
    this.queryStrength = new Float64Array(this.keyIds.size);
    for (const unit of this.units) this.targets[unit.targetId] = unit.target;
    const targetCount = corpus.entries.length + corpus.paragraphs.length;
    this.targetScratch = {
      score: new Float64Array(targetCount).fill(-1),
      coverage: new Float64Array(targetCount),
      question: new Int32Array(targetCount).fill(-1),
    };
    for (const unit of this.units) {
      const k = key(unit.target);
      const list = this.unitsByTarget.get(k);
      if (list) list.push(unit);
      else this.unitsByTarget.set(k, [unit]);
    }
    for (const unit of this.units) {
      unit.tokens.forEach((t, i) => {
        unit.weights[i] = this.idf.get(t.exact) ?? 0;
        [t.exact, t.alternate, t.skeleton].forEach((k, j) => {
          unit.tokenKeyIds[3 * i + j] = k === undefined ? -1 : (this.keyIds.get(k) ?? -1);
        });
      });
      unit.weightSum = unit.weights.reduce((sum, w) => sum + w, 0);
    }
    const spellings: Array<[FeatureKey, FeatureKey]> = [
      ...[...this.postings.keys()].map((k): [FeatureKey, FeatureKey] => [k, k]),
      ...this.featurizer.lexiconSpellings(),
    ];
    for (const [spelling, k] of spellings) {
      if (spelling.startsWith('a:') || spelling.startsWith('e:')) this.vocabularyKeys.set(spelling, k);
    }
    const words = (prefix: string) =>
      [...this.vocabularyKeys.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(2));
    this.arabicVocabulary = new FuzzyVocabulary(words('a:'));
    this.latinVocabulary = new FuzzyVocabulary(words('e:'));
    for (const [word, key] of this.featurizer.lexiconWords()) {
      if (/^[a-z]+$/.test(word) && /^(?:c|sp):/.test(key)) this.latinTermKeys.set(word, key);
    }
    this.latinTerms = new FuzzyVocabulary([...this.latinTermKeys.keys()]);
    // Names are short (فياض, مقداد) and their typos common: speakers' names get fuzzy lookup from 4 letters on.
    const names = [...this.vocabularyKeys.entries()]
      .filter(([, k]) => k.startsWith('sp:'))
      .map(([spelling]) => spelling);
    this.nameVocabulary = new FuzzyVocabulary(
      names.map((n) => n.slice(2)),
      { minLength: 4 },
    );
    this.articleNames = corpus.speakers.flatMap((s) =>
      s.variants
        .map((v) => normalize(v))
        .filter((v) => v.startsWith('ال') && !v.includes(' ') && skeleton(v).length >= 2)
        .map((form) => ({ form, skeleton: skeleton(form), key: `sp:${s.id}` })),
    );
  }

  /** Adds a unit; `speakerKey` marks the text as that speaker's words (so "Mekdad quotes" finds them). */
  private addUnit(kind: Unit['kind'], target: Target, text: string, speakerKey?: FeatureKey): void {
    const tokens = this.featurizer.features(normalize(text));
    if (kind !== 'question') {
      // In answer text a name is a mention (m:), distinct from the attribution of the words (sp:).
      for (const t of tokens) if (t.exact.startsWith('sp:')) t.exact = `m:${t.exact.slice(3)}`;
    }
    if (speakerKey) tokens.push({ token: speakerKey, exact: speakerKey });
    const id = this.units.length;
    const keys = new Set(tokens.flatMap((t) => [t.exact, t.alternate, t.skeleton].filter((k) => k !== undefined)));
    const targetId = target.type === 'entry' ? target.index : this.corpus.entries.length + target.number - 1;
    this.units.push({
      kind,
      target,
      text,
      tokens,
      keys,
      targetId,
      weights: new Float64Array(tokens.length),
      weightSum: 0,
      tokenKeyIds: new Int32Array(3 * tokens.length).fill(-1),
    });
    if (kind !== 'question') this.recordAnswerTypes(target, tokens);
    for (const t of tokens) {
      for (const k of [t.exact, t.alternate, t.skeleton]) {
        if (k === undefined) continue;
        const list = this.postings.get(k);
        if (!list) {
          this.postings.set(k, [id]);
          this.keyIds.set(k, this.keyIds.size);
        } else if (list[list.length - 1] !== id) list.push(id);
      }
    }
  }

  /** IDF over topics (an entry with all its questions, or a paragraph), so paraphrase count does not skew it. */
  private computeIdf(): number {
    const topics = new Set(this.units.map((u) => key(u.target)));
    const n = topics.size;
    let max = 0;
    for (const [k, ids] of this.postings) {
      const df = new Set(ids.map((id) => key((this.units[id] as Unit).target))).size;
      const value = Math.log((n + 1) / (df + 0.5));
      this.idf.set(k, value);
      if (value > max) max = value;
    }
    return max;
  }

  /** Resolves one token's features against the index: concept or stem, second reading, skeleton, fuzzy. */
  resolveToken(f: TokenFeatures): QueryToken {
    const token = f.token;
    const keys: QueryToken['keys'] = [];
    if (this.postings.has(f.exact)) keys.push({ key: f.exact, strength: 1 });
    const mention = f.exact.startsWith('sp:') ? `m:${f.exact.slice(3)}` : undefined;
    if (mention && this.postings.has(mention)) keys.push({ key: mention, strength: 1 });
    if (f.alternate && this.postings.has(f.alternate)) {
      keys.push({ key: f.alternate, strength: MATCH_WEIGHTS.alternateStem });
    }
    const isLatin = f.exact.startsWith('e:');
    // "presdent", "kordination": a Latin typo of a lexicon term is that term, before any consonant skeleton (which
    // would find the words, not the concept, and so not the role "Syrian president" makes of it).
    if (isLatin && keys.length === 0) {
      for (const hit of this.latinVocabulary.lookup(f.exact.slice(2))) {
        const k = this.vocabularyKeys.get(`e:${hit.word}`);
        // A typo may stand for a topic or a name, never for an intent ("akhad", took, is no "akkad", stressed).
        if (k && /^(?:c|sp):/.test(k) && !k.startsWith('c:ask-') && this.postings.has(k)) {
          keys.push({ key: k, strength: MATCH_WEIGHTS.fuzzy * hit.similarity });
        }
      }
      if (keys.length === 0) {
        for (const hit of this.latinTerms.lookup(token)) {
          const k = this.latinTermKeys.get(hit.word);
          if (k && !k.startsWith('c:ask-') && this.postings.has(k)) {
            keys.push({ key: k, strength: MATCH_WEIGHTS.fuzzy * hit.similarity });
          }
        }
      }
    }
    // Skeletons bridge scripts: an Arabic question already has exact stems, and Arabic words that share
    // consonants (سلام/سلم) are different words, so only Latin tokens use them.
    if (isLatin && f.skeleton && this.postings.has(f.skeleton)) {
      keys.push({ key: f.skeleton, strength: MATCH_WEIGHTS.crossScriptSkeleton });
    }
    const fuzzyable = f.exact.startsWith('a:') || f.exact.startsWith('e:');
    if (fuzzyable && keys.length === 0) {
      const prefix = f.exact.slice(0, 2);
      const vocabulary = prefix === 'a:' ? this.arabicVocabulary : this.latinVocabulary;
      for (const hit of vocabulary.lookup(f.exact.slice(2))) {
        const k = this.vocabularyKeys.get(prefix + hit.word);
        if (k && !k.startsWith('c:ask-') && this.postings.has(k)) {
          keys.push({ key: k, strength: MATCH_WEIGHTS.fuzzy * hit.similarity });
        }
      }
      if (keys.length === 0) {
        // A name's typo may leave a stem too short to look up ("المقدات" stems to مقد): try the word without its
        // article too ("مقدات" is one letter from مقداد).
        const spellings = new Set([f.exact.slice(2)]);
        if (prefix === 'a:') spellings.add(withoutDefiniteArticle(token));
        for (const spelling of spellings) {
          for (const hit of this.nameVocabulary.lookup(spelling)) {
            const k = this.vocabularyKeys.get(prefix + hit.word);
            if (k && this.postings.has(k)) keys.push({ key: k, strength: MATCH_WEIGHTS.fuzzy * hit.similarity });
          }
          if (keys.length > 0) break;
        }
      }
      if (keys.length === 0 && prefix === 'a:') keys.push(...this.articleNameTypo(token));
    }
    const known = keys.length > 0;
    const weight = known
      ? Math.max(...keys.map((k) => (this.idf.get(k.key) ?? 0) * k.strength))
      : this.maxIdf * MATCH_WEIGHTS.unknownWord;
    return { token, keys, weight, known };
  }

  /**
   * "الفيض", "الاصد": a speaker's name with its article, one letter off in a way that keeps its consonant skeleton (a
   * long vowel dropped, a look-alike consonant: ص for س). Their stems (فيض, اصد) are too short for the fuzzy
   * vocabulary; both checks together keep common words out ("السيد" is two edits from "الاسد", "الفضه" two from
   * "الفياض").
   */
  private articleNameTypo(token: string): Array<{ key: FeatureKey; strength: number }> {
    if (!token.startsWith('ال') || token.length < 5) return [];
    const shape = skeleton(token);
    return this.articleNames
      .filter((n) => n.skeleton === shape && editDistance(token, n.form) <= 1)
      .map((n) => ({ key: n.key, strength: MATCH_WEIGHTS.fuzzy * editSimilarity(token, n.form) }));
  }

  /** Topic tokens of a question (stopwords removed), resolved. */
  analyse(normalized: string): QueryToken[] {
    const tokens = this.withoutRoleOfCountry(
      INVOLVEMENT.test(normalized),
      this.withRoleSpeaker(
        this.withoutDayQualifiers(this.featurizer.features(normalized)).map((f) => this.resolveToken(f)),
      ),
    ).map((t, i, all) => asSinceWhen(t, i, all, AGO.test(normalized)));
    if (tokens.some((t) => t.keys.some((k) => ATTRIBUTION_INTENTS.has(k.key)))) {
      for (const t of tokens) {
        for (const k of t.keys) if (k.key.startsWith('m:')) k.strength = MATCH_WEIGHTS.mentionInSaidQuestion;
      }
    }
    return tokens;
  }

  /**
   * A role that names a speaker, found only once typos are resolved ("syrian presdent" → president + Syria): its
   * tokens are replaced by the speaker's, as the featurizer does for correctly spelled roles.
   */
  private withRoleSpeaker(tokens: QueryToken[]): QueryToken[] {
    if (tokens.some((t) => t.keys.some((k) => k.key.startsWith('sp:')))) return tokens;
    const role = this.featurizer.roleOf(new Set(tokens.flatMap((t) => t.keys.map((k) => k.key))));
    if (!role) return tokens;
    const rest = tokens.filter((t) => !t.keys.some((k) => role.concepts.includes(k.key)));
    return [...rest, this.resolveToken({ token: role.speaker, exact: role.speaker })];
  }

  /**
   * "last Thursday", "this February", "past Monday": the word before a day or month only places it in time (the
   * article's Thursday is the last one), so it is dropped rather than read as a topic word the passage lacks.
   */
  private withoutDayQualifiers(features: TokenFeatures[]): TokenFeatures[] {
    return features.filter(
      (f, i) => !DAY_QUALIFIERS.has(f.token) || !this.featurizer.timeKeys.has(features[i + 1]?.exact ?? ''),
    );
  }

  /**
   * "What role does Iran play?", "شو دور روسيا": a country's role is its part in the story, not an office, so the
   * role word (and "play") is dropped and the question asks for the passages about the country. A question naming a
   * person keeps it ("what is al-Fayyadh's role?" asks his office). `involvement`: the question asks what the
   * country has to do with the story («وش دخل روسيا بالسالفة», «ما علاقة روسيا»), whose word goes the same way.
   */
  private withoutRoleOfCountry(involvement: boolean, tokens: QueryToken[]): QueryToken[] {
    const has = (t: QueryToken, test: (key: FeatureKey) => boolean) => t.keys.some((k) => test(k.key));
    const country = (t: QueryToken | undefined) => t !== undefined && has(t, (k) => this.countryKeys.has(k));
    // "What did the Syrian government say?", «ماذا قالت الحكومة العراقية؟», "the government of Iraq": beside its
    // country, a government is that country (its side's speakers), not a word to find.
    const governed = tokens.filter(
      (t, i) => !(SIDE_WORDS.has(t.token) && (country(tokens[i - 1]) || country(tokens[i + 1]))),
    );
    if (governed.length < tokens.length) return this.withoutRoleOfCountry(involvement, governed);
    const isRole = (t: QueryToken) =>
      has(t, (k) => k === INTENT.role) || (involvement && INVOLVEMENT_WORDS.has(t.token));
    if (!tokens.some(isRole) || tokens.some((t) => has(t, (k) => k.startsWith('sp:')))) return tokens;
    if (!tokens.some((t) => has(t, (k) => this.countryKeys.has(k)))) return tokens;
    return tokens.filter((t) => !isRole(t) && !PLAY_WORDS.has(t.token));
  }

  /**
   * Ranks entries and paragraphs for a normalized question. Cost is linear in the number of topic tokens times
   * their postings, independent of paragraph length.
   */
  match(normalized: string, maxTokens = 40): MatchResult {
    const tokens = this.analyse(leadingWords(normalized, 3 * maxTokens)).slice(0, maxTokens);
    const total = tokens.reduce((s, t) => s + t.weight, 0);
    const knownWeight = tokens.filter((t) => t.known).reduce((s, t) => s + t.weight, 0);
    if (tokens.length === 0 || total === 0) return { tokens, knownShare: 0, candidates: [], keys: new Set() };

    const rows = this.collectRows(tokens);
    let candidates: Candidate[];
    try {
      candidates = this.bestPerTarget(tokens, total, rows);
    } finally {
      for (const id of rows.queryKeyIds) this.queryStrength[id] = 0;
    }
    const keys: ReadonlySet<FeatureKey> = new Set(tokens.flatMap((t) => t.keys.map((k) => k.key)));
    this.preferNamedSpeakers(tokens, keys, candidates, normalized);
    this.preferCounterpart(keys, candidates);
    this.preferSubstance(tokens, keys, candidates);
    this.preferIntroductions(keys, candidates);
    this.requireAnswerType(tokens, candidates);
    candidates.sort((a, b) => b.score - a.score);
    this.breakTiesByNamedSpeaker(tokens, keys, candidates, normalized);
    if (candidates.length > MAX_CANDIDATES) candidates.length = MAX_CANDIDATES;
    return { tokens, knownShare: knownWeight / total, candidates, keys };
  }

  /**
   * Each touched target's best unit score. Answer text and paragraphs score from the question's coverage alone;
   * curated questions also need their own coverage (the costly part), so they are visited best bound first and the
   * rest pruned. Bookkeeping lives in typed arrays indexed by target id, reused across queries, so a question
   * allocates one candidate per target rather than per unit.
   */
  private bestPerTarget(tokens: QueryToken[], total: number, { touched, strengths }: Rows): Candidate[] {
    const n = tokens.length;
    const share = coverageShare(n);
    const { score, coverage, question } = this.targetScratch;
    const targets: number[] = [];
    /** Records a unit's score for its target (`questionId`: the curated question's unit id, or -1). */
    const offer = (t: number, questionId: number, unitScore: number, unitCoverage: number): void => {
      const previous = score[t] ?? -1;
      if (previous < 0) targets.push(t);
      else if (unitScore <= previous) return;
      score[t] = unitScore;
      coverage[t] = unitCoverage;
      if (questionId >= 0) question[t] = questionId;
    };
    try {
      // Questions in order of bound, best first: each packed as one number, (1 - bound) in the high bits and the
      // slot in the low 21, so a native numeric sort orders them (ties by slot, as a stable sort would).
      const order = this.orderScratch;
      let questions = 0;
      let best = 0;
      for (let slot = 0; slot < touched.length; slot++) {
        const id = touched[slot] as number;
        let matched = 0;
        for (let i = 0; i < n; i++) matched += (tokens[i] as QueryToken).weight * (strengths[slot * n + i] ?? 0);
        const unitCoverage = matched / total;
        const answerTarget = this.answerTargetOfUnit[id] as number;
        if (answerTarget === -1) {
          const bound = share * unitCoverage + (1 - share);
          order[questions++] = Math.floor((1 - bound) * BOUND_SCALE) * SLOT_SCALE + slot;
          strengths[slot * n] = unitCoverage; // the row is read no more: keep the coverage for the second pass
          continue;
        }
        const unitScore = unitCoverage * (this.answerWeightOfUnit[id] as number);
        best = Math.max(best, unitScore);
        offer(answerTarget, -1, unitScore, unitCoverage);
      }
      // A question whose bound is already below the prune line cannot be reached: `best` only grows and the loop
      // below stops at the first bound under it. Dropping them first keeps the sort (the costly step) short.
      let kept = 0;
      const floor = best * PRUNE_BELOW_BEST;
      for (let q = 0; q < questions; q++) {
        const packed = order[q] as number;
        const slot = packed - Math.floor(packed / SLOT_SCALE) * SLOT_SCALE;
        if (share * (strengths[slot * n] ?? 0) + (1 - share) >= floor) order[kept++] = packed;
      }
      const sorted = order.subarray(0, kept).sort();
      let scored = 0;
      for (const packed of sorted) {
        const slot = packed - Math.floor(packed / SLOT_SCALE) * SLOT_SCALE;
        const coverageOfSlot = strengths[slot * n] ?? 0;
        const bound = share * coverageOfSlot + (1 - share);
        if (bound < best * PRUNE_BELOW_BEST || scored >= MAX_SCORED_QUESTIONS) break;
        const id = touched[slot] as number;
        const unit = this.units[id] as Unit;
        // Its target already scores at least this unit's best: it cannot change the ranking.
        if ((score[unit.targetId] ?? -1) >= bound) continue;
        scored++;
        const unitCoverage = coverageOfSlot;
        const unitScore = share * unitCoverage + (1 - share) * this.unitCoverage(unit);
        best = Math.max(best, unitScore);
        offer(unit.targetId, id, unitScore, unitCoverage);
      }
      return targets.map((t) => {
        const candidate: Candidate = {
          target: this.targets[t] as Target,
          score: score[t] ?? 0,
          coverage: coverage[t] ?? 0,
        };
        const q = question[t] ?? -1;
        if (q >= 0) candidate.matchedQuestion = (this.units[q] as Unit).text;
        return candidate;
      });
    } finally {
      for (const t of targets) {
        score[t] = -1;
        question[t] = -1;
      }
    }
  }

  /**
   * For each unit that shares a key with the question, the strongest match of each question token.
   * Rare keys are visited first; a key found in more than `COMMON_POSTINGS` units (a word in nearly every
   * unit of a large corpus) only updates units that rarer keys already found, so a question's cost stays
   * bounded by its rare words' postings, not by the corpus size. Below that size every unit is visited.
   */
  private collectRows(tokens: QueryToken[]): Rows {
    const n = tokens.length;
    const touched: number[] = [];
    const slotOf = this.slotScratch;
    let rows = this.strengthsScratch;
    rows.fill(0, 0, this.strengthsUsed); // what the previous query wrote
    const queryKeyIds: number[] = [];
    const queryStrength = this.queryStrength;
    const keyed = tokens.flatMap((t, i) =>
      t.keys.map((k) => ({ index: i, key: k.key, strength: k.strength, postings: this.postings.get(k.key) ?? [] })),
    );
    keyed.sort((a, b) => a.postings.length - b.postings.length);
    const raise = (slot: number, index: number, strength: number): void => {
      const at = slot * n + index;
      if (strength > (rows[at] ?? 0)) rows[at] = strength;
    };
    try {
      for (const { index, key: k, strength, postings } of keyed) {
        const keyId = this.keyIds.get(k) ?? -1;
        if (keyId >= 0 && strength > (queryStrength[keyId] ?? 0)) {
          if ((queryStrength[keyId] ?? 0) === 0) queryKeyIds.push(keyId);
          queryStrength[keyId] = strength;
        }
        const common = postings.length > COMMON_POSTINGS && touched.length > 0;
        // Either way visits only touched units: asking each touched unit's key set is a string-hash probe, reading
        // a posting's slot is an array read, some twenty times cheaper; so the postings are walked unless they
        // are that much longer than the touched list.
        if (common && touched.length * SET_PROBE_COST < postings.length) {
          touched.forEach((id, slot) => {
            if ((this.units[id] as Unit).keys.has(k)) raise(slot, index, strength);
          });
          continue;
        }
        for (const id of postings) {
          let slot = slotOf[id] ?? -1;
          if (slot < 0) {
            if (common) continue;
            slot = touched.length;
            touched.push(id);
            slotOf[id] = slot;
            if ((slot + 1) * n > rows.length) rows = this.growStrengths(rows, (slot + 1) * n);
          }
          raise(slot, index, strength);
        }
      }
    } finally {
      // The scratch table is shared by every query: leave it as found (all -1) for the next one.
      for (const id of touched) slotOf[id] = -1;
      this.strengthsUsed = touched.length * n;
    }
    return { touched, strengths: rows, queryKeyIds };
  }

  /** A larger zeroed buffer holding `rows`' contents; kept for later queries. */
  private growStrengths(rows: Float64Array, needed: number): Float64Array {
    let size = rows.length;
    while (size < needed) size *= 2;
    const grown = new Float64Array(size);
    grown.set(rows);
    this.strengthsScratch = grown;
    return grown;
  }

  /**
   * Share (0..1) of the given tokens' weight found in a target (any of its units: curated questions and answer
   * text for an entry) or in paragraph `paragraph`. 1 when the tokens weigh nothing.
   */
  targetCoverage(target: Target, paragraph: number, tokens: QueryToken[]): number {
    const total = tokens.reduce((sum, t) => sum + t.weight, 0);
    if (total === 0) return 1;
    const keys = this.keysOfTarget(target, paragraph);
    let matched = 0;
    for (const t of tokens) {
      const found = t.keys.filter((k) => keys.has(k.key)).map((k) => k.strength);
      matched += t.weight * Math.max(0, ...found);
    }
    return matched / total;
  }

  /**
   * Every key of a target's units and of paragraph `paragraph`'s, memoized (up to `TEXT_KEYS_MEMO` pairs; the real
   * article has 83 targets): a question checks its subject against each leading candidate's.
   */
  private keysOfTarget(target: Target, paragraph: number): ReadonlySet<FeatureKey> {
    const memoKey = `${key(target)}/${paragraph}`;
    const known = this.targetKeys.get(memoKey);
    if (known) return known;
    const keys = new Set<FeatureKey>();
    const units = [
      ...(this.unitsByTarget.get(key(target)) ?? []),
      ...(this.unitsByTarget.get(key({ type: 'paragraph', number: paragraph })) ?? []),
    ];
    for (const unit of units) for (const k of unit.keys) keys.add(k);
    if (this.targetKeys.size < TEXT_KEYS_MEMO) this.targetKeys.set(memoKey, keys);
    return keys;
  }

  /** Whether a text (featurized like the index) holds any of these keys: one token's readings, or a set of places. */
  mentions(text: string, keys: ReadonlyArray<{ key: FeatureKey }>): boolean {
    const found = this.keysOfText(text);
    return keys.some((k) => found.has(k.key));
  }

  /** Share (0..1) of the tokens' weight found in an arbitrary text (featurized like the index). */
  textCoverage(text: string, tokens: QueryToken[]): number {
    const keys = this.keysOfText(text);
    const total = tokens.reduce((sum, t) => sum + t.weight, 0);
    if (total === 0) return 0;
    let matched = 0;
    for (const t of tokens)
      matched += t.weight * Math.max(0, ...t.keys.filter((k) => keys.has(k.key)).map((k) => k.strength));
    return matched / total;
  }

  /**
   * Every key of a text (exact, alternate, skeleton, and a name as a mention), memoized: the texts asked about are
   * the corpus's own clauses and passages, a few hundred, so the memo stays small; past `TEXT_KEYS_MEMO` entries
   * it stops growing (any other text is featurized each time).
   */
  private keysOfText(text: string): Set<FeatureKey> {
    const known = this.textKeys.get(text);
    if (known) return known;
    const keys = new Set<FeatureKey>();
    for (const t of this.featurizer.features(normalize(text))) {
      keys.add(t.exact);
      if (t.alternate) keys.add(t.alternate);
      if (t.skeleton) keys.add(t.skeleton);
      if (t.exact.startsWith('sp:')) keys.add(`m:${t.exact.slice(3)}`);
    }
    if (this.textKeys.size < TEXT_KEYS_MEMO) this.textKeys.set(text, keys);
    return keys;
  }

  /** The speaker id a target's words belong to. */
  speakerOf(target: Target): string {
    return target.type === 'entry'
      ? (this.corpus.entries[target.index]?.speakerId ?? '')
      : (this.corpus.paragraphs[target.number - 1]?.speakerId ?? '');
  }

  private recordAnswerTypes(target: Target, tokens: TokenFeatures[]): void {
    const k = key(target);
    const types = this.targetAnswers.get(k) ?? new Set<AnswerType>();
    for (const t of tokens) {
      const value = this.valueKeys.get(t.exact);
      if (value) types.add(value);
      if (t.exact.startsWith('n:')) {
        types.add('when');
        // A year (2011, 2014) dates something; it does not count anything.
        if (!/^n:(?:19|20)\d\d$/.test(t.exact)) types.add('how-many');
      }
    }
    this.targetAnswers.set(k, types);
    const places = new Set(tokens.map((t) => t.exact.replace(/^m:/, 'c:')).filter((x) => this.cityKeys.has(x)));
    if (places.size >= 2) this.countsPlaces.add(k);
  }

  private requireAnswerType(tokens: QueryToken[], candidates: Iterable<Candidate>): void {
    const asked = new Set(
      tokens.flatMap((t) => t.keys.map((k) => this.intentKeys.get(k.key)).filter((x) => x !== undefined)),
    );
    if (asked.size === 0) return;
    // "How many sites did the planes strike?": the places named are the count («في حصيب وكذلك في البو كمال»). Only
    // places struck: "how many cities are mentioned?" or "…does ISIS control?" are counts the article does not give.
    // "How many Syrian towns…": a country's adjective may stand between.
    const countedAt = (i: number) => {
      const next = tokens[i + 1];
      const country = next?.keys.some((k) => this.countryKeys.has(k.key)) ?? false;
      return (country ? tokens[i + 2] : next)?.token ?? '';
    };
    const placesCounted =
      tokens.some((t) => t.keys.some((k) => k.key === STRIKE_KEY)) &&
      tokens.some(
        (t, i) => t.keys.some((k) => this.intentKeys.get(k.key) === 'how-many') && PLACE_COUNT.test(countedAt(i)),
      );
    for (const c of candidates) {
      const has = this.targetAnswers.get(key(c.target));
      for (const type of asked) {
        if (has?.has(type)) continue;
        if (type === 'how-many' && placesCounted && this.countsPlaces.has(key(c.target))) continue;
        c.score *= type === 'how-many' ? MATCH_WEIGHTS.quantityMissing : MATCH_WEIGHTS.answerTypeMissing;
      }
    }
  }

  /**
   * The pairs of speakers `text` names as one subject: two name forms one after the other, the second with و
   * ("الاسد والفياض"), as "a b" with the ids sorted.
   */
  private addJointSubjects(target: Target, text: string): void {
    const pairs = this.jointSubjectsOf(text);
    if (pairs.size > 0) this.jointSubjects.set(key(target), pairs);
  }

  private jointSubjectsOf(text: string): Set<string> {
    const words = normalize(text).split(' ');
    const speakerAt = (i: number) => {
      const key = this.featurizer.conceptOf(words[i] ?? '');
      return key?.startsWith('sp:') || key?.startsWith('m:') ? key.slice(key.indexOf(':') + 1) : undefined;
    };
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < words.length; i++) {
      const [first, second] = [speakerAt(i), speakerAt(i + 1)];
      if (first && second && first !== second && words[i + 1]?.startsWith('و')) {
        pairs.add([first, second].sort().join(' '));
      }
    }
    return pairs;
  }

  private preferNamedSpeakers(
    tokens: QueryToken[],
    keys: ReadonlySet<FeatureKey>,
    candidates: Iterable<Candidate>,
    normalized: string,
  ): void {
    if (![...ATTRIBUTION_INTENTS].some((k) => keys.has(k)) || keys.has(INTENT.role)) return;
    const named = namedSpeakers(keys);
    if (named.size === 0) return;
    const joint = jointlyNamed(tokens, normalized);
    if (joint !== undefined) {
      // "What did Assad and Fayyadh talk about?": the passage telling what the two did together (SANA's account of
      // their talks) before either one's own words.
      for (const c of candidates) {
        if (this.jointSubjects.get(key(c.target))?.has(joint)) {
          c.score = Math.min(1, c.score * MATCH_WEIGHTS.namedSpeaker);
        }
      }
      return;
    }
    const asksWho = keys.has(INTENT.who);
    for (const c of candidates) {
      if (named.has(this.speakerOf(c.target))) c.score = Math.min(1, c.score * MATCH_WEIGHTS.namedSpeaker);
      else c.score *= MATCH_WEIGHTS.otherSpeaker;
      // A quote that names someone introduces that person ("قال مستشار وزير الداخلية وهاب الطائي الاثنين"); what
      // they said is elsewhere.
      if (!asksWho && c.target.type === 'entry' && this.introducesSomeone[c.target.index]) {
        c.score *= MATCH_WEIGHTS.introduction;
      }
    }
  }

  /**
   * "What did Abadi announce?": a leader within {@link NEAR_TIE} of the next is no better evidence, so when the
   * question names one person (not two together, not asking who), that person's passage goes first — his
   * announcement, not Damascus announcing his message's details. Candidates must be sorted.
   */
  private breakTiesByNamedSpeaker(
    tokens: QueryToken[],
    keys: ReadonlySet<FeatureKey>,
    candidates: Candidate[],
    normalized: string,
  ): void {
    const named = namedSpeakers(keys);
    if (named.size !== 1 || keys.has(INTENT.who) || namedTogether(tokens, normalized)) return;
    const [first, second] = candidates;
    if (!first || !second || first.score - second.score > NEAR_TIE) return;
    if (named.has(this.speakerOf(first.target)) || !named.has(this.speakerOf(second.target))) return;
    candidates[0] = second;
    candidates[1] = first;
  }

  /**
   * "Who met al-Assad?", "مين استقبل الفياض؟": a who-question about an exchange (a meeting, the message) that names
   * one side asks for the other, so a passage naming no one else (al-Assad's own words at the meeting) is no answer.
   * Questions of what someone said are left to {@link preferNamedSpeakers}.
   */
  private preferCounterpart(keys: ReadonlySet<FeatureKey>, candidates: Iterable<Candidate>): void {
    if (!keys.has(INTENT.who) || [...ATTRIBUTION_INTENTS].some((k) => keys.has(k))) return;
    const exchange = [...this.exchangeKeys].filter((k) => keys.has(k)).map((key) => ({ key }));
    if (exchange.length === 0) return;
    const named = namedSpeakers(keys);
    if (named.size === 0) return;
    for (const c of candidates) {
      const paragraph = this.corpus.paragraphs[this.paragraphNumberOf(c.target) - 1];
      if (!paragraph) continue;
      // The other side must be named in the words shown (a curated quote, else the paragraph), in a paragraph about
      // the exchange asked about (al-Abadi's message is no meeting).
      const namesOther = (text: string) => [...this.peopleNamedIn(text)].some((id) => !named.has(id));
      if (!namesOther(paragraph.text) || !this.mentions(paragraph.text, exchange)) {
        c.score *= MATCH_WEIGHTS.noCounterpart;
        continue;
      }
      const shown =
        c.target.type === 'entry' ? this.corpus.entries[c.target.index]?.quote : quoteOfParagraph(paragraph);
      if (!namesOther(shown ?? '')) c.score *= MATCH_WEIGHTS.counterpartUnshown;
    }
  }

  /**
   * "Who brought weapons to al-Assad through Iraq?", "شكون اللي مشا لدمشق باسم العبادي": a who-question naming a
   * speaker and asking about something else. A curated answer that only introduces the speaker ("الرئيس السوري
   * بشار الأسد") matches the name and the "who" fully, yet its words say nothing of the rest.
   */
  private preferSubstance(tokens: QueryToken[], keys: ReadonlySet<FeatureKey>, candidates: Iterable<Candidate>): void {
    if (!keys.has(INTENT.who) || [...ATTRIBUTION_INTENTS].some((k) => keys.has(k))) return;
    const named = namedSpeakers(keys);
    if (named.size === 0) return;
    const rest = tokens.filter((t) => t.known && !t.keys.some((k) => /^(?:sp|m|c:ask-)/.test(k.key)));
    if (rest.length === 0) return;
    for (const c of candidates) {
      if (c.target.type !== 'entry' || !this.introducesSomeone[c.target.index]) continue;
      const entry = this.corpus.entries[c.target.index];
      if (!entry) continue;
      // Introducing someone the question does not name (the envoy, for "who carried Abadi's message?") may answer it.
      const introduced = [...this.peopleNamedIn(entry.quote)];
      if (introduced.some((id) => !named.has(id))) continue;
      if (this.textCoverage(`${entry.quote} ${entry.translation}`, rest) === 0)
        c.score *= MATCH_WEIGHTS.introductionOnly;
    }
  }

  /**
   * "Who is the Iraqi national security adviser?", "مين المقداد وشو منصبو": a role question naming a speaker is
   * answered by the words that introduce him (name and office), not by what he said.
   */
  private preferIntroductions(keys: ReadonlySet<FeatureKey>, candidates: Iterable<Candidate>): void {
    if (!keys.has(INTENT.role)) return;
    const named = [...namedSpeakers(keys)];
    if (named.length === 0) return;
    for (const c of candidates) {
      if (c.target.type !== 'entry' || !this.introducesSomeone[c.target.index]) continue;
      const introduced = this.peopleNamedIn(this.corpus.entries[c.target.index]?.quote ?? '');
      if (named.some((id) => introduced.has(id))) c.score = Math.min(1, c.score * MATCH_WEIGHTS.namedSpeaker);
    }
  }

  /** The speaker ids a text names ("فالح الفياض", "الرئيس الأسد"). */
  private peopleNamedIn(text: string): ReadonlySet<string> {
    let people = this.peopleNamed.get(text);
    if (!people) {
      const named = this.featurizer.features(normalize(text)).filter((t) => t.exact.startsWith('sp:'));
      people = new Set(named.map((t) => t.exact.slice(3)));
      this.peopleNamed.set(text, people);
    }
    return people;
  }

  /** The paragraph (1-based) a target's words come from. */
  private paragraphNumberOf(target: Target): number {
    return target.type === 'entry' ? (this.corpus.entries[target.index]?.paragraph ?? 0) : target.number;
  }

  /** Share of a unit's own topic weight that the question's keys cover. */
  private unitCoverage(unit: Unit): number {
    const total = unit.weightSum;
    if (total === 0) return 0;
    const strength = this.queryStrength;
    const ids = unit.tokenKeyIds;
    let matched = 0;
    for (let i = 0; i < unit.weights.length; i++) {
      const w = unit.weights[i] ?? 0;
      if (w === 0) continue;
      const exact = ids[3 * i] ?? -1;
      const alternate = ids[3 * i + 1] ?? -1;
      const skeleton = ids[3 * i + 2] ?? -1;
      let best = exact >= 0 ? (strength[exact] ?? 0) : 0;
      if (alternate >= 0) best = Math.max(best, strength[alternate] ?? 0);
      if (skeleton >= 0) best = Math.max(best, strength[skeleton] ?? 0);
      matched += w * best;
    }
    return matched / total;
  }
}
