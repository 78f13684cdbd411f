/**
 * /quote speaker:<name>: everything one person said in the article, one paragraph per page (Previous/Next).
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import { silentConceptNamed } from '../../core/corpus.ts';
import { normalize } from '../../core/normalize.ts';
import type { Answerer } from '../../core/types.ts';
import type { BotContext } from '../context.ts';
import { NOTICES, type RenderedMessage, renderNotice, renderQuotePage } from '../render.ts';
import { answerInteraction } from '../respond.ts';
import { baseCommand, matchingSpeakers, speakerChoices } from './shared.ts';
import { type Choice, type Command, type CommandOptions, optionValuesOf, stringOption } from './types.ts';

const definition = baseCommand('quote', 'Read everything one person said in the article').addStringOption((o) =>
  o.setName('speaker').setDescription('Who (Arabic or English name)').setRequired(true).setAutocomplete(true),
);

/**
 * The first page of a speaker's quotes, for `speaker` as typed or picked (an id, any spelling of a name, or a part
 * of one name or role); an ephemeral notice otherwise: the speakers to choose from when the text fits several
 * ("Syrian", "minister": autocomplete offers them all), "named but never quoted" for Iran, Russia, ISIS (silent
 * concepts), else "unknown speaker". Pure.
 */
export function quoteMessages(answerer: Answerer, speaker: string): RenderedMessage[] {
  const [found, ...others] = matchingSpeakers(answerer, speaker);
  if (found && others.length > 0) {
    // Named as autocomplete names them, never by echoing what was typed (an option, any characters).
    return [renderNotice(NOTICES.severalSpeakers([found, ...others].map((s) => `${s.nameEn} (${s.nameAr})`)))];
  }
  if (!found) {
    // Named with the seed's own spelling of what was typed: the typed text (an option, any characters) is not echoed.
    const named = silentConceptNamed(answerer.corpus, speaker);
    const term = named?.terms.find((t) => normalize(t) === normalize(speaker)) ?? named?.terms[0];
    return [renderNotice(term === undefined ? NOTICES.unknownSpeaker : NOTICES.neverQuoted(displayed(term)))];
  }
  return renderQuotePage(found, answerer.quotesBy(found.id), 0, answerer.corpus.byline);
}

/** Acronyms among the seed's terms, shown in capitals. */
const ACRONYMS: ReadonlySet<string> = new Set(['isis', 'isil']);

/** A seed term as a name is written: "iran" → "Iran", "isis" → "ISIS"; Arabic as it is. */
function displayed(term: string): string {
  return term.replace(/[a-z]+/g, (w) => (ACRONYMS.has(w) ? w.toUpperCase() : w[0]?.toUpperCase() + w.slice(1)));
}

function messages(answerer: Answerer, options: CommandOptions): RenderedMessage[] {
  return quoteMessages(answerer, stringOption(options, 'speaker') ?? '');
}

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const options = optionValuesOf(interaction.options.data);
  await answerInteraction(interaction, ctx, () => messages(ctx.answerer, options), { ephemeral: false });
}

/** Speakers whose id, names or spellings contain what is typed in `speaker`; none for other options. */
export function quoteChoices(answerer: Answerer, focusedName: string, focusedValue: string): Choice[] {
  return focusedName === 'speaker' ? speakerChoices(answerer, focusedValue) : [];
}

export default { definition, messages, execute, choices: quoteChoices } satisfies Command;
