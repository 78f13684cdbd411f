/**
 * Button custom_ids. A button carries all the state its click needs (the bot keeps no per-message memory, so buttons
 * survive restarts), in at most 100 characters, and every click is parsed strictly: anything else is "expired".
 *
 * Formats (s = script letter a|l|m|n, ref = curated entry id or `p<paragraph>`):
 * - `alt:<s>:<ref>`                one alternative, from a "Did you mean" button
 * - `alts:<s>:<ref>,<ref>,<ref>`   "Other matches"
 * - `more:<speakerId>`             "More from <speaker>"
 * - `quote:<speakerId>:<page>`     /quote pagination (page is 0-based)
 * - `vote:<u|d>:<surface>:<questionId>:<ref>[:<alt>,<alt>,<alt>]`  👍 / 👎 on an answer (surface letter from
 *   {@link SURFACE_LETTER}; questionId in base 36: the recorder's opaque reference to the question, ten characters
 *   (src/store/questionRef.ts; an older release wrote the row id itself, whose vote is now kept without its
 *   question), 0 when the question was not recorded; the alternatives a 👎 offers, as many as fit)
 * - `pick:<messageId>:<ref>:<picked|none>`  after a 👎: which alternative was right (messageId: the answer's)
 *
 * Numbers are written without leading zeros, and only ids {@link encodeButton} would write are accepted, so one
 * action has exactly one id.
 */
import type { QueryScript } from '../core/types.ts';
import type { Surface } from '../store/types.ts';

/** Discord's bound on custom_id length. */
export const CUSTOM_ID_MAX = 100;

export type ButtonAction =
  | { kind: 'alt'; script: QueryScript; ref: string }
  | { kind: 'alts'; script: QueryScript; refs: readonly string[] }
  | { kind: 'more'; speakerId: string }
  | { kind: 'quote'; speakerId: string; page: number }
  | { kind: 'vote'; vote: 1 | -1; surface: Surface; questionId?: number; ref: string; alternatives: readonly string[] }
  | { kind: 'pick'; messageId: string; ref: string; picked: string };

/** One letter per surface that can carry buttons (the terminal has none). */
export const SURFACE_LETTER: Readonly<Partial<Record<Surface, string>>> = Object.freeze({
  slash: 's',
  dm: 'd',
  mention: 'm',
  http: 'h',
});
const LETTER_SURFACE: Readonly<Record<string, Surface>> = Object.freeze({
  s: 'slash',
  d: 'dm',
  m: 'mention',
  h: 'http',
});

/** What a 👎 picks when none of the alternatives was right. */
export const PICK_NONE = 'none';

const SCRIPT_LETTER: Readonly<Record<QueryScript, string>> = Object.freeze({
  arabic: 'a',
  latin: 'l',
  mixed: 'm',
  none: 'n',
});
const LETTER_SCRIPT: Readonly<Record<string, QueryScript>> = Object.freeze({
  a: 'arabic',
  l: 'latin',
  m: 'mixed',
  n: 'none',
});

/** Ids we can embed: letters, digits, `_ . -` (no `:` or `,`, our separators). */
const ID = '[A-Za-z0-9_.-]{1,64}';
const ID_RE = new RegExp(`^${ID}$`);

/**
 * A Discord snowflake as Discord writes it: 17 to 20 digits, no leading zero (a zero-padded id names the same
 * message as the unpadded one, so accepting both would give one click two ids).
 */
const SNOWFLAKE = '[1-9]\\d{16,19}';
const SNOWFLAKE_RE = new RegExp(`^${SNOWFLAKE}$`);

/** True when `id` can be carried inside a custom_id. */
export function isEmbeddableId(id: string): boolean {
  return ID_RE.test(id);
}

/** Encodes an action. Returns undefined when it would not fit in {@link CUSTOM_ID_MAX} (callers drop the button). */
export function encodeButton(action: ButtonAction): string | undefined {
  let id: string;
  switch (action.kind) {
    case 'alt':
      if (!isEmbeddableId(action.ref)) return undefined;
      id = `alt:${SCRIPT_LETTER[action.script]}:${action.ref}`;
      break;
    case 'alts': {
      const refs = action.refs.filter(isEmbeddableId);
      if (refs.length === 0) return undefined;
      // Keep as many refs as fit, best first.
      id = `alts:${SCRIPT_LETTER[action.script]}:${refs[0]}`;
      for (const ref of refs.slice(1, 3)) {
        if (id.length + 1 + ref.length > CUSTOM_ID_MAX) break;
        id += `,${ref}`;
      }
      break;
    }
    case 'more':
      if (!isEmbeddableId(action.speakerId)) return undefined;
      id = `more:${action.speakerId}`;
      break;
    case 'quote':
      // Pages are 0..9999 (what decodeButton reads back; a speaker has at most 14 paragraphs).
      if (!isEmbeddableId(action.speakerId) || !Number.isInteger(action.page) || action.page < 0) return undefined;
      if (action.page > 9999) return undefined;
      id = `quote:${action.speakerId}:${action.page}`;
      break;
    case 'vote': {
      const surface = SURFACE_LETTER[action.surface];
      const qid = action.questionId ?? 0;
      if (!surface || !isEmbeddableId(action.ref) || !Number.isSafeInteger(qid) || qid < 0) return undefined;
      id = `vote:${action.vote === 1 ? 'u' : 'd'}:${surface}:${qid.toString(36)}:${action.ref}`;
      // Keep as many alternatives as fit, best first (only a 👎 uses them).
      let sep = ':';
      for (const ref of action.alternatives.filter(isEmbeddableId).slice(0, 3)) {
        if (id.length + 1 + ref.length > CUSTOM_ID_MAX) break;
        id += `${sep}${ref}`;
        sep = ',';
      }
      break;
    }
    case 'pick':
      if (!SNOWFLAKE_RE.test(action.messageId) || !isEmbeddableId(action.ref) || !isEmbeddableId(action.picked)) {
        return undefined;
      }
      id = `pick:${action.messageId}:${action.ref}:${action.picked}`;
      break;
  }
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

/** Numbers are read only as encodeButton writes them: no leading zero ("0", "7", "12"; never "00", "07"). */
const PATTERNS = {
  alt: new RegExp(`^alt:([alnm]):(${ID})$`),
  alts: new RegExp(`^alts:([alnm]):(${ID}(?:,${ID}){0,2})$`),
  more: new RegExp(`^more:(${ID})$`),
  quote: new RegExp(`^quote:(${ID}):(0|[1-9]\\d{0,3})$`),
  vote: new RegExp(`^vote:([ud]):([sdmh]):(0|[1-9a-z][0-9a-z]{0,10}):(${ID})(?::(${ID}(?:,${ID}){0,2}))?$`),
  pick: new RegExp(`^pick:(${SNOWFLAKE}):(${ID}):(${ID})$`),
};

/**
 * Parses a custom_id; undefined for anything not produced by {@link encodeButton} (old versions, tampering). One
 * action has one id: an id that would not encode back to itself ("quote:abadi:01" for page 1) is refused, so a
 * click cannot be told apart by its spelling (and tests can rely on decode ∘ encode being the identity).
 */
export function decodeButton(customId: string): ButtonAction | undefined {
  const action = parseButton(customId);
  return action && encodeButton(action) === customId ? action : undefined;
}

/** The action a custom_id spells, read with the patterns above; {@link decodeButton} checks it is canonical. */
function parseButton(customId: string): ButtonAction | undefined {
  if (customId.length > CUSTOM_ID_MAX) return undefined;
  let m = PATTERNS.alt.exec(customId);
  if (m?.[1] && m[2]) return { kind: 'alt', script: LETTER_SCRIPT[m[1]] ?? 'none', ref: m[2] };
  m = PATTERNS.alts.exec(customId);
  if (m?.[1] && m[2]) return { kind: 'alts', script: LETTER_SCRIPT[m[1]] ?? 'none', refs: m[2].split(',') };
  m = PATTERNS.more.exec(customId);
  if (m?.[1]) return { kind: 'more', speakerId: m[1] };
  m = PATTERNS.quote.exec(customId);
  if (m?.[1] && m[2]) return { kind: 'quote', speakerId: m[1], page: Number(m[2]) };
  m = PATTERNS.vote.exec(customId);
  if (m?.[1] && m[2] && m[3] && m[4]) {
    const questionId = Number.parseInt(m[3], 36);
    const surface = LETTER_SURFACE[m[2]];
    if (!surface || !Number.isSafeInteger(questionId)) return undefined;
    return {
      kind: 'vote',
      vote: m[1] === 'u' ? 1 : -1,
      surface,
      ...(questionId > 0 && { questionId }),
      ref: m[4],
      alternatives: m[5] ? m[5].split(',') : [],
    };
  }
  m = PATTERNS.pick.exec(customId);
  if (m?.[1] && m[2] && m[3]) return { kind: 'pick', messageId: m[1], ref: m[2], picked: m[3] };
  return undefined;
}
