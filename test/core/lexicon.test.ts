import { expect, test } from 'vitest';
import { OUT_OF_SCOPE_WORDS, STOPWORDS } from '../../src/core/lexicon.ts';

test('no function word is out of scope (an "el" there once declined every Arabizi question)', () => {
  expect([...OUT_OF_SCOPE_WORDS].filter((w) => STOPWORDS.has(w))).toEqual([]);
});
