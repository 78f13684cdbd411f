/**
 * Pieces shared by several commands: the common builder settings, speaker lookup, autocomplete choices.
 */
import {
  type ApplicationCommandOptionChoiceData,
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
} from 'discord.js';
import type { Answerer, Speaker, Suggestion } from '../../core/types.ts';
import { LIMITS } from '../limits.ts';
import { fitIsolated, stripBidiControls, truncateAtWord } from '../text.ts';

/** A builder usable in servers, in the bot's DMs and in group DMs, for server and user installs. */
export function baseCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
}

/** Value prefix of autocomplete choices that name a curated entry. */
export const ENTRY_PREFIX = 'qa:';

/**
 * Autocomplete choices from suggestions: names ≤ 100 characters cut at a word boundary, values `qa:<entryId>`
 * (≤ 100), or the question itself (cut) when the id would not fit; no empty names, no duplicate values, ≤ 25.
 */
export function suggestionChoices(suggestions: readonly Suggestion[]): ApplicationCommandOptionChoiceData<string>[] {
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  const seen = new Set<string>();
  for (const s of suggestions) {
    const question = stripBidiControls(s.question).replace(/\s+/g, ' ').trim();
    const name = truncateAtWord(question, LIMITS.choiceName);
    // The question itself when it fits: answered like typed text (check-data guarantees a curated question is answered
    // by its own entry), so the title, the script and the translation are those of what was picked. Else its id.
    const byId = `${ENTRY_PREFIX}${s.entryId}`;
    const value = question.length <= LIMITS.choiceValue && !question.startsWith(ENTRY_PREFIX) ? question : byId;
    if (value.length > LIMITS.choiceValue) continue;
    if (name === '' || value === '' || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name, value });
    if (choices.length === LIMITS.choices) break;
  }
  return choices;
}

/** A speaker by exact id first, then by any typed variant (the core's normalized lookup). */
export function resolveSpeaker(answerer: Answerer, input: string): Speaker | undefined {
  const text = stripBidiControls(input).trim();
  return answerer.corpus.speakers.find((s) => s.id === text) ?? answerer.findSpeaker(text);
}

/** Speaker choices for a partial input: every speaker whose id, names or variants contain it. */
export function speakerChoices(answerer: Answerer, focused: string): ApplicationCommandOptionChoiceData<string>[] {
  const q = stripBidiControls(focused).trim().toLowerCase();
  const found = q === '' ? undefined : answerer.findSpeaker(q);
  return answerer.corpus.speakers
    .filter(
      (s) =>
        q === '' ||
        s.id === found?.id ||
        [s.id, s.nameAr, s.nameEn, ...s.variants].some((v) => v.toLowerCase().includes(q)),
    )
    .slice(0, LIMITS.choices)
    .map((s) => ({
      name: fitIsolated(LIMITS.choiceName, (b) => truncateAtWord(`${s.nameAr} · ${s.nameEn}`, b)),
      value: s.id,
    }));
}

export { entryQuestion, resolveRef } from '../../core/refs.ts';

/** A few popular questions, for /help and /article. */
export function exampleQuestions(answerer: Answerer, count = 3): string[] {
  return answerer.suggest('', count).map((s) => s.question);
}
