/**
 * Checks of rendered messages as discord.js would send them: the JSON body is built by discord.js's own
 * `MessagePayload` (the code path of `interaction.reply` and `message.reply`), then audited.
 */
import { type APIEmbed, MessagePayload } from 'discord.js';
import { decodeButton } from '../../src/discord/customIds.ts';
import { payloadProblems } from '../../src/discord/limits.ts';
import { type RenderedMessage, toInteractionReply, toMessageReply } from '../../src/discord/render.ts';
import { isolatesBalanced } from '../../src/discord/text.ts';

/** The smallest target MessagePayload accepts: a channel-like object whose client has default options. */
const TARGET = { client: { options: {} } } as never;

export interface Body {
  content?: string | null;
  embeds?: APIEmbed[];
  components?: { type: number; components: { custom_id?: string; label?: string; disabled?: boolean }[] }[];
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  flags?: number;
}

/** The JSON bodies discord.js sends for `m` as an interaction reply and as a message reply (DMs, mentions). */
export function bodiesOf(m: RenderedMessage): Body[] {
  return [
    MessagePayload.create(TARGET, toInteractionReply(m)).resolveBody().body as Body,
    MessagePayload.create(TARGET, toMessageReply(m)).resolveBody().body as Body,
  ];
}

const BIDI_EXCEPT_ISOLATES = /[\u061C\u200E\u200F\u202A-\u202E\u2066\u2067]/;

export interface AuditOptions {
  /** Check FSI…PDI balance on every composed line (not on quotes). Off when the input data itself holds isolates. */
  bidi?: boolean;
  /** Every string sent must be well-formed UTF-16 (no lone surrogate): on when every input was. */
  wellFormed?: boolean;
  /** Texts that are verbatim quotes: exempt from the bidi check (they are shown byte for byte). */
  quotes?: readonly string[];
  /** Embed titles and "You asked" echo user text: check they are defused. @defaultValue true */
  echo?: boolean;
}

/** Every problem of one rendered message; empty when Discord would accept it and nothing can ping or mislead. */
export function messageProblems(m: RenderedMessage, options: AuditOptions = {}): string[] {
  const problems: string[] = [];
  for (const body of bodiesOf(m)) {
    problems.push(...payloadProblems(body));
    if (JSON.stringify(body.allowed_mentions) !== JSON.stringify({ parse: [], replied_user: false })) {
      problems.push(`allowed_mentions is ${JSON.stringify(body.allowed_mentions)}`);
    }
  }
  const [body] = bodiesOf(m) as [Body];
  const quotes = new Set(options.quotes ?? []);
  const composed: string[] = [];
  if (body.content) composed.push(body.content);
  for (const e of body.embeds ?? []) {
    if (e.title !== undefined) composed.push(e.title);
    if (e.footer) composed.push(e.footer.text);
    for (const f of e.fields ?? []) {
      composed.push(f.name);
      if (!isQuotePiece(f.value, quotes)) composed.push(f.value);
    }
    if (options.echo ?? true) {
      if (e.title !== undefined) problems.push(...echoProblems(e.title));
      for (const f of e.fields ?? []) if (f.name === 'You asked') problems.push(...echoProblems(f.value));
    }
  }
  for (const row of body.components ?? []) {
    for (const b of row.components) {
      if (b.label !== undefined) composed.push(b.label);
      if (b.custom_id !== undefined && decodeButton(b.custom_id) === undefined) {
        problems.push(`custom_id does not decode: ${b.custom_id}`);
      }
    }
  }
  if (options.bidi) {
    for (const text of composed) if (!isolatesBalanced(text)) problems.push(`unbalanced isolates: ${text}`);
  }
  if (options.wellFormed) {
    const all = JSON.stringify(body);
    // JSON.stringify escapes lone surrogates as \udXXX: their presence means an ill-formed string.
    if (/\\ud[89a-f][0-9a-f]{2}/i.test(all)) problems.push('a lone surrogate in the payload');
  }
  return problems;
}

function isQuotePiece(text: string, quotes: ReadonlySet<string>): boolean {
  for (const q of quotes) if (q.includes(text)) return true;
  return false;
}

/** User text echoed back: no live mention, no link, no user bidi control, isolates balanced. */
export function echoProblems(text: string): string[] {
  const problems: string[] = [];
  if (/@everyone|@here|<@[!&]?\d|<#\d|<\/\w/i.test(text)) problems.push(`live mention echoed: ${text}`);
  if (/:\/\//.test(text)) problems.push(`link echoed: ${text}`);
  if (/(?<!\\)\[[^\]]*\]\(/.test(text)) problems.push(`masked link echoed: ${text}`);
  if (BIDI_EXCEPT_ISOLATES.test(text)) problems.push(`user bidi control echoed: ${JSON.stringify(text)}`);
  if (!isolatesBalanced(text)) problems.push(`unbalanced isolates in echo: ${JSON.stringify(text)}`);
  return problems;
}
