import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import { isUnsupportedLanguage } from '../../src/core/language.ts';

describe('questions in languages the bot does not read', () => {
  test.each([
    'Wer ist Assad?',
    'Qui est Assad ?',
    '¿Quién es Mekdad?',
    'Esad kimdir?',
    'Что сказал Асад?',
    'אסד',
    '阿萨德说了什么',
  ])('%s is another language', (q) => {
    expect(isUnsupportedLanguage(q)).toBe(true);
  });

  test.each([
    'what did assad say',
    'el assad 2al eh?',
    'shu 2al el me2dad 3an el tanse2',
    'shlon il 3iraq saar mamar lil sla7 il irani',
    'fi chi 3an iran ou russia?',
    'ماذا قال الأسد؟',
    'what did الأسد say',
    'Was Mekdad at the meeting?',
    '🤔',
    '605',
    // Bug fixed (break20): one Urdu-keyboard letter in Arabic was taken for Urdu.
    'ماذا قال الطائے؟',
    'ما هي اللجنہ؟',
  ])('%s is read', (q) => {
    expect(isUnsupportedLanguage(q)).toBe(false);
  });

  test('no labelled question and no curated question is taken for another language', () => {
    const questions = [
      ...readFileSync('test/eval/dev.jsonl', 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (JSON.parse(l) as { q: string }).q),
      ...loadCorpus().entries.flatMap((e) => Object.values(e.questions).flat()),
    ];
    expect(questions.filter(isUnsupportedLanguage)).toEqual([]);
  });

  test('the bot says which languages it reads, not that the article lacks the answer', () => {
    const reply = createAnswerer(loadCorpus()).ask('Was hat Assad gesagt?');
    expect(reply.kind === 'no-answer' && reply.reason).toBe('other-language');
    expect(reply.kind === 'no-answer' && reply.message).toMatch(/Arabic.*English.*Arabizi/);
  });
});

test("French with an elided que (Qu'a dit Assad ?) is another language", () => {
  expect(isUnsupportedLanguage("Qu'a dit Assad ?")).toBe(true);
});
