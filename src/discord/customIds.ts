/**
 * Button custom_ids. A button carries all the state its click needs (the bot keeps no per-message memory, so buttons
 * survive restarts), in at most 100 characters, and every click is parsed strictly: anything else is "expired".
 *
 * Formats (s = script letter a|l|m|n, ref = curated entry id or `p<paragraph>`):
 * - `alt:<s>:<ref>`                one alternative, from a "Did you mean" button
 * - `alts:<s>:<ref>,<ref>,<ref>`   "Other matches"
 * - `more:<speakerId>`             "More from <speaker>"
 * - `quote:<speakerId>:<page>`     /quote pagination (page is 0-based)
 */
import type { QueryScript } from '../core/types.ts';

/** Discord's bound on custom_id length. */
export const CUSTOM_ID_MAX = 100;

export type ButtonAction =
  | { kind: 'alt'; script: QueryScript; ref: string }
  | { kind: 'alts'; script: QueryScript; refs: readonly string[] }
  | { kind: 'more'; speakerId: string }
  | { kind: 'quote'; speakerId: string; page: number };

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
  }
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

const PATTERNS = {
  alt: new RegExp(`^alt:([alnm]):(${ID})$`),
  alts: new RegExp(`^alts:([alnm]):(${ID}(?:,${ID}){0,2})$`),
  more: new RegExp(`^more:(${ID})$`),
  quote: new RegExp(`^quote:(${ID}):(\\d{1,4})$`),
};

/** Parses a custom_id; undefined for anything not produced by {@link encodeButton} (old versions, tampering). */
export function decodeButton(customId: string): ButtonAction | undefined {
  if (customId.length > CUSTOM_ID_MAX) return undefined;
  let m = PATTERNS.alt.exec(customId);
  if (m?.[1] && m[2]) return { kind: 'alt', script: LETTER_SCRIPT[m[1]] ?? 'none', ref: m[2] };
  m = PATTERNS.alts.exec(customId);
  if (m?.[1] && m[2]) return { kind: 'alts', script: LETTER_SCRIPT[m[1]] ?? 'none', refs: m[2].split(',') };
  m = PATTERNS.more.exec(customId);
  if (m?.[1]) return { kind: 'more', speakerId: m[1] };
  m = PATTERNS.quote.exec(customId);
  if (m?.[1] && m[2]) return { kind: 'quote', speakerId: m[1], page: Number(m[2]) };
  return undefined;
}
