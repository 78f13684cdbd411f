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

/** A speaker's names (id, both names, the seeds' variants) and roles in both lookup forms, computed once per corpus. */
interface SpeakerNames {
  speaker: Speaker;
  /** {@link speakerKey} of each name: a text with one of these keys names this speaker outright. */
  keys: string[];
  /**
   * `normalize` and {@link speakerKey} of each name and of both roles, for partial matches: "envoy" and «مبعوث» are
   * only part of al-Fayyadh's names ("Abadi envoy", «مبعوث العبادي») and of his role.
   */
  searchable: string[];
}

const namesByCorpus = new WeakMap<Answerer['corpus'], SpeakerNames[]>();

function speakerNames(answerer: Answerer): SpeakerNames[] {
  let names = namesByCorpus.get(answerer.corpus);
  if (!names) {
    names = answerer.corpus.speakers.map((speaker) => {
      const all = [speaker.id, speaker.nameAr, speaker.nameEn, ...speaker.variants];
      const keys = all.map(speakerKey).filter((k) => k !== '');
      const roles = [speaker.roleEn, speaker.roleAr];
      const searchable = [...all, ...roles].flatMap((n) => [normalize(n), speakerKey(n)]).filter((k) => k !== '');
      return { speaker, keys, searchable };
    });
    namesByCorpus.set(answerer.corpus, names);
  }
  return names;
}

/** What a typed speaker text may mean, from {@link lookUpSpeaker}. */
interface SpeakerLookup {
  /** Nothing typed that tells speakers apart yet: empty, or only "the", "al", «ال». */
  blank: boolean;
  /** The speaker it names outright, if any. */
  exact: Speaker | undefined;
  /** Every speaker one of whose names or roles contains it, the exact one first; empty when blank. */
  partial: Speaker[];
}

/**
 * The one lookup behind both /quote's autocomplete and its submitted value, so that what the list offers the command
 * accepts. Exact: an id, then a spelling of the seeds (the core's normalized lookup), then a {@link speakerKey} one
 * speaker's names share (a key shared by two speakers names neither). Partial: the typed text, normalized or as a
 * key, inside one of a speaker's names or roles.
 */
function lookUpSpeaker(answerer: Answerer, input: string): SpeakerLookup {
  const text = stripBidiControls(input).trim();
  const key = speakerKey(text);
  // "the" alone is the start of "the reporter", not a name: its key is "the", found in no name (so typing "the"
  // offered nobody while "the r" offered five), or in a role as a word of no use ("the reporter who wrote…").
  const blank = normalize(text)
    .split(' ')
    .every((w) => w === '' || LEADING_ARTICLES.has(w) || w === 'ال');
  if (blank) return { blank, exact: undefined, partial: [] };
  const names = speakerNames(answerer);
  const byKey = names.filter((n) => n.keys.includes(key));
  const exact =
    answerer.corpus.speakers.find((s) => s.id === text) ??
    answerer.findSpeaker(text) ??
    (byKey.length === 1 ? byKey[0]?.speaker : undefined);
  const typed = normalize(text);
  const contains = (n: SpeakerNames) => n.searchable.some((k) => k.includes(typed) || (key !== '' && k.includes(key)));
  const others = names.filter((n) => n.speaker.id !== exact?.id && contains(n)).map((n) => n.speaker);
  return { blank, exact, partial: exact ? [exact, ...others] : others };
}

/**
 * The speakers a submitted /quote option may mean, from the lookup autocomplete uses: the one it names outright
 * ({@link lookUpSpeaker}) alone, else every speaker whose names or roles contain it, in autocomplete's order
 * ("Syrian" → SANA, al-Assad, al-Mekdad). Empty for nobody and for a blank text ("the").
 */
export function matchingSpeakers(answerer: Answerer, input: string): Speaker[] {
  const { exact, partial } = lookUpSpeaker(answerer, input);
  return exact ? [exact] : partial;
}

/**
 * The speaker a submitted /quote option means: the one it names outright ({@link lookUpSpeaker}), else the only
 * speaker whose names or roles contain it: exactly when autocomplete would offer that speaker alone ("envoy",
 * «المبعوث» → al-Fayyadh). Undefined for nobody, for several ("minister") and for a blank text ("the").
 */
export function resolveSpeaker(answerer: Answerer, input: string): Speaker | undefined {
  const matches = matchingSpeakers(answerer, input);
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * Speaker choices for a partial input, from the same lookup as {@link resolveSpeaker}: the speaker it names outright
 * first, then every speaker one of whose names or roles contains it (compared normalized and without a leading "the"
 * or article: "the rep" offers the reporter); every speaker while nothing that tells them apart is typed ("", "the").
 */
export function speakerChoices(answerer: Answerer, focused: string): ApplicationCommandOptionChoiceData<string>[] {
  const { blank, partial } = lookUpSpeaker(answerer, focused);
  return (blank ? answerer.corpus.speakers : partial).slice(0, LIMITS.choices).map((s) => ({
    name: fitIsolated(LIMITS.choiceName, (b) => truncateAtWord(`${s.nameAr} · ${s.nameEn}`, b)),
    value: s.id,
  }));
}

export { entryQuestion, resolveRef } from '../../core/refs.ts';

/** A few popular questions, for /help and /article. */
export function exampleQuestions(answerer: Answerer, count = 3): string[] {
  return answerer.suggest('', count).map((s) => s.question);
}
