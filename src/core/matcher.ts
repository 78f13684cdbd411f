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
import { type FeatureKey, Featurizer, type TokenFeatures } from './features.ts';
import { FuzzyVocabulary } from './fuzzy.ts';
import { normalize } from './normalize.ts';
import { withoutDefiniteArticle } from './tokenize.ts';
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
}

/** Units that share a key with a question: `strengths[slot * tokens + i]` is token i's best match in unit `touched[slot]`. */
interface Rows {
  touched: number[];
  strengths: Float64Array;
  queryKeys: Map<FeatureKey, number>;
}

/** A key in more units than this is "common" (see `collectRows`); the real article's keys never are. */
const COMMON_POSTINGS = 1000;

/**
 * A curated question whose best possible score is below this share of the best score so far is not scored:
 * alternatives are only offered down to half the top score, and the speaker and answer-type adjustments
 * (×1.08, ×0.8) cannot lift it past that.
 */
const PRUNE_BELOW_BEST = 0.4;

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
}

/** Intents that ask for someone's words: "what did X say", "according to X". */
const ATTRIBUTION_INTENTS: ReadonlySet<FeatureKey> = new Set(['c:ask-said', 'c:ask-according']);

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
  /** Speakers' name spellings (without prefix), for typos in short names. */
  private readonly nameVocabulary: FuzzyVocabulary;
  /** Fuzzy vocabulary word (a stem or a lexicon spelling, without its prefix) → the key it stands for. */
  private readonly vocabularyKeys = new Map<FeatureKey, FeatureKey>();
  /** Answer types each target's text can satisfy (a date, a number), by target key. */
  private readonly targetAnswers = new Map<string, Set<AnswerType>>();
  /** Concept keys that hold a value of a type, and intent keys that ask for one. */
  private readonly valueKeys = new Map<FeatureKey, AnswerType>();
  private readonly intentKeys = new Map<FeatureKey, AnswerType>();
  /** The one featurizer for index and questions alike. */
  readonly featurizer: Featurizer;
  /** For each curated entry: does its quote name one of the speakers (an introduction, not his words)? */
  private readonly introducesSomeone: boolean[];
  /** Units by target key, for per-target lookups that must not scan the whole index. */
  private readonly unitsByTarget = new Map<string, Unit[]>();
  private readonly corpus: Corpus;

  constructor(corpus: Corpus) {
    this.corpus = corpus;
    this.featurizer = new Featurizer(corpus.speakers, corpus.concepts);
    this.introducesSomeone = corpus.entries.map((e) =>
      corpus.speakers.some((sp) => sp.nameAr !== corpus.byline && e.quote.includes(sp.nameAr)),
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
    for (const unit of this.units) {
      const k = key(unit.target);
      const list = this.unitsByTarget.get(k);
      if (list) list.push(unit);
      else this.unitsByTarget.set(k, [unit]);
    }
    for (const unit of this.units) {
      unit.tokens.forEach((t, i) => {
        unit.weights[i] = this.idf.get(t.exact) ?? 0;
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
    // Names are short (فياض, مقداد) and their typos common: speakers' names get fuzzy lookup from 4 letters on.
    const names = [...this.vocabularyKeys.entries()]
      .filter(([, k]) => k.startsWith('sp:'))
      .map(([spelling]) => spelling);
    this.nameVocabulary = new FuzzyVocabulary(
      names.map((n) => n.slice(2)),
      { minLength: 4 },
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
    });
    if (kind !== 'question') this.recordAnswerTypes(target, tokens);
    for (const t of tokens) {
      for (const k of [t.exact, t.alternate, t.skeleton]) {
        if (k === undefined) continue;
        const list = this.postings.get(k);
        if (!list) this.postings.set(k, [id]);
        else if (list[list.length - 1] !== id) list.push(id);
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
        if (k && this.postings.has(k)) keys.push({ key: k, strength: MATCH_WEIGHTS.fuzzy * hit.similarity });
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
    }
    const known = keys.length > 0;
    const weight = known
      ? Math.max(...keys.map((k) => (this.idf.get(k.key) ?? 0) * k.strength))
      : this.maxIdf * MATCH_WEIGHTS.unknownWord;
    return { token, keys, weight, known };
  }

  /** Topic tokens of a question (stopwords removed), resolved. */
  analyse(normalized: string): QueryToken[] {
    const tokens = this.featurizer.features(normalized).map((f) => this.resolveToken(f));
    if (tokens.some((t) => t.keys.some((k) => ATTRIBUTION_INTENTS.has(k.key)))) {
      for (const t of tokens) {
        for (const k of t.keys) if (k.key.startsWith('m:')) k.strength = MATCH_WEIGHTS.mentionInSaidQuestion;
      }
    }
    return tokens;
  }

  /**
   * Ranks entries and paragraphs for a normalized question. Cost is linear in the number of topic tokens times
   * their postings, independent of paragraph length.
   */
  match(normalized: string, maxTokens = 40): MatchResult {
    const tokens = this.analyse(leadingWords(normalized, 3 * maxTokens)).slice(0, maxTokens);
    const total = tokens.reduce((s, t) => s + t.weight, 0);
    const knownWeight = tokens.filter((t) => t.known).reduce((s, t) => s + t.weight, 0);
    if (tokens.length === 0 || total === 0) return { tokens, knownShare: 0, candidates: [] };

    const { touched, strengths, queryKeys } = this.collectRows(tokens);
    const n = tokens.length;
    const byTarget = new Map<number, Candidate>();
    const offer = (unit: Unit, score: number, coverage: number): void => {
      const k = unit.targetId;
      const previous = byTarget.get(k);
      if (previous && score <= previous.score) return;
      const candidate: Candidate = { target: unit.target, score, coverage };
      if (unit.kind === 'question') candidate.matchedQuestion = unit.text;
      else if (previous?.matchedQuestion) candidate.matchedQuestion = previous.matchedQuestion;
      byTarget.set(k, candidate);
    };

    // Answer text and paragraphs score from the question's coverage alone; curated questions also need their
    // own coverage (the costly part), so they are visited best bound first and the rest pruned.
    const share = coverageShare(tokens.length);
    const questions: Array<{ unit: Unit; coverage: number; bound: number }> = [];
    let best = 0;
    for (let slot = 0; slot < touched.length; slot++) {
      const unit = this.units[touched[slot] as number] as Unit;
      let matched = 0;
      for (let i = 0; i < n; i++) matched += (tokens[i] as QueryToken).weight * (strengths[slot * n + i] ?? 0);
      const coverage = matched / total;
      if (unit.kind === 'question') {
        questions.push({ unit, coverage, bound: share * coverage + (1 - share) });
        continue;
      }
      const score = coverage * (unit.kind === 'content' ? MATCH_WEIGHTS.entryContent : MATCH_WEIGHTS.paragraph);
      best = Math.max(best, score);
      offer(unit, score, coverage);
    }
    questions.sort((a, b) => b.bound - a.bound);
    let scored = 0;
    for (const { unit, coverage, bound } of questions) {
      if (bound < best * PRUNE_BELOW_BEST || scored >= MAX_SCORED_QUESTIONS) break;
      // Its target already scores at least this unit's best: it cannot change the ranking.
      if ((byTarget.get(unit.targetId)?.score ?? -1) >= bound) continue;
      scored++;
      const score = share * coverage + (1 - share) * this.unitCoverage(unit, queryKeys);
      best = Math.max(best, score);
      offer(unit, score, coverage);
    }
    this.preferNamedSpeakers(tokens, byTarget.values());
    this.requireAnswerType(tokens, byTarget.values());
    const candidates = [...byTarget.values()].sort((a, b) => b.score - a.score);
    return { tokens, knownShare: knownWeight / total, candidates };
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
    const slotOf = new Map<number, number>();
    let strengths = new Float64Array(64 * n);
    const queryKeys = new Map<FeatureKey, number>();
    const keyed = tokens.flatMap((t, i) =>
      t.keys.map((k) => ({ index: i, key: k.key, strength: k.strength, postings: this.postings.get(k.key) ?? [] })),
    );
    keyed.sort((a, b) => a.postings.length - b.postings.length);
    const raise = (slot: number, index: number, strength: number): void => {
      const at = slot * n + index;
      if (strength > (strengths[at] ?? 0)) strengths[at] = strength;
    };
    for (const { index, key: k, strength, postings } of keyed) {
      queryKeys.set(k, Math.max(queryKeys.get(k) ?? 0, strength));
      const common = postings.length > COMMON_POSTINGS && touched.length > 0;
      if (common && touched.length < postings.length) {
        touched.forEach((id, slot) => {
          if ((this.units[id] as Unit).keys.has(k)) raise(slot, index, strength);
        });
        continue;
      }
      for (const id of postings) {
        let slot = slotOf.get(id);
        if (slot === undefined) {
          if (common) continue;
          slot = touched.length;
          touched.push(id);
          slotOf.set(id, slot);
          if ((slot + 1) * n > strengths.length) {
            const grown = new Float64Array(strengths.length * 2);
            grown.set(strengths);
            strengths = grown;
          }
        }
        raise(slot, index, strength);
      }
    }
    return { touched, strengths, queryKeys };
  }

  /**
   * Share (0..1) of the given tokens' weight found in a target (any of its units: curated questions and answer
   * text for an entry) or in paragraph `paragraph`. 1 when the tokens weigh nothing.
   */
  targetCoverage(target: Target, paragraph: number, tokens: QueryToken[]): number {
    const units = [
      ...(this.unitsByTarget.get(key(target)) ?? []),
      ...(this.unitsByTarget.get(key({ type: 'paragraph', number: paragraph })) ?? []),
    ];
    const total = tokens.reduce((sum, t) => sum + t.weight, 0);
    if (total === 0) return 1;
    let matched = 0;
    for (const t of tokens) {
      const found = t.keys.filter((k) => units.some((u) => u.keys.has(k.key))).map((k) => k.strength);
      matched += t.weight * Math.max(0, ...found);
    }
    return matched / total;
  }

  /** Share (0..1) of the tokens' weight found in an arbitrary text (featurized like the index). */
  textCoverage(text: string, tokens: QueryToken[]): number {
    const keys = new Set(
      this.featurizer
        .features(normalize(text))
        .flatMap((t) => [
          t.exact,
          t.alternate,
          t.skeleton,
          t.exact.startsWith('sp:') ? `m:${t.exact.slice(3)}` : undefined,
        ])
        .filter((k) => k !== undefined),
    );
    const total = tokens.reduce((sum, t) => sum + t.weight, 0);
    if (total === 0) return 0;
    let matched = 0;
    for (const t of tokens)
      matched += t.weight * Math.max(0, ...t.keys.filter((k) => keys.has(k.key)).map((k) => k.strength));
    return matched / total;
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
  }

  private requireAnswerType(tokens: QueryToken[], candidates: Iterable<Candidate>): void {
    const asked = new Set(
      tokens.flatMap((t) => t.keys.map((k) => this.intentKeys.get(k.key)).filter((x) => x !== undefined)),
    );
    if (asked.size === 0) return;
    for (const c of candidates) {
      const has = this.targetAnswers.get(key(c.target));
      for (const type of asked) {
        if (has?.has(type)) continue;
        c.score *= type === 'how-many' ? MATCH_WEIGHTS.quantityMissing : MATCH_WEIGHTS.answerTypeMissing;
      }
    }
  }

  private preferNamedSpeakers(tokens: QueryToken[], candidates: Iterable<Candidate>): void {
    const keys = tokens.flatMap((t) => t.keys.map((k) => k.key));
    if (!keys.some((k) => ATTRIBUTION_INTENTS.has(k)) || keys.includes('c:ask-role')) return;
    const named = new Set(keys.filter((k) => k.startsWith('sp:')).map((k) => k.slice(3)));
    if (named.size === 0) return;
    const asksWho = keys.includes('c:ask-who');
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

  /** Share of a unit's own topic weight that the question's keys cover. */
  private unitCoverage(unit: Unit, queryKeys: Map<FeatureKey, number>): number {
    const total = unit.weightSum;
    let matched = 0;
    for (let i = 0; i < unit.tokens.length; i++) {
      const t = unit.tokens[i] as TokenFeatures;
      const w = unit.weights[i] ?? 0;
      if (w === 0) continue;
      const strength = Math.max(
        queryKeys.get(t.exact) ?? 0,
        t.alternate ? (queryKeys.get(t.alternate) ?? 0) : 0,
        t.skeleton ? (queryKeys.get(t.skeleton) ?? 0) : 0,
      );
      matched += w * strength;
    }
    return total === 0 ? 0 : matched / total;
  }
}
