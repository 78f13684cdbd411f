import { describe, expect, test } from 'vitest';
import { paragraphRequested } from '../../src/core/paragraphRequest.ts';

describe('paragraphRequested', () => {
  // Bug fixed: only "paragraph N" was understood; these were answered "off-topic".
  test.each([
    ['paragraph 12', 12],
    ['p12', 12],
    ['para 3', 3],
    ['الفقرة 12', 12],
    ['الفقره 7', 7],
    ['الفقرة 12 (فيصل المقداد)', 12],
    ['show paragraph 3', 3],
    ['Show me paragraph 3!', 3],
    ['what is in paragraph 5?', 5],
    ["what's in paragraph 5?", 5],
    ['ماذا في الفقرة 5؟', 5],
    ['شو في الفقرة 5', 5],
    ['اعرض لي الفقرة 2', 2],
    ['الفقرة الثالثة', 3],
    ['الفقرة الحادية عشرة', 11],
    ['the third paragraph', 3],
    ['fourteenth paragraph', 14],
    ['الفقرة الأخيرة', 14],
    ['the last paragraph', 14],
    ['paragraph no. 4', 4],
    ['الفقرة رقم 4', 4],
    ['paragraph 99', 99],
    ['paragraph 9999999999999999999999', 1e22],
  ])('%j asks for paragraph %d', (text, expected) => {
    expect(paragraphRequested(text, 14)).toEqual([expected]);
  });

  // Found by a fresh break test: these were answered "the article does not say".
  test.each([
    ['what is paragraph 6 about?', [6]],
    ['paragraph 2 in English please', [2]],
    ['translate paragraph 2', [2]],
    ['ترجم الفقرة 2', [2]],
    ['paragraph fourteen', [14]],
    ['الفقرة ستة', [6]],
    ['§3', [3]],
    ['الفقرة صفر', [0]],
    ['paragraph 3 and 4', [3, 4]],
    ['الفقرة 3 و 4', [3, 4]],
    ['paragraphs 3 to 5', [3, 4, 5]],
    ['p1-99', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]],
    ['tell me about paragraph 9', [9]],
  ])('%j asks for %j', (text, expected) => {
    expect(paragraphRequested(text, 14)).toEqual(expected);
  });

  test.each([
    'ما طول الحدود؟ 605 كم',
    'paragraph -1',
    'paragraph 3.5',
    'what did Mekdad say in his paragraph',
    'ماذا قال الأسد في الفقرة',
    'show me the border',
    '',
  ])('%j is not a request for a paragraph', (text) => {
    expect(paragraphRequested(text, 14)).toBeUndefined();
  });
});
