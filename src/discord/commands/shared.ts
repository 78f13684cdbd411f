/**
 * Pieces shared by several commands: the common builder settings, speaker lookup, autocomplete choices.
 */
import {
  type ApplicationCommandOptionChoiceData,
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
} from 'discord.js';
import { normalize } from '../../core/normalize.ts';
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

/** Words typed before a name or role that do not tell speakers apart: English "the", the Arabic article in Latin. */
const LEADING_ARTICLES: ReadonlySet<string> = new Set(['the', 'al', 'el']);

/**
 * The key a speaker's name is looked up by: the core's normalization (case, punctuation, hamzas and diacritics
 * folded), without a leading "the", "al"/"el" word or Arabic definite article ال. People type "the reporter",
 * "reporter.", "«المراسل»" or "مراسل" for the same person, and the seed lists only some of these spellings.
 *
 * @example speakerKey('The reporter!') === 'reporter'; speakerKey('الأسد') === 'اسد'; speakerKey('al-Mekdad') === 'mekdad'
 */
export function speakerKey(text: string): string {
  const words = normalize(stripBidiControls(text))
    .split(' ')
    .filter((w) => w !== '');
  while (words.length > 1 && LEADING_ARTICLES.has(words[0] ?? '')) words.shift();
  const first = words[0];
  // At least two letters must remain: "ال" alone, or a three-letter word starting with it, is not an article.
  if (first?.startsWith('ال') && first.length >= 4) words[0] = first.slice(2);
  return words.join(' ');
}

/** A speaker's names (id, both names, the seeds' variants) in both lookup forms, computed once per corpus. */
interface SpeakerNames {
  speaker: Speaker;
  /** `normalize` of each name, for substring matches while typing. */
  normalized: string[];
  /** {@link speakerKey} of each name. */
  keys: string[];
}

const namesByCorpus = new WeakMap<Answerer['corpus'], SpeakerNames[]>();

function speakerNames(answerer: Answerer): SpeakerNames[] {
  let names = namesByCorpus.get(answerer.corpus);
  if (!names) {
    names = answerer.corpus.speakers.map((speaker) => {
      const all = [speaker.id, speaker.nameAr, speaker.nameEn, ...speaker.variants];
      return { speaker, normalized: all.map((n) => normalize(n)), keys: all.map(speakerKey).filter((k) => k !== '') };
    });
    namesByCorpus.set(answerer.corpus, names);
  }
  return names;
}

/**
 * A speaker by exact id first, then by any typed variant (the core's normalized lookup), then by {@link speakerKey}
 * (a leading "the" or article and surrounding punctuation ignored). A key shared by two speakers finds neither.
 */
export function resolveSpeaker(answerer: Answerer, input: string): Speaker | undefined {
  const text = stripBidiControls(input).trim();
  const exact = answerer.corpus.speakers.find((s) => s.id === text) ?? answerer.findSpeaker(text);
  if (exact) return exact;
  const key = speakerKey(text);
  if (key === '') return undefined;
  const matches = speakerNames(answerer).filter((n) => n.keys.includes(key));
  return matches.length === 1 ? matches[0]?.speaker : undefined;
}

/**
 * Speaker choices for a partial input: every speaker whose id, names or variants contain it, compared normalized
 * and also without a leading "the" or article ("the rep" offers the reporter), plus the speaker it resolves to.
 */
export function speakerChoices(answerer: Answerer, focused: string): ApplicationCommandOptionChoiceData<string>[] {
  const q = stripBidiControls(focused).trim();
  const found = q === '' ? undefined : resolveSpeaker(answerer, q);
  const typed = normalize(q);
  const key = speakerKey(q);
  return speakerNames(answerer)
    .filter(
      ({ speaker, normalized, keys }) =>
        typed === '' ||
        speaker.id === found?.id ||
        normalized.some((n) => n.includes(typed)) ||
        (key !== '' && keys.some((k) => k.includes(key))),
    )
    .map(({ speaker }) => speaker)
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
