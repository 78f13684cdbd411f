/**
 * Turns a question into a `Reply`: match, decide (answer or abstain), and build the answer from the corpus.
 * The quote of every answer is taken from the corpus (a curated quote or a paragraph span), never composed.
 */
import Fuse from 'fuse.js';
import { confidenceOf, DECISION } from './calibration.ts';
import { quoteOfParagraph } from './corpus.ts';
import { type FeatureKey, INTENT, isStopword, stemKey } from './features.ts';
import { isUnsupportedLanguage } from './language.ts';
import { OTHER_DAYS_AND_MONTHS, OTHER_WEEKDAYS, OUT_OF_SCOPE_WORDS, PERSONAL_WORDS } from './lexicon.ts';
import { MAX_QUESTION_CHARS, withinQuestionLimit } from './limits.ts';
import {
  type Candidate,
  jointlyNamed,
  leadingWords,
  MatchIndex,
  type MatchResult,
  namedSpeakers,
  PLACE_COUNT,
  type QueryToken,
  STRIKE_KEY,
} from './matcher.ts';
import { ForeignNames } from './names.ts';
import { stripChatNoise, withoutAsides } from './noise.ts';
import { foldDigits, normalize, withNormalizeMemo } from './normalize.ts';
import { ordinalValue } from './numberWords.ts';
import { OfficeQualifiers } from './offices.ts';
import { paragraphRequestedAbout } from './paragraphRequest.ts';
import { DirectionPremises, isVisitWord, MEETING } from './premises.ts';
import { alternateStem, scriptOf, tokenize, withoutDefiniteArticle } from './tokenize.ts';
import type {
  Alternative,
  Answer,
  Answerer,
  AnswerSpeaker,
  AnswerType,
  Corpus,
  NoAnswer,
  Paragraph,
  QaEntry,
  QueryScript,
  Reply,
  Speaker,
  Suggestion,
} from './types.ts';

/** How much better another speaker's passage must cover what was said for the words to be his (someoneElsesWords). */
const SWAPPED_MARGIN = 0.25;

/** How many leading candidates someoneElsesWords compares (each costs a coverage computation). */
const SWAPPED_CANDIDATES = 12;

/** A said-question's subject of at most this many words is taken whole, unknown words included. */
const SHORT_SUBJECT_WORDS = 4;

/** In "what did X say about Y", the share of Y's words X's paragraph must contain (see quotesSpeakerOffTopic). */
const SUBJECT_COVERAGE_MIN = 0.4;

/** Arabic and Arabizi "X's opinion of": رأي (folded راي), the opinion-holder, then في/من or a fused ب ("رأي الأسد في"). */
const OPINION_HOLDER_OF = String.raw`(?:راي|ra2y|ra2yo|ra2i|ray|rayy|rai) \S+(?: \S+)?(?: (?:في|من|fi|fe|fel|fil|men|mn|bi|bil|bel|b)|(?= ب))`;
/**
 * Words that introduce the subject of a said-question, on normalized text. Not before a wh-word: «عن ماذا تحدث
 * الأسد؟», "3an shu 7aka", "about what did he talk" ask what was said, with no subject.
 */
const ABOUT_MARKER = new RegExp(
  `(?:^| )(?:عن|حول|بخصوص|بشان|about|regarding|concerning|on|(?:think|thinks|thought|view|views|opinion|opinions|feel|feels) of|3an|7awl|bi5soos|${OPINION_HOLDER_OF})(?= )(?! (?:ماذا|ما|شو|ايش|ايه|وش|شنو|اي|eh|shu|sho|esh|eish|what|which)(?: |$))`,
);
/** Someone's opinion asked of something ("Assad's opinion of Abadi", "ra2y el assad fel 3abadi"): said about it. */
const OPINION_OF = new RegExp(`(?:^| )(?:(?:view|views|opinion|opinions) (?:of|on)|${OPINION_HOLDER_OF})(?= )`);

/** The article itself named in a question ("what does the article say about…", "ماذا يقول المقال", "el ma2al"). */
const ARTICLE_WORDS =
  /(?:^| )(?:ال|بال|في|و|ف)?(?:مقال|مقاله|تقرير|خبر|نص|سالفه|قصه|حكايه)(?: |$)|(?:^| )(?:article|artical|articel|artcle|aritcle|atricle|report|story|piece|text|news|ma2al|maqal|makal|taqrir|khabar|5abar|kha6ar|2esa|2essa|2issa|qissa|el 2esa|el 2essa|el 2issa|7ekaye|7ikaye|el 7ekaye|el 7ikaye|salfe|el salfe)(?: |$)|(?:^| )(?:does|did|do) it (?:say|mention|tell)|(?:^| )it (?:says|mentions)(?: |$)/;

/** "What is the title of the article?", «ما عنوان المقال؟» (normalized): the seed has no headline. */
const ARTICLE_TITLE =
  /(?:^| )(?:title|headline|heading|عنوان|3onwan)(?: of)? (?:the |this )?(?:ال)?(?:article|story|piece|report|مقال|مقاله|خبر|تقرير|ma2al|maqal)(?: |$)(?!s )/;

/**
 * "What party does Abadi belong to?", "Abadi's party": a political party, which the article never names; "which
 * party received the message?" (a side), the four-party committee and "the parties" to a meeting are none.
 */
const POLITICAL_PARTY = new RegExp(
  [
    String.raw`\bpolitical part(?:y|ies)\b`,
    // "what party does Abadi belong to?", "which party is Abadi from?"
    String.raw`\bparty (?:does|did|is|was) (?:\S+ ){1,3}(?:belong|belongs|from|in|lead|leads|head|heads)\b`,
    // "belongs to a party", "member of which party", "Abadi's party"
    String.raw`\b(?:belong|belongs|belonged|member|members|joined|join) (?:of |to )?(?:a |the |which |what |his )?party\b`,
    String.raw`\b(?:his|s) party\b`,
  ].join('|'),
);

/**
 * The Popular Mobilization Forces (الحشد الشعبي, normalized), which the article never names: «حشد الجهود» and "military
 * mobilization" are ordinary words.
 */
const POPULAR_MOBILIZATION =
  /(?:^| )(?:ال|بال|لل|و)?حشد (?:ال)?شعبي(?: |$)|popular mobili[sz]ation|(?:^| )el hashd(?: |$)/;

/**
 * A sports league or national team (الدوري, بالدوري, المنتخب, normalized), which the article never mentions: the
 * words are fuzzily one letter from «دوره» (his role) and would be read as asking a role, so they are matched whole.
 */
const SPORTS_TEAM = /(?:^| )(?:[وف]?(?:بال|لل|ال))(?:دوري|منتخب)(?: |$)/;

/** "شنو الموضوع؟", "shu el mawdoo3", "what's the topic?": the topic asked with nothing else names the article's. */
const ASKS_TOPIC = /(?:^| )(?:ال|بال)?موضوع(?: |$)|(?:^| )(?:mawdoo3|mawdu3|mawdo3|mawdou3|topic|subject)(?: |$)/;

/**
 * The speaker named right next to the verb of saying, as an id: after it in Arabic and Arabizi ("ماذا قال الأسد خلال
 * استقباله للمبعوث", "shu 2al el fayyadh"), before it in English ("what did Assad say to the envoy"). Undefined when
 * no name stands there, or two do ("الأسد والفياض").
 */
function sayerNextToVerb(tokens: QueryToken[], normalized: string): string | undefined {
  const verb = tokens.findIndex((t) => t.keys.some((k) => k.key === INTENT.said));
  if (verb < 0) return undefined;
  // Arabizi keeps Arabic order; its verbs carry digits ("2al", "7aka").
  const word = (tokens[verb] as QueryToken).token;
  // "What was Assad told by Fayyadh?": the name before a passive verb is the one spoken to.
  if (PASSIVE_SAID.test(normalized)) return undefined;
  const step = scriptOf(word) === 'latin' && !/\d/.test(word) ? -1 : 1;
  const speakerAt = (i: number) => tokens[i]?.keys.find((k) => k.key.startsWith('sp:'))?.key.slice(3);
  // "الأسد والفياض ناقشوا", "the Assad-Fayyadh talks": two joined names are no one sayer.
  if (speakerAt(verb + 2 * step) !== undefined) return undefined;
  return speakerAt(verb + step);
}

/**
 * A yes/no question ("is Raqqa in Iraq?", "هل البوكمال في العراق؟", or a statement closed by a tag: «…يوم الجمعة مو؟»,
 * "…in Baghdad, right?", "sa7?"): a false premise in it is answered by the passage that gives the fact (Raqqa is in
 * Syria), as "was the message written?" is by "an oral message" (normalized).
 */
const YES_NO =
  /^(?:is|are|was|were|does|do|did|هل|هو|wach|wesh) |(?:^| )(?:مو|مش|صح|صحيح|ولا لا|sa7|sah|mesh|mish|right|correct|wala la|wla la|walla la|walla laa|wala laa)$/;

/**
 * "Did Assad mention Iran?", "هل تحدث الفياض عن الموصل؟": whether someone spoke of a topic, not whether he said a
 * claim; when he never did, the answer is no, whoever else speaks of it.
 */
const ASKS_IF_MENTIONED =
  /(?:^| )(?:mention|mentioned|mentions|talk|talked|speak|spoke|discuss|discussed|refer|referred|about|ذكر|يذكر|تحدث|يتحدث|تكلم|يتكلم|حكي|ناقش|عن|حول|7aka|7ki|3an)(?: |$)/;

/**
 * A question whether someone said something: a yes/no question, or "is X the one who said…" in dialect ("el assad
 * howe elli 2al…", "الأسد هو اللي قال…").
 */
const ASKS_IF_SAID = new RegExp(
  `${YES_NO.source}|(?:^| )(?:howe|huwe|huwa|hoa|هو|هي|hiye) (?:elli|illi|yalli|li|اللي|الي|يلي|من|الذي|who) `,
);

/** "What did Assad not say?", "what didn't Mekdad mention?" (normalized: the apostrophe is a space). */
const NOT_SAID =
  /(?:^| )what (?:did|does|do) (?:\S+ ){1,3}not (?:say|mention|tell|talk about)(?: |$)|(?:^| )what (?:didn t|doesn t|didnt|doesnt) (?:\S+ ){1,3}(?:say|mention|tell)(?: |$)|(?:^| )(?:who|which \S+) (?:did not|didn t|didnt|does not|doesn t|never) (?:say|mention|talk|speak)(?: |$)|(?:^| )(?:مين|من|منو) (?:الذي |اللي )?(?:لم|ما) (?:يذكر|يقل|يتحدث|يحكي|ذكر|حكي)(?: |$)/;

/** A day or month the article never names (OTHER_DAYS_AND_MONTHS), also with the article (الجمعة, بالجمعة read bare). */
function isOtherDayOrMonth(word: string): boolean {
  return OTHER_DAYS_AND_MONTHS.has(word) || OTHER_DAYS_AND_MONTHS.has(withoutDefiniteArticle(word));
}

/** "Who is stronger…?", «مين أقوى…؟» (normalized): a comparison of strength ("stronger cooperation" is no question). */
const ASKS_STRONGER =
  /(?:^| )(?:who|which)(?: \S+)? (?:is|are|was|s) (?:the )?(?:stronger|strongest|weaker|weakest)(?: |$)|(?:^| )(?:مين|من|منو|شو|اي|ايهما|مين فيهم)(?: \S+)? (?:اقوي|اضعف)(?: |$)/;

/**
 * "What does Daesh mean?", «ما معنى التكفيرية؟», «شو يعني داعش», «تكفيري يعني ايه»: a word's meaning, which the
 * article never explains (normalized): the word asked of is all the question holds. "What does al-Mekdad mean by
 * coordination?" asks his words; يعني as a filler («يعني شو قال الأسد؟») and a number's meaning («شو معنى الرقم
 * 605؟» asks what the article counts with it) do not count.
 */
const ASKS_MEANING =
  /(?:^| )what does \S+(?: \S+)? (?:mean|stand for)$|(?:^| )(?:meaning|definition) of (?:the )?(?:word |term )?\S+$|^(?:ما|شو) (?:هو )?معني \S+(?: \S+)?$|^(?:شو|ايش|وش|shu|sho) (?:يعني|ya3ni) \S+$|^\S+ (?:يعني ايه|ya3ni eh)$/;

/**
 * "Why didn't Abadi go himself?", "العبادي ليش ما راح؟", "لماذا لم تعلن بغداد التفاصيل؟", «ليش المقداد ما حضر؟» (a
 * subject of up to two words between): the article gives reasons
 * only for what was done (the strikes answered the bombings), never for what was not done. Only the past is read so
 * ("why does Iraq not defend only from inside?", «لماذا لا يكتفي» ask a policy the article explains), and ما زال
 * "still" is no negation (normalized: the apostrophe is a space); Arabizi "ma" is a word of its own ("why may…" asks
 * what may be).
 */
const WHY_NOT =
  /(?:^| )(?:why|لماذا|ليش|ليه|علاش|لاش|leish|lesh|leh|lish|3lash|3alash) (?:\S+ ){0,2}?(?:didn t|didnt|did not|wasn t|hasn t|haven t|لم|ma(?= )|ما (?!زال|زالت|زالو|زالوا))(?:\S*)(?: |$)|(?:^| )why (?:did|was|has) (?:\S+ ){1,3}not(?: |$)/;

/**
 * Negations in the article's text (normalized): لم لن لا ليس, "not", "never". Not ما, which the article uses as
 * "what" («ما وراء الحدود», «ما يتعلق»).
 */
const ARTICLE_NEGATIONS: ReadonlySet<string> = new Set(['لم', 'لن', 'لا', 'ليس', 'not', 'never']);
/** Negations in questions (normalized): those, and dialect ما مش مو, Arabizi ma mesh, English "didn't" (didn t). */
const QUESTION_NEGATIONS: ReadonlySet<string> = new Set([
  ...ARTICLE_NEGATIONS,
  ...['ما', 'مش', 'مو', 'ma', 'mesh', 'msh', 'mish', 'didn', 'didnt', 'doesn', 'don', 'wasn', 'weren', 'won', 'isn'],
]);
/** "Only" (normalized): a negation followed by it within `NOT_ONLY_REACH` words is "not only". */
const ONLY_WORDS: ReadonlySet<string> = new Set(['فقط', 'only', 'merely', 'just']);
const NOT_ONLY_REACH = 8;

/**
 * The bot's own view asked for: "who is right?", "what do you think?", "your opinion", "برأيك", "شو رأيك" (normalized).
 * "What does Assad think of…?" asks his view, which the article may give, and is not matched.
 */
const ASKS_OPINION =
  /(?:^| )(?:who is right|who s right|who was right|what do you think|your opinion|your view|in your opinion|do you agree|do you support|is it good|is it bad|برايك|رايك|في رايك|بتقديرك|شو رايك|ايش رايك|وش رايك|انت مع|هل انت مع|ra2yak|ra2ik|b ra2yak|shu ra2yak)(?: |$)|(?:على|علي|ع) حق$|(?:على|علي|ع) حق (?:ولا|ام|او)(?: |$)| (?:محق|محقا|معه حق|معو حق|3ala 7a2|3a 7a2|m7a2)$|^(?:is|was) (?!that |this |it |he |she )\S+(?: \S+)? right$/;

/**
 * The reporter's or the article's leanings asked: "is the reporter biased / pro-Assad?", «هل الكاتب منحاز؟», «الكاتب
 * مع الأسد أم ضده؟» (normalized). Only with the reporter or the article named: "pro-Assad militias" and "the
 * objective of the committee" are facts the article gives.
 */
const ASKS_LEANING =
  /(?:^| )(?:reporter|writer|author|journalist|article|mahdi|الكاتب|المراسل|الصحفي|المقال|الخبر|مهدي)(?: \S+){0,3} (?:biased|bias|neutral|impartial|objective|pro \S+|منحاز|محايد|مع \S+ (?:ام|او) ضده)(?: |$)/;

/** "in", "at", في before a place where words were said (normalized). */
const AT_WORDS: ReadonlySet<string> = new Set(['in', 'at', 'في', 'fi', 'fe']);

/**
 * "When" closing a Latin-script question ("el 3abadi ra7 3al sham emta?", "he went to Damascus when?"): the
 * featurizer drops wh-words past a question's opening (they join clauses there), but a last word joins nothing.
 */
const CLOSING_WHEN = / (?:when|emta|imta|amta|mta|emtan|imtan)$/;

/** Office held, as a noun ("in office", "in power", في الحكم): asked with "how long", a term of office. */
const OFFICE_NOUNS: ReadonlySet<string> = new Set(
  ['office', 'power', 'الحكم', 'السلطه', 'بالحكم', 'بالسلطه', 'منصبه', 'بمنصبه', 'منصبو', 'mansabo', 'mansab'].map(
    normalize,
  ),
);

/** Ruling ("ruled", حكم): with "how long", a term of office wherever it is ruled. */
const RULE_VERBS: ReadonlySet<string> = new Set(
  ['rule', 'ruled', 'rules', 'ruling', 'حكم', 'يحكم', 'بيحكم', '7akam', 'yo7kom', 'by7kom'].map(normalize),
);

/** Question openers that are auxiliaries: a question word after them is what is asked ("can you say who…"). */
const AUXILIARIES: ReadonlySet<string> = new Set(['does', 'did', 'is', 'was', 'are', 'were', 'can', 'could']);

/** Verbs of holding or taking an office ("since when does he hold…", "يشغل", "emta sar ra2is"), normalized. */
const TAKES_OFFICE: ReadonlySet<string> = new Set(
  [
    'hold',
    'holds',
    'held',
    'become',
    'became',
    'يشغل',
    'شغل',
    'تولى',
    'يتولى',
    'اصبح',
    'صار',
    'sar',
    'sa7',
    'asba7',
  ].map(normalize),
);

/** Words for "date" and for "exactly" ({@link EXACT_DATE}), normalized, as regex alternatives. */
const DATE_WORDS = 'date|dates|تاريخ|التاريخ|بتاريخ|tarikh|tare5|tari5';
const EXACT_WORDS = 'exact|exactly|precise|precisely|specific|بالضبط|تحديدا|بالتحديد|الدقيق|المحدد|bezabt|bizzabt';

/** A relative pronoun opening a clause that qualifies the noun before it (normalized): "that", التي, اللي. */
const RELATIVE_PRONOUN = /(?<=\S) (?:التي|الذي|اللذين|الذين|اللي|that|which)(?: |$)/;

/**
 * The type or model of aircraft or weapons asked for ("what kind of planes", «ما نوع الطائرات», "which jets",
 * "shu naw3 el tayarat"; normalized), which the article never gives: it says "the Iraqi air force", "weapons and
 * military equipment".
 */
const ASKS_ARMS_TYPE = new RegExp(
  String.raw`(?:^| )(?:(?:what|which) (?:kind|kinds|type|types|sort|model|make)s? of|(?:ما |شو |ايش |وش |شنو )?(?:نوع|انواع|طراز|موديل|naw3|no3|anwa3)(?: \S+)?) ` +
    String.raw`(?:(?:ال)?(?:طايرات|طايره|طيارات|طياره|مقاتلات|صواريخ|اسلحه|سلاح|طيران)|planes?|aircraft|jets?|fighter|fighters|warplanes?|weapons?|missiles?|bombs?|arms|(?:el |al )?(?:tayarat|tayyarat|tiyara|asli7a|sla7|slah|silah))(?: |$)`,
);

/** The concept of countries or states ("دول", "countries", "dawla"). */
const COUNTRIES_KEY = 'c:countries';

/** A key matched with less than this strength is a lookalike (a skeleton is 0.8 at most, fuzzy spellings less). */
const LOOKALIKE_BELOW = 0.81;

/**
 * Which countries, cities or people the article names ("what countries does the article name?", "who does the story
 * mention?"; normalized): a list over the whole article.
 */
const ASKS_WHAT_ARTICLE_NAMES =
  /(?:^| )(?:(?:what|which) (?:countries|country|cities|city|places|people|persons|names|groups)|who) (?:does|did|do) (?:the |this )?(?:article|story|report|piece|text) (?:name|names|mention|mentions|list|cite)(?: |$)/;

/**
 * A question about the bot itself ("are you a bot or a real person?", "what model are you running on?", «انت بوت؟»;
 * normalized): what it is, not what the article says.
 */
const ASKS_ABOUT_BOT = new RegExp(
  [
    String.raw`(?:^| )(?:are|r) (?:you|u|ya)(?: \S+){0,2} (?:bot|robot|human|real person|ai|model|gpt|chatgpt|llm|machine|program)(?: |$)`,
    String.raw`(?:^| )(?:what|which) (?:model|llm|ai)(?: \S+){0,1} (?:are|r|do) (?:you|u)(?: |$)`,
    String.raw`(?:^| )(?:انت|انتي|انتا|enta|inta|enti) (?:\S+ )?(?:بوت|روبوت|انسان|حقيقي|ذكاء|bot|robot|insan)(?: |$)`,
  ].join('|'),
);

/** Words between "according" and its source ("according to the…"), normalized. */
const ACCORDING_FILLERS: ReadonlySet<string> = new Set(['to', 'the', 'li', 'la', 'l']);

/** The concept of a city or town ("city", «مدينة»), asked for as a place. */
const CITY_KEY = 'c:city';

/** A message this many words long or more may hold its question in its last part. */
const LONG_MESSAGE_WORDS = 15;

/** Words that open a question, in the scripts the bot reads (normalized). */
const QUESTION_OPENERS = new Set(
  [
    'what',
    'who',
    'when',
    'where',
    'why',
    'how',
    'which',
    'does',
    'did',
    'is',
    'was',
    'are',
    'were',
    'can',
    'could',
    'ماذا',
    'ما',
    'من',
    'متى',
    'اين',
    'أين',
    'كيف',
    'لماذا',
    'هل',
    'كم',
    'شو',
    'مين',
    'منو',
    'وين',
    'ليش',
    'شنو',
    'ايش',
    'وش',
    'امتى',
    'shu',
    'sho',
    'meen',
    'emta',
    'wen',
    'lesh',
    'kif',
  ].map(normalize),
);

/**
 * The last sentence or clause of a long message that holds a question word, from that word on, if it is shorter than
 * the message: "…and now I see this article about Abadi… anyway, does the article say the Iraqi army is winning in
 * Mosul?", "…can someone just tell me plainly who actually sat down face to face with assad? thx".
 * Undefined for a message under LONG_MESSAGE_WORDS words or without such a part.
 */
export function lastQuestionPart(text: string): string | undefined {
  if (text.split(/\s+/).length < LONG_MESSAGE_WORDS) return undefined;
  const parts = text
    .split(/[.!?؟…,،;؛\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (let i = parts.length - 1; i > 0; i--) {
    // "so what did…", "can someone just tell me who sat down with Assad": from its question word on.
    const words = (parts[i] as string).split(/\s+/);
    const opens = (w: string) => QUESTION_OPENERS.has(normalize(w));
    let at = words.findIndex(opens);
    // "can someone tell me who met Assad": the question word after an auxiliary is the question.
    const asked = words.findIndex((w, j) => j > at && opens(w) && !AUXILIARIES.has(normalize(w)));
    if (at >= 0 && AUXILIARIES.has(normalize(words[at] as string)) && asked > at) at = asked;
    if (at >= 0 && words.length - at >= 3) return words.slice(at).join(' ');
  }
  return undefined;
}

/** A passive verb of saying with its agent ("was told by", "was said by"), normalized. */
const PASSIVE_SAID = /(?:^| )(?:was|were|is|are|been) (?:\S+ )?(?:told|said|informed|asked) (?:\S+ )?by(?: |$)/;

/** "During", "in the course of": what follows is when words were said ("خلال لقائه"), normalized. */
const DURING_WORDS: ReadonlySet<string> = new Set(
  ['خلال', 'أثناء', 'وجوده', 'during', 'while', 'khilal', '5elal', '5ilal'].map(normalize),
);
/** "All", "everything", كل ما: every passage of what someone said is asked for (normalized). */
const EVERYTHING_SAID =
  /(?:^| )(?:all|everything|every quote|every word|all of it|كل ما|كل اللي|كل الي|كل شي|كل كلام|kol elli|kol shi|kol ma|kel shi|kil shi)(?: |$)/;

/** A time of day asked ("what time", "at what time", الساعة كم; normalized). */
const ASKS_CLOCK =
  /(?:^| )(?:(?:what|which) time(?! (?:period|frame|span|line))|الساعه كم|كم الساعه|sa3a kam|sa3et kam)(?: |$)/;

/**
 * Liking or praising someone (normalized); see the rule on two people named ("did Assad praise Abadi?", «هل أشاد
 * الأسد بالعبادي؟»): what one person thinks of another is never told. "Did Abadi praise the strike?" names one.
 */
const LIKES =
  /(?:^| )(?:like|likes|liked|dislike|dislikes|disliked|fond|get along|gets along|praise|praised|praises|praising|commend|commended|hail|hailed|اشاد|يشيد|اشادت|اشاده|مدح|يمدح|مدحه|امتدح|اثني|يثني|ثمن|يثمن)(?: |$)/;

/**
 * Someone's opinion of, or reaction to, words ("what did Abadi think of Mekdad's statement?", «العبادي كان رايه ايه في
 * كلام المقداد», normalized); see the rule on two people named: how one took another's words is never told.
 */
const OPINION_OF_WORDS =
  /(?:^| )(?:راي|رايه|رايها|رايهم|ra2y|ra2yo|ra2yu|think|thinks|thought|opinion|view|react|reacted|reaction|رد|فعل)(?: \S+){0,4} (?:(?:ب|في|ع)?(?:ال)?(?:كلام|تصريح|تصريحات|حديث)|statement|statements|words|remarks|comments|kalam|ta9ri7|tasri7)(?: |$)/;

/** Whom someone spoke to ("who did X speak/talk/give his statement to", "to whom", لمن, لمين; normalized). */
const SPOKEN_TO =
  /(?:^| )(?:(?:who|whom) did (?:\S+ ){1,3}(?:speak|talk|say|said|tell|address|give|make|deliver)(?: \S+){0,3} to|to whom|(?:لمن|لمين) (?:صرح|تحدث|قال|حكي|تكلم)|مع (?:مين|من) (?:حكي|تحدث|تكلم))(?: |$)/;

/** A day asked for ("on what day", "في أي يوم"; normalized): a month and year do not answer it. */
const ASKS_DAY = /(?:^| )(?:(?:what|which) day|اي يوم|ايه يوم|anu yom|ayya yom|ay yom|ayy yom)(?: |$)/;
/** A month asked for ("in which month", "في أي شهر"; normalized): a weekday does not answer it. */
const ASKS_MONTH = /(?:^| )(?:(?:what|which) month|اي شهر|ايه شهر|anu shahr|ayya shahr|ay shahr)(?: |$)/;
/** "Of the month" after a day asked (normalized): «اي يوم من الشهر», "what day of the month". */
const OF_THE_MONTH = / (?:of the month|من الشهر|بالشهر|في الشهر|mn el shahr|min ash shahr)(?: |$)/;
const WEEKDAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** "Largest", "biggest", أكبر (normalized): the superlative a rank is asked with. */
const LARGEST: ReadonlySet<string> = new Set(['largest', 'biggest', 'اكبر', 'كبري', 'akbar', 'a2bar', 'akbr']);

/** "Else", "besides", غير, سوى: someone other than those named (normalized). */
const ANYONE_ELSE =
  /(?:^| )(?:else|besides|other than|apart from|except|غير|سوى|بخلاف|عدا|ghair|gheir|ghir|8eir)(?= )|(?:^| )(?:ايضا|كمان|kaman|kamaan|also)(?: |$)/;
/** Attending: "attended", "was present", حضر (normalized). */
const ATTENDED = /(?:^| )(?:attend|attended|attending|present|حضر|حضره|حضروا|حاضر|7adar|7ader)(?: |$)/;

/** Words for the head of a group, normalized (see `asksHeadOfGroup`). */
const HEAD_WORDS: ReadonlySet<string> = new Set(
  [
    'head',
    'chief',
    'leader',
    'chair',
    'chairman',
    'chairs',
    'heads',
    'boss',
    'رئيس',
    'راس',
    'قائد',
    'زعيم',
    'يرأس',
    'ترأس',
    'يترأس',
    'ra2ees',
    'rais',
    'za3im',
    'qa2ed',
  ].map(normalize),
);
/** Words between a head word and its group: "head of the committee", "رئيس الـ". */
const OF_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'al', 'el', 'its', 'this', 'that']);
/** Words of a question scanned for a group's head (the question sits near the start; pasted walls are cut). */
const MAX_SCANNED_WORDS = 60;

/** "Exactly" anywhere in a question (see {@link EXACT_WORDS}). */
const EXACT_ANYWHERE = new RegExp(`(?:^| )(?:${EXACT_WORDS}|بالظبط|bel zabt|bil zabt)(?: |$)`);

/** The word after "which" (normalized): what is asked for ("which army", "اي جيش"). */
const AFTER_WHICH = /(?:^| )(?:which|what|اي|ايه|انهي|ayy|ay|ayya|anu|ani) (\S+)/g;

/** "About the subject of X", "بخصوص مسألة X": words naming a subject, not one; X is what was asked about. */
const SUBJECT_FILLERS: ReadonlySet<string> = new Set(
  ['subject', 'topic', 'issue', 'matter', 'question', 'theme', 'مسألة', 'قضية', 'ملف', 'mas2ale', 'qadiyye'].map(
    normalize,
  ),
);
const RESPONSE_KEY = 'c:response';
/** Words that place a time relative to now (today, last, mid-, coming: the `timeword` concept), not a time itself. */
const TIME_QUALIFIER_KEY = 'c:timeword';
/** A statement, press remark or interview (بيان, تصريح): a said-word as a noun. */
const STATEMENT_KEY = 'c:statement';
/** What a side says, how it reacts, what it thinks: a country next to one of these is the sayer (`countryAsSayer`). */
const SIDE_VIEW_KEYS: readonly string[] = [INTENT.said, RESPONSE_KEY, INTENT.according];
/** A length asked ("طولها", "how long") and the unit that measures one (the 605 km). */
const LENGTH_KEY = 'c:length';
const KM_KEY = 'c:km';
/** Words that ask for the summary on their own, with no word for the article ("summary?", "ملخص", "tl;dr"). */
const SUMMARY_WORDS: ReadonlySet<string> = new Set(
  [
    'summary',
    'summarize',
    'summarise',
    'sum',
    'tldr',
    'tl',
    'gist',
    'overview',
    'nutshell',
    'ملخص',
    'لخص',
    'لخصلي',
    'خلاصه',
    'الخلاصه',
    'molakhas',
    'mulakhas',
    'lakhes',
    'la5es',
  ].map(normalize),
);

/** "That" opening what was said ("said that…", قال إن, "2al enno"; normalized). */
const THAT_WORDS: ReadonlySet<string> = new Set([
  'that',
  'ان',
  'انه',
  'بان',
  'بانه',
  'enno',
  'inno',
  'eno',
  'ino',
  'bi2anno',
]);

/** "Sum up", "summing up" (normalized). */
const SUM_UP = /(?:^| )sum(?:s|med|ming)? up(?: |$)/;

/** Topic words of "what is the article about" questions: its subject, summary or main news as a whole. */
const ABOUT_WHOLE: ReadonlySet<string> = new Set([
  ...SUMMARY_WORDS,
  ...[
    'about',
    // Arabizi "the story" ("eh el 2esa?", "shu el salfe"): the article, as ARTICLE_WORDS reads it.
    '2esa',
    '2essa',
    '2issa',
    'qissa',
    '7ekaye',
    '7ikaye',
    'salfe',
    'topic',
    'subject',
    'main',
    'mainly',
    'point',
    // "in one line", "in a nutshell", "briefly", "باختصار", "بجملة"
    'one',
    'line',
    'sentence',
    'short',
    'brief',
    'briefly',
    'dr',
    'everything',
    'all',
    'khabar',
    '5abar',
    'news',
    'كلشي',
    'sum',
    'up',
    'باختصار',
    'مختصر',
    'جمله',
    'بجمله',
    'سطر',
    'بسطر',
    'كلمتين',
    'بكلمتين',
    'موضوع',
    'موضوعه',
    'فكره',
    'الرئيسي',
    'الرئيسيه',
    'اهم',
    'عن',
    'يتحدث',
    'يتكلم',
    'بيتكلم',
    'بيحكي',
    'mawdoo3',
    'mawdu3',
    'mawdou3',
    'ra2isi',
    '3an',
    'bi7ki',
    'byi7ki',
  ].map(normalize),
]);

/** Words of "when was the article published / written" (its date, which the article does not give). */
const PUBLISHED: ReadonlySet<string> = new Set(
  [
    'published',
    'publish',
    'publication',
    'written',
    'write',
    'wrote',
    'posted',
    'released',
    'date',
    'dated',
    'نشر',
    'نشره',
    'نشرت',
    'كتب',
    'كتبه',
    'كتابه',
    'صدر',
    'تاريخ',
    'nasharo',
    'nashar',
    'katab',
  ].map(normalize),
);

/** "When was the article published?": a when-question whose only other words are about publishing. */
function asksArticleDate(tokens: QueryToken[]): boolean {
  const intent = (t: QueryToken) => t.keys.some((k) => k.key.startsWith('c:ask-'));
  return (
    tokens.some((t) => t.keys.some((k) => k.key === INTENT.when)) &&
    !tokens.some((t) => t.keys.some((k) => k.key === INTENT.who)) &&
    tokens.every((t) => intent(t) || PUBLISHED.has(t.token))
  );
}

/** Verbs that make "how long" a duration ("how long did the meeting last?"), which the article never gives. */
const DURATION_VERBS: ReadonlySet<string> = new Set(
  [
    'last',
    'lasted',
    'take',
    'took',
    'takes',
    'stay',
    'stayed',
    'استغرق',
    'استغرقت',
    'دام',
    'دامت',
    'بقي',
    'بقى',
    'مكث',
    'قعد',
    'ظل',
    'ضل',
    '2a3ad',
    'e3ed',
    'baqi',
  ].map(normalize),
);

/** "When is", "when was", متى هو (normalized): a copula, no verb. */
const WHEN_IS = /^(?:when|متي|emta|imta|امتي|ايمتي) (?:is|was|are|were|هو|هي|howe|hiye)(?: |$)/;

/**
 * A when-question of nothing but people ("when is the reporter?", "متى الأسد؟"): no event or verb to date.
 * "When did Assad speak?" has a verb of saying, and is answered.
 */
function datesPersonAlone(tokens: QueryToken[], normalized: string): boolean {
  // Only "when is X" or "when X": a verb the lexicon drops ("when did Assad speak?") still asks about an event.
  if (!WHEN_IS.test(normalized) && normalized.split(' ').length > 3) return false;
  const has = (t: QueryToken, test: (k: string) => boolean) => t.keys.some((k) => test(k.key));
  return (
    tokens.some((t) => has(t, (k) => k === INTENT.when)) &&
    tokens.some((t) => has(t, (k) => k.startsWith('sp:'))) &&
    tokens.every((t) => has(t, (k) => k === INTENT.when || k.startsWith('sp:') || k.startsWith('m:')))
  );
}

/** "How long did X last / take?": a how-long question with a verb of duration. */
function asksDuration(normalized: string, tokens: QueryToken[]): boolean {
  if (!tokens.some((t) => t.keys.some((k) => k.key === INTENT.howLong))) return false;
  return normalized.split(' ').some((w) => DURATION_VERBS.has(w));
}

/** Counted words that ask how long or how much time (normalized): the article answers those with time, not a count. */
const DURATION_WORDS: ReadonlySet<string> = new Set(
  [
    'تبقى',
    'تبقي',
    'باقي',
    'يبقى',
    'وقت',
    'الوقت',
    'يوم',
    'ايام',
    'الايام',
    'سنه',
    'سنوات',
    'شهر',
    'اشهر',
    'مده',
    'المده',
    'time',
    'days',
    'day',
    'years',
    'year',
    'months',
    'month',
    'long',
    'left',
    'remain',
    'remains',
    'until',
  ].map(normalize),
);

/** "شكد صار", "قديش صارلهم", "kam sar": "how much has it been", time elapsed, right after a how-much marker. */
const TIME_ELAPSED = /^(?:صار|صارله|صارلها|صارلهم|صارلو|بقاله|بقالها|بقالهم|sar|sarlo|sarlon|sarelhom)(?: |$)/;

/** How many topic words after "how many" name what is counted ("كم عدد الميليشيات العراقية"). */
const COUNTED_WORDS = 3;

/** Words on each side of a number that say what it counts ("الحدود المشتركة بين البلدين البالغة 605 كيلومترات"). */
const NUMBER_CONTEXT_WORDS = 5;

/** The normalized one-word terms of the concepts that answer `type` ("when": الخميس, 2011; "how-many": 605). */
function oneWordTerms(corpus: Corpus, type: AnswerType): ReadonlySet<string> {
  return new Set(
    corpus.concepts
      .filter((c) => c.answers === type)
      .flatMap((c) => c.terms.map(normalize))
      .filter((t) => t !== '' && !t.includes(' ')),
  );
}

/** A regex for the first of `terms` (normalized, longest first) on word boundaries of a normalized text. */
function markerOf(terms: readonly string[]): RegExp {
  const alternatives = [...new Set(terms.map(normalize).filter((t) => t !== ''))]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?:^| )(?:${alternatives.join('|')})(?= |$)`);
}

/** The concept of something about to happen ("توشك", "about to", "soon"). */
const IMMINENT = 'c:near';
/** What is about to happen, in the article's time: Mosul's retaking. */
const IMMINENT_EVENT = 'c:retake';

/**
 * "What happened in Raqqa afterwards?", "شو صار بالرقة بعدين؟", "did Mosul fall in the end?": asks about a time after
 * the article's, which it cannot tell (normalized). English "later", "finally", "eventually" count only closing the
 * question: opening or inside it they order the asking ("Finally, who is Fayyadh?", "will Raqqa eventually be
 * retaken?").
 */
const AFTER_THE_ARTICLE =
  /(?:^| )(?:بعدين|بعدها|لاحقا|فيما بعد|بالاخير|بالاخر|afterwards|afterward|in the end|ba3dein|ba3den|ba3dain|ba3deen|next (?:meeting|visit|summit|round|talks)|(?:الاجتماع|اللقا|الزياره) (?:المقبل|القادم|المقبله|القادمه|الجاي))(?: |$)| (?:later on|later|eventually|finally)$/;

/** "What happened after Mosul was liberated?": "after" with a past verb of what is only about to happen (normalized). */
const AFTER_PAST = /(?:^| )(?:after|بعد ما|بعدما|ba3d ma)(?: |$)/;

/**
 * Words that put a when-question in the past, normalized: English auxiliaries, and Arabic past verbs of completion
 * and declaring (تم, أعلن, تحررت, انتهت …) — the article's imminent event (Mosul's recapture) has none of these.
 */
const PAST_MARKERS: ReadonlySet<string> = new Set(
  `was were did had began started تم اعلن اعلنت انتهت انتهى بدأت بدأ تحررت اتحررت تحرر حرر حررت استعادت استعاد طردت خلصت خلص`
    .split(' ')
    .map(normalize),
);

/**
 * A request for the whole text, and nothing else ("show the whole article", "ما نص المقال كاملا؟", "el ma2al kamel
 * please"), on normalized text: answered like "paragraphs 1 to 14" (the first paragraph, the others as
 * alternatives), every word verbatim. Anchored at both ends: "what did the full report say about the meeting?" and
 * «ماذا يقول نص المقال عن إيران؟» ask about something in it.
 */
const WHOLE_ARTICLE = new RegExp(
  [
    '^(?:(?:please|pls|plz|can you|could you|would you|show|show me|give me|send me|paste|i want|i want to see|',
    'let me see|what is|whats|what s|ممكن|بدي|اريد|ابي|عايز|اعرض|اعطني|هات|ما|ما هو|شو|وش|ايش|shu|warjini) )*',
    '(?:(?:the )?(?:whole|full|entire|complete) (?:article|story|report|text)(?: of (?:the |this )?(?:article|story|report))?',
    '|(?:the )?(?:article|text) in full|(?:the )?article',
    '|all (?:the )?(?:paragraphs|text)|(?:كل|جميع) (?:ال)?(?:فقرات|نص)',
    '|نص (?:ال)?(?:مقال|مقاله|خبر|تقرير)(?: (?:كامل|كاملا|كله|بالكامل))?',
    '|(?:ال)?(?:مقال|مقاله|خبر|تقرير|نص) (?:كامل|كاملا|كله|بالكامل)',
    '|(?:el |l)?(?:ma2al|maqal|khabar) (?:kamel|kaamil|kamil|kollo|kolo))',
    '(?: (?:please|pls|plz|لو سمحت|من فضلك|thanks|شكرا))*$',
  ].join(''),
);

/**
 * Names of two words the article never has, which one-word checks miss: "the US" ("us" alone is a pronoun), Nasrallah
 * written نصر الله (نصر alone is "victory"), Abdul Mahdi (مهدي alone is the reporter's name), the month of May ("may"
 * and March alone are verbs: "in May", "mid-March"). On normalized text.
 */
const ABSENT_NAMES =
  /(?:^| )(?:the (?:us|u s|usa)|نصر الله|nasr allah|nasrallah|عبد المهدي|abdul mahdi|(?:mid|early|late|in|since) (?:may|march))(?: |$)/;

/** A question asking for names: "names", "by name", "ما اسم", "أسماء", "asami" (normalized). */
const ASKS_NAMES =
  /(?:^| )(?:names?|named|by name|ما اسم|اسما|اسمايها|اسمها|اسمهم|اسماهم|اسمايهم|اسامي|اساميهم|اساميها|شو اسم|شنو اسم|asami|asamihom|asma2|asma2hom|esm|ism|isim)(?: |$)/;

/**
 * A question asking for a year: "what year", "in which year", "أي عام", "اي سنة", "anu sana", or a full date ("the exact
 * date", "التاريخ الكامل باليوم والشهر والسنة", "day, month and year"); an exact date is not one (normalized).
 */
const ASKS_YEAR =
  /(?:^| )(?:what|which) year(?: |$)|(?:^| )(?:في )?(?:اي|اية|أي|ايه) (?:عام|سنه|العام|السنه)(?: |$)|(?:^| )(?:ayy|ay|anu|ana|eh|ayya) (?:sana|sane|sene|seneh|saneh|3am|3aam)(?: |$)|(?:^| )(?:full|complete) date(?: |$)|(?:^| )(?:التاريخ|تاريخ) (?:الكامل|كامل)(?: |$)|(?:^| )(?:and|و) (?:the )?year(?: |$)|(?:^| )(?:والسنه|والعام|وبالسنه)(?: |$)/;

/**
 * An exact date asked for: "date" and "exactly" within two words of each other ("on what exact date", "what date
 * بالضبط", "تاريخ اللقاء بالضبط"), normalized; a weekday or "mid-April" does not answer it.
 */
const EXACT_DATE = new RegExp(
  `(?:^| )(?:${EXACT_WORDS})(?: \\S+){0,2} (?:${DATE_WORDS})(?: |$)|(?:^| )(?:${DATE_WORDS})(?: \\S+){0,2} (?:${EXACT_WORDS})(?: |$)`,
);

/**
 * "in" before a country: "in Syria", "في العراق", "fi souria" (normalized; the prefix ب is read apart); and the
 * places of a country in construct state, which place it as "in" does ("أكبر مدن سوريا", "معاقل داعش").
 */
const IN_WORDS: ReadonlySet<string> = new Set(['in', 'inside', 'في', 'داخل', 'fi', 'fe', 'b', 'مدن', 'مدينه', 'معاقل']);

/** A part of a place asked for: an area, a district, a street (normalized). حي is also "alive": only next to a city. */
const PART_OF_PLACE: ReadonlySet<string> = new Set(
  'منطقه مناطق حي احياء شارع ناحيه area areas neighborhood neighbourhood district street quarter part mante2a mantiqa manti2a 7ay'.split(
    ' ',
  ),
);
/** "Where" words (normalized). */
const WHERE_WORDS: ReadonlySet<string> = new Set(['where', 'wher', 'وين', 'اين', 'فين', 'wein', 'wen', 'ween', 'fein']);
/** "Which" words before a part of a place (normalized): «انهي منطقة», «أي حي», "which district". */
const WHICH_WORDS: ReadonlySet<string> = new Set(['which', 'what', 'اي', 'انهي', 'اني', 'باي', 'ayy', 'ayya', 'anhi']);
/** Words placing something inside a place: "in", في, داخل (normalized; IN_WORDS without "city of", which names it). */
const INSIDE_WORDS: ReadonlySet<string> = new Set([...IN_WORDS].filter((w) => !['مدن', 'مدينه', 'معاقل'].includes(w)));
/** INSIDE_WORDS, and "of" («في أي حي من بغداد», "which part of Mosul") after a word for a part of a place. */
const WITHIN_WORDS: ReadonlySet<string> = new Set([...INSIDE_WORDS, 'of', 'من', 'men', 'min']);

/** The why-intent as a concept key: "reason", سبب, "motive", الدافع (ask-why in concepts.json). */
const ASK_WHY_KEY = 'c:ask-why';

/** `subject` with its people's mentions (m:) at full strength; undefined stays undefined. */
function namedInFull(subject: QueryToken[] | undefined): QueryToken[] | undefined {
  return subject?.map((t) => ({
    ...t,
    keys: t.keys.map((k) => (k.key.startsWith('m:') ? { ...k, strength: 1 } : k)),
  }));
}

/** A why-question: a why-word anywhere ("…, why?") or a word for a reason ("the reason for the strikes", سبب). */
function asksWhy(normalized: string, keys: ReadonlySet<string>): boolean {
  return WHY_QUESTION.test(normalized) || keys.has(ASK_WHY_KEY);
}

/**
 * Each pair of consecutive words of the paragraphs' Arabic text (normalized) that is not two stopwords, mapped to
 * its paragraph when only one paragraph holds it (a pair in two paragraphs identifies neither).
 */
function phraseParagraphsOf(paragraphs: readonly Paragraph[]): Map<string, number> {
  const where = new Map<string, Set<number>>();
  for (const p of paragraphs) {
    const words = normalize(p.text).split(' ');
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i] as string, words[i + 1] as string];
      if (isStopword(a) && isStopword(b)) continue;
      const pair = `${a} ${b}`;
      const set = where.get(pair) ?? new Set<number>();
      set.add(p.number);
      where.set(pair, set);
    }
  }
  const unique = new Map<string, number>();
  for (const [pair, set] of where) if (set.size === 1) unique.set(pair, [...set][0] as number);
  return unique;
}

/** At most this many shown texts are remembered by onlyNamesSomeone (the corpus has a few hundred). */
const NAMES_ONLY_MEMO = 4_096;

/**
 * "What was bombed?", "what were the targets…?", «ماذا قصف…», «شو اللي انضرب», «شو ناقشوا؟», «شو صار
 * بالاجتماع؟»: what or which asking what happened (normalized). A dialect "what" counts before a verb's shape only
 * (a plural past in وا/و, a present in ي/بي/بت, صار, حصل): «شو تنسيق؟» asks what a word means. "What is terrorism?" and «ما الإرهاب؟» ask a definition, which the article does not give.
 */
const ASKS_WHAT_HAPPENED =
  /(?:^| )(?:what|which)(?: \S+)? (?:was|were|got|did|happened)(?: |$)|(?:^| )(?:ماذا|شو اللي|ايش اللي|وش اللي|ايه اللي|شنو اللي|ما الذي|ما اللي|shu elli|eh elli)(?: |$)|(?:^| )(?:شو|ايش|وش|شنو|ايه|اش|واش) (?:\S+وا|\S+و|صار|حصل|جري|حدث|بيصير|يصير|(?:ي|بي|بت|عم )\S{3,})(?: |$)|(?:^| )(?:shu|sho|eh|esh|eish|shno|wesh|ash) (?:\S+o|\S+u|\S+w|sar|9ar|saar|7asal|sa2)(?: |$)/;

/**
 * An Arabizi word with its digit letters spelled the English way ("5amenei" → "khamenei", "7asan" → "hasan"): 5 خ kh,
 * 7 ح h, 9 ص s, 6 ط t, 8 غ gh; 3 ع and 2 ء are dropped, as English spellings of names drop them.
 */
function fromArabiziDigits(word: string): string {
  const letters: Record<string, string> = { '5': 'kh', '7': 'h', '9': 's', '6': 't', '8': 'gh', '3': '', '2': '' };
  return word.replace(/[2-9]/g, (d) => letters[d] ?? d);
}

/** "himself", "in person", بنفسه, شخصيا, "b nafso" (normalized): whether someone went in person. */
const IN_PERSON =
  /(?:^| )(?:himself|in person|personally|بنفسه|شخصيا|بشخصه|b nafso|bnafso|b nafsu|bi nafsu|b7alo|shakhsiyan)(?: |$)/;

/** "after", بعد, ba3d (normalized): a later time than the article's. */
const AFTER_WORDS = /(?:^| )(?:after|afterwards|later|بعد|بعدها|ba3d|ba3den)(?: |$)/;

/**
 * Keys of the words that attribute a passage («كما قالت وكالة الانباء السورية الرسمية»: "as … said", "official"):
 * with a name, they still only say whose words the others are.
 */
const ATTRIBUTION_WORDS: ReadonlySet<string> = new Set(['c:ask-said', 'a:كما', 'a:رسم']);

/** "According to" itself (normalized tokens): حسب, بحسب, وفقا, 7asab. */
const ACCORDING_WORDS: ReadonlySet<string> = new Set([
  'according',
  'acording',
  'accroding',
  'حسب',
  'بحسب',
  'وفقا',
  '7asab',
  'hasab',
  'b7asab',
  'bi7asab',
]);

/** A yes/no question asking what someone is: "is", "was", هل (كان), wach (normalized). */
const IS_HE = /^(?:is|are|was|were|هل|هو|wach|wesh)(?: |$)/;

/** Membership asked (normalized): "include", "member of", تضم, عضو, من ضمن. */
const MEMBERSHIP =
  /(?:^| )(?:include|includes|included|including|member|members|membership|part of|تضم|يضم|تشمل|يشمل|ضمت|عضو|اعضاء|عضوا|من ضمن|بتضم|btdom|btdomm|btshmal|(?:in|on|join|joined|joins) the (?:\S+ ){0,2}committee|(?:ال)?لجنه(?: \S+){0,2} (?:فيها|بيها))(?: |$)/;

/** A yes/no question whether something is a member or included («هل تضم اللجنة تركيا؟»), normalized. */
function asksMembership(normalized: string): boolean {
  return YES_NO.test(normalized) && MEMBERSHIP.test(normalized);
}

/** Reporting asked ("who reported", "which agency", نقل, وكالة; normalized): the attribution is the answer. */
const REPORTED =
  /(?:^| )(?:report|reported|reports|reporting|agency|source|sources|نقل|نقلت|وكاله|الوكاله|مصدر|المصدر|wikale|wekale)(?: |$)/;

/** A country's adjective opening the counted words ("syrian towns", "iraqi sites"; normalized), see `countsPlaces`. */
const COUNTRY_ADJECTIVE_FIRST = /^(?:syrian|iraqi|سوريه|عراقيه|السوريه|العراقيه) /;

/** The word after "or" in "did it succeed or fail?", «…أم فشلت؟», "walla" (normalized): an alternative offered. */
const ALTERNATIVE_OFFERED = /(?:^| )(?:ام|او|ولا|or|walla|wella|wala|willa|aw|2aw) (\S+)/g;

/**
 * "paragraph", «الفقرة», "show me a paragraph" with no number (normalized): the reply says which numbers there are,
 * as for a paragraph that does not exist.
 */
const BARE_PARAGRAPH =
  /^(?:(?:show|give|read)(?: me)? )?(?:(?:the|a|one) )?(?:paragraph|paragraphs|para|الفقره|فقره|الفقرات|فقرات|fa2ra|fa2ara|el fa2ra)$/;

/** A quote naming a speaker that is at most this much longer than the name introduces him (a title and name). */
export const INTRODUCTION_EXTRA_CHARS = 60;

/** "What did the journalist write?", «ماذا كتب الصحفي؟» (normalized): his words, not his byline. */
const ASKS_WHAT_WRITTEN =
  /(?:^| )(?:what|ماذا|شو|ايش|وش|شنو|eh|shu)(?: \S+){0,3} (?:write|wrote|written|كتب|يكتب)(?: |$)/;

/** "I need to know…", "we want to know…" (normalized): the asker's need, said of no one in the article. */
const ASKERS_NEED = /(?:^| )(?:need|needs|want|wants|have|has) to know(?: |$)/;

/** Words asking why, normalized (ماذا "what" is not one, though لماذا is). */
const WHY_QUESTION = new RegExp(
  `(?:^| )(?:${'لماذا ليش ليه علاش علاه لاش why lesh leh laysh leish laish lish leesh lech 3lach 3lash 3alash 3lah'
    .split(' ')
    .map(normalize)
    .join('|')})(?: |$)`,
);

/** A why-question's fallback to a passage giving a reason must score at least this share of the best candidate. */
const REASON_FALLBACK_SHARE = 0.85;
/** A said-question's own-words preference applies to passages scoring at least this share of the best. */
const OWN_WORDS_SHARE = 0.97;
/** How good, as a share of the best, a passage naming the places counted must be to answer instead (withPlacesIfCounted). */
const PLACES_FALLBACK_SHARE = 0.65;

/** How a passage gives a cause or a purpose, normalized and space-delimited (see withReasonIfAsked). */
const CAUSE_MARKERS: readonly string[] = [
  'ردا علي',
  'بسبب',
  'لان',
  'لانه',
  'من اجل',
  'لكي',
  'لمنع',
  'لطرد',
  'لاستعاده',
  'لتزويد',
  'في ضوء',
  'الهادفه',
  'مسووله عن',
].map((m) => ` ${normalize(m)} `);

/** Whether `text` (as the article has it) gives a cause or purpose in the article's words for one (CAUSE_MARKERS). */
function givesCause(text: string): boolean {
  const normalized = ` ${normalize(text)} `;
  return CAUSE_MARKERS.some((marker) => normalized.includes(marker));
}

/** Words asking for a name (normalized; "name of" is one token once its concept is read). */
const NAME_WORDS: ReadonlySet<string> = new Set(['name', 'name of', 'اسم', 'esm', 'esmo', 'ism', 'ismo']);

/** A token asking "who" ("who", "who is", "من هو", "منو"), normalized. */
const WHO_OPENING = /^(?:who|whom|من|مين|منو|meen|mnu|shkoun|chkoun)(?: |$)/;

/** A lone word names an entity when it matches one this well (exactly, or as a close typo: "Hsaiba"). */
const LONE_WORD_MIN_STRENGTH = 0.7;

/** A clause shown alone is grown to at least this many characters (a short clause lacks its context). */
const MIN_CLAUSE_CHARS = 60;

/**
 * Splits text into clauses at sentence and clause punctuation (. ، , ؛ ; : ? ؟ !), keeping the mark with its
 * clause. Offsets index `text`, so every clause and every run of clauses is a verbatim substring.
 */
export function splitClauses(text: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  const boundary = /[.،,؛;:?؟!]+(?=\s|$)/g;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim() !== '') out.push({ text: text.slice(start, end), start, end });
    start = end;
  }
  if (text.slice(start).trim() !== '') out.push({ text: text.slice(start), start, end: text.length });
  return out;
}

/** Autocomplete runs fuse.js only on this many typed characters or fewer (a name being typed); longer input goes to the matcher. */
const FUSE_SHORT_INPUT = 12;

/** Re-exported: adapters and the store take the limit from the answerer they feed. */
export { MAX_QUESTION_CHARS, withinQuestionLimit } from './limits.ts';

/**
 * The question without leading whitespace, invisible characters (U+200B–U+200F, U+2060, U+FEFF) and tatweel (U+0640),
 * which carry nothing: cut first, 2,000 characters of padding would hide the question behind them.
 */
function withoutLeadingPadding(question: string): string {
  return question.replace(/^[\s\u200B-\u200F\u2060\uFEFF\u0640]+/u, '');
}

/**
 * The question without combining marks (Unicode category M: Arabic harakat and shadda, any script's accents), which
 * normalization drops anyway: removed before the length cut, so 3,000 shaddas on one letter do not hide the words
 * after them. Only the first `MARKED_INPUT_CHARS` characters are read (Discord's longest message is 4,000).
 */
function withoutCombiningMarks(question: string): string {
  return question.slice(0, MARKED_INPUT_CHARS).replace(/\p{M}+/gu, '');
}

/** Characters read from a message before its combining marks are removed (bounds the cost of the removal). */
const MARKED_INPUT_CHARS = 8 * 2_000;

/** The script a question is written in: Arabic letters, Latin letters, both, or neither. */
export function detectScript(question: string): QueryScript {
  const arabic = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/.test(question);
  const latin = /[A-Za-z]/.test(question);
  if (arabic && latin) return 'mixed';
  if (arabic) return 'arabic';
  if (latin) return 'latin';
  return 'none';
}

const NO_ANSWER_MESSAGES = Object.freeze({
  empty: 'Ask me a question about the article, e.g. one of these. / اسألني سؤالاً عن المقال.',
  'other-language':
    'I read Arabic (standard or dialect), English and Arabizi: please ask in one of them. / أفهم العربية الفصحى واللهجات والإنجليزية والعربيزي: اسأل بإحداها.',
  opinion:
    'I only quote the article and give no opinion of my own; ask what someone in it said. / أنا أقتبس من المقال فقط ولا أبدي رأيًا: اسأل عمّا قاله أحد فيه.',
  'off-topic':
    'The article does not answer that: it is about Iraqi–Syrian cooperation against ISIS. / المقال لا يجيب عن هذا السؤال.',
  'not-in-article': 'The article does not say. / المقال لا يذكر ذلك.',
  'no-such-paragraph': 'The article has 14 paragraphs: ask for paragraph 1 to 14. / المقال من 14 فقرة.',
});

class CorpusAnswerer implements Answerer {
  readonly corpus: Corpus;
  private readonly index: MatchIndex;
  private readonly officeQualifiers: OfficeQualifiers;
  private readonly directionPremises: DirectionPremises;
  /** Index of the entry marked `summary` (what the article is about), if any. */
  private readonly summary: number | undefined;
  /** The first "how many" word of a normalized question (the terms of the how-many intent concept). */
  private readonly howManyMarker: RegExp;
  /** Normalized one-word terms of quantity concepts (الرباعية: four members), which count like digits. */
  private readonly quantityWords: ReadonlySet<string>;
  /** Things sent and never answered (the message), with their ends as keys (sp:abadi, c:syria…). */
  private readonly unanswered: ReadonlyArray<{ key: string; from: string[]; to: string[] }>;
  /** Facts tied to places (control, strongholds), with the places, as concept keys. */
  private readonly placedAt: ReadonlyMap<string, ReadonlySet<string>>;
  /** Places within a country (cities, towns, the capital), as concept keys. */
  private readonly cityKeys: ReadonlySet<string>;
  /** The places' own spellings (normalized), to tell «بدمشق» (in Damascus) from بغداد, whose ب is its own. */
  private readonly cityTerms: ReadonlySet<string>;
  /** Who can act: groups (`agent`), countries and speakers' mentions, as keys. */
  private readonly agentKeys: ReadonlyArray<{ key: string }>;
  private readonly agentKeySet: ReadonlySet<string>;
  /** Events the article never dates, as concept keys. */
  private readonly undatedKeys: ReadonlySet<string>;
  /** Groups the article never names one of (militias), as concept keys. */
  private readonly unnamedKeys: ReadonlySet<string>;
  /** Ranks ("second"): as concept keys, and as normalized words of a passage. */
  private readonly ordinalKeys: ReadonlySet<string>;
  private readonly ordinalWords: ReadonlySet<string>;
  /** Normalized one-word terms of concepts that answer "when" (الخميس, فبراير, 2011). */
  private readonly timeWords: ReadonlySet<string>;
  /** Concepts that answer "when" (Thursday, February, 2014, اليوم), as keys. */
  private readonly timeKeys: ReadonlySet<string>;
  /** Keys of the concepts that answer "where" (Damascus, Mosul, al-Bukamal…). */
  private readonly placeKeys: ReadonlySet<string>;
  private readonly speakers: Map<string, Speaker>;
  private popularOrderBuilt: readonly QaEntry[] | undefined;
  private readonly entryIds: Map<string, number>;
  private readonly speakerNames: Array<{ key: string; speaker: Speaker }>;
  /**
   * Out-of-scope words by stem, so inflected forms (الزيارة, زيارته) count too, minus stems the article itself
   * uses (قتلى "the dead" shares its stem with قتل "to kill", which the article has).
   */
  private readonly outOfScopeStems: ReadonlySet<string>;

  private readonly abstainBelow: number;
  private readonly silentConcepts: ReadonlySet<string>;
  /** For each paragraph (index = number - 1): does it give a cause or purpose (see withReasonIfAsked)? */
  private readonly givesReason: readonly boolean[];
  /** For each paragraph (index = number - 1): the keys of the words it negates ("لم نشعر", "did not feel"). */
  private readonly negatedKeys: ReadonlyArray<ReadonlySet<FeatureKey>>;
  /** Two words in a row of the article's Arabic text (normalized, not both stopwords) → the one paragraph holding them. */
  private readonly phraseParagraphs: ReadonlyMap<string, number>;
  /** onlyNamesSomeone's answers by shown text (the corpus's passages and clauses). */
  private readonly namesOnly = new Map<string, boolean>();
  /** Every country concept, and every place with the country it lies in, as keys. */
  private readonly countryKeys: ReadonlySet<string>;
  /** Declines `ask` may retry on a long message's last question: a weak match, or a word out of scope. */
  private readonly retryableDeclines = new WeakSet<NoAnswer>();

  private readonly foreignNames: ForeignNames;
  /** Concepts of titles and offices ("president", "envoy", "minister"), countries left out, as keys. */
  private readonly titleKeys: ReadonlySet<string>;
  private readonly placeCountries: ReadonlyArray<{ key: string; country: string }>;
  /** The reporter's speaker id (the byline's name), if any. */
  private readonly reporterId: string | undefined;
  /** Countries the article names but never quotes (Iran, Russia). */
  private readonly silentCountries: ReadonlySet<string>;
  /** Keys that name something the article is about: speakers, entity concepts. */
  private readonly entityKeys: ReadonlySet<string>;
  /** The ranks the article gives, as numbers (its `ordinal` concepts' terms: "second" → 2). */
  private readonly ranksGiven: ReadonlySet<number>;
  /** The article's weekdays and months (time concepts with an English weekday or month among their terms). */
  private readonly weekdayKeys: ReadonlyArray<{ key: string }>;
  private readonly monthKeys: ReadonlyArray<{ key: string }>;
  /** Every curated question, normalized → the entry it belongs to (the first, if curators repeated one). */
  private readonly curatedQuestions: ReadonlyMap<string, number>;
  /** Every curated question with its entry and normalized key, in file order (for autocomplete). */
  private readonly questionList: ReadonlyArray<{ entryId: string; question: string; key: string }>;
  /** fuse.js over representative curated questions (a few per entry): short strings, where bitap shines. */
  private readonly questionFuse: Fuse<{ entryId: string; question: string; key: string }>;
  /** Every normalized word of the curated questions, the article and the lexicon, for completing a typed word. */
  private readonly vocabulary: ReadonlySet<string>;
  private readonly sortedVocabulary: readonly string[];

  constructor(corpus: Corpus, options: AnswererOptions) {
    this.abstainBelow = options.abstainBelow ?? DECISION.abstainBelow;
    this.silentConcepts = new Set(corpus.concepts.filter((c) => c.silent).map((c) => `c:${c.id}`));
    this.givesReason = corpus.paragraphs.map((p) => givesCause(p.text));
    this.reporterId = corpus.speakers.find((sp) => sp.nameAr === corpus.byline)?.id;
    this.countryKeys = new Set(corpus.concepts.filter((c) => c.country).map((c) => `c:${c.id}`));
    this.titleKeys = new Set([
      ...corpus.speakers
        .flatMap((sp) => (sp.roles ?? []).flat())
        .map((id) => `c:${id}`)
        .filter((k) => !this.countryKeys.has(k)),
      ...corpus.concepts.filter((c) => c.office).map((c) => `c:${c.id}`),
    ]);
    this.placeCountries = corpus.concepts.flatMap((c) => (c.in ? [{ key: `c:${c.id}`, country: `c:${c.in}` }] : []));
    this.silentCountries = new Set(corpus.concepts.filter((c) => c.silent && c.country).map((c) => `c:${c.id}`));
    this.entityKeys = new Set([
      ...corpus.concepts.filter((c) => c.entity || c.answers).map((c) => `c:${c.id}`),
      ...corpus.speakers.flatMap((s) => [`sp:${s.id}`, `m:${s.id}`]),
    ]);
    this.questionList = corpus.entries.flatMap((e) =>
      Object.values(e.questions)
        .flat()
        .map((question) => ({ entryId: e.id, question, key: normalize(question) })),
    );
    const entryIndex = new Map(corpus.entries.map((e, i) => [e.id, i]));
    this.vocabulary = new Set(
      [
        ...this.questionList.map((q) => q.key),
        normalize(corpus.text),
        ...corpus.concepts.flatMap((c) => c.terms.map(normalize)),
        ...corpus.speakers.flatMap((sp) => sp.variants.map(normalize)),
      ].flatMap((t) => t.split(' ')),
    );
    this.sortedVocabulary = [...this.vocabulary].sort();
    const curated = new Map<string, number>();
    for (const q of [...this.questionList].reverse()) curated.set(q.key, entryIndex.get(q.entryId) ?? 0);
    this.curatedQuestions = curated;
    const representative = corpus.entries.flatMap((e) =>
      Object.values(e.questions).flatMap((list) =>
        (list ?? []).slice(0, 1).map((question) => ({ entryId: e.id, question, key: normalize(question) })),
      ),
    );
    this.questionFuse = new Fuse(representative, {
      keys: ['key'],
      ignoreLocation: true,
      threshold: 0.3,
      includeScore: true,
    });
    this.corpus = corpus;
    this.index = new MatchIndex(corpus);
    this.foreignNames = new ForeignNames(corpus.speakers, this.index.featurizer, this.countryKeys, (word) =>
      this.vocabulary.has(word),
    );
    this.officeQualifiers = new OfficeQualifiers(corpus);
    this.directionPremises = new DirectionPremises(corpus, this.index.featurizer);
    const summary = corpus.entries.findIndex((e) => e.summary);
    this.summary = summary >= 0 ? summary : undefined;
    this.howManyMarker = markerOf(corpus.concepts.filter((c) => c.asks === 'how-many').flatMap((c) => c.terms));
    this.timeWords = oneWordTerms(corpus, 'when');
    this.timeKeys = this.index.featurizer.timeKeys;
    this.negatedKeys = corpus.paragraphs.map((p) =>
      this.keysNegatedIn(`${p.text} ${p.translation}`, ARTICLE_NEGATIONS, () => 1),
    );
    this.phraseParagraphs = phraseParagraphsOf(corpus.paragraphs);
    this.placeKeys = new Set(corpus.concepts.filter((c) => c.answers === 'where').map((c) => `c:${c.id}`));
    this.quantityWords = oneWordTerms(corpus, 'how-many');
    const keyOfEnd = (id: string) => (corpus.speakers.some((sp) => sp.id === id) ? `sp:${id}` : `c:${id}`);
    this.unanswered = corpus.concepts.flatMap((c) =>
      c.unanswered && c.direction
        ? [{ key: `c:${c.id}`, from: c.direction.from.map(keyOfEnd), to: c.direction.to.map(keyOfEnd) }]
        : [],
    );
    this.placedAt = new Map(
      corpus.concepts.flatMap((c) => (c.placed ? [[`c:${c.id}`, new Set(c.placed.map((id) => `c:${id}`))]] : [])),
    );
    this.cityKeys = new Set(this.placeCountries.map(({ key }) => key));
    this.cityTerms = new Set(corpus.concepts.filter((c) => c.in !== undefined).flatMap((c) => c.terms.map(normalize)));
    this.agentKeys = [
      ...corpus.concepts.filter((c) => c.agent || c.country).map((c) => ({ key: `c:${c.id}` })),
      ...corpus.speakers.map((s) => ({ key: `m:${s.id}` })),
    ];
    this.agentKeySet = new Set(this.agentKeys.map(({ key }) => key));
    this.undatedKeys = new Set(corpus.concepts.filter((c) => c.undated).map((c) => `c:${c.id}`));
    const timeConcepts = (names: RegExp) =>
      corpus.concepts
        .filter((c) => c.answers === 'when' && c.terms.some((t) => names.test(t)))
        .map((c) => ({ key: `c:${c.id}` }));
    this.weekdayKeys = timeConcepts(WEEKDAYS);
    this.monthKeys = timeConcepts(MONTHS);
    this.ranksGiven = new Set(
      corpus.concepts
        .filter((c) => c.ordinal)
        .flatMap((c) => c.terms.map((t) => ordinalValue(normalize(t))))
        .filter((v): v is number => v !== undefined),
    );
    this.unnamedKeys = new Set(corpus.concepts.filter((c) => c.unnamed).map((c) => `c:${c.id}`));
    const ordinals = corpus.concepts.filter((c) => c.ordinal);
    this.ordinalKeys = new Set(ordinals.map((c) => `c:${c.id}`));
    this.ordinalWords = new Set(ordinals.flatMap((c) => c.terms.map(normalize)));
    this.speakers = new Map(corpus.speakers.map((s) => [s.id, s]));
    this.entryIds = new Map(corpus.entries.map((e, i) => [e.id, i]));
    this.speakerNames = corpus.speakers
      .flatMap((speaker) =>
        [speaker.id, speaker.nameAr, speaker.nameEn, ...speaker.variants].map((v) => ({ key: normalize(v), speaker })),
      )
      .filter((n) => n.key !== '');
    const articleStems = new Set(
      [corpus.text, ...corpus.paragraphs.map((p) => p.translation), ...corpus.entries.map((e) => e.translation)]
        .flatMap((t) => tokenize(normalize(t)))
        .map(stemKey),
    );
    // A stem of three letters or fewer is too short to stand for its word: بوتين (Putin) stems to بوت, and "يا بوت"
    // ("hey bot") is no question about Putin.
    this.outOfScopeStems = new Set(
      [...OUT_OF_SCOPE_WORDS]
        .map(stemKey)
        .filter((k) => !articleStems.has(k) && !(k.startsWith('a:') && k.length <= 5)),
    );
  }

  ask(question: string): Reply {
    const reply = this.askOnce(question);
    if (reply.kind === 'answer' || !this.retryableDeclines.has(reply)) return reply;
    // "ok so I was reading about the Mosul offensive … anyway, does the article say the Iraqi army is winning?": a
    // long message whose few topic words matched weakly may hold its question in its last sentence or clause.
    const last = typeof question === 'string' ? lastQuestionPart(question) : undefined;
    if (last === undefined) return reply;
    const retry = this.askOnce(last);
    return retry.kind === 'answer' ? retry : reply;
  }

  private askOnce(question: string): Reply {
    const text =
      typeof question === 'string'
        ? withoutAsides(stripChatNoise(withinQuestionLimit(withoutCombiningMarks(withoutLeadingPadding(question)))))
        : '';
    const script = detectScript(text);
    const normalized = normalize(text);
    if (isUnsupportedLanguage(text)) return this.noAnswer('other-language', script);
    if (ASKS_OPINION.test(normalized) || ASKS_LEANING.test(normalized)) return this.noAnswer('opinion', script);
    // "are you a bot or a real person?": about the bot, whose words ("real") only look like the article's.
    if (ASKS_ABOUT_BOT.test(normalized)) return this.noAnswer('off-topic', script);
    // "What countries does the article name?": a list over the whole article, which no one passage gives (the
    // author's name, matched on "name", least of all).
    if (ASKS_WHAT_ARTICLE_NAMES.test(normalized)) return this.noAnswer('not-in-article', script);
    if (normalized === '') return this.noAnswer('empty', script);
    const asked = WHOLE_ARTICLE.test(normalized)
      ? this.corpus.paragraphs.map((p) => p.number)
      : this.paragraphAsked(text);
    if (asked !== undefined) return this.paragraphAnswer(asked, script);
    if (BARE_PARAGRAPH.test(normalized)) return this.noAnswer('no-such-paragraph', script);
    const result = this.index.match(normalized);
    const curated = this.curatedQuestions.get(normalized);
    if (curated !== undefined) return this.curatedAnswer(curated, result.candidates, result.tokens, script);
    // "Everything al-Mekdad said", "كل ما قاله المقداد": all his passages, as a listing.
    const everyone = this.asksEverythingSaid(normalized, result.tokens, result.keys)
      ? this.namedSayer(result.tokens, normalized)
      : undefined;
    if (everyone !== undefined) {
      return this.paragraphAnswer(
        this.quotesBy(everyone).map((a) => a.paragraph),
        script,
      );
    }
    // "Does Russia have a role in the coordination?": only passages naming Russia can say (see namesAll).
    const countries = result.tokens.filter((t) => t.keys.some((k) => this.silentCountries.has(k.key)));
    const named =
      countries.length === 0 ? result.candidates : result.candidates.filter((c) => this.namesAll(countries, c));
    const candidates = this.withQuotedPhraseFirst(normalized, result.keys, named);
    const first = candidates[0];
    const aboutArticle = ARTICLE_WORDS.test(normalized);
    const corrected = this.officeCorrected(normalized, result.tokens, candidates);
    if (corrected !== undefined) return this.answerWith(corrected, candidates, result, script);
    // "When was the article published?": the article gives no date of its own ("today" in its first line).
    if (aboutArticle && (asksArticleDate(result.tokens) || ARTICLE_TITLE.test(normalized))) {
      return this.noAnswer('not-in-article', script);
    }
    if (
      this.summary !== undefined &&
      !ABSENT_NAMES.test(normalized) &&
      this.asksWhatArticleIsAbout(result.tokens) &&
      (aboutArticle || ASKS_TOPIC.test(normalized) || result.tokens.some((t) => SUMMARY_WORDS.has(t.token)))
    ) {
      return this.answerFor(
        { target: { type: 'entry', index: this.summary }, score: 1, coverage: 1 },
        DECISION.lowConfidenceBelow + 0.2,
        script,
        result.tokens,
      );
    }
    // "How long did the meeting last?": the article gives no durations ("how long have they fought?" is since when).
    if (asksDuration(normalized, result.tokens)) return this.noAnswer('not-in-article', script);
    // "…reading this on my phone at lunch… who sat down with Assad?": a word out of scope in a long message's chatter;
    // the retry on its last question decides (see `ask`).
    if (this.asksOutOfScope(result.tokens, result.keys, normalized)) {
      return this.retryableDecline('not-in-article', script);
    }
    if (
      // "What did the US say?", "ماذا قال نصر الله؟": two-word names of people and countries not in the article.
      (ABSENT_NAMES.test(normalized) && !asksMembership(normalized)) ||
      // "What did Haider al-Assad say?", "Hafez al-Assad": one speaker's given name with another's family name.
      this.foreignNames.mixes(normalized) ||
      // "ماذا قال رئيس الوزراء الأسد؟": a title the article gives someone else.
      this.foreignNames.mistitles(normalized) ||
      // "Did Assad thank Abadi?": "thank" is politeness to the bot ("thank you"), but thanks between people are not told.
      this.thanksSomeone(normalized) ||
      // "What did Assad not say?": what someone did not say is not in any quote.
      NOT_SAID.test(normalized) ||
      // "What does takfiri mean?": the article explains no word.
      (ASKS_MEANING.test(normalized) && !/\d/.test(normalized)) ||
      // "Who is stronger, Iraq or Syria?": the article weighs no one's strength.
      ASKS_STRONGER.test(normalized) ||
      (WHY_NOT.test(normalized) && !this.statesNegationAsked(first, normalized)) ||
      this.repliesToUnanswered(result.keys) ||
      // "What does the article say about Iran?" asks the article, not Iran (which the article never quotes).
      (!aboutArticle && this.asksSilentEntity(result.tokens, normalized)) ||
      this.asksOfficeHolder(result.tokens) ||
      // "the name of the interior minister al-Taei advises": a named adviser's office-holder is still unnamed.
      this.asksNameOfOffice(result.tokens) ||
      // "Why did Assad send a message to Abadi?": the message went the other way.
      // "Did the Iraqi planes bomb Raqqa?" is corrected by the places struck (see withPlacesIfCorrected); "why did
      // they bomb Raqqa?" builds on the wrong place.
      this.reversedBeyondCorrection(normalized) ||
      // "When did al-Mekdad meet al-Abadi?": two people the article never brings together.
      (!this.asksInPerson(normalized, result.keys) && this.directionPremises.pairsStrangers(normalized)) ||
      // "Who controls the border?": ISIS's control is told of Mosul and Raqqa only.
      this.placesFactElsewhere(result.tokens, result.keys) ||
      // "Who chairs the four-party committee?": the article names no group's head.
      this.asksHeadOfGroup(normalized, result.tokens) ||
      // "Who did al-Taei speak to?": only those at the meeting spoke to someone the article names.
      this.asksWhoWasSpokenTo(normalized, result.keys) ||
      // "What is the third largest city in Iraq?": the article gives one rank (second).
      this.asksOtherRank(normalized) ||
      // "What time did the meeting start?": the article gives no time of day.
      ASKS_CLOCK.test(normalized) ||
      // "drop table": no question word, and every word only looks like one of the article's (a skeleton, a loose
      // spelling); a typo in a question ("where was the meetign", "…wala la?") keeps its question word or tag.
      (!YES_NO.test(normalized) && this.onlyLookalikes(result.tokens)) ||
      // "How did ISIS respond to the strikes?", «وش رد داعش على الضربات؟»: those the article never quotes never react.
      this.reactionOfSilent(normalized) ||
      // "How long did the meeting last?", «الاجتماع طول قديش؟», "how many attended?": the article counts nothing of
      // the meeting and gives it no duration.
      (result.keys.has(MEETING) && (result.keys.has(INTENT.howMany) || result.keys.has(INTENT.howLong))) ||
      // "What kind of planes did Iraq use?": the article names no type of aircraft or weapon.
      ASKS_ARMS_TYPE.test(normalized) ||
      // "Does Assad like Abadi?": what one person feels for another is never told.
      ((LIKES.test(normalized) || OPINION_OF_WORDS.test(normalized)) && namedSpeakers(result.keys).size >= 2) ||
      // "Who else attended the meeting?", "من حضر غير الأسد والفياض؟": the article names no one else there ("what
      // else did Assad say at the meeting?" asks for no one).
      (result.keys.has(INTENT.who) &&
        ANYONE_ELSE.test(normalized) &&
        (ATTENDED.test(normalized) || this.directionPremises.asksMeeting(normalized))) ||
      this.meetsUnnamedOfficeHolder(result.keys, normalized) ||
      // "When did Abadi fly to Damascus?": his envoy went ("did he go himself?" is corrected: see `asksInPerson`).
      (!this.asksInPerson(normalized, result.keys) &&
        this.directionPremises.movesStayer(
          normalized,
          result.keys.has(INTENT.when) || CLOSING_WHEN.test(normalized) || asksWhy(normalized, result.keys),
        )) ||
      // "Was al-Mekdad at the meeting?": al-Fayyadh met al-Assad, nobody else.
      this.directionPremises.placesAtMeeting(normalized) ||
      this.officeQualifiers.declines(
        normalized,
        result.tokens.some((t) => t.keys.some((k) => k.key.startsWith('sp:'))),
      )
    ) {
      return this.noAnswer('not-in-article', script);
    }
    if (result.tokens.every((t) => t.keys.some((k) => k.key.startsWith('c:ask-')))) {
      return this.noAnswer('empty', script); // greetings, thanks, bare question words: nothing to look for
    }
    if (!first || this.tooVague(result.tokens, normalized)) {
      // "How many paragraphs does the article have?": about the article, which does not say.
      return this.noAnswer(aboutArticle ? 'not-in-article' : 'off-topic', script);
    }
    // "What did al-Mekdad say about Mosul?": when the best passage does not mention the subject, another passage of
    // the same speaker may ("Mosul" is in his paragraph 11, not in his main statement).
    // "What did al-Assad say about al-Abadi?": the speaker is the one named before "about", whoever else is named.
    // "Did al-Fayyadh say Iraq could cross the border?": the one speaker a said-question names is the one asked about.
    // "What does the article say about … the Assad regime?": the article is the sayer; a name after "about" is not.
    const articleSays = aboutArticle && ARTICLE_WORDS.test(normalized.slice(0, ABOUT_MARKER.exec(normalized)?.index));
    const speaker =
      (articleSays ? undefined : this.accordingTo(result.tokens, normalized)) ??
      this.speakerBeforeAbout(normalized, result.tokens) ??
      (articleSays ? undefined : this.namedSayer(result.tokens, normalized)) ??
      this.index.speakerOf(first.target);
    // "What did the reporter say?" is not answered by his name alone (the byline entry answers "who wrote it?").
    // "…according to the writer": the writer's words, not his byline, are what he says.
    const asksSaid =
      ASKS_WHAT_WRITTEN.test(normalized) ||
      result.tokens.some((t) => t.keys.some((k) => k.key === INTENT.said || k.key === INTENT.according));
    const subject = this.saidSubject(normalized, result.tokens);
    // "Who is the deputy minister who spoke?" asks for the name a title-only passage gives.
    const asksWho = result.keys.has(INTENT.who) || result.keys.has(INTENT.role);
    // "Who attended the meeting?": those who met, not the agency that reported it («كما قالت وكالة الانباء…»).
    const attendance = asksWho && result.keys.has(MEETING) && !REPORTED.test(normalized);
    const offTopic = (c: Candidate) =>
      (asksSaid && (this.textOf(c).trim() === this.corpus.byline || (!asksWho && this.onlyNamesSomeone(c)))) ||
      (attendance && this.attributesOnly(c)) ||
      // "Which agency reported on the Assad-Fayyadh talks?": who told of it is asked, and the whole passage tells of
      // it, not only the attribution clause; the people it is about are there in full (not as the weak mention a
      // name is when it may be the sayer).
      (this.quotesSpeakerOffTopic(subject, c, this.paragraphOf(c)) &&
        !(asksWho && !this.quotesSpeakerOffTopic(namedInFull(subject), this.wholeParagraph(c), this.paragraphOf(c))));
    // "What did Syria say?", "ماذا قالت دمشق؟": a country (or its capital) as the sayer is its side's speakers.
    const side = aboutArticle ? undefined : this.countryAsSayer(result.tokens, result.keys);
    // "What was said to Assad?": the one spoken to is not the speaker asked for, whoever the best passage's is.
    const spokenTo = this.directionPremises.addressee(normalized);
    const speaks = (c: Candidate) => {
      const id = this.index.speakerOf(c.target);
      // "Did Baghdad say anything about the message?": the reporter tells what Baghdad did with it (ignored it);
      // "what did Baghdad say?" alone asks for Iraq's speakers.
      if (side !== undefined) {
        return (
          this.speakers.get(id)?.country === side.country ||
          (id === this.reporterId && this.tellsWhatSideDid(c, side.key, result.tokens))
        );
      }
      return spokenTo !== undefined && speaker === spokenTo ? id !== spokenTo : id === speaker;
    };
    const best = speaks(first) && !offTopic(first) ? first : candidates.find((c) => speaks(c) && !offTopic(c));
    const quoted = asksSaid && best ? this.ownWordsIfTied(best, candidates) : best;
    const reasoned = quoted && this.withReasonIfAsked(normalized, result.keys, result.tokens, quoted, candidates);
    const placesCounted = this.withPlacesIfCounted(normalized, reasoned, candidates);
    const counted = this.withPlacesIfCorrected(normalized, placesCounted, candidates);
    const dated = this.withDateIfCorrected(normalized, counted, candidates);
    const chosen = this.withOccasionIfAsked(
      result.keys,
      this.withMeetingPlaceIfAsked(
        normalized,
        result.keys,
        this.withPlaceIfWhere(result.keys, dated, candidates),
        candidates,
      ),
      candidates,
    );
    // "Did al-Fayyadh say the enemy is common?": the words are al-Assad's. A yes/no question gets them, with the
    // speaker it named shown as not the one who said them; "why did al-Fayyadh say…?" builds on a false premise.
    const sayer = chosen ? this.index.speakerOf(chosen.target) : this.namedSayer(result.tokens, normalized);
    const othersWords =
      sayer === undefined ? undefined : this.someoneElsesWords(result.tokens, normalized, subject, sayer, candidates);
    // A claim has two words or more ("the enemy is common"); one ("did al-Fayyadh criticize Iran?") is a topic.
    const claim = (subject?.length ?? 0) >= 2 && ASKS_IF_SAID.test(normalized) && !ASKS_IF_MENTIONED.test(normalized);
    // The words are shown as another's only when they are: not the reporter's background ("did Abadi say Iranian
    // militias fight in Syria?" is declined), and not words naming the one asked about (his own title in paragraph 2).
    if (othersWords !== undefined && !(claim && this.isCorrection(othersWords, sayer))) {
      return this.noAnswer('not-in-article', script);
    }
    const top = othersWords ?? chosen;
    if (
      !top ||
      this.countsSomethingElse(normalized, result.tokens, top) ||
      this.datesSomethingElse(result.tokens, top) ||
      this.datesWhatHasNotHappened(normalized, result, top) ||
      (!YES_NO.test(normalized) && this.placesElsewhere(normalized, result.keys, top)) ||
      (!YES_NO.test(normalized) && this.placeOfAnotherCountry(result.tokens)) ||
      this.answersOtherPlace(normalized, result.keys) ||
      this.asksWithinCity(normalized, result.keys) ||
      this.namesTheUnnamed(normalized, result.keys) ||
      this.datesTheUndated(result.tokens, normalized) ||
      // "When is the reporter?" (a bare "when?" after "who is he?"): a person alone has no date.
      datesPersonAlone(result.tokens, normalized) ||
      this.asksAfterTheArticle(normalized, result.keys) ||
      this.namesNoAgent(result.tokens, top) ||
      this.introducesSomethingElse(result.tokens, top) ||
      this.dateNotGiven(normalized, top, result.keys) ||
      this.saidElsewhere(result.tokens, normalized) ||
      this.datesAnotherDay(normalized, top) ||
      this.placesSpeakingNowhere(result.keys, normalized) ||
      (othersWords === undefined && this.leavesOutPerson(normalized, result.tokens, top))
    )
      return this.noAnswer('not-in-article', script);
    const askedSpeaker = othersWords === undefined ? undefined : sayer;
    // A correction chosen over a better match of the wrong premise ("did the planes bomb Raqqa?") is as sure as an
    // answer shown, as the words of someone other than the one named are.
    const corrects = top === counted && counted !== placesCounted;
    return this.answerWith(top, candidates, result, script, askedSpeaker, corrects);
  }

  /**
   * "Who said العصابات الإرهابية in the article?", "من قال «مواقع الإرهاب الداعشي»؟": a who-said question that copies
   * the article's words is answered from the one paragraph holding them, whatever else its words match better
   * ("الجماعات الإرهابية" in the curated phrasings of al-Abadi's "takfiri organizations"). The words count as copied
   * when two in a row (not both stopwords) occur, normalized, in one paragraph only (see `phraseParagraphs`), and
   * make up at least half of the question's words that are not stopwords.
   */
  private withQuotedPhraseFirst(normalized: string, keys: ReadonlySet<string>, candidates: Candidate[]): Candidate[] {
    if (!keys.has(INTENT.who) || !keys.has(INTENT.said)) return candidates;
    const words = normalized.split(' ');
    const found = new Set<number>();
    const copied = new Set<number>();
    for (let i = 0; i + 1 < words.length; i++) {
      const paragraph = this.phraseParagraphs.get(`${words[i]} ${words[i + 1]}`);
      if (paragraph === undefined) continue;
      found.add(paragraph);
      copied.add(i).add(i + 1);
    }
    // The copied words must be most of what is asked: "who said the Syrians felt no foreign army when the Iraqi
    // planes (الطائرات العراقية, paragraph 8's words) struck Albukamal?" is about paragraph 11.
    const content = words.filter((w) => !isStopword(w)).length;
    if (found.size !== 1 || copied.size * 2 < content) return candidates;
    const [paragraph] = found as Set<number> & [number];
    const best = candidates.find((c) => this.paragraphOf(c) === paragraph);
    if (best === undefined || best === candidates[0]) return candidates;
    return [best, ...candidates.filter((c) => c !== best)];
  }

  /**
   * The shown words are only a name or a title («أسامة مهدي», «رئيس الوزراء حيدر العبادي»): no one's words, so no
   * answer to what someone said (they answer "who is he?").
   */
  /**
   * "Is al-Fayyadh the Iraqi foreign minister?", "was al-Mekdad the envoy?": an is-question giving the one speaker it
   * names an office another speaker holds, or an office of a country whose holder the article never names. The
   * introduction of the office's holder («مبعوثه مستشار الأمن الوطني فالح الفياض»), or of the one named, corrects it.
   */
  private officeCorrected(
    normalized: string,
    tokens: readonly QueryToken[],
    candidates: readonly Candidate[],
  ): Candidate | undefined {
    // Only "is he …?": "did the Syrian prime minister Abadi say anything?" asks what he said, under a wrong title.
    if (!IS_HE.test(normalized) || tokens.some((t) => t.keys.some((k) => k.key === INTENT.said))) return undefined;
    // Speakers named by name; an office the matcher read as its holder is a token of its own ("sp:fayyadh").
    const byName = new Set(
      tokens
        .filter((t) => !t.token.startsWith('sp:'))
        .flatMap((t) => t.keys.filter((k) => k.key.startsWith('sp:') && k.strength >= 1).map((k) => k.key.slice(3))),
    );
    if (byName.size !== 1) return undefined;
    // "Is Fayyadh meeting the Iraqi foreign minister?" asks something else of him than what he is.
    const describesOnly = tokens.every((t) =>
      t.keys.some(
        (k) =>
          k.key.startsWith('sp:') ||
          k.key.startsWith('c:ask-') ||
          this.titleKeys.has(k.key) ||
          this.countryKeys.has(k.key),
      ),
    );
    if (!describesOnly) return undefined;
    const [asked] = byName as Set<string> & [string];
    // "Was al-Mekdad the envoy?": an office another speaker holds; the introduction of its holder corrects it.
    const holder = tokens.map((t) => t.token).find((t) => t.startsWith('sp:') && t !== `sp:${asked}`);
    const shown = holder?.slice(3) ?? (this.officeQualifiers.contradicts(normalized) ? asked : undefined);
    const speaker = shown === undefined ? undefined : this.speakers.get(shown);
    if (speaker === undefined) return undefined;
    return candidates.find((c) => this.onlyNamesSomeone(c) && this.textOf(c).includes(speaker.nameAr));
  }

  /** Whether a candidate's text only attributes a passage («كما قالت وكالة الانباء السورية الرسمية»). */
  private attributesOnly(c: Candidate): boolean {
    return this.onlyNamesSomeone(c) && this.index.mentions(this.textOf(c), [{ key: INTENT.said }]);
  }

  /**
   * Whether a candidate's text only names someone: names, titles, countries and the words attributing a passage
   * («رئيس الوزراء حيدر العبادي», «كما قالت وكالة الانباء السورية الرسمية»), no one's words. Memoized per text.
   */
  private onlyNamesSomeone(c: Candidate): boolean {
    const text = this.textOf(c);
    const known = this.namesOnly.get(text);
    if (known !== undefined) return known;
    const features = this.index.featurizer.features(normalize(text));
    const names =
      features.length > 0 &&
      features.every(
        (f) =>
          /^(?:sp|m):/.test(f.exact) ||
          this.titleKeys.has(f.exact) ||
          this.countryKeys.has(f.exact) ||
          ATTRIBUTION_WORDS.has(f.exact),
      );
    // The texts are the corpus's own passages and clauses: a few hundred at most.
    if (this.namesOnly.size < NAMES_ONLY_MEMO) this.namesOnly.set(text, names);
    return names;
  }

  /**
   * Keys of the words `text` negates: those within `reach` words after a negation of `negations`. A "not only"
   * (لن تدافع … فقط, "not only from the inside") negates nothing said: al-Taei says Iraq will do more.
   */
  private keysNegatedIn(
    text: string,
    negations: ReadonlySet<string>,
    reach: (word: string) => number,
  ): Set<FeatureKey> {
    const words = normalize(text).split(' ');
    const keys = new Set<FeatureKey>();
    words.forEach((word, i) => {
      if (!negations.has(word)) return;
      const scope = words.slice(i + 1, i + 1 + NOT_ONLY_REACH);
      if (scope.some((w) => ONLY_WORDS.has(w))) return;
      for (const next of scope.slice(0, reach(word))) {
        for (const f of this.index.featurizer.features(next)) keys.add(f.exact);
      }
    });
    return keys;
  }

  /**
   * "Why didn't the Syrians feel they faced a foreign army?": a why-not question is declined (the article gives no
   * reasons for what was not done) unless the best passage itself negates what the question negates, as al-Mekdad's
   * «لم نشعر» ("we did not feel") does, with its reason beside it. The question's negated word is the one after its
   * negation (English: within four words, "didn't the Syrians feel").
   */
  private statesNegationAsked(first: Candidate | undefined, normalized: string): boolean {
    if (first === undefined) return false;
    const negated = this.negatedKeys[this.paragraphOf(first) - 1];
    if (negated === undefined || negated.size === 0) return false;
    const asked = this.keysNegatedIn(normalized, QUESTION_NEGATIONS, (w) => (scriptOf(w) === 'latin' ? 4 : 1));
    return [...asked].some((k) => negated.has(k));
  }

  /**
   * The answer of `top` with its confidence against the best passage of another paragraph, and its alternatives; at
   * least the abstention threshold when it shows another's words than the one asked about (`askedSpeaker`) or
   * corrects a wrong place (`corrects`).
   */
  private answerWith(
    top: Candidate,
    candidates: Candidate[],
    result: MatchResult,
    script: QueryScript,
    askedSpeaker?: string,
    corrects = false,
  ): Reply {
    const first = candidates[0];
    const topParagraph = this.paragraphOf(top);
    // The runner-up from another paragraph; when `first` was set aside (not about the subject), it is no rival.
    const rival = candidates.find(
      (c) => this.paragraphOf(c) !== topParagraph && (top === first || (c !== first && c.score <= top.score)),
    );
    // Words far better covered by another's passage than by any of the one named (the swap's margin) are his words,
    // though the question's other words (the wrong name) match them less: at least as sure as an answer shown.
    const matched = confidenceOf(top, rival, result.knownShare);
    const confidence = askedSpeaker === undefined && !corrects ? matched : Math.max(matched, this.abstainBelow);
    if (confidence < this.abstainBelow) {
      return this.retryableDecline(result.knownShare > 0.5 ? 'not-in-article' : 'off-topic', script);
    }
    const answer = this.answerFor(top, confidence, script, result.tokens);
    answer.alternatives = this.alternativesFor(answer, top, candidates, script, result.tokens);
    if (askedSpeaker !== undefined && askedSpeaker !== answer.speaker.id) {
      answer.askedSpeaker = this.speakerBlock(askedSpeaker);
    }
    return answer;
  }

  answerEntry(entryId: string, script: QueryScript = 'arabic'): Answer | undefined {
    const index = this.entryIds.get(entryId);
    if (index === undefined) return undefined;
    const answer = this.answerFor({ target: { type: 'entry', index }, score: 1, coverage: 1 }, 1, script);
    return answer;
  }

  suggest(partial: string, limit: number): Suggestion[] {
    const max = Math.max(0, Math.min(limit, 25));
    const typed = typeof partial === 'string' ? stripChatNoise(partial.slice(0, MAX_QUESTION_CHARS)) : '';
    const normalized = normalize(typed);
    const script = detectScript(typed);
    if (normalized === '') return this.popular(script === 'latin' ? 'latin' : 'arabic', max);
    const out: Suggestion[] = [];
    const seen = new Set<string>();
    const add = (entryId: string, question: string): void => {
      if (out.length < max && !seen.has(entryId)) {
        seen.add(entryId);
        out.push({ entryId, question });
      }
    };
    for (const q of this.questionList) if (q.key.startsWith(normalized)) add(q.entryId, q.question);
    // A few typed letters ("Mekd", "الرق"): fuse.js over representative curated questions, typo-tolerant.
    if (normalized.length <= FUSE_SHORT_INPUT) {
      for (const { item } of this.questionFuse.search(normalized, { limit: 2 * max })) add(item.entryId, item.question);
    }
    // A longer question whose last word is half typed ("ماذا قال المقد"): complete it from the vocabulary.
    for (const c of this.index.match(this.completeLastWord(normalized)).candidates) {
      if (c.target.type === 'entry') {
        const entry = this.corpus.entries[c.target.index] as QaEntry;
        add(entry.id, this.labelFor(entry, script));
      }
    }
    return out;
  }

  /**
   * The text with its last word, when it is not a known word, extended by up to three known words that start
   * with it (binary search over the sorted vocabulary of the curated questions, the article and the lexicon).
   */
  private completeLastWord(normalized: string): string {
    const space = normalized.lastIndexOf(' ');
    const last = normalized.slice(space + 1);
    if (last.length < 2 || this.vocabulary.has(last)) return normalized;
    const words = this.sortedVocabulary;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((words[mid] as string) < last) lo = mid + 1;
      else hi = mid;
    }
    const completions: string[] = [];
    for (let i = lo; i < words.length && completions.length < 3 && (words[i] as string).startsWith(last); i++) {
      completions.push(words[i] as string);
    }
    return completions.length === 0 ? normalized : `${normalized.slice(0, space + 1)}${completions.join(' ')}`;
  }

  quotesBy(speakerId: string): Answer[] {
    const speaker = this.speakers.get(speakerId);
    if (!speaker) return [];
    return this.corpus.paragraphs
      .filter((p) => p.speakerId === speakerId)
      .map((p) => ({ p, quote: quoteOfParagraph(p) }))
      .map(({ p, quote }) => ({
        kind: 'answer' as const,
        quote,
        direct: this.isDirect(quote, p.number, p.speakerId),
        speaker: this.speakerBlock(p.speakerId),
        paragraph: p.number,
        source: 'article' as const,
        confidence: 1,
        translation: p.translation,
        translationScope: 'paragraph' as const,
        alternatives: [],
        script: 'arabic' as const,
      }));
  }

  findSpeaker(nameOrId: string): Speaker | undefined {
    const direct = this.speakers.get(nameOrId);
    if (direct) return direct;
    const key = normalize(nameOrId);
    if (key === '') return undefined;
    return this.speakerNames.find((n) => n.key === key)?.speaker;
  }

  private asksOutOfScope(tokens: QueryToken[], keys: ReadonlySet<string>, normalized: string): boolean {
    const person = tokens.some((t) => t.keys.some((k) => k.key.startsWith('sp:')));
    // "Did al-Fayyadh visit Damascus?": the envoy's trip is the one visit the article tells (read only when a word of
    // visiting is out of scope).
    const toldVisit = (word: string) =>
      isVisitWord(word) && (this.directionPremises.visitsAsTold(normalized) || this.asksInPerson(normalized, keys));
    // "Did the meeting take place on Friday?", «هل أمر العبادي بالضربات في 25 مارس؟»: a wrong day or month in a yes/no
    // question is corrected by the passage's date (see withDateIfCorrected).
    const corrected = (word: string) => YES_NO.test(normalized) && isOtherDayOrMonth(word);
    // «هل نجحت الغارة أم فشلت؟», "did it succeed or fail?": the other alternative a yes/no question offers is no
    // topic of its own; the passage answers which it was.
    const offered = YES_NO.test(normalized)
      ? new Set([...normalized.matchAll(ALTERNATIVE_OFFERED)].map((m) => m[1] ?? ''))
      : new Set<string>();
    // «هل تضم اللجنة الرباعية تركيا؟», "does the committee include the US?": the passage listing the members
    // corrects the premise.
    const members = asksMembership(normalized);
    const outOfScope = (word: string) =>
      !members && this.isOutOfScopeWord(word, person) && !toldVisit(word) && !corrected(word) && !offered.has(word);
    return (
      tokens.some((t) => t.token.split(' ').some(outOfScope)) ||
      POLITICAL_PARTY.test(normalized) ||
      POPULAR_MOBILIZATION.test(normalized) ||
      SPORTS_TEAM.test(normalized)
    );
  }

  /**
   * "Did Abadi go to Damascus himself?", «هل زار العبادي دمشق بنفسه؟»: a yes/no question whether someone went in
   * person, which the passage telling who went (his envoy) answers. Not "when" or "why" (they take the trip as
   * given), nor a trip after the message ("after", بعد), which the article never tells of.
   */
  private asksInPerson(normalized: string, keys: ReadonlySet<string>): boolean {
    return (
      YES_NO.test(normalized) &&
      IN_PERSON.test(normalized) &&
      !keys.has(INTENT.when) &&
      !CLOSING_WHEN.test(normalized) &&
      !asksWhy(normalized, keys) &&
      !AFTER_WORDS.test(normalized)
    );
  }

  /** A word the article never covers (src/core/lexicon.ts), or a personal one when a person is named. */
  private isOutOfScopeWord(word: string, person: boolean): boolean {
    return (
      OUT_OF_SCOPE_WORDS.has(word) ||
      OUT_OF_SCOPE_WORDS.has(withoutDefiniteArticle(word)) ||
      // "بين سوريا وتركيا": و "and" before a word of five letters or more (وزارة "ministry" is no و + زاره "visited him").
      (word.startsWith('و') && word.length > 5 && OUT_OF_SCOPE_WORDS.has(word.slice(1))) ||
      (person && PERSONAL_WORDS.has(word)) ||
      this.outOfScopeStem(word) ||
      (/[2-9]/.test(word) && /^[a-z0-9]+$/.test(word) && OUT_OF_SCOPE_WORDS.has(fromArabiziDigits(word)))
    );
  }

  /**
   * Whether a word's stem is out of scope in either reading (بيزور: ب + يزور "visits"). A stem read by taking و or
   * ف as "and" does not count when the letter may be the word's own: وزارة "ministry" is not و + زاره "visited him".
   */
  private outOfScopeStem(word: string): boolean {
    const alternate = alternateStem(word);
    if (alternate !== undefined && this.outOfScopeStems.has(`a:${alternate}`)) return true;
    const ownLetter = alternate !== undefined && (word.startsWith('و') || word.startsWith('ف'));
    return !ownLetter && this.outOfScopeStems.has(stemKey(word));
  }

  /**
   * "paragraph 12", "show paragraph 3", "الفقرة الثالثة" (src/core/paragraphRequest.ts): the number asked for, which
   * may be out of range. Undefined for anything else.
   */
  private paragraphAsked(text: string): number[] | undefined {
    return paragraphRequestedAbout(foldDigits(text).trim(), this.corpus.paragraphs.length);
  }

  /**
   * A question with nothing to look for: only question words ("ماذا قال؟", "what did he say"), or one lone
   * word, without any question word, that names nothing the article is about ("yes", "world", "python"). A lone
   * name, place, group, date or number ("الرقة", "605?") is a question, and so is a lone word of the article asked
   * with "what … was/were/did" ("what was bombed?", "what were the targets of the airstrikes?"; see
   * ASKS_WHAT_HAPPENED), which are no tokens.
   * Question words with only words the article never uses ("when were the pyramids built?") are vague too.
   * (A curated question typed as stored is answered before this is asked.)
   */
  private tooVague(tokens: QueryToken[], normalized: string): boolean {
    const topical = tokens.filter((t) => !t.keys.some((k) => k.key.startsWith('c:ask-')));
    if (topical.length === 0) return true;
    // "ما هو تاريخ بناء الأهرامات؟": a question word and words the article never uses, nothing else.
    if (topical.every((t) => t.keys.length === 0)) return true;
    if (topical.length > 1 || topical.length < tokens.length) return false;
    const strongConcept = (k: QueryToken['keys'][number]) =>
      k.key.startsWith('c:') && k.strength >= LONE_WORD_MIN_STRENGTH;
    if (ASKS_WHAT_HAPPENED.test(normalized) && (topical[0] as QueryToken).keys.some(strongConcept)) return false;
    const lone = topical[0] as QueryToken;
    return !lone.keys.some((k) => k.strength >= LONE_WORD_MIN_STRENGTH && this.entityKeys.has(k.key));
  }

  /**
   * "Who is the interior minister?": the question names an office that a speaker only serves (as adviser, as
   * deputy) without naming that capacity or any speaker — the article never names the office-holder.
   */
  private asksOfficeHolder(tokens: QueryToken[]): boolean {
    const keys = new Set(tokens.flatMap((t) => t.keys.map((k) => k.key)));
    return ![...keys].some((k) => k.startsWith('sp:')) && this.namesServedOfficeOnly(keys);
  }

  /** An office a speaker only serves (the interior minister al-Taei advises), named without that capacity. */
  private namesServedOfficeOnly(keys: ReadonlySet<FeatureKey>): boolean {
    return this.corpus.speakers.some(
      (s) => s.serves !== undefined && keys.has(`c:${s.serves.office}`) && !keys.has(`c:${s.serves.as}`),
    );
  }

  /**
   * "Did al-Fayyadh meet the Syrian foreign minister?", "الفياض قعد مع وزير الدفاع؟": a meeting with an office-holder
   * the article never names (an office a speaker only serves, or one nobody holds); the one meeting it tells is
   * al-Fayyadh's with al-Assad.
   */
  private meetsUnnamedOfficeHolder(keys: ReadonlySet<string>, normalized: string): boolean {
    if (!this.directionPremises.asksMeeting(normalized)) return false;
    return this.namesServedOfficeOnly(keys) || this.officeQualifiers.namesSomeUnheldOffice(normalized);
  }

  /**
   * "What is the name of the interior minister al-Taei advises?", "شنو اسم وزير الداخلية اللي الطائي مستشاره": a
   * name or "who" asked right before an office that a speaker only serves. The adviser is named; the minister is not.
   */
  private asksNameOfOffice(tokens: QueryToken[]): boolean {
    const served = this.corpus.speakers.flatMap((s) => (s.serves ? [s.serves] : []));
    const keysAt = (i: number) => new Set(tokens[i]?.keys.map((k) => k.key));
    return tokens.some((t, i) => {
      if (!NAME_WORDS.has(t.token) && !WHO_OPENING.test(t.token)) return false;
      return served.some(({ office, as }) => {
        const at = [i + 1, i + 2].find((j) => keysAt(j).has(`c:${office}`));
        // "who is the deputy foreign minister?", "the interior minister's adviser": the capacity, next to the
        // office, names the one serving.
        const capacity = (j: number) => keysAt(j).has(`c:${as}`);
        return at !== undefined && !capacity(at - 1) && !capacity(at + 1);
      });
    });
  }

  /**
   * "What is this article about?", "ما موضوع المقال؟", "3an shu el ma2al?", "Summarize the article": nothing but
   * question words and words asking for the article's subject as a whole (the caller checked the article is named).
   */
  private asksWhatArticleIsAbout(tokens: QueryToken[]): boolean {
    return tokens.every((t) => ABOUT_WHOLE.has(t.token) || t.keys.some((k) => k.key.startsWith('c:ask-')));
  }

  /**
   * Whether a question of two words or more has no question word and each of its words matched only loosely (strength under
   * LOOKALIKE_BELOW: a consonant skeleton, a fuzzy spelling): "drop table" (ضرب by its skeleton, "stable" by spelling).
   */
  private onlyLookalikes(tokens: QueryToken[]): boolean {
    // One word alone ("borderr") is taken at its closest, as a search.
    if (tokens.length < 2 || tokens.some((t) => t.keys.some((k) => k.key.startsWith('c:ask-')))) return false;
    return tokens.every((t) => t.keys.length > 0 && t.keys.every((k) => k.strength < LOOKALIKE_BELOW));
  }

  /**
   * "How did ISIS respond to the strikes?", "Daesh's reaction", «رد داعش على الضربات»: the reaction of an entity the
   * article never quotes (`silent` on concepts), named before the word of responding or right after it; "in response to
   * ISIS's bombings" names ISIS as what was responded to.
   */
  private reactionOfSilent(normalized: string): boolean {
    const words = normalized.split(' ').slice(0, MAX_SCANNED_WORDS);
    const keyAt = (i: number) => this.index.featurizer.conceptOf(words[i] ?? '');
    const reacts = words.findIndex((_, i) => keyAt(i) === RESPONSE_KEY);
    if (reacts < 0) return false;
    const silentAt = (i: number) => this.silentConcepts.has(keyAt(i) ?? '');
    return words.slice(0, reacts).some((_, i) => silentAt(i)) || silentAt(reacts + 1);
  }

  /**
   * "What did Iran say (about the Assad–Fayyadh meeting)": a said-question whose subject (its first topic word
   * that is not a question intent) is an entity the article names but never quotes.
   */
  private asksSilentEntity(tokens: QueryToken[], normalized: string): boolean {
    // "Who said the war on Daesh is one war?" asks who, not what Daesh said.
    const flat = tokens.flatMap((t) => t.keys.map((k) => k.key));
    // "ما موقف روسيا؟", "Iran's view": a stance is what someone said.
    const asksSaid = flat.includes(INTENT.said) || flat.includes(INTENT.according);
    if (!asksSaid || flat.includes(INTENT.who)) return false;
    // "How does Iran arm Assad, according to the writer?": the one it is according to is a speaker, not Iran.
    if (this.accordingTo(tokens, normalized) !== undefined) return false;
    // "Which army did al-Mekdad say felt no foreign?": the entity asked for by "which" is the answer, not the sayer.
    const askedFor = new Set([...normalized.matchAll(AFTER_WHICH)].map((m) => m[1]));
    const keys = tokens.filter((t) => !askedFor.has(t.token.split(' ')[0])).map((t) => t.keys.map((k) => k.key));
    // The subject may be two words ("الرئيس الإيراني", "Russia's government", "the Syrian army"): a country or a
    // title, then the silent one; "what did they say at the meeting about the armies?" is about them.
    const [first, second] = keys.filter((ks) => !ks.some((k) => k.startsWith('c:ask-')));
    const silent = (ks: string[] | undefined) => ks?.some((k) => this.silentConcepts.has(k)) ?? false;
    const qualifier = (ks: string[] | undefined) =>
      ks?.some((k) => this.countryKeys.has(k) || this.titleKeys.has(k)) ?? false;
    return silent(first) || (qualifier(first) && silent(second));
  }

  /**
   * The speaker right after "according to" / حسب ("according to SANA, what did Assad and Fayyadh discuss?"), as an
   * id. Not after "opinion" or "view", of the same concept: "al-Mekdad's opinion of al-Abadi" is about al-Abadi.
   */
  private accordingTo(tokens: QueryToken[], normalized: string): string | undefined {
    const at = tokens.findIndex((t) => ACCORDING_WORDS.has(t.token));
    if (at < 0) return undefined;
    const speakerOf = (t: QueryToken | undefined) => t?.keys.find((k) => k.key.startsWith('sp:'))?.key.slice(3);
    // "according to Syrian state media, what did Assad…": a title read as its holder stands apart, after the other
    // tokens (its words are gone), so a named speaker next is no source when the words before it were a title.
    const title = tokens.find((t) => t.token.startsWith('sp:'));
    const next = tokens[at + 1];
    const source = normalized.split(' ').slice(0, MAX_SCANNED_WORDS);
    const after = source.indexOf((tokens[at] as QueryToken).token);
    const sourceWords = source.slice(after + 1).filter((w) => !ACCORDING_FILLERS.has(w));
    const nextIsNamed =
      next !== undefined && sourceWords[0] !== undefined && next.token.split(' ')[0] === sourceWords[0];
    if (title !== undefined && next !== title && !nextIsNamed) return speakerOf(title);
    return speakerOf(next);
  }

  /**
   * The subject of "what did X say about Y" (a said-question naming a speaker, with عن, about, 3an …): Y's known
   * tokens, a person reduced to his mentions (m:). Undefined for any other question. Computed once per question.
   */
  private saidSubject(normalized: string, tokens: QueryToken[]): QueryToken[] | undefined {
    const keys = tokens.flatMap((t) => t.keys.map((k) => k.key));
    const asksSaid = keys.includes(INTENT.said) || (keys.includes(INTENT.according) && OPINION_OF.test(normalized));
    if (!asksSaid || !keys.some((k) => k.startsWith('sp:'))) return undefined;
    const about = ABOUT_MARKER.exec(normalized);
    if (!about)
      return this.namedSayer(tokens, normalized) === undefined ? undefined : this.whatWasSaid(tokens, normalized);
    // A person as the subject ("about al-Abadi") must be mentioned (m:) in the passage: that al-Abadi speaks in a
    // passage (sp:) does not make it a passage about him by someone else.
    const subject = this.index
      .analyse(leadingWords(normalized.slice(about.index + about[0].length), 40))
      // "what did Assad say on Thursday": a time is when, not what (see `saidElsewhere`).
      .filter((t) => !t.keys.some((k) => k.key.startsWith('c:ask-') || this.timeKeys.has(k.key)))
      .map((t) => ({ ...t, keys: t.keys.filter((k) => !k.key.startsWith('sp:')) }))
      .filter((t) => (t.keys.length > 0 || !t.known) && !SUBJECT_FILLERS.has(t.token));
    // In a short subject, a word the article never uses ("about Hezbollah", "about refugees") stays: nobody in it
    // speaks about that. A long one is rambling ("I was reading about this thing and kinda lost track…"): its known
    // words are the subject.
    // Known by a word of the article, not only by a loose spelling ("kinda lost track": track ~ طريق by its skeleton).
    const known = subject.filter((t) => t.known && t.keys.some((k) => k.strength >= 1 && !k.key.startsWith('s:')));
    const chosen = subject.length <= SHORT_SUBJECT_WORDS ? subject : known;
    return chosen.length > 0 ? chosen : undefined;
  }

  /**
   * "Where did al-Abadi make his statement?", "where did al-Taei speak?": where someone spoke, asked of a speaker the
   * article places nowhere (only al-Fayyadh and al-Assad, at their meeting in Damascus, are placed: `wasThere`).
   */
  private placesSpeakingNowhere(keys: ReadonlySet<string>, normalized: string): boolean {
    if (!keys.has(INTENT.where) || !(keys.has(INTENT.said) || keys.has(STATEMENT_KEY))) return false;
    // "Where did the planes strike, according to Abadi's statement?" asks where they struck; "where was al-Taei when
    // he made his remarks about the border?" asks where he was (what follows "about" is what the remarks were on).
    const marker = ABOUT_MARKER.exec(normalized);
    const asked =
      marker === null
        ? keys
        : new Set(this.index.analyse(normalized.slice(0, marker.index)).flatMap((t) => t.keys.map((k) => k.key)));
    const about = [...asked].filter((k) => k.startsWith('c:') && !k.startsWith('c:ask-') && k !== STATEMENT_KEY);
    if (about.length > 0) return false;
    const [named, ...others] = namedSpeakers(keys);
    return named !== undefined && others.length === 0 && !this.directionPremises.wasThere(`sp:${named}`);
  }

  /** Whether `c` may be shown as the words of someone other than `named`: not the reporter's, not naming him. */
  private isCorrection(c: Candidate, named: string | undefined): boolean {
    if (this.index.speakerOf(c.target) === this.reporterId) return false;
    return named === undefined || !this.index.mentions(this.textOf(c), [{ key: `m:${named}` }]);
  }

  /**
   * The share of `tokens` (0..1; 0 for none) that some paragraph of `speaker` among `candidates` mentions: those that
   * cover part of the words rank among the leading candidates, and reading only theirs keeps the cost bounded.
   */
  private sharedMentioned(tokens: QueryToken[], speaker: string, candidates: readonly Candidate[]): number {
    const paragraphs = new Set(
      candidates.filter((c) => this.index.speakerOf(c.target) === speaker).map((c) => this.paragraphOf(c)),
    );
    const texts = [...paragraphs].map((n) => this.corpus.paragraphs[n - 1]?.text ?? '');
    const mentioned = tokens.filter((t) => texts.some((text) => this.index.mentions(text, t.keys)));
    return tokens.length === 0 ? 0 : mentioned.length / tokens.length;
  }

  /**
   * "Why did al-Mekdad say Iraq defends its borders from outside?": what the question says the named speaker said is
   * far better covered by another speaker's passage (al-Taei's) than by any of `speaker`'s (the one named, or whose
   * passage was chosen): the words are someone else's. Returns that passage (the one covering the words best); undefined when his own cover them as well.
   */
  private someoneElsesWords(
    tokens: QueryToken[],
    normalized: string,
    subject: QueryToken[] | undefined,
    speaker: string,
    candidates: Candidate[],
  ): Candidate | undefined {
    if (subject === undefined || this.namedSayer(tokens, normalized) === undefined) {
      return undefined;
    }
    const coverage = (c: Candidate) => this.index.targetCoverage(c.target, this.paragraphOf(c), subject);
    // The leading candidates suffice: a passage that covers what was said well ranks among them.
    const leading = candidates.slice(0, SWAPPED_CANDIDATES);
    // His words may be spread over his paragraphs ("what did al-Taei say about the border and the cooperation with
    // Syria?": paragraphs 9 and 10): what all of them name together counts as his.
    const spread = this.sharedMentioned(subject, speaker, leading);
    const own = Math.max(spread, ...leading.filter((c) => this.index.speakerOf(c.target) === speaker).map(coverage));
    // A speaker's quoted words are preferred to the reporter's telling of the same, when they cover what was said as
    // fully (al-Mekdad's "the battle the Iraqi army wages in Mosul" over the background): only they can be shown as a
    // correction.
    const better = (quoted: boolean) => {
      let other: Candidate | undefined;
      let otherCoverage = own + SWAPPED_MARGIN;
      for (const c of leading) {
        const id = this.index.speakerOf(c.target);
        if (id === speaker || (quoted && id === this.reporterId)) continue;
        const covered = coverage(c);
        if (covered >= otherCoverage) [other, otherCoverage] = [c, covered + Number.EPSILON];
      }
      return other;
    };
    const quoted = better(true);
    const any = better(false);
    // Only when they say it as fully: a quote that covers less is no correction of the reporter's words.
    return quoted !== undefined && any !== undefined && coverage(quoted) >= coverage(any) - 1e-9 ? quoted : any;
  }

  /**
   * The reporter's words `c` name the side (c:baghdad), and their paragraph something else the question asks about (the
   * message: "وتجاهلتها بغداد تماما", "and Baghdad ignored it", is about the message its paragraph names).
   */
  private tellsWhatSideDid(c: Candidate, sideKey: string, tokens: QueryToken[]): boolean {
    // The side is named by itself or by a place in it ("the Iraqi reaction": «وتجاهلتها بغداد»).
    const country = this.placeCountries.find((p) => p.key === sideKey)?.country ?? sideKey;
    const sideKeys = [country, ...this.placeCountries.filter((p) => p.country === country).map((p) => p.key)];
    if (
      !this.index.mentions(
        this.textOf(c),
        sideKeys.map((key) => ({ key })),
      )
    )
      return false;
    const text = this.corpus.paragraphs[this.paragraphOf(c) - 1]?.text ?? '';
    const others = tokens
      .flatMap((t) => t.keys)
      .filter((k) => k.key.startsWith('c:') && !k.key.startsWith('c:ask-') && k.key !== sideKey);
    return others.some((k) => this.index.mentions(text, [k]));
  }

  /**
   * The country a said-question makes the sayer ("what did Syria say?", "what did Damascus say about the strikes?",
   * "ماذا قالت سوريا؟"): its first topic word, next to the verb, names a country or a place in one (`in` in the
   * data), and no speaker is named; with the key that named it (c:baghdad). Undefined otherwise, and for who-questions
   * ("who in Syria said…" asks for a person). A reaction or a view is the side's words too ("how did Damascus react
   * to the strikes?", "Syrian reaction to the Iraqi strikes", "what did Syria think of them?": al-Mekdad's, not
   * al-Abadi's response to the bombings).
   */
  private countryAsSayer(
    tokens: QueryToken[],
    keys: ReadonlySet<string>,
  ): { country: string; key: string } | undefined {
    const views = SIDE_VIEW_KEYS.filter((k) => keys.has(k));
    if (views.length === 0 || keys.has(INTENT.who) || [...keys].some((k) => k.startsWith('sp:'))) {
      return undefined;
    }
    // The sayer stands next to the verb ("Syria say", "قالت سوريا"); "what does it say about Raqqa" speaks of it.
    const at = tokens.findIndex((t) => !t.keys.some((k) => k.key.startsWith('c:ask-') || views.includes(k.key)));
    const subject = tokens[at];
    const next = (i: number) => tokens[i]?.keys.some((k) => views.includes(k.key)) ?? false;
    if (subject === undefined || !(next(at - 1) || next(at + 1))) return undefined;
    for (const k of subject.keys) {
      if (this.countryKeys.has(k.key)) return { country: k.key.slice(2), key: k.key };
      const place = this.placeCountries.find((p) => p.key === k.key);
      if (place) return { country: place.country.slice(2), key: k.key };
    }
    return undefined;
  }

  /**
   * The speakers a question names without making them the one asked about: the one spoken to ("ماذا قال الأسد
   * للعبادي؟"), kept company ("…فاللقاء مع الاسد"), spoken of ("what does Assad think of Abadi?") or who sent the
   * envoy ("what did Abadi's envoy say?"), as ids.
   */
  private asideSpeakers(normalized: string): ReadonlySet<string | undefined> {
    return new Set([
      this.directionPremises.addressee(normalized),
      ...this.directionPremises.companions(normalized),
      ...this.directionPremises.subjects(normalized),
      ...this.directionPremises.envoyOwners(normalized),
    ]);
  }

  /**
   * The one speaker a said-question names ("did al-Fayyadh say…", "شو قال الأسد على…"), when it names exactly one;
   * undefined otherwise (none, or "what did Assad tell Fayyadh?").
   */
  private namedSayer(tokens: QueryToken[], normalized: string): string | undefined {
    const keys = tokens.flatMap((t) => t.keys.map((k) => k.key));
    if (!keys.includes(INTENT.said)) return undefined;
    // Those named aside (spoken to, with, of, or sending the envoy) are not the one who spoke.
    const aside = this.asideSpeakers(normalized);
    const next = sayerNextToVerb(tokens, normalized);
    // "What did Assad and Fayyadh talk about?": the name next to the verb is one of two who spoke together.
    const joint = jointlyNamed(tokens, normalized)?.split(' ') ?? [];
    if (next !== undefined && !aside.has(next) && !joint.includes(next)) return next;
    const named = new Set(keys.filter((k) => k.startsWith('sp:') && !aside.has(k.slice(3))));
    return named.size === 1 ? [...named][0]?.slice(3) : undefined;
  }

  /**
   * What a said-question without "about" says was said: its known topic tokens other than intents and the speaker
   * ("did al-Fayyadh say Syria never felt it faced a foreign army" → Syria, feel, foreign, army). Undefined when none.
   */
  private whatWasSaid(tokens: QueryToken[], normalized: string): QueryToken[] | undefined {
    // "summary of Assad's words" asks for his words, not for something he said about summaries.
    const said = tokens
      .filter((_token, i) => !this.namesOccasion(tokens, i, normalized))
      .filter((t) => t.known && !t.keys.some((k) => k.key.startsWith('c:ask-') || k.key.startsWith('sp:')))
      .filter((t) => t.keys.length > 0 && !SUMMARY_WORDS.has(t.token))
      // "urgent: what did Assad say?", "…say, bruh", "sorry to bother you": a word read only by its skeleton or by a
      // loose spelling is chatter, not what was said ("what did Assad say about the bordr" keeps "about").
      .filter((t) => t.keys.some((k) => k.strength >= 1 && !k.key.startsWith('s:')))
      // "I really need to know what Assad said": the asker's need, not al-Mekdad's "need" for coordination.
      .filter((t) => !(ASKERS_NEED.test(normalized) && ASKERS_NEED.test(`${t.token} to know`)))
      // "sum up Mekdad's comments": the "up" of "sum up".
      .filter((t) => t.token !== 'up' || !SUM_UP.test(normalized));
    return said.length > 0 ? said : undefined;
  }

  /**
   * Token `i` tells when the words were said, not what they were: "during" and what follows it ("ماذا قال الفياض خلال
   * لقائه بالرئيس الأسد؟", "أثناء وجوده في دمشق"), the meeting ("what did Assad say in his meeting with the envoy?"), a
   * time ("on Thursday", "اليوم"; checked by `saidElsewhere`), and a title right before a name ("بالرئيس" before
   * الأسد).
   */
  private namesOccasion(tokens: QueryToken[], i: number, normalized: string): boolean {
    const token = tokens[i] as QueryToken;
    if (token.keys.some((k) => k.key === MEETING || this.timeKeys.has(k.key))) return true;
    if (this.isOccasionPlace(tokens, i, normalized)) return true;
    // "أثناء وجوده في دمشق", "during his stay in Damascus": all that follows "during" tells when.
    if (tokens.slice(0, i + 1).some((t) => DURING_WORDS.has(t.token))) return true;
    const next = tokens[i + 1];
    return (
      next?.keys.some((k) => k.key.startsWith('sp:')) === true && token.keys.some((k) => this.titleKeys.has(k.key))
    );
  }

  /**
   * Token `i` is where words were said: a city after "in"/"at"/في or with the prefix ب ("in Damascus", "بدمشق"), or
   * next to the meeting ("the Damascus meeting", "اجتماع دمشق").
   */
  private isOccasionPlace(tokens: QueryToken[], i: number, normalized: string): boolean {
    const token = tokens[i] as QueryToken;
    if (!token.keys.some((k) => this.cityKeys.has(k.key))) return false;
    const meeting = (t: QueryToken | undefined) => t?.keys.some((k) => k.key === MEETING) ?? false;
    if (meeting(tokens[i - 1]) || meeting(tokens[i + 1])) return true;
    if (/^ب/.test(token.token) && this.index.featurizer.conceptOf(token.token.slice(1)) !== undefined) return true;
    const words = normalized.split(' ');
    const at = words.indexOf(token.token.split(' ')[0] ?? '');
    // "Did Assad say that the army is fighting in Mosul?": after "that", the place is in what was said.
    if (words.slice(0, at).some((w) => THAT_WORDS.has(w))) return false;
    return at > 0 && AT_WORDS.has(words[at - 1] as string);
  }

  /**
   * "What happened on 26 February?": a day of a month the answer's words give another day of (25 February). The day
   * is a number of one or two digits next to a month the article names, before or after it.
   */
  private datesAnotherDay(normalized: string, top: Candidate): boolean {
    const words = foldDigits(normalized).split(' ');
    return words.some((word, i) => {
      if (!/^\d{1,2}$/.test(word)) return false;
      const month = [words[i + 1], words[i - 1]]
        .map((w) => (w === undefined ? undefined : this.index.featurizer.conceptOf(w)))
        .find((k) => k !== undefined && this.timeKeys.has(k));
      const shown = this.textOf(top);
      if (month === undefined || !this.index.mentions(shown, [{ key: month }])) return false;
      return !foldDigits(normalize(shown))
        .split(' ')
        .includes(String(Number(word)));
    });
  }

  /**
   * "What did Mekdad say on Thursday?", "ماذا قال الطائي في فبراير؟", "what did Taei say in Damascus?": a
   * said-question placing the words at a time or place (one the article has) that no paragraph naming that speaker
   * gives. "What did Assad say on Thursday, in Damascus?" is answered: paragraph 2 puts him at that meeting.
   */
  private saidElsewhere(tokens: QueryToken[], normalized: string): boolean {
    const sayer = this.namedSayer(tokens, normalized);
    if (sayer === undefined || sayer === this.reporterId) return false;
    const named = tokens.filter(
      (t, i) => t.keys.some((k) => this.timeKeys.has(k.key)) || this.isOccasionPlace(tokens, i, normalized),
    );
    // "الخميس الماضي", "Thursday last": "last", "today", "mid" only qualify the day; the day is the time asked.
    const qualifier = (t: QueryToken) => t.keys.some((k) => k.key === TIME_QUALIFIER_KEY);
    const times = named.some((t) => !qualifier(t)) ? named.filter((t) => !qualifier(t)) : named;
    if (times.length === 0) return false;
    // "Did al-Taei say it on a Tuesday?": a wrong day or month in a yes/no question is corrected by the passage's
    // own (see withDateIfCorrected), not taken for another occasion.
    if (YES_NO.test(normalized) && times.some((t) => t.token.split(' ').some(isOtherDayOrMonth))) return false;
    return !this.corpus.paragraphs.some(
      (p) =>
        this.index.mentions(p.text, [{ key: `m:${sayer}` }]) && times.every((t) => this.index.mentions(p.text, t.keys)),
    );
  }

  /**
   * "What did Assad say about Iran": true when the candidate (the speaker's words) does not mention the subject
   * ({@link saidSubject}) enough — the article does not quote that speaker on it.
   */
  /** The candidate standing for `c`'s whole paragraph, with `c`'s score. */
  private wholeParagraph(c: Candidate): Candidate {
    return { ...c, target: { type: 'paragraph', number: this.paragraphOf(c) } };
  }

  private quotesSpeakerOffTopic(subject: QueryToken[] | undefined, candidate: Candidate, paragraph: number): boolean {
    return (
      subject !== undefined && this.index.targetCoverage(candidate.target, paragraph, subject) < SUBJECT_COVERAGE_MIN
    );
  }

  /**
   * "Who controls the border?", "من يسيطر على الحدود؟": a fact the article ties to certain places (`placed`: ISIS's
   * control of Mosul and Raqqa) asked of something else it names (the border, Baghdad) and of none of those places.
   */
  private placesFactElsewhere(tokens: QueryToken[], keys: ReadonlySet<string>): boolean {
    const tied = new Set(this.placesTiedTo(keys));
    if (tied.size === 0 || [...tied].some((k) => keys.has(k))) return false;
    const facts = new Set([...this.placedAt.keys()]);
    const agents = (k: string) => this.agentKeySet.has(k) || k.startsWith('sp:') || k.startsWith('m:');
    // "Which city did ISIS seize in 2014?": "city" asks for the fact's place, and a year a paragraph on one of its
    // places gives dates it ("in June 2011" dates nothing there: the uprising's year, elsewhere).
    const datesTiedPlace = (k: string) =>
      this.timeKeys.has(k) &&
      this.corpus.paragraphs.some(
        (p) =>
          this.index.mentions(p.text, [{ key: k }]) && [...tied].some((t) => this.index.mentions(p.text, [{ key: t }])),
      );
    const placesOrDates = (k: string) => k === CITY_KEY || datesTiedPlace(k);
    return tokens.some((t) =>
      t.keys.some(
        (k) =>
          this.entityKeys.has(k.key) &&
          !facts.has(k.key) &&
          !agents(k.key) &&
          !this.countryKeys.has(k.key) &&
          !placesOrDates(k.key),
      ),
    );
  }

  /** The places the facts a question names are tied to (`placed` on concepts: control → Mosul, Raqqa), as keys. */
  private placesTiedTo(keys: ReadonlySet<string>): string[] {
    return [...this.placedAt].filter(([fact]) => keys.has(fact)).flatMap(([, at]) => [...at]);
  }

  /**
   * Whether a how-many question counts places struck ("how many sites were hit…", "كم موقعا قصفت…": `PLACE_COUNT`
   * right after the marker, and a word of striking). "How many cities are mentioned?" counts nothing the article does.
   */
  private countsPlaces(normalized: string): boolean {
    const marker = this.howManyMarker.exec(normalized);
    if (marker === null) return false;
    // "how many Syrian towns…", «كم مدينة سورية…»: a country's adjective may stand before or after the place word.
    const counted = normalized
      .slice(marker.index + marker[0].length)
      .trim()
      .replace(COUNTRY_ADJECTIVE_FIRST, '');
    if (!PLACE_COUNT.test(counted)) return false;
    return this.index.mentions(normalized, [{ key: STRIKE_KEY }]);
  }

  /** How many of the article's cities and towns `text` names by name ("the capital" is Baghdad again). */
  /** How many countries `text` names (Iraq, Syria, Russia, Iran…; by any of their words). */
  private namedCountries(text: string): number {
    return [...this.countryKeys].filter((key) => this.index.mentions(text, [{ key }])).length;
  }

  private namedPlaces(text: string): number {
    const named = (key: string) => this.entityKeys.has(key) && this.index.mentions(text, [{ key }]);
    return [...this.cityKeys].filter(named).length;
  }

  /**
   * "How many militias are fighting in Syria?": a how-many question whose counted thing (the first topic words
   * after "how many", "كم", "عدد", "kam") is not near any number of the passage found. The article has one count
   * (the 605 km of border) and a few dates: without this, every "how many X" got the border's length. A passage
   * without any number is left to the matcher's answer-type penalty ("كم تبقى على تحرير الموصل؟").
   */
  private countsSomethingElse(normalized: string, tokens: QueryToken[], top: Candidate): boolean {
    if (!tokens.some((t) => t.keys.some((k) => k.key === INTENT.howMany))) return false;
    const marker = this.howManyMarker.exec(normalized);
    if (!marker) return false;
    // "كم موقعا ضربت الطائرات؟", "how many places were hit?": places are counted by naming them (حصيب, البوكمال).
    if (this.countsPlaces(normalized) && this.namedPlaces(this.textOf(top)) >= 2) return false;
    const rest = normalized.slice(marker.index + marker[0].length).trim();
    const counted = this.index
      .analyse(leadingWords(rest, 3 * COUNTED_WORDS))
      .filter((t) => !t.keys.some((k) => /^(?:sp:|m:|c:ask-)/.test(k.key)))
      .slice(0, COUNTED_WORDS);
    if (counted.length === 0) return false;
    // «اللجنة فيها كام دولة؟», "kam dawla bel lajne": countries are counted by naming them (the four-party committee:
    // Iraq, Syria, Russia, Iran), as places are.
    const countsCountries = counted[0]?.keys.some((k) => k.key === COUNTRIES_KEY) === true;
    // "How long is the Iraq–Iran border?", "how many km from Mosul to Baghdad?": a place or thing the question names
    // that the passage does not name at all: its number counts something else.
    const passage = this.corpus.paragraphs[this.paragraphOf(top) - 1]?.text ?? '';
    const named = tokens.filter(
      (t) =>
        t.keys.some((k) => k.key.startsWith('c:') && this.entityKeys.has(k.key)) &&
        !(countsCountries && t.keys.some((k) => k.key === COUNTRIES_KEY)),
    );
    if (named.some((t) => !this.index.mentions(passage, t.keys))) return true;
    if (countsCountries && this.namedCountries(passage) >= 2) return false;
    // A rank ("ثاني أكبر مدن البلاد") counts nothing unless the question asks for one ("كم ترتيب الموصل؟").
    const asksRank = tokens.some((t) => t.keys.some((k) => this.ordinalKeys.has(k.key)));
    const context = this.numberContext(this.textOf(top), asksRank);
    // "How many planes struck al-Bukamal?": a passage with no count at all (its only numbers are dates) does not say,
    // unless the question asks how much time ("كم تبقى على تحرير الموصل؟": "in the coming days").
    const asksTime = counted.some((t) => DURATION_WORDS.has(t.token)) || TIME_ELAPSED.test(rest);
    if (context === '') return !asksTime;
    // "How many years has ISIS held Mosul?", "شكد صار للميليشيات تقاتل بسوريا؟": a time elapsed is answered by the year
    // it started ("in June 2014", "since 2011").
    if (asksTime && /(?:19|20)\d\d/.test(foldDigits(context))) return false;
    // "شكد طولها؟" (how long is it?): a length is counted in kilometres, whatever the passage calls it.
    if (
      counted.some((t) => t.keys.some((k) => k.key === LENGTH_KEY)) &&
      this.index.mentions(context, [{ key: KM_KEY }])
    ) {
      return false;
    }
    // An unknown counted word ("paragraphs") is in no passage: it counts nothing the article counts.
    return this.index.textCoverage(context, counted) === 0;
  }

  /**
   * The words around each number of a text (digits, after folding, or a quantity term such as الرباعية), joined:
   * what the text's numbers count or date. Empty when the text has no number.
   */
  private numberContext(text: string, withRanks: boolean): string {
    const words = normalize(text).split(' ');
    const near = new Set<number>();
    words.forEach((w, i) => {
      if (!/\d/.test(w) && !this.quantityWords.has(w)) return;
      if (!withRanks && this.ordinalWords.has(w)) return;
      // A year or a day of a month dates something; it counts nothing ("25 فبراير", "عام 2014").
      if (/^(?:19|20)\d\d$/.test(w) || (/^\d{1,2}$/.test(w) && this.timeWords.has(words[i + 1] ?? ''))) return;
      for (let j = Math.max(0, i - NUMBER_CONTEXT_WORDS); j <= i + NUMBER_CONTEXT_WORDS && j < words.length; j++) {
        near.add(j);
      }
    });
    return [...near]
      .sort((a, b) => a - b)
      .map((i) => words[i])
      .join(' ');
  }

  /**
   * "When did ISIS take Raqqa?": a when-question about a place or thing that its passage names only in clauses
   * without a time. Paragraph 14 dates ISIS's capture of Mosul (June 2014) in one clause and names Raqqa, undated, in
   * the next: that date belongs to something else. Likewise when no dated clause names any of the things asked about
   * ("when will the Raqqa offensive begin?" finding the uprising of 2011). A question naming a speaker or asking what was said is about
   * when someone spoke ("when did al-Mekdad speak about al-Bukamal?") and is left alone, as is a passage with no time
   * (the matcher's answer-type penalty handles those).
   */
  private datesSomethingElse(tokens: QueryToken[], top: Candidate): boolean {
    const keys = (t: QueryToken) => t.keys.map((k) => k.key);
    const all = tokens.flatMap(keys);
    // "Who said … when the planes bombed al-Bukamal?" asks who: its "when" joins a clause.
    if (!all.includes(INTENT.when) || all.some((k) => k.startsWith('sp:') || k === INTENT.said || k === INTENT.who)) {
      return false;
    }
    const entities = tokens.filter((t) => keys(t).some((k) => this.entityKeys.has(k)));
    const passage = this.corpus.paragraphs[this.paragraphOf(top) - 1]?.text ?? '';
    const timed = splitClauses(passage).filter((c) => this.holdsTime(c.text));
    if (entities.length === 0 || timed.length === 0) return false;
    const dated = (t: QueryToken) => timed.some((c) => this.index.mentions(c.text, t.keys));
    if (entities.some((t) => this.index.mentions(passage, t.keys) && !dated(t))) return true;
    // Nothing asked about is in a dated clause: neither a thing it names nor what happened ("when did the Iraqis
    // strike al-Bukamal?" is dated by the strike order, which names neither Iraq nor al-Bukamal).
    const topical = tokens.filter((t) => t.known && !keys(t).some((k) => k.startsWith('c:ask-')));
    return !topical.some(dated);
  }

  /**
   * Whether a candidate's paragraph names each of these tokens. Used for the countries the article only mentions in
   * passing (Iran, Russia: `silent` countries in seeds/concepts.json): "how long is the border between Iraq and
   * Iran?" is not answered by the 605 km of the Iraq–Syria border; the passages naming them (the Iranian corridor,
   * the quadrilateral committee) answer what the article says of them.
   */
  private namesAll(tokens: QueryToken[], candidate: Candidate): boolean {
    const passage = this.corpus.paragraphs[this.paragraphOf(candidate) - 1]?.text ?? '';
    return tokens.every((t) => this.index.mentions(passage, t.keys));
  }

  /**
   * "What did al-Abadi say?": among passages of his that match as well (within `OWN_WORDS_SHARE`), his own quoted
   * words come before the article's report of them («مؤكدا ان…»).
   */
  private ownWordsIfTied(best: Candidate, candidates: Candidate[]): Candidate {
    const direct = (c: Candidate) => this.isDirect(this.textOf(c), this.paragraphOf(c), this.index.speakerOf(c.target));
    if (direct(best)) return best;
    const speaker = this.index.speakerOf(best.target);
    const tied = (c: Candidate) =>
      c.score >= best.score * OWN_WORDS_SHARE && this.index.speakerOf(c.target) === speaker;
    return candidates.find((c) => tied(c) && direct(c)) ?? best;
  }

  /**
   * "Where does ISIS still control territory?": a where-question about a fact tied to places (`placed` on concepts:
   * control is Mosul's and Raqqa's) is answered by a passage naming one of them, when one is nearly as good as the
   * best; else the best.
   */
  private withPlaceIfWhere(
    keys: ReadonlySet<string>,
    best: Candidate | undefined,
    candidates: Candidate[],
  ): Candidate | undefined {
    if (!best || !keys.has(INTENT.where)) return best;
    const places = this.placesTiedTo(keys);
    if (places.length === 0) return best;
    const naming = (c: Candidate) =>
      this.index.mentions(
        this.textOf(c),
        places.map((key) => ({ key })),
      );
    return this.nearlyAsGood(best, candidates, naming) ?? best;
  }

  /**
   * "Did the meeting take place on Friday?", "did al-Mekdad speak in March?": a yes/no question with a day or month the
   * article never names is answered by a passage giving a date of the same kind (a weekday for a day, a month for a
   * month), when one is nearly as good as the best; with none, there is nothing to correct it with and it is
   * declined (undefined).
   */
  private withDateIfCorrected(
    normalized: string,
    best: Candidate | undefined,
    candidates: Candidate[],
  ): Candidate | undefined {
    if (!best || !YES_NO.test(normalized)) return best;
    const asked = normalized.split(' ').filter(isOtherDayOrMonth);
    if (asked.length === 0) return best;
    const days = asked.some((w) => OTHER_WEEKDAYS.has(w) || OTHER_WEEKDAYS.has(withoutDefiniteArticle(w)));
    const dates = days ? this.weekdayKeys : this.monthKeys;
    const dating = (c: Candidate) => this.index.mentions(this.textOf(c), dates);
    return this.nearlyAsGood(best, candidates, dating);
  }

  /**
   * "Did they meet in Baghdad?", «هل كان الاجتماع في بغداد؟»: a yes/no question placing the meeting in a city is
   * answered by the passage that places it (Damascus), when one is nearly as good as the best; "when was the
   * meeting?" by the passage dating it; else the best.
   */
  private withMeetingPlaceIfAsked(
    normalized: string,
    keys: ReadonlySet<string>,
    best: Candidate | undefined,
    candidates: Candidate[],
  ): Candidate | undefined {
    const meeting = keys.has(MEETING) || this.directionPremises.asksMeeting(normalized);
    if (!best || !meeting) return best;
    // "Which day of the week was the Damascus meeting held?": the passage dating the meeting, not "the coming days".
    if (keys.has(INTENT.when) && !YES_NO.test(normalized)) {
      const datesMeeting = (c: Candidate) =>
        this.index.mentions(this.textOf(c), [{ key: MEETING }]) && this.holdsTime(this.textOf(c));
      return this.nearlyAsGood(best, candidates, datesMeeting) ?? best;
    }
    if (!YES_NO.test(normalized)) return best;
    // "Did they meet in Baghdad?": a city the meeting is placed in ("did the meeting discuss Raqqa?" places nothing).
    const words = normalized.split(' ');
    if (!words.some((_, i) => this.inCityAt(words, i))) return best;
    const placing = (c: Candidate) =>
      this.index.mentions(
        this.textOf(c),
        [...this.cityKeys].map((key) => ({ key })),
      );
    return this.nearlyAsGood(best, candidates, placing) ?? best;
  }

  /**
   * "Where did al-Fayyadh say this?", «متى قال الفياض ذلك؟»: where or when someone's words were said, when his
   * passage holds no place (no time): the passage placing (dating) the occasion, nearly as good, in a paragraph that
   * names him (the meeting in Damascus on Thursday, paragraph 2); else the best. Al-Taei's «الاثنين الماضي» dates his.
   */
  private withOccasionIfAsked(
    keys: ReadonlySet<string>,
    best: Candidate | undefined,
    candidates: Candidate[],
  ): Candidate | undefined {
    const where = keys.has(INTENT.where);
    const said = keys.has(INTENT.said) || keys.has(STATEMENT_KEY);
    if (!best || !said || !(where || keys.has(INTENT.when))) return best;
    const speaker = this.index.speakerOf(best.target);
    const namesSpeaker = (c: Candidate) =>
      this.index.mentions(this.corpus.paragraphs[this.paragraphOf(c) - 1]?.text ?? '', [{ key: `m:${speaker}` }]);
    const places = [...this.cityKeys].map((key) => ({ key }));
    const fits = (c: Candidate) =>
      where ? this.index.mentions(this.textOf(c), places) : this.holdsTime(this.textOf(c));
    if (fits(best)) return best;
    return this.nearlyAsGood(best, candidates, (c) => fits(c) && namesSpeaker(c)) ?? best;
  }

  /**
   * "How many sites did Abadi order hit?", "كم موقعا قصفت الطائرات؟": places are counted by naming them, so the
   * passage naming two or more (حصيب, البوكمال) answers, when it is nearly as good as the best; else the best.
   */
  private withPlacesIfCounted(
    normalized: string,
    best: Candidate | undefined,
    candidates: Candidate[],
  ): Candidate | undefined {
    if (!best || !this.countsPlaces(normalized)) return best;
    return this.nearlyAsGood(best, candidates, (c) => this.namedPlaces(this.textOf(c)) >= 2) ?? best;
  }

  /**
   * Whether the question names someone or somewhere on the wrong end of what the article directs (see
   * DirectionPremises.reversal), beyond what a yes/no question's correction answers: a place named as struck that
   * was not ("did the planes bomb Raqqa?") is corrected by the places that were.
   */
  private reversedBeyondCorrection(normalized: string): boolean {
    const reversal = this.directionPremises.reversal(normalized);
    return reversal === 'party' || (reversal === 'place' && !YES_NO.test(normalized));
  }

  /**
   * "Did the Iraqi planes bomb Raqqa?", «هل قصفت الطائرات العراقية الرقة؟»: a yes/no question naming a place as
   * struck that never was, answered by the passage naming every place that was (Husaybah and Albukamal), whatever
   * its score:
   * the place asked about matches its own passage best (Raqqa, ISIS's stronghold), which says nothing of strikes.
   */
  private withPlacesIfCorrected(
    normalized: string,
    best: Candidate | undefined,
    candidates: Candidate[],
  ): Candidate | undefined {
    if (!best || !YES_NO.test(normalized) || this.directionPremises.reversal(normalized) !== 'place') return best;
    // Two places of a receiving end (Husaybah and Albukamal), in a paragraph telling of the strikes: not the
    // reporter's "Mosul, second city after the capital Baghdad".
    const ends = this.directionPremises.placesReceiving(normalized);
    const paragraphOfStrikes = (c: Candidate) =>
      this.index.mentions(this.corpus.paragraphs[this.paragraphOf(c) - 1]?.text ?? '', [{ key: STRIKE_KEY }]);
    const namesEnd = (c: Candidate) =>
      ends.some((places) => places.filter((key) => this.index.mentions(this.textOf(c), [{ key }])).length >= 2);
    return candidates.find((c) => namesEnd(c) && paragraphOfStrikes(c)) ?? best;
  }

  /**
   * `best` when it `fits`, else the first candidate that fits and scores at least PLACES_FALLBACK_SHARE of it (the
   * passage that places, dates or counts what the question asks, nearly as good as the best); undefined for none.
   */
  private nearlyAsGood(
    best: Candidate,
    candidates: Candidate[],
    fits: (c: Candidate) => boolean,
  ): Candidate | undefined {
    if (fits(best)) return best;
    return candidates.find((c) => c.score >= best.score * PLACES_FALLBACK_SHARE && fits(c));
  }

  /**
   * "Why did Baghdad ignore the message?", "ليش بغداد سكتت عن الرسالة؟": a why-question is answered by a passage that
   * gives a reason or purpose, in the words the article uses for causes (ردا على: the strikes answer the Baghdad
   * bombings; لمنع, لأن, لطرد, في ضوء …): the best candidate when it does, else one nearly as good that does, else
   * none (the article says Baghdad ignored the message, not why). Other questions keep the best candidate.
   */
  private withReasonIfAsked(
    normalized: string,
    keys: ReadonlySet<string>,
    tokens: QueryToken[],
    best: Candidate,
    candidates: Candidate[],
  ): Candidate | undefined {
    // Anywhere in the question ("Baghdad ignored the message, why?"); ماذا "what" is no why-word, though لماذا is.
    if (!asksWhy(normalized, keys)) return best;
    // "Why does al-Mekdad say more coordination is needed?": his words are the reasoning asked for.
    if (keys.has(INTENT.said) && [...keys].some((k) => k.startsWith('sp:'))) return best;
    // "Why didn't the Syrians feel they faced a foreign army?": the passage that says so gives its reason beside it.
    if (this.statesNegationAsked(best, normalized)) return best;
    // In the reporter's background, which strings separate facts together, the reason must be in the words shown:
    // "Raqqa is still held by ISIS" stands beside "to expel ISIS", which is about Mosul. A speaker's paragraph is one
    // argument, its reason the whole statement's.
    const reasoned = (c: Candidate) =>
      this.givesReason[this.paragraphOf(c) - 1] === true &&
      (this.index.speakerOf(c.target) !== this.reporterId || givesCause(this.answerFor(c, 1, 'arabic', tokens).quote));
    if (reasoned(best)) return best;
    // "lesh el 3abadi 2asaf el bokamal": al-Mekdad on the Bukamal strike matches best; al-Abadi's reasons nearly as well.
    // The reasons must be about the things asked of: "why did Assad get a message?" is not answered by SANA's "in
    // light of the victories", which never names the message.
    const things = [...keys].filter((k) => k.startsWith('c:') && this.entityKeys.has(k));
    const namesThings = (c: Candidate) => {
      const text = this.corpus.paragraphs[this.paragraphOf(c) - 1]?.text ?? '';
      return things.every((key) => this.index.mentions(text, [{ key }]));
    };
    return candidates.find((c) => c.score >= best.score * REASON_FALLBACK_SHARE && reasoned(c) && namesThings(c));
  }

  /**
   * "Did Assad instruct the air force to hit Husaybah?": a question naming one speaker, answered by a passage that is
   * neither his words nor about him (al-Abadi's order) — the article does not say it of the one named. The one spoken
   * to, kept company or spoken of is not that speaker (see `namedSayer`).
   */
  private leavesOutPerson(normalized: string, tokens: QueryToken[], top: Candidate): boolean {
    // Names read exactly: a fuzzy reading ("a5ad" near "asad") is too weak to hold the question to a speaker.
    const exact = (k: { key: string; strength: number }) => k.key.startsWith('sp:') && k.strength >= 1;
    // A role read from other words (رئيسي "main" + سوريا read as "Syria's president") is inferred: it does not count.
    const named = new Set(
      tokens.filter((t) => !t.token.startsWith('sp:')).flatMap((t) => t.keys.filter(exact).map((k) => k.key.slice(3))),
    );
    if (named.size !== 1) return false;
    const [id] = named;
    // The reporter tells the whole article: "the agency the writer quotes" is SANA's paragraph.
    if (id === undefined || id === this.reporterId || this.index.speakerOf(top.target) === id) return false;
    if (this.asideSpeakers(normalized).has(id)) return false;
    const paragraph = this.corpus.paragraphs[this.paragraphOf(top) - 1]?.text ?? '';
    return !this.index.mentions(paragraph, [{ key: `m:${id}` }]);
  }

  /**
   * "In what year did the meeting happen?", "في أي عام التقى الفياض بالأسد؟": a question asking for a year answered by
   * words that hold none (the meeting is dated "Thursday", the article "today"); or for an exact date ("on what exact
   * date in April did Mekdad speak?", "what date بالضبط was the Thursday meeting") answered by words with no number
   * ("mid-April", "Thursday").
   */
  private dateNotGiven(normalized: string, top: Candidate, keys: ReadonlySet<string>): boolean {
    // "How many years exactly?", "كام سنة بالظبط": a span asked exactly, answered by words with no number ("for years").
    const exactSpan = keys.has(INTENT.howLong) && EXACT_ANYWHERE.test(normalized);
    if (EXACT_DATE.test(normalized) || exactSpan) return !/\d/.test(foldDigits(this.textOf(top)));
    // "On what day did ISIS take Mosul?" ("in June 2014"), "in which month was the meeting?" ("Thursday").
    const shown = () => this.textOf(top);
    if (ASKS_DAY.test(normalized)) {
      // A day: of the month, one or two digits ("25 فبراير", not the year 2014); of the week; or "today" (اليوم).
      const text = foldDigits(shown());
      const dayOfMonth = /(?:^|\D)(?:[1-9]|[12]\d|3[01])(?!\d)/.test(text);
      // "What day of the month was the meeting?": "Thursday" names no day of a month.
      if (OF_THE_MONTH.test(normalized)) return !dayOfMonth;
      return !dayOfMonth && !/(?:^|\s)اليوم(?:\s|$)/.test(text) && !this.index.mentions(text, this.weekdayKeys);
    }
    if (ASKS_MONTH.test(normalized)) return !this.index.mentions(shown(), this.monthKeys);
    if (!ASKS_YEAR.test(normalized)) return false;
    return !/(?:19|20)\d\d/.test(foldDigits(shown()));
  }

  /**
   * "What is the largest city in Syria?", "ISIS's biggest stronghold in Iraq?": a question asking for a place "in"
   * one country (not why, when or what someone said), answered by words about a place in the other (Mosul is Iraq's second city; Raqqa is ISIS's
   * stronghold in Syria) that never name the country asked about. Where places lie is data (`in` on concepts).
   */
  private placesElsewhere(normalized: string, keys: ReadonlySet<string>, top: Candidate): boolean {
    // "Why did Abadi order strikes inside Syria?", "when…", "what did X say…": the place is where it happened, and
    // the answer (a cause in Baghdad, a date, his words) need not be there.
    if (asksWhy(normalized, keys) || keys.has(INTENT.when) || keys.has(INTENT.said)) return false;
    const asked = this.countryAfterIn(normalized);
    if (asked === undefined) return false;
    const shown = this.textOf(top);
    if (this.index.mentions(shown, [{ key: asked }])) return false;
    return this.placeCountries.some(({ key, country }) => country !== asked && this.index.mentions(shown, [{ key }]));
  }

  /**
   * "What are the names of the Iraqi militias in Syria?", "which militias, by name?": names asked of a group the
   * article never names one of (`unnamed` on concepts). "Which militias fight for Assad?" is answered (several Iraqi
   * militias).
   */
  private namesTheUnnamed(normalized: string, keys: ReadonlySet<string>): boolean {
    return ASKS_NAMES.test(normalized) && [...this.unnamedKeys].some((k) => keys.has(k));
  }

  /**
   * "Who did al-Taei speak to?", "To whom did al-Mekdad speak?", "لمن صرح المقداد؟": the one spoken to, asked of a
   * speaker the article places nowhere (`wasThere`): his words went to no one it names (a statement, the press).
   */
  private asksWhoWasSpokenTo(normalized: string, keys: ReadonlySet<string>): boolean {
    if (!SPOKEN_TO.test(normalized)) return false;
    const [named, ...others] = namedSpeakers(keys);
    return named !== undefined && others.length === 0 && !this.directionPremises.wasThere(`sp:${named}`);
  }

  /**
   * "What is the fourth largest city in Iraq?", "ثالث أكبر معاقل داعش": an ordinal before "largest", and no ordinal of
   * the question among the ranks the article gives (its `ordinal` concepts: Mosul is the second largest city).
   */
  private asksOtherRank(normalized: string): boolean {
    const words = normalized.split(' ');
    const asked = words.some((word, i) => LARGEST.has(words[i + 1] ?? '') && ordinalValue(word) !== undefined);
    if (!asked) return false;
    // "ثاني او ثالث اكبر مدينة؟" (second or third?) offers the rank the article gives.
    const ranks = words.map(ordinalValue).filter((v): v is number => v !== undefined);
    return !ranks.some((rank) => this.ranksGiven.has(rank));
  }

  /**
   * "Everything al-Mekdad said", "كل ما قاله المقداد", "every quote of al-Taei": all of one person's words and
   * nothing else asked — not a yes/no question ("did he say all victories serve both?"), not his words about
   * something, at a time or place, or to someone ("everything Assad said to Abadi"), which the usual checks decide.
   */
  private asksEverythingSaid(normalized: string, tokens: QueryToken[], keys: ReadonlySet<string>): boolean {
    if (!EVERYTHING_SAID.test(normalized) || !keys.has(INTENT.said) || namedSpeakers(keys).size !== 1) return false;
    if (ABOUT_MARKER.test(normalized) || ASKS_IF_SAID.test(normalized) || YES_NO.test(normalized)) return false;
    // Words of no topic ("show me everything…") ask nothing more.
    return tokens.every((t) => !t.known || t.keys.some((k) => k.key === INTENT.said || /^(?:sp|m):/.test(k.key)));
  }

  /**
   * "Who chairs the security committee?", "مين راس اللجنة الرباعية؟", "who is the leader of ISIS?": the head of a group
   * the article names (a group that acts, `agent` on concepts, other than a country), whom it never names. Read on normalized words: a head word,
   * then the group within three words ("of", "the" and a country's adjective aside); or the group right before it
   * ("committee head"). A misspelt group ("commitee") is read through the key the matcher found for its token.
   */
  private asksHeadOfGroup(normalized: string, tokens: readonly QueryToken[]): boolean {
    const words = normalized.split(' ').slice(0, MAX_SCANNED_WORDS);
    const featurizer = this.index.featurizer;
    const fuzzyKeyOf = (word: string) => tokens.find((t) => t.token === word)?.keys[0]?.key;
    const group = (word: string | undefined) => {
      const key = word === undefined ? undefined : (featurizer.conceptOf(word) ?? fuzzyKeyOf(word));
      return key?.startsWith('c:') === true && this.agentKeySet.has(key) && !this.countryKeys.has(key);
    };
    const country = (word: string | undefined) => {
      const key = word === undefined ? undefined : featurizer.conceptOf(word);
      return key !== undefined && this.countryKeys.has(key);
    };
    return words.some((word, i) => {
      // "رئيس الوزراء", "head of state": a title of two words is an office, not a group's head.
      if (!HEAD_WORDS.has(word) || featurizer.termAt(words, i)?.length === 2) return false;
      // "head of the four-party security committee": the group within three words, past qualifiers.
      const next = words
        .slice(i + 1, i + 8)
        .filter((w) => !OF_WORDS.has(w) && !country(w))
        .slice(0, 3);
      return next.some((w) => group(w)) || (group(words[i - 1]) && /^[a-z]/.test(word));
    });
  }

  /**
   * "When did the Baghdad bombings happen?", "متى وقعت تفجيرات بغداد؟": a when-question about nothing but an event the
   * article never dates (`undated` on concepts) and where it took place, or about someone's office. "When did Abadi
   * respond to the bombings?" asks about his response, which is dated.
   */
  private datesTheUndated(allTokens: QueryToken[], normalized: string): boolean {
    // "How long has al-Abadi been prime minister?" asks since when, as "how many years" does.
    if (!allTokens.some((t) => t.keys.some((k) => k.key === INTENT.when || k.key === INTENT.howLong))) return false;
    const tokens = this.beforeRelativeClause(allTokens, normalized);
    let undated = false;
    // "in office", "b mansabo": the office as a noun (a trailing one is no topic token).
    let office = normalized.split(' ').some((w) => OFFICE_NOUNS.has(w) || RULE_VERBS.has(w));
    let place = false;
    for (const t of tokens) {
      const has = (test: (key: string) => boolean) => t.keys.some((k) => test(k.key));
      if (has((k) => k.startsWith('c:ask-') || k === TIME_QUALIFIER_KEY) || TAKES_OFFICE.has(t.token)) continue;
      if (OFFICE_NOUNS.has(t.token) || RULE_VERBS.has(t.token)) continue;
      if (has((k) => this.undatedKeys.has(k))) undated = true;
      else if (has((k) => this.isPlace(k))) place = true;
      else if (has((k) => this.titleKeys.has(k))) office = true;
      else if (!has((k) => k.startsWith('sp:') || k.startsWith('m:'))) return false;
    }
    // "Since when has al-Fayyadh been security adviser?": nobody's term of office is dated. "When was the envoy in
    // Damascus?" names a place: his stay there is (Thursday).
    // "How many years has al-Assad ruled Syria?": a country ruled is no place of a stay.
    const rules = normalized.split(' ').some((w) => RULE_VERBS.has(w));
    return undated || (office && (!place || rules));
  }

  /**
   * The tokens before a relative clause that qualifies an undated event ("the Baghdad bombings that Abadi responded
   * to", «تفجيرات بغداد التي رد عليها العبادي»): the clause says which event, and its dated response is not what is
   * asked. All of `tokens` when no such clause follows an undated event.
   */
  private beforeRelativeClause(tokens: QueryToken[], normalized: string): QueryToken[] {
    const relative = RELATIVE_PRONOUN.exec(normalized);
    if (!relative || relative.index === 0) return tokens;
    const head = new Set(normalized.slice(0, relative.index).split(' '));
    const before = tokens.filter((t) => t.token.split(' ').every((w) => head.has(w)));
    const undated = before.some((t) => t.keys.some((k) => this.undatedKeys.has(k.key)));
    return undated ? [...before, ...tokens.filter((t) => t.keys.some((k) => k.key.startsWith('c:ask-')))] : tokens;
  }

  /**
   * "Who is Daesh?", "who is Baghdad?", "من هو داعش؟": a who-is question about nothing but a thing (no speaker),
   * answered by words that never name it (the introduction of al-Assad, matched on "who is").
   */
  private introducesSomethingElse(tokens: QueryToken[], top: Candidate): boolean {
    const topic = tokens.filter((t) => !t.keys.some((k) => k.key.startsWith('c:ask-')));
    if (!tokens.some((t) => t.keys.some((k) => k.key === INTENT.role)) || topic.length !== 1) return false;
    const things = (topic[0] as QueryToken).keys.filter((k) => k.key.startsWith('c:') && this.entityKeys.has(k.key));
    return things.length > 0 && !this.index.mentions(this.textOf(top), things);
  }

  /**
   * "Who will lead the battle to retake Raqqa?", "من سيقود معركة استعادة الرقة": a who-question whose verb the article
   * never uses, answered by the reporter's words that name no one who acts (no speaker, country or group:
   * "military preparations, local and international, are under way"). Who leads is not said.
   */
  private namesNoAgent(tokens: QueryToken[], top: Candidate): boolean {
    if (!tokens.some((t) => t.keys.some((k) => k.key === INTENT.who))) return false;
    if (!tokens.some((t) => !t.known)) return false;
    // "Which came first, ISIS taking Mosul or the uprising?" names its actors: it asks no one's name.
    if (tokens.some((t) => t.keys.some((k) => this.agentKeySet.has(k.key) || k.key.startsWith('sp:')))) return false;
    if (this.index.speakerOf(top.target) !== this.reporterId) return false;
    return !this.index.mentions(this.textOf(top), this.agentKeys);
  }

  /**
   * A question about what came after the article's time: "afterwards", "in the end" (AFTER_THE_ARTICLE), or what
   * followed an event that is only about to happen ("what happened after Mosul was liberated?"). Not a said-question
   * ("what did Mekdad add later?" is about his statement).
   */
  private asksAfterTheArticle(normalized: string, keys: ReadonlySet<string>): boolean {
    if (keys.has(INTENT.said)) return false;
    if (AFTER_THE_ARTICLE.test(normalized)) return true;
    return (
      AFTER_PAST.test(normalized) && keys.has(IMMINENT_EVENT) && tokenize(normalized).some((w) => PAST_MARKERS.has(w))
    );
  }

  /**
   * "Who controls Baghdad?", "when did ISIS seize Damascus?": a fact tied to places (`placed` on concepts: control is
   * Mosul's and Raqqa's) asked of a city it is not tied to. Why-questions (the reason may lie elsewhere: the Baghdad bombings behind the strikes on
   * Husaybah) and said-questions (someone's words) are left alone; countries are `placesElsewhere`'s.
   */
  private answersOtherPlace(normalized: string, keys: ReadonlySet<string>): boolean {
    if (asksWhy(normalized, keys) || keys.has(INTENT.said) || keys.has(INTENT.according)) return false;
    const places = this.placesTiedTo(keys);
    if (places.length === 0) return false;
    const asked = [...keys].filter((k) => this.cityKeys.has(k));
    return asked.length > 0 && !asked.some((k) => places.includes(k));
  }

  /**
   * "What did Assad reply to Abadi?", "bashar shu radd 3al risale": a reply (the response concept) by the receiving side
   * of something sent that the article leaves unanswered (`unanswered` on concepts), about it or the person who sent
   * it (a country on the sending side is not enough: "Syrian reaction to the Iraqi strikes" is al-Mekdad's). The
   * receiving person's reaction asked alone ("how did Assad respond?", «شو كان رد الأسد؟») is the same reply.
   */
  private repliesToUnanswered(keys: ReadonlySet<string>): boolean {
    if (!keys.has(RESPONSE_KEY)) return false;
    const topics = [...keys].filter((k) => !/^(?:c:ask-|m:)/.test(k) && k !== RESPONSE_KEY);
    return this.unanswered.some(({ key, from, to }) => {
      const receiver = to.filter((k) => keys.has(k));
      if (receiver.length === 0) return false;
      if (keys.has(key) || from.some((k) => k.startsWith('sp:') && keys.has(k))) return true;
      return topics.length === 1 && receiver.some((k) => k.startsWith('sp:'));
    });
  }

  /** "Did Assad thank Abadi?", "thank al-Taei": "thank" followed by a speaker or a country, not by "you". */
  private thanksSomeone(normalized: string): boolean {
    const next = /(?:^| )thank (?:the |al |el )?(\S+)/.exec(normalized)?.[1];
    const key = next === undefined ? undefined : this.index.featurizer.conceptOf(next);
    return key !== undefined && (key.startsWith('sp:') || this.countryKeys.has(key));
  }

  /** A country, or a place the article names (as a concept key: Damascus, the capital). */
  private isPlace(key: string): boolean {
    return this.countryKeys.has(key) || this.placeKeys.has(key) || this.cityKeys.has(key);
  }

  /**
   * "What is the capital of Syria?", "عاصمة سوريا؟": a question about nothing but one place of the article and a
   * country it does not lie in (yes/no questions excepted: "is Raqqa in Iraq?" is answered by where Raqqa is) (where places lie is data, `in` on concepts: the capital the article
   * names is Baghdad). A longer question ("did they meet in the Syrian capital?") is left to the other rules.
   */
  private placeOfAnotherCountry(tokens: QueryToken[]): boolean {
    const topic = tokens.filter((t) => !t.keys.some((k) => k.key.startsWith('c:ask-')));
    const places = new Set<string>();
    const countries = new Set<string>();
    for (const t of topic) {
      const place = this.placeCountries.find(({ key }) => t.keys.some((k) => k.key === key));
      const country = t.keys.find((k) => this.countryKeys.has(k.key))?.key;
      if (place) places.add(place.country);
      else if (country) countries.add(country);
      else return false;
    }
    return places.size === 1 && countries.size > 0 && !countries.has([...places][0] as string);
  }

  /** The word is a person: a speaker's name or a title ("Iraq's PM" is no place in Iraq). */
  private namesPerson(word: string | undefined): boolean {
    const key = word === undefined ? undefined : this.index.featurizer.conceptOf(word);
    return key !== undefined && (key.startsWith('sp:') || this.titleKeys.has(key));
  }

  /** The country a question places something "in" ("in Syria", "Syria's", "في العراق", "بسوريا"), as a concept key. */
  private countryAfterIn(normalized: string): string | undefined {
    const words = normalized.split(' ');
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      // "Syria's second largest city": the possessive places it as "in" does.
      const key = IN_WORDS.has(word)
        ? this.index.featurizer.conceptOf(words[i + 1] ?? '')
        : words[i + 1] === 's' && !this.namesPerson(words[i + 2])
          ? this.index.featurizer.conceptOf(word)
          : word.startsWith('ب') && word.length > 4 && this.index.featurizer.conceptOf(word) === undefined
            ? this.index.featurizer.conceptOf(word.slice(1))
            : undefined;
      if (key !== undefined && this.countryKeys.has(key)) return key;
    }
    return undefined;
  }

  /** Whether `words[i]` names one of the article's cities and towns. */
  private cityAt(words: readonly string[], i: number): boolean {
    const key = this.index.featurizer.conceptOf(words[i] ?? '');
    return key !== undefined && this.cityKeys.has(key);
  }

  /** Whether a city is placed "in" at `words[i]`: "in Baghdad", «في بغداد», «ببغداد», «بالموصل» (not بغداد's own ب). */
  private inCityAt(words: readonly string[], i: number): boolean {
    const word = words[i] ?? '';
    if (INSIDE_WORDS.has(word)) return this.cityAt(words, i + 1);
    const bare = word.startsWith('ب') ? word.slice(1) : '';
    return this.cityTerms.has(bare) || (bare.startsWith('ال') && this.cityAt(words, i));
  }

  /**
   * "Where in Baghdad were the bombings?", "which district of Baghdad…", «في أي حي من بغداد», «التفجيرات اللي في
   * بغداد كانت في انهي منطقة»: a place asked within a city the question names, next to the asking words. The article
   * places nothing more finely than a city. "Where did the planes strike after the bombings in Baghdad?" (the city
   * belongs to the bombings), "where were the Baghdad bombings?" and "where is Albukamal?" are answered.
   */
  private asksWithinCity(normalized: string, keys: ReadonlySet<string>): boolean {
    if (keys.has(INTENT.said) || keys.has(INTENT.according) || asksWhy(normalized, keys)) return false;
    const words = normalized.split(' ');
    const cityAt = (i: number): boolean => this.cityAt(words, i);
    const inCityAt = (i: number): boolean => this.inCityAt(words, i);
    return words.some((word, i) => {
      // "where in Baghdad", "where exactly in Mosul", «وين بالضبط بالموصل»
      if (WHERE_WORDS.has(word)) return inCityAt(i + 1) || inCityAt(i + 2);
      if (!PART_OF_PLACE.has(word)) return false;
      // "district of Baghdad", «حي من بغداد», "part of Mosul"
      if ((WITHIN_WORDS.has(words[i + 1] ?? '') && cityAt(i + 2)) || inCityAt(i + 1)) return true;
      // «…في بغداد كانت في انهي منطقة», "in which area… in Mosul" ("what part did … play" is no place).
      return word !== 'part' && WHICH_WORDS.has(words[i - 1] ?? '') && words.some((_, j) => inCityAt(j));
    });
  }

  /**
   * "When was Mosul declared liberated?", "متى تحررت الموصل؟": a when-question in the past about what its passage
   * says is only about to happen (Iraqi forces are close to retaking Mosul, "within the next few days"). The article
   * gives no such date; "when will Mosul be retaken?" and "is Mosul liberated yet?" are answered by that clause.
   */
  private datesWhatHasNotHappened(normalized: string, result: MatchResult, top: Candidate): boolean {
    const { keys, tokens } = result;
    if (!keys.has(INTENT.when) || keys.has(IMMINENT)) return false;
    if (!tokenize(normalized).some((w) => PAST_MARKERS.has(w))) return false;
    const clause = this.bestClause(this.textOf(top), tokens);
    return !/\d/.test(clause) && this.index.mentions(clause, [{ key: IMMINENT }]);
  }

  /** Whether a clause names a place (a concept that answers "where") the question does not already name. */
  private holdsPlace(text: string, tokens: QueryToken[]): boolean {
    const asked = new Set(tokens.flatMap((t) => t.keys.map((k) => k.key)));
    const places = [...this.placeKeys].filter((k) => !asked.has(k));
    return this.index.mentions(
      text,
      places.map((key) => ({ key })),
    );
  }

  /** True when the text holds a time: a number (a day, a year) or a term of a concept that answers "when". */
  private holdsTime(text: string): boolean {
    return normalize(text)
      .split(' ')
      .some((w) => /\d/.test(w) || this.timeWords.has(w));
  }

  /** The text a candidate answers from: the curated quote, or the paragraph. */
  private textOf(c: Candidate): string {
    if (c.target.type === 'entry') return this.corpus.entries[c.target.index]?.quote ?? '';
    return this.corpus.paragraphs[c.target.number - 1]?.text ?? '';
  }

  /**
   * The clause of a paragraph (split at Arabic and Latin punctuation) that covers most of the question, grown
   * with the next clauses to at least `MIN_CLAUSE_CHARS` so it reads on its own. A verbatim substring.
   */
  private bestClause(text: string, tokens: QueryToken[]): string {
    const clauses = splitClauses(text);
    if (clauses.length < 2) return text;
    const asksWhen = tokens.some((t) => t.keys.some((k) => k.key === INTENT.when));
    const asksWhere = tokens.some((t) => t.keys.some((k) => k.key === INTENT.where));
    let bestIndex = 0;
    let bestCoverage = -1;
    clauses.forEach((clause, i) => {
      // The byline ("أسامة مهدي:") opens paragraph 1: it names the reporter but says nothing.
      if (clause.text.replace(/[\s:،,.]+$/u, '').trim() === this.corpus.byline) return;
      // "When did Iraq strike Syria?": the clause with the date answers, not the one with the most words in common
      // ("ردا على تفجيرات في العاصمة بغداد" is why). A clause holding a time adds a full question's coverage.
      // Likewise "which cities did the planes strike?": the clause naming the places.
      const timed =
        (asksWhen && this.holdsTime(clause.text)) || (asksWhere && this.holdsPlace(clause.text, tokens)) ? 1 : 0;
      const coverage = this.index.textCoverage(clause.text, tokens) + timed;
      if (coverage > bestCoverage) {
        bestCoverage = coverage;
        bestIndex = i;
      }
    });
    const first = clauses[bestIndex] as { start: number; end: number };
    let end = first.end;
    for (let i = bestIndex + 1; end - first.start < MIN_CLAUSE_CHARS && i < clauses.length; i++) {
      end = (clauses[i] as { end: number }).end;
    }
    return text.slice(first.start, end).trim();
  }

  /**
   * In "what did X say about Y" (a said-question with عن, about, 3an …), the speaker X named before "about", when
   * exactly one is; undefined otherwise.
   */
  private speakerBeforeAbout(normalized: string, tokens: QueryToken[]): string | undefined {
    const opinion = OPINION_OF.test(normalized) && tokens.some((t) => t.keys.some((k) => k.key === INTENT.according));
    if (!opinion && !tokens.some((t) => t.keys.some((k) => k.key === INTENT.said))) return undefined;
    const about = ABOUT_MARKER.exec(normalized);
    if (!about) return undefined;
    // The marker may hold the speaker: "رأي الأسد في", "ra2y el assad fel".
    const named = new Set(
      this.index
        .analyse(leadingWords(normalized.slice(0, about.index + about[0].length), 40))
        .flatMap((t) => t.keys.filter((k) => k.key.startsWith('sp:')).map((k) => k.key.slice(3))),
    );
    return named.size === 1 ? [...named][0] : undefined;
  }

  private paragraphOf(c: Candidate): number {
    return c.target.type === 'entry' ? (this.corpus.entries[c.target.index]?.paragraph ?? 0) : c.target.number;
  }

  /**
   * Whether a quote is the speaker's own words: the reporter's text (the speaker named in the byline), or a
   * span inside one of the paragraph's quotation-mark spans (either containing the other, so a quote that is
   * a whole quotation with its marks counts).
   */
  private isDirect(quote: string, paragraph: number, speakerId: string): boolean {
    if (this.speakers.get(speakerId)?.nameAr === this.corpus.byline) return true;
    const spans = this.corpus.paragraphs[paragraph - 1]?.quotes ?? [];
    return spans.some((span) => span.length > 30 && (span.includes(quote) || quote.includes(span)));
  }

  private speakerBlock(id: string): AnswerSpeaker {
    const s = this.speakers.get(id) as Speaker;
    return { id: s.id, nameAr: s.nameAr, nameEn: s.nameEn, role: s.roleEn, roleAr: s.roleAr };
  }

  /**
   * Paragraphs asked for by number ("paragraph 6", "paragraphs 3 and 4", "13 to 20"): the first that exists in full,
   * the others that exist as its alternatives, in the order asked; `clippedTo` when some asked for do not exist. A
   * no-answer naming the valid range when none does.
   */
  private paragraphAnswer(numbers: number[], script: QueryScript): Reply {
    // "paragraphs 1, 2, 1": each shown once, where first asked.
    const found = [...new Set(numbers)]
      .map((n) => (Number.isInteger(n) ? this.corpus.paragraphs[n - 1] : undefined))
      .filter((p): p is Paragraph => p !== undefined);
    const [paragraph, ...more] = found;
    if (!paragraph) return this.noAnswer('no-such-paragraph', script);
    const alternatives: Alternative[] = more.map((p) => ({
      quote: p.text,
      speaker: this.speakerBlock(p.speakerId),
      paragraph: p.number,
      source: 'article' as const,
      confidence: 1,
      label: this.labelForCandidate({ target: { type: 'paragraph', number: p.number }, score: 1, coverage: 1 }, script),
      translation: p.translation,
    }));
    return {
      kind: 'answer',
      quote: paragraph.text,
      direct: this.isDirect(paragraph.text, paragraph.number, paragraph.speakerId),
      speaker: this.speakerBlock(paragraph.speakerId),
      paragraph: paragraph.number,
      source: 'article',
      confidence: 1,
      translation: paragraph.translation,
      translationScope: 'paragraph',
      alternatives,
      ...(alternatives.length > 0 && { listing: true as const }),
      ...(numbers.some((n) => !this.corpus.paragraphs[n - 1]) && { clippedTo: this.corpus.paragraphs.length }),
      script,
    };
  }

  /** A curated question typed as stored: its own entry, with full confidence, whatever else matches. */
  private curatedAnswer(index: number, candidates: Candidate[], tokens: QueryToken[], script: QueryScript): Answer {
    const own: Candidate = { target: { type: 'entry', index }, score: 1, coverage: 1 };
    const answer = this.answerFor(own, 1, script, tokens);
    const others = candidates.filter((c) => !(c.target.type === 'entry' && c.target.index === index));
    answer.alternatives = this.alternativesFor(answer, own, [own, ...others], script, tokens);
    return answer;
  }

  /**
   * The answer a candidate gives. For a paragraph without a dominant quotation, `tokens` (the question's) pick
   * the clause of the paragraph that holds the answer, instead of the whole paragraph.
   */
  private answerFor(candidate: Candidate, confidence: number, script: QueryScript, tokens?: QueryToken[]): Answer {
    if (candidate.target.type === 'entry') {
      const entry = this.corpus.entries[candidate.target.index] as QaEntry;
      return this.withIntroduced({
        kind: 'answer',
        quote: entry.quote,
        speaker: this.speakerBlock(entry.speakerId),
        paragraph: entry.paragraph,
        direct: this.isDirect(entry.quote, entry.paragraph, entry.speakerId),
        source: 'qa',
        confidence,
        translation: entry.translation,
        translationScope: 'quote',
        entryId: entry.id,
        alternatives: [],
        script,
      });
    }
    const paragraph = this.corpus.paragraphs[candidate.target.number - 1] as Paragraph;
    const whole = quoteOfParagraph(paragraph);
    const quote = tokens && whole === paragraph.text ? this.bestClause(paragraph.text, tokens) : whole;
    return this.withIntroduced({
      kind: 'answer',
      quote,
      direct: this.isDirect(quote, paragraph.number, paragraph.speakerId),
      translationScope: 'paragraph',
      speaker: this.speakerBlock(paragraph.speakerId),
      paragraph: paragraph.number,
      source: 'article',
      confidence,
      translation: paragraph.translation,
      alternatives: [],
      script,
    });
  }

  /**
   * `answer` with `introduces` set when its quote is a short introduction («مستشار الأمن الوطني فالح الفياض»: the
   * name and at most INTRODUCTION_EXTRA_CHARS more) of exactly one speaker other than its own.
   */
  private withIntroduced(answer: Answer): Answer {
    const named = this.corpus.speakers.filter(
      (s) =>
        s.id !== answer.speaker.id &&
        answer.quote.includes(s.nameAr) &&
        answer.quote.length <= s.nameAr.length + INTRODUCTION_EXTRA_CHARS,
    );
    if (named.length === 1) answer.introduces = this.speakerBlock((named[0] as Speaker).id);
    return answer;
  }

  private alternativesFor(
    topAnswer: Answer,
    top: Candidate,
    candidates: Candidate[],
    script: QueryScript,
    tokens: QueryToken[],
  ): Alternative[] {
    const shown = [topAnswer];
    const out: Alternative[] = [];
    for (const c of candidates.slice(1)) {
      if (out.length >= 3) break;
      if (c.score < top.score * 0.5) break;
      const a = this.answerFor(c, 0, script, tokens);
      // A paragraph already represented, or a quote already shown (or inside one shown), adds nothing.
      const redundant = shown.some(
        (s) =>
          (a.source === 'article' && s.paragraph === a.paragraph) ||
          s.quote.includes(a.quote) ||
          a.quote.includes(s.quote),
      );
      if (redundant) continue;
      shown.push(a);
      // Ranked below the answer, so never more confident than it (a tool sorting by confidence would pick it).
      const confidence = Math.min(confidenceOf(c, undefined, 1) * (c.score / top.score), topAnswer.confidence);
      const alternative: Alternative = {
        quote: a.quote,
        speaker: a.speaker,
        paragraph: a.paragraph,
        source: a.source,
        confidence: Math.round(confidence * 100) / 100,
        label: this.labelForCandidate(c, script),
      };
      if (a.entryId !== undefined) alternative.entryId = a.entryId;
      if (a.translation !== undefined) alternative.translation = a.translation;
      out.push(alternative);
    }
    return out;
  }

  private labelForCandidate(c: Candidate, script: QueryScript): string {
    if (c.target.type === 'entry') return this.labelFor(this.corpus.entries[c.target.index] as QaEntry, script);
    const p = this.corpus.paragraphs[c.target.number - 1] as Paragraph;
    const who = this.speakers.get(p.speakerId);
    return script === 'latin'
      ? `Paragraph ${p.number} (${who?.nameEn ?? ''})`
      : `الفقرة ${p.number} (${who?.nameAr ?? ''})`;
  }

  /** The first curated question of an entry in the user's script (English for Latin, MSA otherwise). */
  private labelFor(entry: QaEntry, script: QueryScript): string {
    const order = script === 'latin' ? (['en', 'arabizi', 'ar'] as const) : (['ar', 'en'] as const);
    for (const lang of order) {
      const q = entry.questions[lang]?.[0];
      if (q) return q;
    }
    return Object.values(entry.questions).flat()[0] ?? entry.id;
  }

  /** Popular questions: the first entry of each speaker, then the rest in file order. */
  private popular(script: 'latin' | 'arabic', max: number): Suggestion[] {
    return this.popularOrder.slice(0, max).map((e) => ({ entryId: e.id, question: this.labelFor(e, script) }));
  }

  /**
   * The entries in `popular`'s order, computed on first use: every decline offers suggestions, and ordering the
   * entries each time cost a pass over the whole Q&A set per question.
   */
  private get popularOrder(): readonly QaEntry[] {
    if (this.popularOrderBuilt) return this.popularOrderBuilt;
    const firstOfSpeaker = new Map<string, QaEntry>();
    for (const e of this.corpus.entries) if (!firstOfSpeaker.has(e.speakerId)) firstOfSpeaker.set(e.speakerId, e);
    const firsts = new Set(firstOfSpeaker.values());
    this.popularOrderBuilt = [...firsts, ...this.corpus.entries.filter((e) => !firsts.has(e))];
    return this.popularOrderBuilt;
  }

  /** A decline that a long message's last question may undo (a weak match, or a word out of scope): see `ask`. */
  private retryableDecline(reason: keyof typeof NO_ANSWER_MESSAGES, script: QueryScript): NoAnswer {
    const declined = this.noAnswer(reason, script);
    this.retryableDeclines.add(declined);
    return declined;
  }

  private noAnswer(reason: keyof typeof NO_ANSWER_MESSAGES, script: QueryScript): NoAnswer {
    const suggestions = this.popular(script === 'latin' ? 'latin' : 'arabic', 4).map((s) => s.question);
    return { kind: 'no-answer', reason, message: NO_ANSWER_MESSAGES[reason], suggestions, script };
  }
}

/** Options of `createAnswerer`. */
export interface AnswererOptions {
  /** Confidence below which the bot abstains (0..1). @defaultValue DECISION.abstainBelow (calibration.ts) */
  abstainBelow?: number;
}

/** Builds the answerer (and its index) for a validated corpus. */
export function createAnswerer(corpus: Corpus, options: AnswererOptions = {}): Answerer {
  return withNormalizeMemo(() => new CorpusAnswerer(corpus, options));
}
