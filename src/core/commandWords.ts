/**
 * Whole messages that are commands rather than questions ("help", "speakers", "exit", "paragraph 4"), shared by the
 * terminal chat, `ask` and Discord messages so that they agree. Commands are compared folded the way questions are
 * ({@link commandKey}): «مساعده» is «مساعدة», "/help" and "exit!" are "help" and "exit".
 */
import { foldDigits, LETTER_FOLDS, normalize } from './normalize.ts';
import { paragraphRequestedAbout } from './paragraphRequest.ts';

/** Emoji skin-tone modifiers (U+1F3FB–U+1F3FF) and the emoji variation selector (U+FE0F), so that 👍🏽 is 👍. */
const EMOJI_VARIANTS = /[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu;

/** A slash or bang before a command word: the habit of Discord and chat bots ("/help", "!help"). */
const LEADING_SIGIL = /^[/!]+/;

/** Punctuation that may close a command without changing it ("help?", "exit!", "speakers.", «مساعدة؟»). */
const TRAILING_PUNCTUATION = /[\s?؟!.،,;؛:…]+$/u;

/** Longer than any command, rating word or speakers request, with room for padding and punctuation. */
const COMMAND_MAX_CHARS = 200;

/**
 * The form a typed command is compared in. The letters are folded as a question's are (src/core/normalize.ts:
 * alef and hamza forms, ة→ه, ى→ي, diacritics, tatweel, Arabic-Indic digits, Latin case and accents); a leading `/`
 * or `!`, trailing punctuation and emoji skin tones are dropped, and spaces collapsed. Punctuation inside is kept,
 * so "+1" and "-1" stay apart; a word made only of punctuation ("?", "+") is kept as typed, as it is a command itself.
 *
 * @example commandKey('مساعده؟') // 'مساعده', as commandKey('مساعدة')
 * @example commandKey('/Help') // 'help'
 * @example commandKey('👍🏽') // '👍'
 */
export function commandKey(text: string): string {
  // No command or rating word is this long: a pasted wall of text is not folded only to find that out.
  if (text.length > COMMAND_MAX_CHARS) return text.slice(0, COMMAND_MAX_CHARS);
  let key = text;
  for (const fold of LETTER_FOLDS) key = fold(key);
  key = key.replace(EMOJI_VARIANTS, '').replace(/\s+/g, ' ').trim();
  const bare = key.replace(LEADING_SIGIL, '').replace(TRAILING_PUNCTUATION, '').trim();
  return bare === '' ? key : bare;
}

/** The set of `words` as {@link commandKey} gives them, so that the lists below may be written as people type. */
function keySet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(commandKey));
}

/** Words that end the terminal chat. */
const EXIT_WORDS = keySet([
  'exit',
  'quit',
  'q',
  'bye',
  'bye bye',
  'goodbye',
  'exit please',
  'please exit',
  'quit please',
  'exit the chat',
  'quit the chat',
  'خروج',
  'اخرج',
  'مع السلامة',
  'باي',
]);

/** Words that ask for help instead of asking the article. */
const HELP_WORDS = keySet(['help', '?', 'مساعدة', 'ساعدني']);

/** Whole messages (normalized, punctuation gone) that ask who is quoted. */
const SPEAKERS_REQUESTS: ReadonlySet<string> = new Set(
  [
    'speakers',
    'who',
    'who is quoted',
    'who are the speakers',
    'who speaks in the article',
    'who is quoted in the article',
    'who is quoted in this article',
    'who are the people in the article',
    'name all the people in the article',
    'who speaks',
    'who talks in the article',
    'what did everyone say',
    'what does everyone say',
    'مين الناس اللي حكوا بالمقال',
    'مين اللي حكوا بالمقال',
    'من هم الاشخاص في المقال',
    'شكون اللي هضرو فالمقال',
    'منو اللي حجوا بالمقال',
    'list speakers',
    'list the speakers',
    'list all speakers',
    'show speakers',
    'show the speakers',
    'show all speakers',
    'show me the speakers',
    'speakers please',
    'speakers list',
    'المتحدثون',
    'المتحدثين',
    'من المتحدثون',
    'من المتحدثون في المقال',
    'من هم المتحدثون',
    'مين المتحدثين',
    'مين بيحكي بالمقال',
  ].map(normalize),
);

/** A command of the chat: what {@link commandOf} finds in a whole message. */
export type Command = 'exit' | 'help' | 'speakers';

/**
 * The command a whole message gives, or undefined for a question. `exit` means something only in the terminal chat;
 * Discord asks it as a question.
 *
 * @example commandOf('مساعده') // 'help'
 * @example commandOf('!help') // 'help'
 * @example commandOf('list speakers') // 'speakers'
 * @example commandOf('help me: what did al-Mekdad say?') // undefined
 */
export function commandOf(text: string): Command | undefined {
  const key = commandKey(text);
  if (EXIT_WORDS.has(key)) return 'exit';
  if (HELP_WORDS.has(key)) return 'help';
  if (asksForSpeakers(text)) return 'speakers';
  return undefined;
}

/**
 * Whether a whole message asks for the list of speakers. Compared normalized (hamzas, case, diacritics and
 * punctuation folded), so "Who are the speakers?", «من هم المتحدثون؟» and "/speakers" do; a question about
 * someone ("who is Assad?") does not.
 *
 * @example asksForSpeakers('Who are the speakers?') // true
 * @example asksForSpeakers('who is Assad?') // false
 */
export function asksForSpeakers(text: string): boolean {
  return text.length <= COMMAND_MAX_CHARS && SPEAKERS_REQUESTS.has(normalize(text));
}

/**
 * Whether a whole message asks to be shown a paragraph ("paragraph 4", "show paragraph 3", «الفقرة ١٢», "who speaks
 * in paragraph 5?"), in range or not: the answerer shows the paragraph itself (src/core/paragraphRequest.ts), which
 * is the article, not an answer it chose, so adapters do not offer to rate it.
 *
 * @param paragraphCount - how many paragraphs the article has ("the last paragraph" is this one).
 */
export function asksForParagraph(text: string, paragraphCount: number): boolean {
  return paragraphRequestedAbout(foldDigits(text).trim(), paragraphCount) !== undefined;
}
