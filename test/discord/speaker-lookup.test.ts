/**
 * /quote's speaker option: what people type for a speaker ("the reporter", "«المراسل»", "al-Mekdad") finds them, in
 * the command and in its autocomplete, on both transports (they share these producers).
 */
import { describe, expect, test } from 'vitest';
import { quoteChoices, quoteMessages } from '../../src/discord/commands/quote.ts';
import { resolveSpeaker, speakerKey } from '../../src/discord/commands/shared.ts';
import { NOTICES } from '../../src/discord/render.ts';
import { realAnswerer } from './harness.ts';

const answerer = realAnswerer();
const choiceIds = (typed: string) => quoteChoices(answerer, 'speaker', typed).map((c) => c.value);

describe('speakerKey', () => {
  test.each([
    ['The reporter!', 'reporter'],
    ['the al-Mekdad', 'mekdad'],
    ['«الأسد»', 'اسد'],
    ['المراسل', 'مراسل'],
    ['al', 'al'],
    ['ال', 'ال'],
    ['الي', 'الي'],
  ])('%j → %j', (typed, key) => {
    expect(speakerKey(typed)).toBe(key);
  });

  test('no key names two speakers', () => {
    const owner = new Map<string, string>();
    for (const s of answerer.corpus.speakers) {
      for (const name of [s.id, s.nameAr, s.nameEn, ...s.variants]) {
        const key = speakerKey(name);
        expect(owner.get(key) ?? s.id, `${name} → ${key}`).toBe(s.id);
        owner.set(key, s.id);
      }
    }
  });
});

describe('/quote speaker lookup', () => {
  // Bug fixed: "the reporter" said "I do not know that speaker" while "reporter" worked.
  test.each([
    ['the reporter', 'mahdi'],
    ['The Reporter.', 'mahdi'],
    ['reporter', 'mahdi'],
    ['the journalist', 'mahdi'],
    ['«المراسل»', 'mahdi'],
    ['مراسل', 'mahdi'],
    ['the Syrian president', 'assad'],
    ['the al-Mekdad', 'mekdad'],
    ['  الطائي؟ ', 'taei'],
  ])('%j is %s', (typed, id) => {
    expect(resolveSpeaker(answerer, typed)?.id).toBe(id);
    const [page] = quoteMessages(answerer, typed);
    expect(page?.content).not.toBe(NOTICES.unknownSpeaker);
    const speaker = answerer.corpus.speakers.find((s) => s.id === id);
    expect(JSON.stringify(page?.embeds.map((e) => e.toJSON()))).toContain(speaker?.nameEn);
  });

  test.each(['the', 'Napoleon', 'the Napoleon', 'al', '؟'])('%j is nobody', (typed) => {
    expect(resolveSpeaker(answerer, typed)).toBeUndefined();
    expect(quoteMessages(answerer, typed)[0]?.content).toContain('/speakers');
  });

  test('autocomplete offers the speaker for the same spellings, and while they are typed', () => {
    for (const typed of ['the reporter', 'The Reporter.', 'the rep', '«المراسل»', 'مراسل', 'the al-Mek']) {
      expect(choiceIds(typed), typed).toContain(typed.includes('Mek') ? 'mekdad' : 'mahdi');
    }
    expect(choiceIds('the reporter')).toEqual(['mahdi']);
    // What worked before still does.
    expect(choiceIds('Mek')).toContain('mekdad');
    expect(choiceIds('الأسد')).toContain('assad');
    expect(choiceIds('')).toHaveLength(answerer.corpus.speakers.length);
    expect(choiceIds('Napoleon')).toEqual([]);
  });
});
