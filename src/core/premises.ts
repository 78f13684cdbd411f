/**
 * False premises about which way something went. The article has one exchange: al-Abadi's oral message, carried by
 * his envoy al-Fayyadh from Baghdad to al-Assad in Damascus. "Why did Assad send a message to Abadi?", "رسالة الأسد
 * للعبادي", "Assad's envoy" or "did Abadi receive a message from Assad?" turn it around; the nearest passage (the
 * message, the meeting) would answer a question nobody asked, so the bot must say the article does not say that.
 *
 * Which concepts have a direction, and from whom to whom, is data (`direction` in seeds/concepts.json). This module
 * knows only the grammar of direction in the languages users write: the markers "to" and "from", verbs of sending
 * and receiving, Arabic construct state (رسالة الأسد: the message of al-Assad) and the English possessive.
 */
import { type FeatureKey, type Featurizer, INTENT } from './features.ts';
import { normalize } from './normalize.ts';
import { scriptOf, tokenize } from './tokenize.ts';
import type { Corpus } from './types.ts';

/** A word list as questions read after normalization (لقاءه is لقاه, إلى is الي). */
function normalizedWords(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(normalize));
}

/** Words of a question scanned (the roles sit near its start; pasted walls of text are cut). */
const MAX_WORDS = 60;

/** "to X": X received. Normalized (إلى is الي). The Arabic prefix ل (للعبادي, لدمشق) is handled apart. */
const TO = normalizedWords(['to', 'towards', 'الي', 'لعند', 'ila', 'ela', 'ilal', 'lal', 'la', 'li', 'lel', 'lil']);

/** "from X": X sent. Arabic من is also "who", so it marks a sender only after a word of sending or receiving. */
const FROM_LATIN = normalizedWords(['from', 'mn', 'min', 'men', 'mnn']);
const FROM_ARABIC = normalize('من');

/** Verbs of sending, by word order: Arabic and Arabizi put the sender after the verb, English before it. */
const SEND_VSO = normalizedWords([
  'ارسل',
  'يرسل',
  'ارسلها',
  'ارسله',
  'بعث',
  'يبعث',
  'بعثها',
  'بعثه',
  'بعت',
  'يبعت',
  'بعتها',
  'بعته',
  'ابعت',
  'وجه',
  'arsal',
  'ba3at',
  'ba3ata',
  'ba3ath',
  'b3at',
  'yeb3at',
  'yib3at',
]);
const SEND_SVO = normalizedWords(['send', 'sent', 'sends', 'sending', 'dispatched', 'dispatch']);

/** Verbs of receiving: the one next to them received (تلقى الأسد, Assad received). */
const RECEIVE = normalizedWords([
  'تلقي',
  'تلقاها',
  'تلقاه',
  'يتلقي',
  'استلم',
  'استلمها',
  'استقبل',
  'receive',
  'received',
  'receives',
  'receiving',
  'got',
  'tala2a',
  'esta2bal',
  'estalam',
]);

/** Verbs and nouns of meeting: the speakers a question names with them are the two sides of a meeting. */
const MEET = normalizedWords([
  'met',
  'meet',
  'meets',
  'meeting',
  'التقي',
  'التقاه',
  'يلتقي',
  'لقاء',
  'لقاءه',
  'لقائه',
  'اجتمع',
  'اجتماع',
  'قابل',
  'يقابل',
  'شاف',
  'el2a2',
  'liqa2',
  'et2abal',
  'اجتمعوا',
  'يجتمع',
  'التقوا',
  'تقابل',
  'تقابلوا',
  'قابله',
  'شافه',
]);

/**
 * "Sat down with", "قعد مع": sitting with someone is meeting him ("sit on the committee" is not; قعد في دمشق is a
 * stay).
 */
const SAT_WITH =
  /(?:^| )(?:(?:sit|sat|sitting|sits) (?:down )?with|(?:قعد|جلس|قعدوا|جلسوا|بيقعد|يقعد) (?:\S+ )?(?:مع|وياه?|ويا))(?: |$)/;

/** Verbs of going somewhere; the speaker next to one is the one who went ("did Abadi fly to Damascus?", "راح العبادي"). */
/** Particles that make a verb of going no trip: "go after", "come out against", "go along", "go back on". */
const PHRASAL_PARTICLES = normalizedWords(['after', 'out', 'against', 'along', 'ahead', 'through', 'over', 'on', 'up']);

/** "Or" between two offered answers ("Damascus or Baghdad?", «دمشق ولا بغداد», «أم»), normalized. */
const CHOICE = normalizedWords(['or', 'ولا', 'او', 'أو', 'ام', 'أم', 'walla', 'wala', 'wla', 'willa', 'aw']);

const TRAVEL = normalizedWords([
  'went',
  'go',
  'goes',
  'gone',
  'going',
  'came',
  'come',
  'coming',
  'flew',
  'fly',
  'flying',
  'travel',
  'travelled',
  'traveled',
  'travelling',
  'traveling',
  'visit',
  'visited',
  'visiting',
  'arrived',
  'زار',
  'يزور',
  'زياره',
  'ذهب',
  'يذهب',
  'راح',
  'يروح',
  'سافر',
  'يسافر',
  'توجه',
  'وصل',
  'جاء',
  'اجا',
  'اجه',
  'اتى',
  'مشى',
  'مشي',
  'مشا',
  'ra7',
  'zar',
  'safar',
  'wesel',
]);

/** Words of visiting: out of scope (src/core/lexicon.ts) but for the envoy's trip ({@link DirectionPremises.visitsAsTold}). */
const VISIT = normalizedWords([
  'visit',
  'visits',
  'visited',
  'visiting',
  'زار',
  'يزور',
  'زياره',
  'زيارته',
  'زيارتها',
  'زاره',
  'زارها',
  'zar',
  'yzour',
  'ziyara',
]);

/** Whether a normalized word is one of visiting ("visited", "زار"). */
export function isVisitWord(word: string): boolean {
  return VISIT.has(word);
}

/** Verbs of saying to someone: the speaker after "to" (or ل, or right after "told") is the one spoken to. */
const SAY = normalizedWords([
  'speak',
  'spoke',
  'talk',
  'talked',
  'تحدث',
  'تكلم',
  'كلم',
  'قال',
  'يقول',
  'حكى',
  'حكي',
  'اخبر',
  'ابلغ',
  'said',
  'say',
  'says',
  'told',
  'tell',
  'tells',
  '2al',
  '7aka',
]);

/**
 * Verbs of striking and ordering, by word order as the verbs of sending: the one who acts comes before the English
 * verb (unless it is passive) and after the Arabic one when a target follows. Plural nouns ("the Syria strikes") are
 * left out. What they act on is in the data (the `direction` of the strikes).
 */
const ACT_SVO = normalizedWords([
  'bomb',
  'bombed',
  'bombard',
  'bombarded',
  'strike',
  'struck',
  'attack',
  'attacked',
  'hit',
  'shelled',
  'order',
  'ordered',
]);

/** "in", "on", "at", "against": after a strike, the place that follows is its target ("strikes in Raqqa"). */
const IN_ON = normalizedWords(['in', 'on', 'at', 'against', 'في', 'علي', 'fi', 'fe', '3ala', '3la']);

/**
 * Words of the air strikes themselves (not "hit" or "attack", which the ground war in Mosul shares: "is the Iraqi army
 * hitting ISIS in Mosul?"): a place after "in"/"on" following one is where they struck.
 */
const AIR_STRIKE = normalizedWords([
  'strike',
  'strikes',
  'airstrike',
  'airstrikes',
  'raid',
  'raids',
  'bomb',
  'bombs',
  'bombed',
  'bombing',
  'bombard',
  'bombarded',
  'غارات',
  'الغارات',
  'غاره',
  'ضربات',
  'الضربات',
  'قصف',
  'بقصف',
  'بغارات',
  'بضربات',
]);

/** Words that make the strike after them a cause, not the act asked about ("after the attack in Baghdad"). */
const CAUSE_BEFORE = normalizedWords(['after', 'following', 'بعد', 'عقب', 'ba3d', 'since']);

/** Forms of "to be": before a strike verb ("was Syria bombed", "Syria was hit") they make it passive. */
const BE = normalizedWords(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'got', 'get']);
const STRIKE_VSO = normalizedWords(['قصف', 'قصفت', 'ضرب', 'ضربت', 'هاجم', 'هاجمت', 'استهدف', 'استهدفت']);
const ORDER_VSO = normalizedWords(['امر', 'امرت']);

/** The ending of an Arabic nisba adjective (العراقي, العراقيه, السوريين), read on a country's words only. */
const NISBA = /(?:ي|يه|يين|يون)$/;

/** An Arabic verb's object pronoun "it", "them" (قصفها, ضربهم). */
const OBJECT_PRONOUN = /^[\u0600-\u06ff]{3,}(?:ها|هم)$/;

/** Words that make a following "to" part of a phrase, not a direction ("according to", "in response to"). */
const NOT_RECIPIENT_BEFORE_TO = normalizedWords([
  'according',
  'acording',
  'accroding',
  'relation',
  'regard',
  'respect',
  'due',
  'thanks',
  'next',
  'close',
  'compared',
  'addition',
  'response',
  'reference',
  'related',
  'similar',
]);

/** The concept of a meeting (its terms: لقاء, الاجتماع, meeting …); the answerer reads it as an occasion too. */
export const MEETING: FeatureKey = 'c:meeting';
/** How many words past "sites"/"positions" a strike's target place may come ("مواقع داعش في حصيبة"). */
const TARGET_LOOKAHEAD = 3;

/** Words that make what follows the subject of the question ("what did SANA say about the meeting"). */
const ABOUT = normalizedWords([
  'about',
  'regarding',
  'concerning',
  'on',
  'of',
  'عن',
  'حول',
  'بخصوص',
  'بشان',
  'علي',
  '3an',
  '7awl',
]);

/** "with": the one named after it keeps someone company ("his meeting with Assad"). */
const WITH = normalizedWords(['with', 'مع', 'ma3', 'm3a', 'wiyya', 'ويا']);

/** Question words asking who (normalized). */
const WHO = normalizedWords(['من', 'مين', 'منو', 'شكون', 'who', 'meen', 'min', 'mnu']);

/** English verbs of telling: the one after them was spoken to. */
const TELL = normalizedWords(['tell', 'told', 'tells', 'telling']);

/** Other English verbs whose object is the one addressed ("what did Assad ask Abadi?", "informed Abadi"). */
const ADDRESS = normalizedWords([
  'ask',
  'asked',
  'asks',
  'inform',
  'informed',
  'promise',
  'promised',
  'wrote',
  'write',
]);

/** Arabic verbs of informing, asking and promising: verb, subject, then the one addressed ("أبلغ الأسد العبادي"). */
const ADDRESS_VSO = normalizedWords(['ابلغ', 'أبلغ', 'اخبر', 'أخبر', 'سال', 'سأل', 'وعد', 'طلب']);

/** Words skipped between a verb or a noun and the name it governs ("sent the envoy", "ba3at el assad"). */
const FILLERS = normalizedWords([
  'el',
  'al',
  'il',
  'the',
  'a',
  'an',
  'did',
  'does',
  'has',
  'had',
  'back',
  'also',
  'himself',
  'really',
  'actually',
  'ever',
  'هل',
  'واش',
  'هو',
  // The planes stand for their country: "the Syrian air force bombed", "قصف الطيران السوري".
  'air',
  'force',
  'planes',
  'jets',
  'warplanes',
  'الطيران',
  'طيران',
  'الطايرات',
  'طايرات',
  // A place's kind before its name: "قصف منطقة حصيبة", "bombed the town al-Bukamal".
  'منطقه',
  'مدينه',
  'بلده',
  'area',
  'town',
  'city',
  'region',
]);

/** Which end of the exchange a question puts someone on. */
type Role = 'sender' | 'recipient';

/** One directed concept's two ends, as feature keys. */
interface Ends {
  from: Set<FeatureKey>;
  to: Set<FeatureKey>;
  /** The only speakers who went from one end to the other. */
  travellers: Set<FeatureKey>;
  /** The role of a name in construct state after the concept's word (رسالة الأسد: sender; قصف البوكمال: recipient). */
  genitive: Role;
}

/** Finds questions that reverse the direction of a directed concept (see the module comment). Built once. */
export class DirectionPremises {
  private readonly directed = new Map<FeatureKey, Ends>();
  /** The parties to an exchange with a traveller (the envoy's visit), and the speakers whose words name one. */
  private readonly visitParties = new Set<FeatureKey>();
  /** The directed concepts with a traveller (the envoy's trip), with their ends. */
  private readonly trips: Array<[FeatureKey, Ends]> = [];
  /** Who sent a traveller and stayed (al-Abadi, Iraq), as keys: not at the meeting the traveller went to. */
  private readonly senders = new Set<FeatureKey>();
  /** The places that lie in a country (Baghdad, Damascus, Mosul, Raqqa …: `in` in the data), as keys. */
  private readonly places = new Set<FeatureKey>();
  /** The countries (Iraq, Syria, Iran, Russia), as keys: their adjectives (العراقية) name an agent. */
  private readonly countries = new Set<FeatureKey>();
  /** Who can send or strike: every speaker and country (Iran, Russia included), as keys. */
  private readonly actors = new Set<FeatureKey>();
  /** Office concept → the one speaker who holds it (seeds/speakers.json `roles`), for offices one speaker alone holds. */
  private readonly soleHolder = new Map<FeatureKey, FeatureKey>();
  /** Groups that strike for a country (the air force, the army: `agent` concepts that speak), as keys. */
  private readonly forces = new Set<FeatureKey>();
  /** The last question read: the answerer asks several of these checks about the same question in a row. */
  private lastRead: { normalized: string; words: string[]; concepts: Array<FeatureKey | undefined> } | undefined;

  constructor(
    corpus: Corpus,
    private readonly featurizer: Featurizer,
  ) {
    const speakers = new Set(corpus.speakers.map((s) => s.id));
    for (const id of speakers) this.actors.add(`sp:${id}`);
    const holders = new Map<FeatureKey, Set<FeatureKey>>();
    for (const s of corpus.speakers) {
      // One-concept roles only: ["leader", "iraq"] is no office "iraq" («للعراقيين» is no one spoken to).
      for (const [role, ...qualified] of s.roles ?? []) {
        if (role === undefined || qualified.length > 0) continue;
        holders.set(`c:${role}`, new Set([...(holders.get(`c:${role}`) ?? []), `sp:${s.id}` as FeatureKey]));
      }
    }
    for (const [role, held] of holders) if (held.size === 1) this.soleHolder.set(role, [...held][0] as FeatureKey);
    for (const c of corpus.concepts) if (c.in) this.places.add(`c:${c.id}`);
    for (const c of corpus.concepts) if (c.agent && !c.silent) this.forces.add(`c:${c.id}`);
    for (const c of corpus.concepts) {
      if (!c.country) continue;
      this.actors.add(`c:${c.id}`);
      this.countries.add(`c:${c.id}`);
    }
    const keyOf = (id: string): FeatureKey => (speakers.has(id) ? `sp:${id}` : `c:${id}`);
    for (const c of corpus.concepts) {
      if (!c.direction) continue;
      this.directed.set(`c:${c.id}`, {
        from: new Set(c.direction.from.map(keyOf)),
        to: new Set(c.direction.to.map(keyOf)),
        travellers: new Set((c.direction.travellers ?? []).map(keyOf)),
        genitive: c.direction.genitive === 'to' ? 'recipient' : 'sender',
      });
    }
    this.trips.push(...[...this.directed].filter(([, e]) => e.travellers.size > 0));
    for (const [, e] of this.trips) {
      for (const k of [...e.from, ...e.to, ...e.travellers]) this.visitParties.add(k);
      for (const k of e.from) if (!e.travellers.has(k)) this.senders.add(k);
    }
    const parties = new Set([...this.visitParties].filter((k) => k.startsWith('sp:')));
    for (const p of corpus.paragraphs) {
      const named = featurizer.features(normalize(p.text)).map((f) => f.exact);
      if (named.some((k) => parties.has(k))) this.visitParties.add(`sp:${p.speakerId}`);
    }
  }

  /**
   * True when the question names, as the sender of a directed thing (or of a sending verb's object), one of its
   * recipients, or as the recipient one of its senders. Needs a directed concept or a verb of sending or receiving
   * in the question; names in other roles ("what did Assad say about Abadi's message?") never count.
   */
  reverses(normalized: string): boolean {
    return this.reversal(normalized) !== undefined;
  }

  /**
   * How {@link reverses} finds the question wrong: 'place' when its only fault is a place named as receiving what it
   * never received ("did the Iraqi planes bomb Raqqa?": the passage naming the places struck corrects it); 'party'
   * for any other (a sender as recipient, someone on neither end, words said backwards); undefined when none.
   */
  /**
   * For each directed concept a question names, the places on its receiving end ("did the planes bomb Raqqa?" →
   * [Husaybah, Albukamal], the places struck, and [Baghdad], where the bombings were), as keys; concepts received
   * by no place are left out.
   */
  placesReceiving(normalized: string): FeatureKey[][] {
    const { concepts } = this.read(normalized);
    const ends = [...new Set(concepts)].flatMap((k) => (k ? (this.directed.get(k) ?? []) : []));
    return ends.map((e) => [...e.to].filter((k) => this.places.has(k))).filter((places) => places.length > 0);
  }

  reversal(normalized: string): 'party' | 'place' | undefined {
    const { words, concepts } = this.read(normalized);
    const ends = [...new Set(concepts)].flatMap((k) => (k ? (this.directed.get(k) ?? []) : []));
    const moves = words.some((w) => SEND_VSO.has(w) || SEND_SVO.has(w) || RECEIVE.has(w));
    if (this.saysBackwards(words, concepts)) return 'party';
    if (ends.length === 0 && !moves) return undefined;
    // A verb of sending alone ("did Syria send troops to Iraq?") goes the way of the article's exchanges.
    const all: Ends[] = ends.length > 0 ? ends : [...this.directed.values()];
    let found: 'place' | undefined;
    for (const { key, role } of this.roles(words, concepts)) {
      const [wrongEnd, rightEnd] = role === 'sender' ? (['to', 'from'] as const) : (['from', 'to'] as const);
      if (all.some((e) => e[wrongEnd].has(key))) return 'party';
      // "Did Iran send the message?", "Did Russia bomb Albukamal?": someone on neither end of what the question
      // names (a bare verb, "did Iran send arms?", names nothing the article directs).
      if (ends.length > 0 && this.actors.has(key) && !ends.some((e) => e[rightEnd].has(key))) return 'party';
      // "Did Iraqi jets bomb Damascus?": a place on the receiving end of a named exchange it never received.
      if (ends.length > 0 && role === 'recipient' && this.places.has(key) && !ends.some((e) => e.to.has(key))) {
        found = 'place';
      }
    }
    return found;
  }

  /**
   * "ماذا قالت دمشق لبغداد؟", "what did Damascus tell Baghdad?", "what did Syria say to Iraq?": words said by the
   * receiving side to the sending side, who never met (the one who travelled, al-Fayyadh, may be spoken to). Only a
   * sayer next to the verb and an addressee right after them count: "in relation to Iraq", "بالنسبة للعراق" and
   * "quote from Assad" say nothing of who spoke to whom.
   */
  private saysBackwards(words: string[], concepts: Array<FeatureKey | undefined>): boolean {
    const ends = [...this.directed.values()];
    for (let v = 0; v < words.length; v++) {
      const verb = words[v] as string;
      if (!SAY.has(verb) && concepts[v] !== INTENT.said) continue;
      // English puts the sayer before the verb ("Damascus told"), Arabic and Arabizi after it ("قالت دمشق").
      const sayerAt = scriptOf(verb) === 'latin' ? this.neighbour(words, v, -1) : this.neighbour(words, v, 1);
      const sayer = sayerAt === undefined ? undefined : this.partyAt(concepts, sayerAt);
      if (sayer === undefined || sayerAt === undefined) continue;
      const addressee = this.addresseeAfter(words, concepts, v, Math.max(v, sayerAt) + 1);
      if (addressee === undefined || this.isTraveller(addressee)) continue;
      if (ends.some((e) => e.to.has(sayer) && e.from.has(addressee))) return true;
    }
    return false;
  }

  /**
   * The party spoken to, named at `at` (right after the verb at `verb` and its sayer): the object of "tell"
   * ("told Baghdad"), the one after "to" ("said to Iraq"), or the one the Arabic prefix ل marks ("لبغداد").
   */
  private addresseeAfter(
    words: string[],
    concepts: Array<FeatureKey | undefined>,
    verb: number,
    at: number,
  ): FeatureKey | undefined {
    const word = words[at];
    if (word === undefined) return undefined;
    if (TELL.has(words[verb] as string) && at === verb + 1) return this.partyAt(concepts, at);
    if (TO.has(word)) return this.partyAt(concepts, at + 1);
    return this.afterPrefixL(word);
  }

  /** The lexicon key at `i` when it is a party to some directed concept. */
  private partyAt(concepts: Array<FeatureKey | undefined>, i: number): FeatureKey | undefined {
    const key = concepts[i];
    return key !== undefined && this.isParty(key) ? key : undefined;
  }

  /**
   * "Did al-Fayyadh visit Damascus?", "who visited Damascus?", "did the envoy visit Assad?": a visit the article tells
   * (the envoy's trip), though visits are otherwise never told: every speaker named is one who travelled (or the
   * exchange he travelled for is named), or nobody is and who went to one of its destinations is asked.
   */
  visitsAsTold(normalized: string): boolean {
    const { words, concepts } = this.read(normalized);
    if (!words.some((w) => VISIT.has(w))) return false;
    const trips = this.trips;
    // "Did al-Fayyadh visit Baghdad?": a place he did not go to is no visit told.
    const places = concepts.filter(
      (k): k is FeatureKey => k !== undefined && (this.places.has(k) || this.countries.has(k)),
    );
    if (!places.every((k) => trips.some(([, e]) => e.to.has(k)))) return false;
    const named = concepts.filter((k): k is FeatureKey => k?.startsWith('sp:') ?? false);
    const trip = trips.some(([key]) => concepts.includes(key));
    if (named.length > 0)
      return named.every((k) => trips.some(([, e]) => e.travellers.has(k) || (trip && e.to.has(k))));
    if (trip) return true;
    const asksWho = words.some((w) => WHO.has(w));
    return asksWho && concepts.some((k) => k !== undefined && trips.some(([, e]) => e.to.has(k)));
  }

  /**
   * "Was al-Mekdad at the meeting?", "What did al-Taei say at the meeting?": a meeting word with one named speaker who
   * is on no end of an exchange that had a traveller (the envoy's visit: al-Abadi sent him, al-Assad received him),
   * or who sent the traveller and is asked to have been there ("was Abadi at the meeting?").
   * "What did SANA say about the meeting?" is about it, not at it, and is left alone; so is anyone whose words name
   * a party to the visit (SANA and the reporter tell of it: "according to SANA, what happened at the meeting?").
   */
  placesAtMeeting(normalized: string): boolean {
    const { words, concepts } = this.read(normalized);
    const at = words.findIndex((w, i) => MEET.has(w) || concepts[i] === MEETING);
    if (at < 0 || words.slice(0, at).some((w) => ABOUT.has(w))) return false;
    // "the security committee meeting": another meeting than the envoy's.
    const kind = at > 0 ? concepts[at - 1] : undefined;
    if (kind !== undefined && !kind.startsWith('sp:') && !kind.startsWith('c:ask-')) return false;
    const named = [...new Set(concepts.filter((k): k is FeatureKey => k?.startsWith('sp:') ?? false))];
    if (named.length !== 1 || this.visitParties.size === 0) return false;
    const [who] = named as [FeatureKey];
    if (!this.visitParties.has(who)) return true;
    // "Was Abadi at the meeting?", "هل حضر العبادي الاجتماع؟": he sent the envoy and stayed home; what he said there is
    // his message, which the envoy carried ("what did Abadi say at the meeting?" is answered).
    const asksWords = words.some((w, i) => SAY.has(w) || concepts[i] === INTENT.said);
    // "Was Abadi's envoy at the meeting?" names al-Abadi as the one who sent him.
    const sentSomeone = this.envoyOwners(normalized).length > 0 || concepts.includes('c:envoy');
    return !asksWords && !sentSomeone && this.senders.has(who);
  }

  /**
   * Whether the speaker (`sp:` key) was at the place of an exchange that had a traveller: the traveller and those he
   * went to (al-Fayyadh and al-Assad met in Damascus). Nobody else is placed anywhere while speaking.
   */
  wasThere(speaker: FeatureKey): boolean {
    return this.trips.some(([, e]) => e.travellers.has(speaker) || e.to.has(speaker));
  }

  /**
   * True when the question has someone on the receiving end travel: only the sender's side went (al-Abadi's envoy
   * to Damascus), so "did Assad visit Baghdad?", "واش الأسد مشى لبغداد؟" rest on a false premise. "Did Abadi go to
   * Damascus himself?" is left to the matcher: the passage on his envoy answers it; but a question that takes his trip
   * as given (`presupposed`: "when did Abadi go to Damascus?", "why did al-Taei travel to Syria?", "شوكت راح العبادي
   * لدمشق") rests on a false premise too, whoever it names.
   * Only the speaker right next to a verb of going counts as the one who went ("al-Taei said Iraq could go beyond its
   * borders" has no traveller).
   */
  movesStayer(normalized: string, presupposed = false): boolean {
    const ends = this.trips.map(([, e]) => e);
    if (ends.length === 0) return false;
    const { words } = this.read(normalized);
    for (let i = 0; i < words.length; i++) {
      // "Why did Abadi go after ISIS?", "come out against": a verb of going with its particle goes nowhere.
      if (!TRAVEL.has(words[i] as string) || PHRASAL_PARTICLES.has(words[i + 1] ?? '')) continue;
      for (const key of [
        this.termEndingAt(words, this.neighbour(words, i, -1)),
        this.termAt(words, this.neighbour(words, i, 1)),
      ]) {
        // Taken as given, anyone's going is a premise to check: only the travellers went anywhere.
        const stayed = (e: Ends) => (presupposed || e.to.has(key ?? '')) && !e.travellers.has(key ?? '');
        if (key?.startsWith('sp:') && ends.some(stayed)) return true;
      }
    }
    return false;
  }

  /** The term starting at `words[i]`, unless it is a destination with ل (وصل للأسد: reached al-Assad). */
  private termAt(words: string[], i: number | undefined): FeatureKey | undefined {
    if (i === undefined || this.afterPrefixL(words[i] as string) !== undefined) return undefined;
    return this.featurizer.termAt(words, i)?.key;
  }

  /** The term whose last word is `words[i]`: a two-word one ("syrian president") first. */
  private termEndingAt(words: string[], i: number | undefined): FeatureKey | undefined {
    if (i === undefined) return undefined;
    const pair = i > 0 ? this.featurizer.termAt(words, i - 1) : undefined;
    return pair?.length === 2 ? pair.key : this.termAt(words, i);
  }

  /** The index of the nearest word before (step -1) or after (step 1) `i` that is not a filler. */
  private neighbour(words: string[], i: number, step: 1 | -1): number | undefined {
    for (let j = i + step; j >= 0 && j < words.length; j += step) {
      if (!FILLERS.has(words[j] as string)) return j;
    }
    return undefined;
  }

  /**
   * The speaker a question says was spoken to ("what did Assad say to Abadi?", "ماذا قال الأسد للعبادي", "what did
   * Assad tell Fayyadh"), as a speaker id; undefined when it names none.
   */
  addressee(normalized: string): string | undefined {
    const { words, concepts } = this.read(normalized);
    const speaking = (w: string, i: number) =>
      SAY.has(w) || concepts[i] === INTENT.said || ADDRESS.has(w) || ADDRESS_VSO.has(w);
    if (!words.some(speaking)) return undefined;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      // Said to anyone: "ماذا قال العبادي للمقداد" speaks to al-Mekdad, who is no party to the message.
      const prefixed = this.afterPrefixL(word, true);
      if (prefixed?.startsWith('sp:')) return prefixed.slice(3);
      // "شو قال الأسد للمبعوث العراقي؟": an office one speaker alone holds, after ل, is that speaker spoken to.
      const office = this.officeAfterPrefixL(word);
      if (office !== undefined) return office.slice(3);
      const key = concepts[i];
      if (!key?.startsWith('sp:')) continue;
      const before = this.previousWord(words, i);
      // "according to SANA" names the source, not anyone spoken to.
      const according = before === 'to' && words[words.lastIndexOf('to', i - 1) - 1] === 'according';
      if (before !== undefined && !according && (TO.has(before) || TELL.has(before) || ADDRESS.has(before))) {
        return key.slice(3);
      }
      // "أبلغ الأسد العبادي", "أخبر الطائي الأسد": after the Arabic verb and its subject, the one informed.
      const subjectAt = before === undefined ? -1 : words.lastIndexOf(before, i - 1);
      const verb = subjectAt > 0 ? this.previousWord(words, subjectAt) : undefined;
      if (verb !== undefined && ADDRESS_VSO.has(verb) && concepts[subjectAt]?.startsWith('sp:')) return key.slice(3);
    }
    return undefined;
  }

  /**
   * The speakers a question names right after "with" ("مع الأسد", "with Assad", "ma3 el assad"), as ids: company,
   * not the one who spoke. Empty when it names none.
   */
  companions(normalized: string): string[] {
    return [...this.namedAfter(normalized, WITH), ...this.metWith(normalized)];
  }

  /**
   * "خلال لقائه بالفياض", "اجتماعه بالرئيس الأسد": the speaker met, joined by the prefix ب or ل to a meeting word
   * (the prefix may sit on a title before the name), as ids. "اجتماع بشار الأسد" has no prefix: بشار is his name.
   */
  private metWith(normalized: string): string[] {
    const { words, concepts } = this.read(normalized);
    const out: string[] = [];
    for (let i = 1; i < words.length; i++) {
      const key = concepts[i];
      if (!key?.startsWith('sp:')) continue;
      const at = this.prefixedBA(words, concepts, i) ? i : this.prefixedBA(words, concepts, i - 1) ? i - 1 : -1;
      if (at > 0 && concepts[at - 1] === MEETING) out.push(key.slice(3));
    }
    return out;
  }

  /** Word `i` is a known word behind the prefix ب or ل ("بالفياض", "بالرييس"), not a word that starts so. */
  private prefixedBA(words: string[], concepts: Array<FeatureKey | undefined>, i: number): boolean {
    const word = words[i];
    const key = concepts[i];
    if (word === undefined || key === undefined || !/^[بل]/.test(word)) return false;
    return this.featurizer.conceptOf(word.slice(1)) === key;
  }

  /**
   * The speakers a question names right after "about"/"of" ("what does Assad think of Abadi?", "ماذا قال الأسد عن
   * العبادي"), as ids: what is asked about, not who spoke. Empty when it names none.
   */
  subjects(normalized: string): string[] {
    return this.namedAfter(normalized, ABOUT);
  }

  /** The speakers a question names as the owner of someone who travelled ("Abadi's envoy", "مبعوث العبادي"), as ids. */
  envoyOwners(normalized: string): string[] {
    const { words, concepts } = this.read(normalized);
    return words.flatMap((_, i) =>
      this.envoyOf(words, concepts, i) === undefined ? [] : [concepts[i]?.slice(3) ?? ''],
    );
  }

  /** The speakers named right after one of `markers` (fillers skipped), as ids. */
  private namedAfter(normalized: string, markers: ReadonlySet<string>): string[] {
    const { words, concepts } = this.read(normalized);
    const out: string[] = [];
    for (let i = 1; i < words.length; i++) {
      const key = concepts[i];
      const before = this.previousWord(words, i);
      if (key?.startsWith('sp:') && before !== undefined && markers.has(before)) out.push(key.slice(3));
    }
    return out;
  }

  /** Whether the question speaks of a meeting (met, will meet, sat down with, التقى, قعد مع). */
  asksMeeting(normalized: string): boolean {
    if (SAT_WITH.test(normalized)) return true;
    return this.read(normalized).words.some((w) => MEET.has(w) || (w.startsWith('س') && MEET.has(w.slice(1))));
  }

  /**
   * True when the question puts two speakers in an exchange the article never has: a meeting ("when did al-Mekdad
   * meet al-Abadi?") or words said to someone ("what did Abadi say to Mekdad?") between two people who are not on
   * opposite ends of one of its directed concepts (al-Abadi and his envoy on one side, al-Assad on the other); for a
   * meeting, the sender's side must be one who travelled ("when did Abadi meet Assad?": his envoy did).
   */
  pairsStrangers(normalized: string): boolean {
    const { words, concepts } = this.read(normalized);
    // The future ("سيلتقي", "will meet") meets as well: the article has them meet no more than it has them met.
    const meets = this.asksMeeting(normalized);
    const addressee = this.addressee(normalized);
    if (!meets && addressee === undefined) return false;
    const named = [
      ...new Set(
        words
          .map((_, i) => this.envoyOf(words, concepts, i) ?? concepts[i] ?? this.afterPrefixL(words[i] as string))
          .filter((k): k is FeatureKey => k?.startsWith('sp:') ?? false),
      ),
    ];
    if (named.length !== 2) return false;
    const [a, b] = named as [FeatureKey, FeatureKey];
    const ends = [...this.directed.values()];
    if (!meets && addressee !== undefined) {
      // Words go with the exchange: the sender's side to the receiver (al-Abadi's message to al-Assad), and back
      // only to those who came (al-Assad to al-Fayyadh at the meeting; never to al-Abadi, who was not there).
      const to = `sp:${addressee}`;
      const sayer = a === to ? b : a;
      return !ends.some((e) => (e.from.has(sayer) && e.to.has(to)) || (e.to.has(sayer) && e.travellers.has(to)));
    }
    // To meet, the sender's side had to travel: only its travellers met the other side (the envoy, not al-Abadi).
    const travellers = new Set(ends.flatMap((e) => [...e.travellers]));
    const met = (sender: FeatureKey, receiver: FeatureKey, e: Ends) =>
      e.from.has(sender) && e.to.has(receiver) && (!meets || travellers.size === 0 || travellers.has(sender));
    return !ends.some((e) => met(a, b, e) || met(b, a, e));
  }

  /**
   * "Abadi's envoy", "مبعوث العبادي": the one who travelled for the speaker named at `i`, when the words make him the
   * owner of a concept that has travellers; that traveller, not the owner, is the party to a meeting.
   */
  private envoyOf(words: string[], concepts: Array<FeatureKey | undefined>, i: number): FeatureKey | undefined {
    if (!concepts[i]?.startsWith('sp:')) return undefined;
    const owned = words[i + 1] === 's' ? concepts[i + 2] : undefined;
    const governing = scriptOf(words[i] as string) === 'arabic' && i > 0 ? concepts[i - 1] : undefined;
    for (const key of [owned, governing]) {
      const traveller = key === undefined ? undefined : [...(this.directed.get(key)?.travellers ?? [])][0];
      if (traveller !== undefined) return traveller;
    }
    return undefined;
  }

  /** The question's words (the first `MAX_WORDS`) and the lexicon term starting at each, computed once per question. */
  private read(normalized: string): { words: string[]; concepts: Array<FeatureKey | undefined> } {
    if (this.lastRead?.normalized !== normalized) {
      const words = tokenize(normalized).slice(0, MAX_WORDS);
      this.lastRead = { normalized, words, concepts: words.map((_, i) => this.featurizer.termAt(words, i)?.key) };
    }
    return this.lastRead;
  }

  /** The named speakers and places of the question with the role its grammar gives them, when it gives one. */
  private roles(words: string[], concepts: Array<FeatureKey | undefined>): Array<{ key: FeatureKey; role: Role }> {
    const out: Array<{ key: FeatureKey; role: Role }> = [];
    let exchangeSeen = false;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      const key = concepts[i];
      // Words said to a place go its way too ("ماذا قالت دمشق لبغداد؟" turns the message around).
      if (SEND_VSO.has(word) || SEND_SVO.has(word) || RECEIVE.has(word) || (key && this.directed.has(key))) {
        exchangeSeen = true;
      }
      const prefixed = exchangeSeen ? this.afterPrefixL(word) : undefined;
      if (prefixed) {
        // The one who travelled was spoken to at the meeting ("ما قاله الأسد للفياض"): no direction to read.
        if (!this.isTraveller(prefixed)) out.push({ key: prefixed, role: 'recipient' });
        continue;
      }
      if (!key || this.directed.has(key) || !(this.isParty(key) || this.actors.has(key) || this.places.has(key))) {
        continue;
      }
      // "مين اللي نشر تفاصيل الرساله، دمشق ولا بغداد؟": the two sides offered as a choice play no role.
      if (CHOICE.has(words[i - 1] ?? '') || CHOICE.has(words[i + 1] ?? '')) continue;
      const role = this.roleAt(words, concepts, i, exchangeSeen);
      if (role) out.push({ key, role });
    }
    return out;
  }

  private roleAt(
    words: string[],
    concepts: Array<FeatureKey | undefined>,
    i: number,
    exchangeSeen: boolean,
  ): Role | undefined {
    const before = this.previousWord(words, i);
    const after = words[i + 1];
    // "Abadi's message", "Assad's envoy": the possessor sent it, whatever precedes ("respond to Abadi's message").
    if (after === 's') {
      const owned = concepts[i + 2];
      if (owned && this.directed.has(owned)) return 'sender';
    }
    if (after !== undefined && (SEND_SVO.has(after) || SEND_VSO.has(after))) return 'sender';
    // "Did the Syrian air force bomb Iraq?", "Did Assad order air strikes?": the one before the verb acts, unless the
    // verb is passive ("was Syria bombed?", "Syria hit by Iraqi jets").
    const next = this.neighbour(words, i, 1);
    if (next !== undefined && ACT_SVO.has(words[next] as string) && !this.passive(words, next)) return 'sender';
    // "الطيران السوري قصف بغداد": a country's adjective, then a verb of striking and its target, is the striker.
    const nisba = this.isCountryAdjective(words, concepts, i);
    if (nisba && next !== undefined && STRIKE_VSO.has(words[next] as string) && words[next + 1] !== undefined) {
      return 'sender';
    }
    if (after !== undefined && RECEIVE.has(after)) return 'recipient';
    if (before === undefined) return undefined;
    // "according to Abadi", "in relation to Iraq": "to" that is part of another phrase marks no recipient.
    if (TO.has(before)) {
      const phrase = this.previousWord(words, words.lastIndexOf(before, i - 1));
      return exchangeSeen && !(phrase !== undefined && NOT_RECIPIENT_BEFORE_TO.has(phrase)) ? 'recipient' : undefined;
    }
    if (this.targetAfterIn(words, concepts, i, before)) return 'recipient';
    if (FROM_LATIN.has(before) || (before === FROM_ARABIC && exchangeSeen)) return 'sender';
    if (SEND_VSO.has(before)) return 'sender';
    // "هل قصفت روسيا البوكمال": the one after the verb acts; a place cannot ("لما قصف البوكمال": it was hit), nor
    // anyone in "من قصف بغداد", where who acted is asked.
    if (ORDER_VSO.has(before) || STRIKE_VSO.has(before)) return this.roleAfterVerb(words, concepts, i, before);
    // "قصفت روسيا البوكمال": verb, subject, then the target.
    const subjectAt = words.lastIndexOf(before, i - 1);
    const verbBefore = subjectAt > 0 ? this.previousWord(words, subjectAt) : undefined;
    // "وين ضربت الطيارات السورية؟": the country's adjective after the force that struck names who struck.
    if (
      verbBefore !== undefined &&
      STRIKE_VSO.has(verbBefore) &&
      this.forces.has(concepts[subjectAt] ?? '') &&
      this.isCountryAdjective(words, concepts, i)
    ) {
      return 'sender';
    }
    if (verbBefore !== undefined && STRIKE_VSO.has(verbBefore) && this.actors.has(concepts[subjectAt] ?? '')) {
      return 'recipient';
    }
    if (ACT_SVO.has(before)) return 'recipient'; // "bombed Iraq"
    // "sent Assad a message"; but "sent Fayyadh to Damascus": the one who travels is the one sent, not the recipient.
    if (SEND_SVO.has(before)) return this.isTraveller(concepts[i]) ? undefined : 'recipient';
    if (RECEIVE.has(before) && scriptOf(before) === 'arabic') return 'recipient'; // تلقى الأسد
    const governing = concepts[words.lastIndexOf(before, i - 1)];
    // Arabic construct state: رسالة الأسد, مبعوث العبادي, risalet el assad (the sender); قصف البوكمال (the target).
    const construct = governing === undefined ? undefined : this.directed.get(governing);
    if (construct && scriptOf(words[i] as string) !== 'latin') {
      // A nisba adjective names the agent whatever the noun: الضربات العراقية are Iraq's strikes. A word carrying an
      // object pronoun is a verb, not a noun in construct: in "قصفها العراق" Iraq bombed.
      const nisba = this.isCountryAdjective(words, concepts, i);
      return nisba || OBJECT_PRONOUN.test(before) ? 'sender' : construct.genitive;
    }
    return undefined;
  }

  /**
   * "why did Abadi order strikes in Raqqa?", "الغارات على الرقة": a place right after "in"/"on" that follows a word
   * of the air strikes ({@link AIR_STRIKE}) is where they struck.
   */
  private targetAfterIn(words: string[], concepts: Array<FeatureKey | undefined>, i: number, before: string): boolean {
    if (!IN_ON.has(before) || !this.places.has(concepts[i] ?? '')) return false;
    // The strike may stand a few words back, past what it hit ("strikes on ISIS sites in Damascus"), but not past
    // a party or a place, and not as the cause told after "after" ("after the attack in Baghdad": the bombings).
    let at = words.lastIndexOf(before, i - 1);
    for (let step = 0; step < TARGET_LOOKAHEAD && at > 0; step++) {
      const act = this.previousWord(words, at);
      if (act === undefined) return false;
      at = words.lastIndexOf(act, at - 1);
      if (IN_ON.has(act)) step--; // "strikes on ISIS sites in": the prepositions are not the words counted
      const key = concepts[at];
      if (AIR_STRIKE.has(act)) return !CAUSE_BEFORE.has(this.previousWord(words, at) ?? '');
      if (this.isPartyOrActor(key)) return false;
    }
    return false;
  }

  /**
   * The role of the name at `i` right after an Arabic verb of ordering or striking (`verb`). In "من قصف بغداد" who
   * acted is asked: Baghdad was hit. The one who orders follows أمر ("أمر العبادي بضرب داعش"). After a verb of
   * striking, an actor (a speaker, a country) is its subject only when a target follows ("قصفت روسيا البوكمال");
   * alone it may be either ("هل قصفت سوريا؟" is also "was Syria bombed?"), and a place is always the target.
   */
  private roleAfterVerb(
    words: string[],
    concepts: Array<FeatureKey | undefined>,
    i: number,
    verb: string,
  ): Role | undefined {
    const asker = this.previousWord(words, words.lastIndexOf(verb, i - 1));
    if (asker !== undefined && WHO.has(asker)) return 'recipient';
    const actor = this.actors.has(concepts[i] ?? '');
    if (ORDER_VSO.has(verb)) return actor ? 'sender' : undefined;
    if (!actor) return 'recipient';
    const target = this.neighbour(words, i, 1);
    // "أين قصفت الطائرات السورية؟": the target is what is asked; a country's adjective after the verb is the striker.
    if (target === undefined) return this.isCountryAdjective(words, concepts, i) ? 'sender' : undefined;
    if (this.isPartyOrActor(concepts[target])) return 'sender';
    // "قصف الطيران السوري مواقع داعش في حصيبة": the target may come a few words on, after "sites of ISIS in".
    const ahead = concepts.slice(target + 1, target + 1 + TARGET_LOOKAHEAD);
    return concepts[target] === undefined && ahead.some((k) => this.places.has(k ?? '')) ? 'sender' : undefined;
  }

  /**
   * "was Syria bombed?", "why were targets in Syria bombed?", "Syria bombed by Iraqi jets": a strike verb made passive
   * by a form of "to be" anywhere before it, or by "by" after it.
   */
  private passive(words: string[], verb: number): boolean {
    return words.slice(0, verb).some((w) => BE.has(w)) || words[verb + 1] === 'by';
  }

  /** Whether `words[i]` is a country's nisba adjective (العراقي, السورية): it names the country as the agent. */
  private isCountryAdjective(words: string[], concepts: Array<FeatureKey | undefined>, i: number): boolean {
    return NISBA.test(words[i] as string) && this.countries.has(concepts[i] ?? '');
  }

  private isPartyOrActor(key: FeatureKey | undefined): boolean {
    return key !== undefined && (this.isParty(key) || this.actors.has(key) || this.places.has(key));
  }

  /** Whether a party travels in one of the exchanges (al-Fayyadh, the envoy who carried the message). */
  private isTraveller(key: FeatureKey | undefined): boolean {
    return key !== undefined && [...this.directed.values()].some((e) => e.travellers.has(key));
  }

  /** The word before `i`, skipping fillers ("sent the envoy", "ba3at el assad"). */
  private previousWord(words: string[], i: number): string | undefined {
    for (let j = i - 1; j >= 0; j--) {
      const w = words[j] as string;
      if (!FILLERS.has(w)) return w;
    }
    return undefined;
  }

  /**
   * "للعبادي", "لدمشق", dialect "عالشام" (على + ال, "to Sham"): the Arabic prefix ل or عال marks the recipient; the
   * party named after it (a party to some directed concept; with `anySpeaker`, any speaker), if any.
   */
  private afterPrefixL(word: string, anySpeaker = false): FeatureKey | undefined {
    if (scriptOf(word) !== 'arabic' || word.length < 4) return undefined;
    const rest = word.startsWith('لل')
      ? `ال${word.slice(2)}`
      : word.startsWith('ل')
        ? word.slice(1)
        : word.startsWith('عال') && word.length >= 6
          ? `ال${word.slice(3)}`
          : undefined;
    if (rest === undefined) return undefined;
    const key = this.featurizer.conceptOf(rest);
    if (!key || !(this.isParty(key) || (anySpeaker && key.startsWith('sp:')))) return undefined;
    // The word itself must not already be a known term (لبنان is not ل + بنان).
    return this.featurizer.conceptOf(word) === key || this.featurizer.conceptOf(word) === undefined ? key : undefined;
  }

  /** The one speaker holding the office an ل-prefixed word names («للمبعوث» → al-Fayyadh), if one alone holds it. */
  private officeAfterPrefixL(word: string): FeatureKey | undefined {
    if (scriptOf(word) !== 'arabic' || !word.startsWith('لل') || word.length < 5) return undefined;
    const key = this.featurizer.conceptOf(`ال${word.slice(2)}`);
    return key === undefined ? undefined : this.soleHolder.get(key);
  }

  /** A speaker or place at either end of some directed concept. */
  private isParty(key: FeatureKey): boolean {
    for (const e of this.directed.values()) if (e.from.has(key) || e.to.has(key)) return true;
    return false;
  }
}
