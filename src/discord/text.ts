/**
 * Text helpers for everything the bot sends: bidi isolation, safe echo of user text, and length-bounded splitting.
 * Pure functions, no Discord objects: the renderer and any future HTTP endpoint share them.
 */
import { escapeMarkdown } from 'discord.js';

/** U+2068 FIRST STRONG ISOLATE: opens a run whose direction follows its first strong letter. */
export const FSI = '\u2068';
/** U+2069 POP DIRECTIONAL ISOLATE: closes the run opened by {@link FSI}. */
export const PDI = '\u2069';

/**
 * Every Bidi_Control code point: ALM (U+061C), LRM/RLM (U+200E-U+200F), embeddings and overrides (U+202A-U+202E)
 * and isolates (U+2066-U+2069). Users paste them by accident; we never echo them back (they would unbalance ours).
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Arabic letters (Arabic, Arabic Supplement, Extended-A, presentation forms): a line with any is "RTL context". */
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/**
 * An LTR run: starts with a Latin letter or an ASCII digit, may continue through spaces and the punctuation that
 * sits inside names and numbers ("al-Assad's", "Iraqi PM, al-Abadi", "87%", "11-13"), and ends on a letter, digit,
 * `%` or `)`. Arabic letters end it.
 */
const LTR_RUN = /[\p{Script=Latin}0-9](?:[\p{Script=Latin}0-9\s\-'’.,:;/&()%]*[\p{Script=Latin}0-9%)])?/gu;

/** Wraps `text` in FSI…PDI. */
export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/**
 * Wraps each LTR run of a line in FSI…PDI when the line also contains Arabic, so English names and numbers do not
 * scramble the surrounding Arabic. Lines without Arabic are returned unchanged. Never use on quotes (they must stay
 * byte-identical) and never twice on the same text.
 *
 * @example isolateLtrRuns('فالح الفياض (Falih al-Fayyadh)') === 'فالح الفياض (\u2068Falih al-Fayyadh)\u2069'
 */
export function isolateLtrRuns(text: string): string {
  return text
    .split('\n')
    .map((line) => (ARABIC_LETTER.test(line) ? line.replace(LTR_RUN, (run) => isolate(run)) : line))
    .join('\n');
}

/**
 * Builds a line with `build(budget)` and isolates its LTR runs, shrinking the budget until the result fits in `max`.
 * Cutting after isolating could split an FSI…PDI pair; this never does.
 *
 * @example fitIsolated(80, (b) => truncateAtWord(`Did you mean: ${label}`, b))
 */
export function fitIsolated(max: number, build: (budget: number) => string): string {
  let budget = max;
  for (;;) {
    const out = isolateLtrRuns(build(budget));
    if (out.length <= max) return out;
    if (budget <= 1) return '';
    budget = Math.max(1, budget - Math.max(1, out.length - max));
  }
}

/** True when every PDI closes an open FSI/LRI/RLI and none stays open (what Discord clients need). */
export function isolatesBalanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '\u2066' || ch === '\u2067' || ch === FSI) depth++;
    else if (ch === PDI) {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}

/** Removes every Bidi_Control code point. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Cuts `text` to at most `max` UTF-16 units at a word boundary, adding `ellipsis` when it cut.
 * A single word longer than `max` is cut inside (nothing else fits), on a code point boundary.
 */
export function truncateAtWord(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - ellipsis.length);
  const head = text.slice(0, room + 1);
  const lastSpace = head.search(/\s\S*$/);
  let cut = lastSpace > 0 ? head.slice(0, lastSpace) : safeSlice(text, room);
  cut = cut.trimEnd();
  return `${cut}${ellipsis}`;
}

/** Slices to at most `max` UTF-16 units without splitting a surrogate pair. */
function safeSlice(text: string, max: number): string {
  let out = text.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out;
}

/** How many combining marks may follow one base character in echoed text (Arabic shadda + a vowel is two). */
export const MAX_MARKS_PER_BASE = 2;

/** A run of combining marks (Unicode category M: Arabic harakat, accents, variation selectors) past the cap. */
const EXCESS_MARKS = new RegExp(`(\\p{M}{${MAX_MARKS_PER_BASE}})\\p{M}+`, 'gu');

/**
 * Keeps at most {@link MAX_MARKS_PER_BASE} combining marks after each base character and drops the rest. A flood of
 * marks (3,000 × U+0651 on one letter, "Zalgo" text) is invisible or garbage on screen but counts against every
 * length limit, so truncation would cut away the visible words before it; real text never stacks more than two.
 */
export function capCombiningMarks(text: string): string {
  return text.replace(EXCESS_MARKS, '$1');
}

/** Half of a UTF-16 surrogate pair without its other half (String.prototype.toWellFormed is ES2024, past Node 20's lib). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Invisible characters that carry no rendering (Default_Ignorable_Code_Point but ZWJ U+200D and the emoji variation
 * selectors U+FE0E–U+FE0F, which emoji need): the tag characters U+E0000–U+E007F can smuggle hidden ASCII, and the
 * bot must not relay text its users cannot see (found by the twentieth break test).
 */
const HIDDEN_CHARACTERS = /(?![\u200D\uFE0E\uFE0F])\p{Default_Ignorable_Code_Point}/gu;

/** C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * Makes user text safe to echo: replaces lone surrogates with U+FFFD, drops C0/C1 control characters, bidi
 * controls and combining marks past
 * {@link MAX_MARKS_PER_BASE} per letter, folds whitespace, cuts at a word boundary, defuses mentions
 * (`@everyone`, `@here`, `<@id>`, `<@&id>`, `<#id>`, `</cmd:id>` get a zero-width space so they render as text) and
 * links (`https://…` stops being clickable: the bot must not lend its name to a pasted phishing link), then escapes
 * markdown with discord.js `escapeMarkdown`, headings, lists and masked links included (off by default there), plus
 * `-#` subtext and `>` block quotes. Allowed mentions are off anyway; this also keeps the echo readable.
 *
 * @param max - length bound of the returned string (escaping can only add characters, so it is re-checked).
 */
export function sanitizeUserText(text: string, max = 200): string {
  // A lone surrogate (half of a UTF-16 pair) is no character: U+FFFD, as the JSON Discord receives would need anyway.
  const wellFormed = text.replace(LONE_SURROGATE, '\uFFFD');
  // C0/C1 control characters (NUL…) have no business in an embed and Discord may refuse the payload: spaces.
  const clean = capCombiningMarks(
    stripBidiControls(wellFormed.replace(CONTROL_CHARACTERS, ' ').replace(HIDDEN_CHARACTERS, '')),
  )
    .replace(/\s+/g, ' ')
    .trim();
  let budget = max;
  for (;;) {
    const cut = truncateAtWord(clean, budget);
    const safe = escapeUserMarkdown(defuseLinks(defuseMentions(cut)));
    if (safe.length <= max) return safe;
    if (budget <= 1) return '';
    budget = Math.max(1, budget - (safe.length - max));
  }
}

/**
 * Every markdown construct Discord renders, escaped (discord.js leaves headings and lists alone by default). Masked
 * links are escaped here, each of them: discord.js's own option matches greedily from the first `[` to the last `)`
 * of a line and so leaves every link after the first one live.
 */
function escapeUserMarkdown(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
    .replace(/\[(?=[^\]]*\]\()/g, '\\[')
    .replace(/^(\s*)-#/gm, '$1\\-#')
    .replace(/^(\s*)>/gm, '$1\\>');
}

/** Inserts U+200B so Discord renders mention syntax as plain text. */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(@[!&]?|#|\/)/g, '<\u200b$1');
}

/** Breaks URL schemes (`https://x` → `https:\u200b//x`) so Discord does not turn echoed text into links. */
export function defuseLinks(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*):\/\//gi, '$1:\u200b//');
}

/** Sentence ends (Latin and Arabic ؟ ؛ ۔), optionally followed by closing quotes/brackets, then whitespace. */
const SENTENCE_END = /[.!?؟؛۔…]["'»”)\]]*\s+/g;

/**
 * Splits `text` into chunks of at most `max` UTF-16 units, preferring sentence ends, then line breaks, then spaces;
 * a word is cut only when it alone is longer than `max`. Lossless: `chunks.join('') === text`, so a quote split across
 * embed fields is still the article's exact text.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError(`splitText: max must be ≥ 1, got ${max}`);
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    // A sentence or line end in the first third would leave a stub chunk: a word boundary reads better then.
    const usable = (cut: number | undefined) => (cut !== undefined && cut >= max / 3 ? cut : undefined);
    const cut =
      usable(lastBoundary(window, SENTENCE_END)) ??
      usable(lastBoundary(window, /\n+/g)) ??
      lastBoundary(window, /\s+/g);
    const at = cut !== undefined && cut > 0 ? cut : safeSlice(rest, max).length;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/** End index (after the separator) of the last `pattern` match inside `window`, or undefined. */
function lastBoundary(window: string, pattern: RegExp): number | undefined {
  let end: number | undefined;
  for (const m of window.matchAll(pattern)) end = m.index + m[0].length;
  return end;
}
