/**
 * Names the article does not have, built from its own speakers' names: a given name of one speaker with the family
 * name of another ("Haider al-Assad", "فيصل الفياض"), or a relative's given name before a speaker's family name
 * ("Hafez al-Assad", "Asma al-Assad"). Answering those with the speaker who has the family name would put a quote
 * in the mouth of someone who never said it.
 */
import { type Featurizer, isStopword } from './features.ts';
import { editDistance } from './fuzzy.ts';
import { normalize } from './normalize.ts';
import type { Speaker } from './types.ts';

/**
 * Given names of people who share a speaker's family name but are not in the article (al-Assad's father, wife,
 * brothers), normalized, in Latin and Arabic letters; they count only right before the family name.
 */
const RELATIVES: ReadonlySet<string> = new Set([
  'hafez',
  'hafiz',
  'asma',
  'rifaat',
  'maher',
  'bassel',
  'bushra',
  // Arabic only before the family name (mixes reads the pair): حافظ alone is "keeper", أسماء "names".
  ...['حافظ', 'أسماء', 'ماهر', 'باسل', 'رفعت', 'بشرى'].map(normalize),
]);

/** English verbs of saying that may follow a full name ("what did Faisal Qassem say?"). */
const LATIN_SAY: ReadonlySet<string> = new Set(['say', 'said', 'says', 'tell', 'told', 'think', 'thinks', 'mean']);

/** Arabic time nouns that may follow a name («ماذا قال فيصل الاسبوع الماضي؟»), normalized: no family name. */
const TIME_NOUNS: ReadonlySet<string> = new Set(
  ['الأسبوع', 'الشهر', 'السنة', 'العام', 'اليوم', 'امس', 'البارحة', 'الصبح', 'المساء'].map(normalize),
);

/** Words after which a title and name are the subject of the question (normalized). */
const SUBJECT_OPENERS: ReadonlySet<string> = new Set(['did', 'does', 'do', 'is', 'was', 'has', 'هو', 'هل']);

/** The Arabic and Latin article written apart before a family name ("al assad", "el fayyadh"). */
const ARTICLE = new Set(['al', 'el', 'il']);

interface NameParts {
  id: string;
  given: ReadonlySet<string>;
  family: ReadonlySet<string>;
}

/** Given and family names of each speaker with a two-part name (SANA has none), normalized. */
function namePartsOf(speakers: readonly Speaker[]): NameParts[] {
  return speakers.flatMap((speaker) => {
    const names = [speaker.nameAr, speaker.nameEn].map((n) =>
      normalize(n)
        .split(' ')
        .filter((w) => !ARTICLE.has(w)),
    );
    if (names.some((n) => n.length !== 2)) return [];
    return [
      {
        id: speaker.id,
        given: new Set(names.map((n) => n[0] as string)),
        family: new Set(names.map((n) => n[1] as string)),
      },
    ];
  });
}

/** Finds names the article does not have in normalized questions. Build once per corpus. */
export class ForeignNames {
  private readonly parts: NameParts[];
  /** Each title concept (as a key: c:primeminister) with the speakers who hold it. */
  private readonly holders = new Map<string, Set<string>>();

  /**
   * @param countries country concepts as keys (c:iraq): a country's adjective may stand between the opening word and
   *   the title ("what did the Iraqi prime minister Assad say?").
   * @param isArticleWord whether a normalized word is one the article or its curated questions use (no stranger's
   *   family name, then).
   */
  constructor(
    speakers: readonly Speaker[],
    private readonly featurizer: Featurizer,
    private readonly countries: ReadonlySet<string> = new Set(),
    private readonly isArticleWord: (word: string) => boolean = () => false,
  ) {
    this.parts = namePartsOf(speakers);
    // Only a title that names its holder alone counts: "adviser" (al-Taei's, with "interior") is also al-Fayyadh's
    // trade ("national security adviser").
    for (const speaker of speakers) {
      for (const id of (speaker.roles ?? []).filter((role) => role.length === 1).flat()) {
        const holders = this.holders.get(`c:${id}`) ?? new Set<string>();
        holders.add(speaker.id);
        this.holders.set(`c:${id}`, holders);
      }
    }
  }

  /**
   * True when a title stands right before a speaker's name that the article never gives him ("رئيس الوزراء الأسد",
   * "President Abadi"): the title belongs to someone else. Only a title and name as the subject count (after a verb
   * of saying, "who is", "did", or opening the question); in Arabic the title is definite (ال): an indefinite noun
   * before a name is in construct with it ("رسول العبادي", al-Abadi's messenger). Titles and holders come from the speakers' `roles`; a
   * country between them ("الرئيس السوري بشار الأسد") is no title and is passed over.
   */
  mistitles(normalized: string): boolean {
    const words = normalized.split(' ');
    for (let i = 0; i < words.length; i++) {
      const title = this.featurizer.termAt(words, i);
      const holders = title === undefined ? undefined : this.holders.get(title.key);
      if (title === undefined || holders === undefined || holders.size !== 1) continue;
      // An indefinite Arabic noun before a name is in construct with it: "رسول العبادي" is al-Abadi's messenger.
      const last = words[i + title.length - 1] as string;
      if (/^\p{Script=Arabic}/u.test(last) && !last.startsWith('ال')) continue;
      // Only a title naming the subject: after a verb of saying, "who is" or at the start in Arabic ("ماذا قال رئيس
      // الوزراء الأسد؟"), after "did/is" in English ("what did President Abadi say?"). After another verb the name is
      // its object ("استقبل الرئيس الفياض": the president received al-Fayyadh).
      if (!this.opensSubject(words[this.beforeQualifiers(words, i)])) continue;
      const nameWord = words[i + title.length];
      // "المبعوث للأسد": a name behind ل or ب is spoken to or met, not titled.
      if (nameWord === undefined || /^[لب]/.test(nameWord)) continue;
      const name = this.featurizer.termAt(words, i + title.length);
      const id = name?.key.startsWith('sp:') ? name.key.slice(3) : undefined;
      if (id !== undefined && !holders.has(id)) return true;
    }
    return false;
  }

  /**
   * True when the normalized question names a person the article does not have: a speaker's given name, or a
   * relative's, right before another speaker's family name ("al" between them allowed). The family name is read as
   * written (الاسد, assad), or in Latin letters as the lexicon reads it (asad, fayad).
   */
  mixes(normalized: string): boolean {
    const words = normalized.split(' ');
    for (let i = 0; i + 1 < words.length; i++) {
      const given = words[i] as string;
      const owner = this.parts.find((p) => p.given.has(given));
      if (owner === undefined && !RELATIVES.has(given)) continue;
      const familyAt = ARTICLE.has(words[i + 1] as string) ? i + 2 : i + 1;
      const family = this.familyOf(words[familyAt]);
      if (family !== undefined && family !== owner?.id) return true;
      if (owner !== undefined && this.isOtherFamily(owner, words[i + 1], words[i + 2])) return true;
    }
    return false;
  }

  /**
   * «فيصل القاسم», «حيدر الملا», "Falih al-Issawi": a speaker's given name before a family name (ال…, or after "al")
   * that is not his and that the article never uses (a word it has, «فيصل الاسبوع الماضي», is no name). Someone else.
   */
  private isOtherFamily(owner: NameParts, next: string | undefined, after: string | undefined): boolean {
    // "Faisal al-Qassem": in Latin letters the family name follows "al" written apart.
    // "What did Faisal Qassem say?": a Latin word right before the verb of saying, after the given name, is a family
    // name ("did Bashar praise Abadi?" has a verb there).
    const latin = next !== undefined && /^[a-z]{4,}$/.test(next) && LATIN_SAY.has(after ?? '') ? next : undefined;
    const family = next !== undefined && ARTICLE.has(next) ? after : next?.startsWith('ال') ? next : latin;
    return family !== undefined && this.isStrangersFamily(owner, family);
  }

  private isStrangersFamily(owner: NameParts, next: string): boolean {
    if (owner.family.has(next)) return false;
    // A misspelt family name is still his («فيصل المقدد», «فالح الفيض»): within two edits of it.
    if ([...owner.family].some((f) => editDistance(f, next) <= 2)) return false;
    if (TIME_NOUNS.has(next)) return false;
    return this.featurizer.conceptOf(next) === undefined && !isStopword(next) && !this.isArticleWord(next);
  }

  /** The index of the word before `i` past "the" and countries' adjectives ("did the Syrian president…"); -1 for none. */
  private beforeQualifiers(words: readonly string[], i: number): number {
    let j = i - 1;
    while (j >= 0 && (words[j] === 'the' || this.countries.has(this.featurizer.conceptOf(words[j] as string) ?? ''))) {
      j--;
    }
    return j;
  }

  /** The word before a title that makes the title and name the subject: a verb of saying, "who is", "did". */
  private opensSubject(before: string | undefined): boolean {
    if (before === undefined) return true;
    if (SUBJECT_OPENERS.has(before)) return true;
    const key = this.featurizer.conceptOf(before);
    return key === 'c:ask-said' || key === 'c:ask-role' || key === 'c:ask-who';
  }

  /** The speaker whose family name `word` is (as written, or as the lexicon reads it), if any. */
  private familyOf(word: string | undefined): string | undefined {
    if (word === undefined) return undefined;
    const written = this.parts.find((p) => p.family.has(word));
    if (written) return written.id;
    // Arabic is read as written: "بشار للفياض" is Bashar speaking to al-Fayyadh, not "Bashar al-Fayyadh".
    if (!/^[a-z0-9]+$/.test(word)) return undefined;
    const key = this.featurizer.conceptOf(word);
    const id = key?.startsWith('sp:') ? key.slice(3) : undefined;
    // A given name read as its speaker ("بشار" alone is al-Assad) is not a family name.
    return id !== undefined && !this.parts.some((p) => p.id === id && p.given.has(word)) ? id : undefined;
  }
}
