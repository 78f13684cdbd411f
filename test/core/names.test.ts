import { beforeAll, describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import { Featurizer } from '../../src/core/features.ts';
import { ForeignNames } from '../../src/core/names.ts';
import { normalize } from '../../src/core/normalize.ts';
import type { Answerer, Corpus } from '../../src/core/types.ts';

let corpus: Corpus;
let names: ForeignNames;
let bot: Answerer;
beforeAll(() => {
  corpus = loadCorpus();
  names = new ForeignNames(corpus.speakers, new Featurizer(corpus.speakers, corpus.concepts));
  bot = createAnswerer(corpus);
});

describe('names the article does not have', () => {
  test.each([
    'ماذا قال حيدر الأسد؟',
    'Who is Faisal al-Fayyadh?',
    'من هو فالح المقداد؟',
    'What did Hafez al-Assad say?',
    'what did haider asad say',
  ])('%s mixes names', (q) => {
    expect(names.mixes(normalize(q))).toBe(true);
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    'What did Bashar al-Assad say?',
    'شو قال بشار للفياض بالاجتماع؟',
    'ماذا قال فالح الفياض؟',
    'what did faisal mekdad say',
    'haider el abadi',
  ])("%s is a speaker's own name", (q) => {
    expect(names.mixes(normalize(q))).toBe(false);
  });

  test('no curated question mixes names', () => {
    const questions = corpus.entries.flatMap((e) => Object.values(e.questions).flat());
    expect(questions.filter((q) => names.mixes(normalize(q)))).toEqual([]);
  });
});

describe('titles the article gives someone else', () => {
  test.each(['ماذا قال رئيس الوزراء الأسد؟', 'What did President Abadi say?', 'what did prime minister assad say'])(
    '%s',
    (q) => {
      expect(names.mistitles(normalize(q))).toBe(true);
      expect(bot.ask(q).kind).toBe('no-answer');
    },
  );

  test.each([
    'ماذا قال الرئيس الأسد؟',
    'ماذا قال الرئيس السوري بشار الأسد',
    'what did the adviser fayyadh say',
    'what did the envoy fayyadh say',
    'what did PM abadi say',
  ])('%s: the title is his', (q) => {
    expect(names.mistitles(normalize(q))).toBe(false);
  });

  test("no curated question gives a speaker another's title", () => {
    const questions = corpus.entries.flatMap((e) => Object.values(e.questions).flat());
    expect(questions.filter((q) => names.mistitles(normalize(q)))).toEqual([]);
  });
});

test('an indefinite noun before a name is in construct with it (رسول العبادي: his messenger), no title', () => {
  expect(names.mistitles(normalize('من هو رسول العبادي إلى الأسد؟'))).toBe(false);
  expect(bot.ask('من هو رسول العبادي إلى الأسد؟').kind).toBe('answer');
});

describe('break15: Arabic namesakes', () => {
  // Bug fixed: answered as the article's speaker who shares the given or the family name (English was declined).
  test.each([
    'ماذا قال باسل الأسد؟',
    'شو قال فيصل الخطيب؟',
    'ماذا قال حيدر البياتي؟',
    'ماذا صرح فالح الخزعلي؟',
    'what did Haider Zebari say?',
  ])('someone else: %s', (q) => {
    expect(bot.ask(q).kind).toBe('no-answer');
  });

  test.each([
    ['ماذا قال فيصل المقداد؟', 'mekdad'],
    ['ماذا قال فيصل المقدد', 'mekdad'],
    ['ماذا قال فالح الفيض', 'fayyadh'],
    ['شو قال فيصل الاسبوع الماضي', 'mekdad'],
    ['what did Faisal Mikdad say?', 'mekdad'],
    ['did Bashar speak of the common enemy?', 'assad'],
  ])('the speaker, as written or misspelt: %s', (q, speaker) => {
    const r = bot.ask(q);
    expect(r.kind === 'answer' && r.speaker.id).toBe(speaker);
  });
});
