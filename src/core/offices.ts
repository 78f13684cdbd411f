/**
 * Offices qualified by a country: "the Iraqi deputy foreign minister", "رئيس الوزراء السوري", "the president of
 * Russia". The article names one holder per office (al-Assad is the Syrian president, al-Abadi the Iraqi prime
 * minister, al-Mekdad the Syrian deputy foreign minister…), so an office with another country's name is someone the
 * article never mentions: the bot must decline, not answer with the holder it knows (a confident wrong speaker).
 *
 * Offices are the concepts in speakers' `roles` and `serves`; countries are concepts marked `country`, and each
 * speaker's `country` says where he is from (seeds/speakers.json, seeds/concepts.json).
 */
import { normalize } from './normalize.ts';
import type { Corpus } from './types.ts';

/** Words of a question scanned (an office and its country sit near its start; pasted walls of text are cut). */
const MAX_WORDS = 60;

/** Longest concept term, in words, looked up while scanning ("نائب وزير الخارجية" is three). */
const MAX_TERM_WORDS = 4;

/** Words that may sit between an office and its country: "the president of Iraq", "Iraq's president". */
const LINKING_WORDS = new Set(['of', 'the', 's', 'in', 'fi', 'fe', 'b', 'bi', 'في', 'al', 'el']);

/** و, ب, ل (and their pairs) fused to an Arabic word before at least three more letters. */
const ARABIC_PROCLITIC = /^(?:وب|ول|فب|و|ب|ل)(?=[\u0621-\u064A]{3})/;

/** A scanned word or term: an office, a country, or another word; `word` is the (first) word as written. */
type Tag = ({ kind: 'office' | 'country'; id: string } | { kind: 'other' }) & { word: string };

/**
 * Finds offices qualified by a country that none of their holders is from. Built once per corpus. A thing the
 * article gives one country (`owner` on concepts: the Iraqi air force) is read as an office that country holds.
 */
export class OfficeQualifiers {
  /** Normalized term → office or country concept id. */
  private readonly terms = new Map<string, { kind: 'office' | 'country'; id: string }>();
  /** Office (or owned thing) id → the countries of those who hold it (undefined: a holder of no country). */
  private readonly holders = new Map<string, Array<string | undefined>>();
  /** The first word of every term, so a word that starts none is tagged without looking its n-grams up. */
  private readonly firstWords = new Set<string>();

  constructor(corpus: Corpus) {
    const countries = new Set(corpus.concepts.filter((c) => c.country).map((c) => c.id));
    const hold = (office: string, country: string | undefined) =>
      this.holders.set(office, [...(this.holders.get(office) ?? []), country]);
    for (const s of corpus.speakers) {
      const offices = [...(s.roles ?? []).flat(), ...(s.serves ? [s.serves.office, s.serves.as] : [])];
      for (const office of offices.filter((id) => !countries.has(id))) hold(office, s.country);
    }
    for (const c of corpus.concepts) if (c.owner !== undefined) hold(c.id, c.owner);
    for (const c of corpus.concepts) {
      const kind = countries.has(c.id) ? 'country' : this.holders.has(c.id) || c.office ? 'office' : undefined;
      if (!kind) continue;
      for (const term of c.terms) {
        const key = normalize(term);
        if (key !== '' && !this.terms.has(key)) this.terms.set(key, { kind, id: c.id });
        if (key !== '') this.firstWords.add(key.split(' ')[0] ?? key);
      }
    }
  }

  /**
   * True when the article can name no one the question asks about by office (one scan of the question):
   * - an office next to a country (before or after it, as English and Arabic order them) that none of its holders is
   *   from ("the Iraqi deputy foreign minister"); an office without holders is left to the next rule;
   * - only offices that no speaker holds ("what did the minister say?"), unless `namesSpeaker` ("Al-Taei advises
   *   which minister?" is about al-Taei).
   */
  declines(normalized: string, namesSpeaker: boolean): boolean {
    const tags = this.tag(normalized);
    return this.qualifiedByOtherCountry(tags) || (!namesSpeaker && this.onlyUnheldOffices(tags));
  }

  /** The first rule of {@link declines} alone: an office next to a country none of its holders is from. */
  contradicts(normalized: string): boolean {
    return this.qualifiedByOtherCountry(this.tag(normalized));
  }

  /** The second rule of {@link declines} alone: the question names only offices that no speaker holds. */
  namesUnheldOffice(normalized: string): boolean {
    return this.onlyUnheldOffices(this.tag(normalized));
  }

  private qualifiedByOtherCountry(tags: readonly Tag[]): boolean {
    for (let i = 0; i < tags.length; i++) {
      if (tags[i]?.kind !== 'office' || tags[i - 1]?.kind === 'office') continue;
      let end = i;
      while (tags[end + 1]?.kind === 'office') end++;
      const offices = tags.slice(i, end + 1).map((t) => (t.kind === 'office' ? t.id : ''));
      // Arabic puts the country after the office ("رئيس الوزراء السوري", "رئيس العراق"); English before it ("the
      // Iraqi president") or after "of". Looking the other way would take another noun's country ("استقبل الرئيس
      // السوري المبعوث العراقي": السوري is the president's, not the envoy's).
      const arabic = /[\u0600-\u06FF]/.test(tags[i]?.word ?? '');
      // Mixed ("the syrian رئيس الوزراء"): an English country adjective before an Arabic office is its country.
      const latinBefore = /^[a-z]/.test(tags[i - 1]?.word ?? '');
      const country = arabic
        ? (this.countryNear(tags, end + 1, 1) ?? (latinBefore ? this.countryNear(tags, i - 1, -1) : undefined))
        : (this.countryNear(tags, i - 1, -1) ?? this.countryNear(tags, end + 1, 1));
      if (country !== undefined && this.noHolderFrom(offices, country)) return true;
      i = end;
    }
    return false;
  }

  /** Whether the question names an office no speaker holds, beside any others ("the envoy met the minister"). */
  namesSomeUnheldOffice(normalized: string): boolean {
    return this.tag(normalized).some((t) => t.kind === 'office' && !this.holders.has(t.id));
  }

  private onlyUnheldOffices(tags: readonly Tag[]): boolean {
    const offices = tags.filter((t) => t.kind === 'office').map((t) => (t.kind === 'office' ? t.id : ''));
    return offices.length > 0 && offices.every((o) => !this.holders.has(o));
  }

  /** The country tagged at `from`, or after skipping linking words in direction `step`. */
  private countryNear(tags: readonly Tag[], from: number, step: 1 | -1): string | undefined {
    for (let j = from, skipped = 0; j >= 0 && j < tags.length && skipped <= 2; j += step, skipped++) {
      const t = tags[j];
      if (t?.kind === 'country') return t.id;
      if (t?.kind !== 'other' || !LINKING_WORDS.has(t.word)) return undefined;
    }
    return undefined;
  }

  /** True when some office of the group has holders and none of them is from `country`. */
  private noHolderFrom(offices: readonly string[], country: string): boolean {
    const holders = offices.flatMap((o) => this.holders.get(o) ?? []);
    return holders.length > 0 && !holders.includes(country);
  }

  /** Tags each word, longest concept term first ("وزير الخارجية" is one office). */
  private tag(normalized: string): Tag[] {
    const words = normalized.split(' ').slice(0, MAX_WORDS);
    const tags: Tag[] = [];
    for (let i = 0; i < words.length; ) {
      const word = words[i] ?? '';
      // "بوزير الدفاع", "لرئيس الوزراء": a preposition or و fused to the office's first word.
      const bareWord = ARABIC_PROCLITIC.test(word) ? word.replace(ARABIC_PROCLITIC, '') : undefined;
      // Most words start no term: one set lookup each, instead of a lookup per term length.
      const starts = this.firstWords.has(word) || (bareWord !== undefined && this.firstWords.has(bareWord));
      let found: { kind: 'office' | 'country'; id: string } | undefined;
      let length = 0;
      for (let n = Math.min(MAX_TERM_WORDS, words.length - i); starts && n >= 1 && !found; n--) {
        const rest = n > 1 ? ` ${words.slice(i + 1, i + n).join(' ')}` : '';
        found = this.terms.get(word + rest) ?? (bareWord === undefined ? undefined : this.terms.get(bareWord + rest));
        length = n;
      }
      if (found) {
        tags.push({ ...found, word: words[i] ?? '' });
        i += length;
      } else {
        tags.push({ kind: 'other', word: words[i] ?? '' });
        i++;
      }
    }
    return tags;
  }
}
