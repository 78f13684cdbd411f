import { describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import { normalize } from '../../src/core/normalize.ts';
import { OfficeQualifiers } from '../../src/core/offices.ts';

const corpus = loadCorpus();
const offices = new OfficeQualifiers(corpus);
const answerer = createAnswerer(corpus);

describe('offices qualified by a country the holder is not from', () => {
  // Bug fixed: each of these got the holder of the office from the other country, at high confidence.
  test.each([
    'What did the Iraqi deputy foreign minister say?',
    'ماذا قال نائب وزير الخارجية العراقي؟',
    'ماذا قال رئيس الوزراء السوري؟',
    'Who is the Syrian prime minister?',
    'What did the Syrian interior minister adviser say?',
    'Who is the Iraqi president?',
    'What did the president of Iraq say?',
    'Who is the Russian president?',
    'من هو رئيس العراق؟',
    'ماذا قال الرئيس العراقي؟',
  ])('%j is declined: the article names no such person', (question) => {
    expect(offices.contradicts(normalize(question))).toBe(true);
    const reply = answerer.ask(question);
    expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
  });

  test.each([
    ['What did the Syrian president say?', 'assad'],
    ['ماذا قال نائب وزير الخارجية السوري؟', 'mekdad'],
    ['ماذا قال رئيس الوزراء العراقي؟', 'abadi'],
    ['Who is the Iraqi interior ministry adviser?', 'taei'],
    ['What did the Syrian leader say?', 'assad'],
    ['What did the Syrian deputy foreign minister say about Iraqi coordination?', 'mekdad'],
  ])('%j names the holder’s own country: answered (%s)', (question, speaker) => {
    expect(offices.contradicts(normalize(question))).toBe(false);
    const reply = answerer.ask(question);
    expect(reply.kind === 'answer' && reply.speaker.id).toBe(speaker);
  });

  test('in Arabic the country after an office qualifies it, not the one before', () => {
    // السوري belongs to الرئيس, العراقي to المبعوث: both right.
    expect(offices.contradicts(normalize('في أي يوم استقبل الرئيس السوري المبعوث العراقي؟'))).toBe(false);
  });
});

describe('offices no speaker holds', () => {
  // Bug fixed: "what did the minister say?" quoted al-Taei, who only advises a minister (0.88).
  test.each(['What did the minister say?', 'ماذا قال الوزير؟', 'Who is the minister?', 'what did the ministry say'])(
    '%j is declined',
    (question) => {
      expect(offices.namesUnheldOffice(normalize(question))).toBe(true);
      const reply = answerer.ask(question);
      expect(reply.kind === 'no-answer' && reply.reason).toBe('not-in-article');
    },
  );

  test.each([
    ['What did the interior ministry adviser say?', 'taei'],
    ['Al-Taei advises which Iraqi minister?', 'taei'],
    ['ماذا قال مستشار وزير الداخلية؟', 'taei'],
  ])('%j names a held office or a speaker: answered (%s)', (question, speaker) => {
    const reply = answerer.ask(question);
    expect(reply.kind === 'answer' && reply.speaker.id).toBe(speaker);
  });
});
