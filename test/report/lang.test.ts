/** guessLang: the qa.json language key suggested for a phrasing. */
import { expect, test } from 'vitest';
import { guessLang } from '../../src/report/lang.ts';

test.each([
  ['ماذا قال الأسد؟', 'ar'],
  ['شو قال الأسد؟', 'ar-lev'],
  ['وشو قال الاسد بهيك اجتماع', 'ar-lev'],
  ['الأسد قال إيه؟', 'ar-eg'],
  ['شكد طول الحدود؟', 'ar-iq'],
  ['وش قال الأسد؟', 'ar-gulf'],
  ['شنو هو الخبر ديال هاد المقال؟', 'ar-ma'],
  ['What did Assad say?', 'en'],
  ['How long is the 605km border?', 'en'],
  ['shu 2al el asad?', 'arabizi'],
  ['meen el 3abadi', 'arabizi'],
  ['shu sar?', 'arabizi'],
  ['what did الأسد say?', 'en'],
  ['ماذا قال Assad؟', 'ar'],
  ['605', undefined],
  ['', undefined],
])('%s → %s', (question, lang) => {
  expect(guessLang(question)).toBe(lang);
});

// Bug fixed (break12): a terminal escape pasted into an English question made it "arabizi" ("\x1b[2J" read as "2j").
test('terminal escapes do not make English Arabizi', () => {
  expect(guessLang('where is \u001b[2J the border')).toBe('en');
});
