/**
 * Discord's message limits and the packing that keeps every payload inside them. Long texts are split with
 * {@link splitText} (sentence, then word boundaries), never cut mid-word, and never lose a character.
 */
import type { APIEmbed } from 'discord.js';
import { splitText, truncateAtWord } from './text.ts';

/** Documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = Object.freeze({
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name, over all embeds of a message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  buttonLabel: 80,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
});

/** Field name used for continuations of a split value (a field name cannot be empty). */
export const CONTINUED = '\u200b';

export interface FieldSpec {
  name: string;
  value: string;
  inline?: boolean;
}

/** What to show, before it is fitted into Discord's limits. */
export interface EmbedSpec {
  title?: string;
  description?: string;
  footer?: string;
  color?: number;
  fields?: FieldSpec[];
}

/** Counted length of one embed, as Discord sums it for the 6000-character limit. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/**
 * Fits a spec into as many embeds as needed: the description and field values are split at sentence/word
 * boundaries ({@link splitText}); each embed keeps ≤ 25 fields and ≤ 6000 characters (with room to spare), and the
 * title and footer appear on the first and last embed only.
 *
 * @returns plain API embeds, at least one; each within every per-embed limit.
 */
export function fitEmbeds(spec: EmbedSpec): APIEmbed[] {
  const title = spec.title?.trim() ? truncateAtWord(spec.title, LIMITS.embedTitle) : undefined;
  const footer = spec.footer?.trim() ? truncateAtWord(spec.footer, LIMITS.footerText) : undefined;
  const budget = LIMITS.embedTotal - (footer?.length ?? 0) - 16;
  const base = spec.color === undefined ? {} : { color: spec.color };

  // A description chunk must fit next to the title and the footer (a 2048-character footer leaves < 4096).
  const descriptionMax = Math.min(LIMITS.embedDescription, budget - (title?.length ?? 0));
  const descriptions = spec.description
    ? splitText(spec.description, descriptionMax).filter((d) => d.trim() !== '')
    : [];
  const fields = (spec.fields ?? []).flatMap((f) => splitField(f));

  const embeds: APIEmbed[] = [];
  let current: APIEmbed = { ...base, ...(title && { title }) };
  const startNext = () => {
    // Never an empty embed (only a colour): Discord has nothing to show.
    if (current.title !== undefined || current.description !== undefined || current.fields?.length) {
      embeds.push(current);
    }
    current = { ...base };
  };
  for (const d of descriptions) {
    if (current.description !== undefined || embedLength(current) + d.length > budget) startNext();
    current.description = d;
  }
  for (const f of fields) {
    const count = current.fields?.length ?? 0;
    if (count >= LIMITS.embedFields || embedLength(current) + f.name.length + f.value.length > budget) startNext();
    current.fields = [...(current.fields ?? []), f];
  }
  if (footer) current.footer = { text: footer };
  embeds.push(current);
  return embeds;
}

function splitField(field: FieldSpec): { name: string; value: string; inline?: boolean }[] {
  // Discord trims names and values and refuses empty ones: a blank one becomes a zero-width space.
  const name = field.name.trim() === '' ? CONTINUED : truncateAtWord(field.name, LIMITS.fieldName);
  const value = field.value.trim() === '' ? CONTINUED : field.value;
  return splitText(value, LIMITS.fieldValue).map((chunk, i) => ({
    name: i === 0 ? name : CONTINUED,
    value: chunk.trim() === '' ? CONTINUED : chunk,
    ...(field.inline !== undefined && { inline: field.inline }),
  }));
}

/** Groups embeds into messages of ≤ 10 embeds and ≤ 6000 characters in all, keeping their order. */
export function groupEmbeds(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let total = 0;
  for (const e of embeds) {
    const n = embedLength(e);
    if (current.length > 0 && (current.length >= LIMITS.embedsPerMessage || total + n > LIMITS.embedTotal)) {
      messages.push(current);
      current = [];
      total = 0;
    }
    current.push(e);
    total += n;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/** True when Discord would see nothing in `text` (it trims names, values and content). */
const blank = (text: string | null | undefined): boolean => (text ?? '').trim() === '';

/**
 * Lists every limit a JSON message body breaks: content, embeds (each and in total, no empty one, no blank field),
 * components (rows, buttons, labels, custom_ids), `allowed_mentions.parse` empty, and not an empty message.
 * Empty when fine. Used by tests on every recorded payload and by the property tests on every rendered one.
 */
export function payloadProblems(body: unknown): string[] {
  const problems: string[] = [];
  if (typeof body !== 'object' || body === null) return ['body is not an object'];
  const b = body as {
    content?: string | null;
    embeds?: APIEmbed[];
    components?: { components?: { label?: string; custom_id?: string }[] }[];
    allowed_mentions?: { parse?: unknown[] };
  };
  if (b.allowed_mentions?.parse?.length !== 0) problems.push('allowed_mentions.parse is not []');
  if ((b.content?.length ?? 0) > LIMITS.content) problems.push(`content is ${b.content?.length} > ${LIMITS.content}`);
  const embeds = b.embeds ?? [];
  const rows = b.components ?? [];
  if (blank(b.content) && embeds.length === 0 && rows.length === 0) problems.push('empty message');
  if (embeds.length > LIMITS.embedsPerMessage) problems.push(`${embeds.length} embeds`);
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    total += embedLength(e);
    if ((e.title?.length ?? 0) > LIMITS.embedTitle) problems.push(`embed ${i} title too long`);
    if ((e.description?.length ?? 0) > LIMITS.embedDescription) problems.push(`embed ${i} description too long`);
    if ((e.footer?.text.length ?? 0) > LIMITS.footerText) problems.push(`embed ${i} footer too long`);
    if ((e.fields?.length ?? 0) > LIMITS.embedFields) problems.push(`embed ${i} has ${e.fields?.length} fields`);
    if (blank(e.title) && blank(e.description) && (e.fields?.length ?? 0) === 0 && blank(e.footer?.text)) {
      problems.push(`embed ${i} is empty`);
    }
    for (const f of e.fields ?? []) {
      if (blank(f.name) || f.name.length > LIMITS.fieldName) problems.push(`embed ${i} field name length`);
      if (blank(f.value) || f.value.length > LIMITS.fieldValue) problems.push(`embed ${i} field value length`);
    }
  }
  if (total > LIMITS.embedTotal) problems.push(`embeds total ${total} > ${LIMITS.embedTotal}`);
  if (rows.length > LIMITS.actionRows) problems.push(`${rows.length} action rows`);
  const ids = new Set<string>();
  for (const row of rows) {
    const buttons = row.components ?? [];
    if (buttons.length === 0 || buttons.length > LIMITS.buttonsPerRow)
      problems.push(`${buttons.length} buttons in a row`);
    for (const c of buttons) {
      if (blank(c.label) || (c.label?.length ?? 0) > LIMITS.buttonLabel) problems.push(`button label: ${c.label}`);
      if (c.custom_id !== undefined) {
        if (c.custom_id.length === 0 || c.custom_id.length > LIMITS.customId)
          problems.push(`custom_id: ${c.custom_id}`);
        if (ids.has(c.custom_id)) problems.push(`duplicate custom_id ${c.custom_id}`);
        ids.add(c.custom_id);
      }
    }
  }
  return problems;
}
