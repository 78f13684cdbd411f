import { describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import { normalize } from '../../src/core/normalize.ts';
import { numbersAsDigits } from '../../src/core/numberWords.ts';

describe('numbersAsDigits', () => {
  // Bug fixed: a border length or a date in words ("ستمية وخمسة كيلو") matched nothing and was declined.
  test.each([
    ['سبعمائة واثنين', '702'],
    ['تسعمية و تسعين', '990'],
    ['ثلاث مية وعشرة', '310'],
    ['ميتين وخمسين', '250'],
    ['الفين وسبعطعش', '2017'],
    ['بالفين وتلاتطعش', '2013'],
    ['ألف وتسعمائة', '1900'],
    ['اربعة عشر', '14'],
    ['بالسادس والعشرين', '26'],
    ['three hundred and twelve', '312'],
    ['nine hundred ninety-nine', '999'],
    ['two thousand and nine', '2009'],
    ['forty-two', '42'],
    ['thirty first', '31'],
    ['tes3miye w tes3in', '990'],
    ['arba3a w 3ishrin', '24'],
    ['alfen w 3ashra', '2010'],
    // Bug fixed (break13): an English year read in two halves was no number.
    ['twenty thirteen', '2013'],
    ['twenty seventeen', '2017'],
  ])('%s → %s', (words, digits) => {
    expect(numbersAsDigits(normalize(words))).toBe(digits);
  });

  // A single number word is often an ordinary word too: ست "lady", ميه "water", "one", "second".
  test.each([
    'ست الكل',
    'بدي ميه',
    'the second city',
    'one of them',
    'الف شكر',
    'first and third',
    'ثلاثة اربعة',
    'twenty',
  ])('keeps %s as words', (text) => {
    expect(numbersAsDigits(normalize(text))).toBe(normalize(text));
  });

  test('leaves the words around a number alone', () => {
    expect(numbersAsDigits(normalize('هل الحدود ثمانمية وعشرين كيلو؟'))).toBe('هل الحدود 820 كيلو');
  });
});

describe('numbers in words, answered', () => {
  const answerer = createAnswerer(loadCorpus());
  test.each([
    'is the shared border six hundred and five kilometres long?',
    'الحدود طولها ستمائة وخمسة كم صح؟',
    'el 7dood settmiye w khamse km?',
  ])('%s → the border length (paragraph 2)', (question) => {
    const reply = answerer.ask(question);
    expect(reply.kind).toBe('answer');
    if (reply.kind === 'answer') expect(reply.paragraph).toBe(2);
  });

  test('a date in words finds the day the article dates', () => {
    const reply = answerer.ask('what did al-Abadi announce on the twenty-fifth of February?');
    expect(reply.kind === 'answer' && reply.paragraph).toBe(7);
  });
});
