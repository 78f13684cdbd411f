/**
 * Chat noise around a question: links, Discord mention and emoji syntax, terminal escape sequences and
 * control characters. None of it is a question word, and left in it reads as unknown words that lower the
 * confidence ("http://x.example ماذا قال المقداد" would look off-topic). Removed before normalization, for
 * matching only; what the user typed is never changed for display.
 */

/** Each pattern and why it is noise. Applied in order; each match becomes a space. */
const NOISE_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the sequences this pattern removes
  [/\u001b\[[0-9;?]*[A-Za-z]/g, 'ANSI escape sequences (colours) pasted from a terminal'],
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is this pattern's purpose
  [/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, 'C0/C1 control characters'],
  [
    /\[\s*(?:link|here|click here|source|url|رابط|الرابط|هنا|المصدر)\s*\]\([^)]*\)/gi,
    'markdown links whose text only says "link" (the text of others is kept)',
  ],
  [/\[([^\]]*)\]\([^)]*\)/g, 'markdown links (their text is kept)'],
  [/\bhttps?:\/\/\S+|\bwww\.\S+/gi, 'links'],
  [/<a?:\w{1,32}:\d{1,20}>/g, 'Discord custom emoji <:name:id>'],
  [/<(?:@[!&]?|#)\d{1,20}>/g, 'Discord user, role and channel mentions'],
  [/@(?:everyone|here)\b/gi, 'Discord mass mentions'],
  [/^\s*@silent\b/i, "Discord's @silent prefix (sends without a notification)"],
  [
    /:(?=[a-z0-9_+-]{0,31}[a-z])[a-z0-9_+-]{2,32}:/gi,
    'emoji shortcodes (:flag_sy:, :thinking:; not times like 10:30:00)',
  ],
];

/**
 * Removes chat noise, keeping the words of markdown link texts. Never throws; returns a string of at most the
 * input's length.
 */
export function stripChatNoise(text: string): string {
  let out = text;
  for (const [pattern] of NOISE_PATTERNS) {
    out = out.replace(pattern, (_match, linkText: unknown) => (typeof linkText === 'string' ? ` ${linkText} ` : ' '));
  }
  return out;
}
