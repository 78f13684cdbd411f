/**
 * "Show me paragraph 3": requests for a whole paragraph by its position, in the ways people write them. Parsed
 * before any matching, on the question with its letters folded as src/core/normalize.ts folds them, but its
 * punctuation kept ("§3", "-1", "1.5", "p1-99" and "paragraph 3?" all depend on it).
 *
 * A request is one sentence with nothing else in it, read by this grammar (every part but the reference optional):
 *
 *     opening words      the reference                                     closing words
 *     "please show me"   "paragraph 3" / "the third paragraph" / "§3"      "in English"
 *     "what does"        "paragraphs 3 and 4" / "الفقرات من 1 إلى 14"       "say?"
 *     "من المتحدث في"    "الفقرة قبل الأخيرة" / "el fa2ra el tanye"         "لو سمحت"
 *
 * Anything outside the grammar ("what did Mekdad say in paragraph 3?", "which paragraph mentions Raqqa?") is a
 * question for the search, not a request: the whole sentence must parse, so a word the grammar does not know
 * keeps the question away from here.
 *
 * Sources of the number words: English cardinals and ordinals; Modern Standard Arabic ordinals (the فاعل pattern
 * of 2–10, with أول/أولى and حادي for 1, compounds 11–19 as unit + عشر/عشرة, tens with و); dialect forms as the
 * bot's users write them (Levantine and Egyptian تاني/تالت/تامن and fused teens حداشر, اتناشر, اربعطعش);
 * Arabizi, the Latin-letter chat spelling (2 for hamza, 3 for ع, 5 and kh for خ, 7 for ح: "tanye", "rab3a").
 */

import { LETTER_FOLDS } from './normalize.ts';
import {
  ARABIC,
  ARABIC_COMPOUND_UNITS,
  ARABIZI,
  any,
  ENGLISH,
  FUSED_TEEN,
  FUSED_TEENS,
  isTen,
  isUnit,
  valueOfWord,
  wordsOf,
} from './numberWords.ts';

/**
 * The question as this grammar reads it: normalize.ts's letter folds (so the tables below are written once, in
 * folded spelling: ة as ه, أ إ آ as ا, ى as ي, Latin lowercase), typographic quotes, dashes and the minus sign
 * as their ASCII forms, runs of spaces as one. Not normalize itself: it turns punctuation into spaces.
 */
function foldForGrammar(text: string): string {
  return LETTER_FOLDS.reduce((out, fold) => fold(out), text)
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A regex alternation of words, longest first (so "sixteen" is tried before "six"); a space is any spaces. */
function alt(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`).replace(/ /g, String.raw`\s+`))
    .join('|');
}

/** One alternative of several regex sources (written one language or one idea per line). */
function oneOf(...parts: string[]): string {
  return `(?:${parts.join('|')})`;
}

/** "3", "3rd", "1.5" (a paragraph that does not exist, not paragraph 1), "-1" after a space ("p1-3" is a range). */
const DIGITS = String.raw`(?:(?<=\s|^)-)?\d+(?:\.\d+)?(?:st|nd|rd|th)?`;

const EN_TENS = oneOf(alt(wordsOf(ENGLISH.cardinals, isTen)));
const EN_UNITS = oneOf(alt([...wordsOf(ENGLISH.cardinals, isUnit), ...wordsOf(ENGLISH.ordinals, isUnit)]));
/** "twenty-first" is a cardinal ten and an ordinal unit. */
const EN_ORDINAL = oneOf(
  String.raw`${EN_TENS}[-\s]+${oneOf(alt(wordsOf(ENGLISH.ordinals, isUnit)))}`,
  alt(wordsOf(ENGLISH.ordinals, any)),
);
const EN_NUMBER = oneOf(
  String.raw`${EN_TENS}(?:[-\s]+${EN_UNITS})?`,
  String.raw`(?:a|one)\s+(?:hundred|hundredth)`,
  EN_ORDINAL,
  alt(wordsOf(ENGLISH.cardinals, any)),
);

const AR_UNIT = oneOf(
  alt([
    ...wordsOf(ARABIC.ordinals, isUnit),
    ...wordsOf(ARABIC.cardinals, isUnit),
    ...wordsOf(ARABIC_COMPOUND_UNITS, any),
  ]),
);
const AR_ORDINAL = oneOf(
  String.raw`(?:ال)?${AR_UNIT}\s+(?:ال)?عشره?`,
  `(?:ال)?${oneOf(alt(wordsOf(ARABIC.ordinals, any)))}`,
);
const AR_NUMBER = oneOf(
  String.raw`(?:ال)?${AR_UNIT}\s*و\s*(?:ال)?${oneOf(alt(wordsOf(ARABIC.cardinals, isTen)))}`,
  AR_ORDINAL,
  `(?:ال)?${oneOf(alt(wordsOf(ARABIC.cardinals, any)))}`,
  ...FUSED_TEENS.map(([, arabic]) => `(?:${arabic})[تط]?ا?(?:شر|عش)`),
);

/** "el" before an Arabizi ordinal ("el fa2ra el tanye"), as ال before an Arabic one. */
const AZ_ARTICLE = String.raw`(?:el|il|al|l|'l)[-\s]?`;
const AZ_NUMBER = oneOf(
  oneOf(alt([...wordsOf(ARABIZI.cardinals, isUnit), ...wordsOf(ARABIZI.ordinals, isUnit)])) +
    String.raw`\s+(?:w[ae]?|u|o)\s*${oneOf(alt(wordsOf(ARABIZI.cardinals, isTen)))}`,
  `(?:${AZ_ARTICLE})?${oneOf(alt([...wordsOf(ARABIZI.ordinals, any), ...wordsOf(ARABIZI.cardinals, any)]))}`,
  ...FUSED_TEENS.map(([, , arabizi]) => `(?:${arabizi})t?a{0,2}3?(?:sh|ch)`),
);

/** "minus one", "سالب 1": a sign in words. */
const MINUS = String.raw`(?:minus|negative|سالب|ناقص)\s+`;

const NUMBER = `(?:${MINUS})?${oneOf(DIGITS, EN_NUMBER, AR_NUMBER, AZ_NUMBER)}`;

/** "The last paragraph", whatever the count: English, Arabic (الأخيرة, آخر فقرة), Arabizi (el akhira, a5er). */
const LAST = oneOf('last|final', '(?:ال)?(?:اخيره|اخير|اخر)', `(?:${AZ_ARTICLE})?2?(?:akh|a5)[ie]r[aeh]?`);

/**
 * The one before the last: "penultimate", "next to last", "last but one", "(the one) before (the) last",
 * "الفقرة (ما) قبل الأخيرة", "قبل آخر فقرة", "2abel el akhira".
 */
const BEFORE_LAST = oneOf(
  String.raw`penultimate|next[-\s]to[-\s](?:the\s+)?last|last\s+but\s+one`,
  String.raw`(?:(?:the\s+)?one\s+)?before\s+(?:the\s+)?last`,
  String.raw`(?:(?:ما|اللي|التي|الي|يلي)\s+)?قبل\s+(?:ال)?(?:اخيره|اخير|اخر)`,
  String.raw`(?:2?abl|2?abel|qabl)\s+${LAST}`,
);

/** "second to last", "third from the last", "2nd-last", "الثالثة من الأخير": counted from the end. */
const FROM_LAST = oneOf(
  String.raw`${oneOf(EN_ORDINAL, String.raw`\d+(?:st|nd|rd|th)`)}[-\s]+(?:(?:to|from)[-\s]+(?:the\s+)?)?last`,
  String.raw`${AR_ORDINAL}\s+من\s+(?:ال)?(?:اخير|اخر|نهايه)`,
);

/** Which paragraph: a position from the end, or a number (in digits or words). */
const WHICH = oneOf(BEFORE_LAST, FROM_LAST, LAST, NUMBER);

/** The same pieces, each alone: which kind of position a matched `WHICH` is. */
const IS_BEFORE_LAST = new RegExp(`^${BEFORE_LAST}$`);
const IS_FROM_LAST = new RegExp(`^${FROM_LAST}$`);
const IS_LAST = new RegExp(`^${LAST}$`);
const SIGN = new RegExp(`^(?:-|${MINUS})`);
/** What follows the ordinal in a `FROM_LAST` ("to the last", "من الأخير"). */
const FROM_LAST_END = /[-\s]+(?:(?:to|from)[-\s]+(?:the\s+)?)?last$|\s+من\s+\S+$/;

/**
 * The word "paragraph": English and its short forms ("para.", "p12", "§3", "¶3"); Arabic singular, dual and
 * plural with their clitics (بالفقرة "in the paragraph", للفقرة, والفقرة, فقرت for a ة typed as ت); Arabizi
 * (fa2ra, faqra, fakra, with el/bel/fil).
 */
const PARAGRAPH = oneOf(
  String.raw`(?:paragraphs|paragraph|paragrah|paragaph|pargraph|paragraf|paragr|parag|paras|para|par|pp|p)\.?`,
  '§§|§|¶',
  '(?:[وف]?[بكل]?ال|[وف]?لل|[وف]?[بل])?فقر(?:ه|ات|تين|تان|ت)',
  String.raw`(?:(?:bi?|be|fi?|fe|li?|w)\s?)?(?:(?:el|il|al|l|'l)[-\s]?)?fa[2qkg']a?r[aei]?[ht]?`,
);

/** Between the word and the number: "paragraph no. 4", "number", "#4", "رقم 4", "fa2ra ra2am 4", "paragraph: 4". */
const LABEL = String.raw`(?:(?:no\.?|nr\.?|num(?:ber)?\.?|#|رقم|ra[2qk]a?m)\s*|:\s*)`;

/** What makes two numbers a range ("3 to 5", "3-5", "من 1 إلى 14") or a list ("3 and 4", "الثالثة والرابعة"). */
const RANGE_SEPARATOR = oneOf('-|to|through|thru|till|until', 'الي|حتي', 'la|ila|ela|lal');
const LIST_SEPARATOR = oneOf(String.raw`,|،|and|&|\+`, 'و', 'w|wa|we');
const SEPARATOR = oneOf(RANGE_SEPARATOR, LIST_SEPARATOR);

/** Before a range: "from paragraph 1 to 3", "الفقرات من 1 إلى 14"; "between ... and" is a range too. */
const FROM = oneOf('from|من|min|men|mn', 'between|بين|bain|bein|ben');
const IS_BETWEEN = /^(?:between|بين|bain|bein|ben)$/;
const IS_RANGE_SEPARATOR = new RegExp(`^${RANGE_SEPARATOR}$`);

/**
 * The reference: `which` (group a) after the word ("paragraph 3"), or before it (group b: "the third paragraph",
 * "ثالث فقرة"; group b2: "the third and fourth paragraphs"), optionally with a second (group c) after a
 * separator (group sep), and "from"/"between" before either (groups from, from2).
 */
const REFERENCE = [
  String.raw`(?:(?<from>${FROM})\s+)?(?:the\s+)?`,
  String.raw`(?:${PARAGRAPH}\s*(?:(?<from2>${FROM})\s+)?${LABEL}?(?<a>${WHICH})`,
  String.raw`|(?<b>${WHICH})\s+${PARAGRAPH}`,
  String.raw`|(?<b2>${WHICH})(?=\s*${SEPARATOR}\s*(?:the\s+)?${WHICH}\s+${PARAGRAPH}))`,
  // "paragraphs 1, 2 and 3": the items before the last of a longer list (group more), read by MORE_ITEM.
  String.raw`(?<more>(?:\s*${SEPARATOR}\s*(?:the\s+)?${WHICH}(?=\s*${SEPARATOR}))*)`,
  String.raw`(?:\s*(?<sep>${SEPARATOR})\s*(?:the\s+)?(?:${PARAGRAPH}\s*${LABEL}?)?(?<c>${WHICH})(?:\s+${PARAGRAPH})?)?`,
].join('');

/** One item of a longer list's middle (`more` in REFERENCE): its separator and its number. */
const MORE_ITEM = new RegExp(String.raw`\s*(?<sep>${SEPARATOR})\s*(?:the\s+)?(?<which>${WHICH})`, 'y');

/** "please", "ممكن", "law sama7t", "ok so": politeness and fillers, before or after. */
const POLITE = oneOf(
  'please|pls|plz|kindly|ok|okay|now|and|so|also|then|hey|hi',
  String.raw`ممكن|طيب|طب|لو\s+سمحت|من\s+فضلك|رجاء|رجاءا|بليز`,
  String.raw`yalla|law\s+sama7t|min\s+fadlak|momken|mumkin`,
);

/** "can you", "I want to", "let me", "أريد أن", "بدي", "عايز", "baddi": asking, before the verb. */
const ASK = String.raw`${oneOf(
  String.raw`(?:can|could|would|will)\s+(?:you|u)|i\s+(?:want|need|would\s+like|'d\s+like|wanna)|i'd\s+like`,
  String.raw`let\s+me|can\s+i|may\s+i`,
  'اريد|بدي|بدنا|ابغي|ابي|عايز|عاوز|عاوزه|عايزه|حاب|ودي',
  'baddi|badde|bade|bdi|3ayez|3awez|abi|abgha',
)}(?:\s+(?:to|ان|an))?`;

/**
 * Verbs that ask to see it: "show (me)", "tell me (about)", "translate", "read out", "اعرض لي", "ورجيني", "اقرأ",
 * "e2ra", "warjini"; and the verb after "I want to" ("see", "أشوف", "أعرف").
 */
const VERB = String.raw`${oneOf(
  'show|display|read|print|open|give|get|send|paste|fetch|translate|quote|tell|recite|repeat|summari[sz]e',
  String.raw`paraphrase|explain|see|view|have|check|share|copy|know|pull\s+up|bring\s+up|go\s+to|jump\s+to|look\s+at`,
  'اعرض|اعرضي|اقرا|اقراي|ترجم|ترجمي|لخص|لخصي|هات|هاتي|اعطني|اعطيني|عطني|عطيني|ورجيني|وريني|فرجيني|ارني|اريني',
  'اظهر|اظهري|ارسل|ابعت|ابعث|اكتب|انسخ|قل|قول|قلي|قولي|احكي|خبرني|اخبرني|اشرح|اشرحي|فسر|وضح',
  'اشوف|اري|اعرف|تعرض|تعطيني|توريني|تورجيني|تقرا|تترجم|تلخص|شوف|جيب',
  'warjini|warjine|warjeeni|farjini|wareeni|3tini|a3tini|e3tini|e2ra|i2ra|tarjem|tarjim|la55es|lakhes',
  '5abberni|khabberni|ehkili|i7kili|jibli',
)}(?:\s*(?:me|us|لي|لنا|ليا|li))?(?:\s+(?:out|again|back|about))?`;

/** "the text of", "the translation of", "نص", "محتوى", "ترجمة": what of it, before the reference. */
const NOUN = oneOf(
  String.raw`(?:the\s+)?(?:full\s+|whole\s+|complete\s+|exact\s+|original\s+|arabic\s+|english\s+)?` +
    String.raw`(?:text|content|contents|wording|translation|summary|gist|meaning|quote|quotes|words)\s+(?:of|in|from)`,
  'نص|محتوي|مضمون|ترجمه|ملخص|خلاصه|فحوي|موضوع|كلام|معني',
  'nas|tarjamet|tarjamit',
);

/** Saying-verbs in Arabic (what it says, where a thing is written): تقول, ورد, مكتوب, بتحكي; جاء is جا once folded. */
const AR_SAYS = oneOf(
  'يوجد|موجود|مكتوب|مذكور|ورد|جا|يرد|يقال|قيل|تقول|يقول|تقوله|تذكر|تذكره|تتحدث|تتكلم|تحكي|بتحكي|بتقول|بيقول',
  'قالت|قال|ذكرت|ذكر|تضمنت|تتضمن|تحتوي|تحتويه|فيه|فيها',
);

/** Talking-about verbs: عن ماذا "تتحدث", ع شو "بتحكي". */
const AR_TALKS = 'تتحدث|تتكلم|تحكي|بتحكي|تدور|يتحدث|يتكلم|يدور|تتناول|بتتكلم|تحدثت|تكلمت|بتتحدث';

/** Speaking-verbs and speaker nouns: "من المتحدث", "مين بيحكي" (القائل is القايل once folded), "who speaks". */
const AR_SPEAKER = oneOf(
  String.raw`المتحدث|المتكلم|القايل|الناطق|المقتبس|صاحب\s+(?:الكلام|التصريح|القول)`,
  String.raw`يتحدث|يتكلم|يحكي|بيحكي|عم\s+يحكي|قال|يقول|بيقول|تحدث|تكلم`,
);
const EN_SPEAKER = oneOf(
  'speaks|speaking|speaker|talks|talking|quoted|cited|said|says|saying|mentioned|named',
  String.raw`the\s+one\s+(?:speaking|talking|quoted)`,
);

/** Arabic and Arabizi "what": ماذا, شو, ايش, وش, شنو, ايه; shu, esh, wesh. */
const AR_WHAT = 'ماذا|ما|شو|ايش|اش|وش|شنو|شنهو|ايه|واش|اشنو';
const AZ_WHAT = 'shu|sho|shou|chou|shoo|eh|eih|esh|eish|aish|ish|wesh|shinu|shno|shnu';

/**
 * What or who it is about, before the reference: "what is in", "what does", "what's written in", "what did the
 * person in", "who speaks in", "who is quoted in", "whose words are in", "ماذا في", "ما الذي تقوله", "شو مكتوب ب", "عن ماذا تتحدث",
 * "من المتحدث في", "مين بيحكي ب", "shu fi", "meen byi7ke b".
 */
const QUESTION = oneOf(
  String.raw`what(?:'s|s|\s+is|\s+was|\s+does|\s+did|\s+do|\s+are)?` +
    String.raw`(?:\s+(?:in|inside|on|about|(?:written|said|mentioned|stated|reported|quoted)\s+in))?`,
  String.raw`who(?:'s|s|\s+is|\s+was|\s+are)?\s+(?:the\s+)?${EN_SPEAKER}(?:\s+(?:in|of|at|from|for|by))?`,
  String.raw`whose\s+(?:words|quote|statement|voice)\s+(?:is|are)(?:\s+in)?`,
  // "what did the person in paragraph 9 say?": the tail holds the saying-verb.
  String.raw`what\s+(?:does|did|do)\s+the\s+(?:person|speaker|man|guy|one|official|people)\s+(?:in|of|from)`,
  String.raw`(?:${AR_WHAT})\s+(?:قال|يقول|بيقول|حكي|قاله)\s+(?:الشخص|المتحدث|الرجل|المسوول)\s+(?:في|ب|من)`,
  String.raw`(?:${AR_WHAT})(?:\s+(?:الذي|اللي|يلي|الي))?(?:\s+(?:هو|هي))?(?:\s+${AR_SAYS})?(?:\s+(?:في|ب))?`,
  String.raw`(?:(?:عن|علي|ع)\s*(?:ماذا|ما|شو|ايش|ايه|وش|شنو)|عما)\s+(?:${AR_TALKS})(?:\s+(?:في|ب))?`,
  String.raw`(?:من|مين|منو|منهو|شكون)(?:\s+(?:هو|اللي|الذي))?\s+${AR_SPEAKER}(?:\s+(?:في|ب|فيه))?`,
  String.raw`(?:${AZ_WHAT})(?:\s+(?:fi|fe|fee|b|bi|mektoub|maktoub|maktub|mawjoud` +
    '|2alet|bt2oul|bit2oul|bte7ke|bti7ki|btehki|t2oul|2al))*',
  String.raw`(?:meen|min|mnu|manu|mino)\s+(?:byi7ke|bye7ke|byehki|3am\s+yi7ke|2al|bi2oul|el\s+mutakallem)` +
    String.raw`(?:\s+(?:fi|b|bi))?`,
);

/** "in paragraph 5, who speaks?": where, before the reference. */
const IN = 'in|inside|at|on|from|في|fi|fe';

const SPACE = String.raw`[\s,،:;]*`;
/** Between two politeness words: a space or a comma at least, so "okok" is not read two ways. */
const GAP = String.raw`[\s,،:;]+`;

/** The opening words: politeness, asking, a verb, a question word, a noun, "in"; each optional, in this order. */
const LEAD = [
  `(?:${POLITE}${GAP})*`,
  String.raw`(?:${ASK}\s*)?`,
  String.raw`(?:${VERB}\s*)?`,
  String.raw`(?:${QUESTION}\s*)?`,
  String.raw`(?:${NOUN}\s*)?`,
  String.raw`(?:(?:${IN})\s+)?`,
].join('');

/**
 * The closing words, any number: its language ("in English", "بالإنجليزي"), politeness, the saying-verb of a
 * question that began with "what does" ("say", "talk about", "mean"), a question put after ("who speaks?",
 * "ماذا تقول؟", "عن ماذا تتحدث؟", "مين بيحكي فيها؟"), and the label in parentheses that paragraph alternatives carry
 * ("الفقرة 12 (فيصل المقداد)").
 */
const TAIL_PART = oneOf(
  String.raw`in\s+english|in\s+arabic|translated|in\s+translation|with\s+(?:the\s+|its\s+)?translation`,
  String.raw`in\s+full|fully|entirely|verbatim|word\s+for\s+word|again|for\s+me`,
  'بالانجليزي|بالانجليزيه|بالانكليزي|بالانكليزيه|بالعربي|بالعربيه',
  String.raw`مترجمه|مترجم|مع\s+الترجمه|كامله|بالكامل|كلها|حرفيا`,
  String.raw`bel\s+english|bil\s+inglizi|bel\s+3arabi|kamle`,
  String.raw`${POLITE}|thanks|thank\s+you|thx|شكرا|لي|merci`,
  String.raw`(?:say|says|said|mentions?|talks?\s+about|discuss|discusses|covers?|contains?|states?` +
    String.raw`|tells?\s+(?:me|us)|means?|deals?\s+with|(?:is|are|was)\s+about|about)(?:\s+exactly)?`,
  String.raw`(?:who|whom)\s+(?:speaks|is\s+speaking|talks|is\s+talking|is\s+quoted|is\s+the\s+speaker` +
    String.raw`|said\s+(?:it|that|this)|says\s+(?:it|that|this))(?:\s+(?:there|here|in\s+it))?`,
  String.raw`(?:is\s+)?(?:said|spoken|quoted)\s+by\s+whom|by\s+whom`,
  String.raw`what\s+(?:does|did)\s+it\s+say|what(?:'s|\s+is)\s+in\s+it|what\s+is\s+it\s+about`,
  String.raw`(?:ماذا|شو|ايش|وش|شنو|ايه|ما)\s+(?:${AR_SAYS}|يقال\s+فيها|مكتوب\s+فيها|يوجد\s+فيها)`,
  String.raw`(?:عن|علي|ع)\s*(?:ماذا|ما|شو|ايش|ايه|وش|شنو)(?:\s+(?:${AR_TALKS}))?|فيها\s+(?:ايه|شو|ايش|ماذا)`,
  String.raw`(?:من|مين|منو)\s+${AR_SPEAKER}(?:\s+(?:فيها|بها))?`,
  String.raw`(?:shu|sho|esh)\s+(?:fiya|fiha|bt2oul|bte7ke|fi)|3an\s+(?:shu|eh|esh)|meen\s+(?:byi7ke|2al)(?:\s+fiya)?`,
  String.raw`\([^)]*\)`,
);
// A closing word ends a word: "about" is not the start of "aboutness". Arabic letters only (U+0621–U+064A), not the
// whole block: ؟ (U+061F) ends a word.
const TAIL = String.raw`(?:${SPACE}${TAIL_PART}(?![a-z0-9\u0621-\u064A]))*`;

/**
 * The whole sentence: opening words, "the", the reference, closing words, end punctuation. Examples: "paragraph
 * 12", "p12", "§3", "show paragraph 3", "what does paragraph 6 say?", "tell me paragraph 6", "who is quoted in
 * paragraph 9?", "the second to last paragraph", "ماذا في الفقرة 5؟", "شو بالفقرة 3", "عن ماذا تتحدث الفقرة
 * الثالثة؟", "من المتحدث في الفقرة 5؟", "الفقرات من 1 إلى 14", "الفقرة قبل الأخيرة", "el fa2ra el tanye".
 */
const REQUEST = new RegExp(String.raw`^[\s,.!?؟:]*(?:${LEAD})?${REFERENCE}${TAIL}[\s,.!?؟:;]*$`);

/**
 * On the typed text in NFKC form (presentation forms and fullwidth letters folded, nothing else), whether it could
 * name a paragraph at all: a Latin word starting "par" or a lone "p"/"pp", § or ¶, ف…ق…ر with tatweel, diacritics
 * or invisible marks between, or Arabizi fa2/faq/fak/fag. A superset of `NAMES_PARAGRAPH` after the full folds, so
 * those folds (most of the cost) run only for the few questions that may name one.
 */
const MAY_NAME_PARAGRAPH =
  /(?<![a-z])(?:par|pp?(?![a-z]))|[§¶]|ف[\u0640\u064B-\u065F\u0670\u200B-\u200F]*ق[\u0640\u064B-\u065F\u0670\u200B-\u200F]*ر|fa[2qkg']/i;

/** The word for a paragraph anywhere, as a whole word ("p6", "§3", "الفقرة", "fa2ra"; not the "p" of "upon"). */
const NAMES_PARAGRAPH = new RegExp(String.raw`(?<![a-z\u0621-\u064A])${PARAGRAPH}(?![a-z])`);

/**
 * The positions a question asks to see, or undefined when it is not such a request: one ([3] for "paragraph 3");
 * two for "paragraphs 3 and 4"; every one of a range ("3 to 5", "من 1 إلى 14", "5 to 3" in reading order), at most
 * `count + 1` long, so a range past the article still shows one number past it. A number is as written and may be no
 * paragraph at all (0, 15, -1, 1.5): saying so is the caller's.
 *
 * @param text - the question as typed (digits and letters are folded here).
 * @param count - how many paragraphs the article has: "the last paragraph" is this one.
 */
export function paragraphRequested(text: string, count: number): number[] | undefined {
  if (!MAY_NAME_PARAGRAPH.test(text.normalize('NFKC'))) return undefined;
  const folded = foldForGrammar(text);
  // Every request names the paragraph; most questions do not, and the whole grammar is costly to fail on them.
  if (!NAMES_PARAGRAPH.test(folded)) return undefined;
  const groups = REQUEST.exec(folded)?.groups;
  if (!groups) return undefined;
  const first = positionOf(groups.a ?? groups.b ?? groups.b2, count);
  if (first === undefined) return undefined;
  if (groups.more) return listed(first, groups.more, groups.sep, groups.c, count);
  const second = positionOf(groups.c, count);
  if (second === undefined || second === first) return [first];
  const ranged = IS_RANGE_SEPARATOR.test(groups.sep ?? '') || IS_BETWEEN.test(groups.from ?? groups.from2 ?? '');
  // A range needs whole numbers ("1.5 to 3" is a list, and its first is no paragraph).
  if (!ranged || !Number.isInteger(first) || !Number.isInteger(second)) return [first, second];
  // "paragraphs 10 to 5" is the same range, shown in reading order; capped so "1 to 99999" stays a short list, one
  // past the article's end so the caller still sees it asked for more than there is.
  const [low, high] = first < second ? [first, second] : [second, first];
  return Array.from({ length: Math.min(high - low + 1, count + 1) }, (_, i) => low + i);
}

/**
 * A list of three or more ("paragraphs 1, 2 and 3", "2, 5 to 7 and 9"): each number once, in the order first written,
 * a range separator spanning from the number before it; at most `count + 1` long, like a range. `more` holds the
 * middle items as matched, `sep` and `last` the final one.
 */
function listed(
  first: number,
  more: string,
  sep: string | undefined,
  last: string | undefined,
  count: number,
): number[] {
  const items: Array<{ sep: string; which: string }> = [];
  MORE_ITEM.lastIndex = 0;
  for (let m = MORE_ITEM.exec(more); m?.groups; m = MORE_ITEM.exec(more)) {
    items.push({ sep: m.groups.sep ?? '', which: m.groups.which ?? '' });
  }
  if (sep !== undefined && last !== undefined) items.push({ sep, which: last });
  // Each number once, where first asked ("1, 2, 1"), so the cap counts distinct paragraphs.
  const numbers = new Set([first]);
  let previous = first;
  for (const { sep: separator, which } of items) {
    const value = positionOf(which, count);
    if (value === undefined) continue;
    if (IS_RANGE_SEPARATOR.test(separator) && Number.isInteger(previous) && Number.isInteger(value)) {
      const step = Math.sign(value - previous);
      for (let n = previous + step; n !== value && numbers.size <= count; n += step) numbers.add(n);
    }
    numbers.add(value);
    previous = value;
    if (numbers.size > count) break;
  }
  return [...numbers].slice(0, count + 1);
}

/** A matched `WHICH` as a paragraph number; undefined for an unmatched group or words that make no number. */
function positionOf(which: string | undefined, count: number): number | undefined {
  if (which === undefined) return undefined;
  if (IS_BEFORE_LAST.test(which)) return count - 1;
  if (IS_FROM_LAST.test(which)) {
    const nth = numberOf(which.replace(FROM_LAST_END, ''));
    return nth === undefined ? undefined : count + 1 - nth;
  }
  if (IS_LAST.test(which)) return count;
  return numberOf(which);
}

/**
 * Digits or number words as a number: "3", "3rd", "-1", "1.5", "fifteen", "twenty-first", "الخامسة عشرة",
 * "الحادي والعشرون", "اربعطعش", "tna3sh", "minus one". Undefined for words that make no number.
 */
function numberOf(words: string): number | undefined {
  const negative = SIGN.exec(words);
  if (negative) {
    const value = numberOf(words.slice(negative[0].length));
    return value === undefined ? undefined : -value;
  }
  const digits = /^(\d+(?:\.\d+)?)(?:st|nd|rd|th)?$/.exec(words);
  if (digits) return Number(digits[1]);
  const fused = FUSED_TEEN.find(([, pattern]) => pattern.test(words));
  if (fused) return fused[0];
  // "الحادي والعشرون", "wa7ad w 3ishrin", "el tanye", "a hundred": conjunctions and articles carry no value.
  const values = words
    .split(/[\s-]+/)
    .filter((w) => !/^(?:و|w[ae]?|u|o|and|a|el|il|al|l|'l)$/.test(w))
    .map(valueOfWord);
  const [x, y] = values;
  if (x === undefined || values.length > 2) return undefined;
  if (values.length === 1) return x;
  if (y === undefined) return undefined;
  if (isUnit(x) && y === 10) return 10 + x; // الخامسة عشرة
  if (isTen(x) && isUnit(y)) return x + y; // twenty-one
  if (isUnit(x) && isTen(y)) return x + y; // واحد وعشرون
  if (x === 1 && y === 100) return 100; // one hundred
  return undefined;
}

/** " about …" (عن, حول, بخصوص, 3an) closing a paragraph request, up to the end of the question. */
const ABOUT_TOPIC = /\s+(?:about|on|regarding|concerning|عن|حول|بخصوص|بشأن|3an|3n)\s+[\s\S]*$/i;

/**
 * {@link paragraphRequested}, also when a topic closes the request ("what does paragraph 6 say about Iran?",
 * "ماذا تقول الفقرة 2 عن الحدود؟"): the paragraph is the answer, what it is about narrows nothing the reader cannot
 * see in it. Same result shape; undefined when no paragraph is requested.
 */
export function paragraphRequestedAbout(text: string, count: number): number[] | undefined {
  const asked = paragraphRequested(text, count);
  if (asked !== undefined) return asked;
  const topic = ABOUT_TOPIC.exec(text);
  return topic ? paragraphRequested(text.slice(0, topic.index), count) : undefined;
}
