/**
 * Questions in a language the bot does not read. It reads Arabic (standard and dialects), English and Arabizi; a
 * question in another script (Cyrillic, Hebrew, Chinese…) or in another Latin-script language (German, French,
 * Spanish, Italian, Portuguese, Turkish, Dutch, Indonesian, Polish, Hungarian, Hindi and Urdu in Latin letters) gets a reply saying which languages it reads, instead of "the article does
 * not say", which would wrongly tell the user the article lacks the answer.
 */
import { ENGLISH_STOPWORDS } from './lexicon.ts';

/**
 * Function and question words of other Latin-script languages, lowercased without accents (the question is folded the
 * same way). Words that are also common English ("was", "die", "war", "an", "pour", "con") or Arabizi ("el", "il",
 * "la", "ma", "fi", "chi", "ou", "mi") are left out: they prove nothing. German "hat" stays: the English noun is no
 * word of a question about this article.
 */
const FOREIGN_WORDS: ReadonlySet<string> = new Set(
  `
  wer ist wie warum wieso weshalb wo wann welche welcher hat sagte gesagt der das und nicht ein eine ueber mit von
  qu qui est quoi pourquoi quand quel quelle les et une dit elle avec sur dans envoye resume des du aux ete etait cette
  quien es que como por donde cuando cual los las dijo sobre una
  cosa perche quale sono detto della
  quem onde porque disse com
  kim kimdir nedir neden nerede nasil icin dedi hakkinda ne hangi kac mesaji gonderdi soyledi
  geht dem artikel nachricht hauptnachricht
  het een zijn over
  apa kata tentang yang dan dengan
`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Question words no English or Arabizi message uses: one is enough ("Esad kimdir?"). */
const FOREIGN_QUESTION_WORDS: ReadonlySet<string> = new Set([
  'warum',
  'wieso',
  'weshalb',
  'pourquoi',
  'qui',
  'quoi',
  'quand',
  'quien',
  'kimdir',
  'nedir',
  'nerede',
  'perche',
  // German, Dutch, Indonesian, Hindi/Urdu in Latin letters, Hungarian, Polish: "said", "who", "why", "what".
  'sagte',
  'worum',
  'waarom',
  'siapa',
  'mengapa',
  'kenapa',
  'bagaimana',
  'berkata',
  'kya',
  'kaun',
  'kyun',
  'mondott',
  'kto',
  'powiedzial',
  'wyslal',
]);

/**
 * True when `text` (the user's message as typed) is written in a language the bot does not read: letters but none
 * Arabic or Latin (Unicode scripts, `\p{Script=…}`), or Latin words of which two or more are function words of another
 * language and outnumber English ones (or one is a question word only another language has, and English ones do not
 * outnumber them). Arabic letters anywhere,
 * or no letters at all, make it false.
 */
export function isUnsupportedLanguage(typed: string): boolean {
  // Discord's "fancy text" (𝐰𝐡𝐚𝐭, mathematical bold, Script=Common) is plain Latin once compatibility-folded.
  const text = typed.normalize('NFKC');
  if (/\p{Script=Arabic}/u.test(text)) return isPersianOrUrdu(text);
  if (!/\p{L}/u.test(text)) return false;
  if (!/\p{Script=Latin}/u.test(text)) return true;
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  const english = words.filter((w) => ENGLISH_STOPWORDS.has(w)).length;
  const foreign = words.filter((w) => FOREIGN_WORDS.has(w) || FOREIGN_QUESTION_WORDS.has(w)).length;
  const asksInAnother = words.some((w) => FOREIGN_QUESTION_WORDS.has(w));
  // "Was sagte Mekdad?", "Wat zei Assad?": "was" and "wat" read as English, but "sagte" and "zei" are no English word.
  if (english > 0 && (asksInAnother ? english > foreign : english >= foreign)) return false;
  return foreign >= 2 || asksInAnother;
}

/** Letters of Urdu that Arabic never uses (ٹ ڈ ڑ ں ے ۓ ہ, Unicode Arabic block U+0679–U+06D3). */
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06C1\u06D2\u06D3]/u;

/**
 * Persian function and question words, as Persian keyboards write them (Farsi yeh ی U+06CC, keheh ک U+06A9): two of
 * them make a message Persian. Arabic and its dialects use none of these spellings ("چه", "را" and "است" included:
 * dialects write شو/ايش, not چه, and Arabic has no را).
 */
const PERSIAN_WORDS: ReadonlySet<string> = new Set(
  ['است', 'را', 'چه', 'چرا', 'کجا', 'کی', 'کسی', 'چه‌کسی', 'این', 'برای', 'فرستاد', 'گفت', 'پیام', 'درباره', 'چیست'].map(
    (w) => w,
  ),
);

/** Arabic-script text that is Urdu (two words or more with letters only Urdu has) or Persian (two Persian words or more). */
function isPersianOrUrdu(text: string): boolean {
  const words = text.split(/[\s\u200c?؟!.,،:;]+/).filter((w) => w !== '');
  // One Urdu letter is an Urdu keyboard typing Arabic («ماذا قال الطائے؟», folded by normalize.ts); Urdu has them
  // in word after word.
  if (words.filter((w) => URDU_LETTERS.test(w)).length >= 2) return true;
  return words.filter((w) => PERSIAN_WORDS.has(w)).length >= 2;
}
