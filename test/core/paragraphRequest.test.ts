import { readdirSync, readFileSync } from 'node:fs';
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
    // Cut one past the end, so the caller still sees that the range went past it.
    ['p1-99', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]],
    ['tell me about paragraph 9', [9]],
    // Bug fixed: lists of three or more were no request at all ("off-topic").
    ['paragraphs 1, 2 and 3', [1, 2, 3]],
    ['الفقرات 1 و 2 و 3 و 4', [1, 2, 3, 4]],
    ['paragraphs 2, 5 to 7 and 9', [2, 5, 6, 7, 9]],
    ['paragraphs 9, 7 to 5 and 1', [9, 7, 6, 5, 1]],
  ])('%j asks for %j', (text, expected) => {
    expect(paragraphRequested(text, 14)).toEqual(expected);
  });

  test.each([
    'ما طول الحدود؟ 605 كم',
    'what did Mekdad say in his paragraph',
    'ماذا قال الأسد في الفقرة',
    'show me the border',
    '',
  ])('%j is not a request for a paragraph', (text) => {
    expect(paragraphRequested(text, 14)).toBeUndefined();
  });
});

// Found by a tester: these were refused ("off-topic", "not in the article") though they ask for a paragraph. Each
// rule of the grammar is tested with the tester's phrasing and with others.
describe('paragraphRequested: words around the reference', () => {
  test.each([
    ['tell me paragraph 6', 6],
    ['could you tell me what paragraph 6 says?', 6],
    ['I want to see paragraph 3', 3],
    ['can I have paragraph 2?', 2],
    ['please, give me the text of paragraph 10', 10],
    ['what is the translation of paragraph 2?', 2],
    ['summarize the second paragraph', 2],
    ['what is written in paragraph 8?', 8],
    ['what about paragraph 5?', 5],
    ['ok so show me p4', 4],
  ])('English opening words (a verb, asking, a noun, a question word): %j asks for %d', (text, n) => {
    expect(paragraphRequested(text, 14)).toEqual([n]);
  });

  test.each([
    ['what does paragraph 6 say?', [6]],
    ['what did paragraph 2 say', [2]],
    ['What do paragraphs 3 and 4 say?', [3, 4]],
    ['what does the third paragraph talk about?', [3]],
    ['what does paragraph 7 mean exactly?', [7]],
    ['paragraph 4, in full please', [4]],
  ])('a saying-verb or other closing words after the reference: %j asks for %j', (text, expected) => {
    expect(paragraphRequested(text, 14)).toEqual(expected);
  });

  // The paragraph answer names its speaker, so it answers who speaks in it.
  test.each([
    ['who speaks in paragraph 5?', 5],
    ['who is quoted in paragraph 9?', 9],
    ["who's the speaker in paragraph 4", 4],
    ['who is talking in the last paragraph?', 14],
    ['whose words are in paragraph 9?', 9],
    ['who said paragraph 11?', 11],
    ['paragraph 7: who speaks?', 7],
    ['in paragraph 5, who is quoted?', 5],
    ['paragraph 5 is said by whom?', 5],
  ])('who speaks, in English, before or after: %j asks for %d', (text, n) => {
    expect(paragraphRequested(text, 14)).toEqual([n]);
  });

  test.each([
    ['شو بالفقرة 3', 3],
    ['ماذا تقول الفقرة الرابعة؟', 4],
    ['ما الذي تقوله الفقرة 3؟', 3],
    ['ما نص الفقرة 3', 3],
    ['ما هو محتوى الفقرة الأولى؟', 1],
    ['ماذا جاء في الفقرة الثانية', 2],
    ['شو مكتوب بالفقرة التانية', 2],
    ['وش في الفقره ٧', 7],
    ['ممكن تعرض لي الفقرة 3', 3],
    ['بدي شوف الفقرة 3', 3],
    ['أريد أن أقرأ الفقرة العاشرة', 10],
    ['أعطني الفقرة الثالثة لو سمحت', 3],
  ])('Arabic opening words (ماذا/شو/ما + a saying-verb, a noun, asking, a verb): %j asks for %d', (text, n) => {
    expect(paragraphRequested(text, 14)).toEqual([n]);
  });

  test.each([
    ['عن ماذا تتحدث الفقرة الثالثة؟', 3],
    ['عما تتحدث الفقرة 6؟', 6],
    ['على شو بتحكي الفقرة 4', 4],
    ['الفقرة 3 عن ماذا تتحدث؟', 3],
    ['الفقرة 3 شو فيها', 3],
  ])('what it is about, in Arabic, before or after: %j asks for %d', (text, n) => {
    expect(paragraphRequested(text, 14)).toEqual([n]);
  });

  test.each([
    ['من المتحدث في الفقرة 5؟', 5],
    ['مين بيحكي بالفقرة 5', 5],
    ['من القائل في الفقرة 9؟', 9],
    ['من يتحدث في الفقرة الأخيرة؟', 14],
    ['الفقرة 5 من المتحدث فيها؟', 5],
  ])('who speaks, in Arabic, before or after: %j asks for %d', (text, n) => {
    expect(paragraphRequested(text, 14)).toEqual([n]);
  });

  test.each([
    ['el fa2ra el tanye', 2],
    ['el fa2ra el 2ula', 1],
    ['shu fi bel fa2ra 3', 3],
    ['shu bt2oul el fa2ra el talte', 3],
    ['warjini el fa2ra el khamse', 5],
    ['meen byi7ke bel fa2ra 5', 5],
    ['fa2ra rakam 7', 7],
    ['el fa2ra el 3ashra', 10],
    ['fa2ra tna3sh', 12],
    ['akher fa2ra', 14],
  ])('Arabizi: %j asks for %d', (text, n) => {
    expect(paragraphRequested(text, 14)).toEqual([n]);
  });

  test.each([
    ['الفِقْرَةُ الأُولَى', 1],
    ['الفقـــرة 3', 3],
    ['what’s in paragraph 5?', 5],
    ['PARAGRAPH 5', 5],
  ])('folded as normalize folds (diacritics, tatweel, typographic quotes, case): %j asks for %d', (text, n) => {
    expect(paragraphRequested(text, 14)).toEqual([n]);
  });
});

describe('paragraphRequested: which paragraph', () => {
  test.each([
    ['الفقرة قبل الأخيرة', 13],
    ['الفقرة ما قبل الأخيرة', 13],
    ['قبل آخر فقرة', 13],
    ['el fa2ra 2abel el akhira', 13],
    ['the penultimate paragraph', 13],
    ['second to last paragraph', 13],
    ['the second-to-last paragraph', 13],
    ['the paragraph before the last', 13],
    ['last but one paragraph', 13],
    ['third from the last paragraph', 12],
    ['the 3rd to last paragraph', 12],
    ['الفقرة الثالثة من الأخير', 12],
    ['the final paragraph', 14],
    ['آخر فقرة', 14],
    ['el fa2ra el akhira', 14],
  ])('counted from the end of 14: %j asks for %d', (text, n) => {
    expect(paragraphRequested(text, 14)).toEqual([n]);
  });

  test('counted from the end, the count decides: of 10 paragraphs, the one before the last is 9', () => {
    expect(paragraphRequested('الفقرة قبل الأخيرة', 10)).toEqual([9]);
    expect(paragraphRequested('the last paragraph', 10)).toEqual([10]);
  });

  test.each([
    ['first paragraph', 1],
    ['أول فقرة', 1],
    ['ثالث فقرة', 3],
    ['تاني فقرة', 2],
    ['the 5th paragraph', 5],
  ])('an ordinal before the word: %j asks for %d', (text, n) => {
    expect(paragraphRequested(text, 14)).toEqual([n]);
  });

  test.each([
    ['paragraph twenty-one', 21],
    ['the twenty-first paragraph', 21],
    ['paragraph one hundred', 100],
    ['الفقرة الثالثة عشرة', 13],
    ['الفقرة الثاني عشر', 12],
    ['الفقرة اثنا عشر', 12],
    ['الفقرة الحادية والعشرون', 21],
    ['الفقرة خمسة وعشرين', 25],
    ['الفقرة العشرون', 20],
    ['الفقرة حداشر', 11],
    ['الفقرة اربعطعش', 14],
    ['الفقرة ستاشر', 16],
    ['el fa2ra arba3ta3sh', 14],
    ['fa2ra khamsta3sh', 15],
    ['fa2ra wa7ad w 3ishrin', 21],
  ])('number words are composed (teens, tens and units, dialect teens): %j asks for %d', (text, n) => {
    expect(paragraphRequested(text, 14)).toEqual([n]);
  });

  // Found by a tester: these were ignored (answered by the search) instead of "no such paragraph".
  test.each([
    ['paragraph -1', -1],
    ['paragraph minus one', -1],
    ['الفقرة سالب 1', -1],
    ['الفقرة -٣', -3],
    ['paragraph 1.5', 1.5],
    ['paragraph 3.5', 3.5],
    ['الفقرة ١٫٥', 1.5],
    ['paragraph fifteen', 15],
    ['the 15th paragraph', 15],
    ['الفقرة الخامسة عشرة', 15],
    ['the 20th to last paragraph', -5],
  ])('a number that is no paragraph is returned as written, for the caller to refuse: %j gives %d', (text, n) => {
    expect(paragraphRequested(text, 14)).toEqual([n]);
  });

  test('a hyphen is a sign only after a space: "p1-3" is a range', () => {
    expect(paragraphRequested('p1-3', 14)).toEqual([1, 2, 3]);
  });
});

describe('paragraphRequested: two paragraphs and ranges', () => {
  test.each([
    ['الفقرات من 1 إلى 14', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]],
    ['from paragraph 2 to paragraph 4', [2, 3, 4]],
    ['paragraphs from 12 to the last', [12, 13, 14]],
    ['between paragraphs 2 and 4', [2, 3, 4]],
    ['بين الفقرتين 2 و 4', [2, 3, 4]],
    ['الفقرات من 10 حتى 12', [10, 11, 12]],
    ['paragraphs 3–5', [3, 4, 5]],
    ['el fa2rat men 1 la 3', [1, 2, 3]],
    // Bug fixed (break12): a backwards range showed its two ends only.
    ['paragraphs 5 to 3', [3, 4, 5]],
    ['الفقرات من 14 إلى 12', [12, 13, 14]],
  ])('a range ("to", "إلى", "حتى", "from", "between ... and"): %j asks for %j', (text, expected) => {
    expect(paragraphRequested(text, 14)).toEqual(expected);
  });

  test.each([
    ['the first and last paragraphs', [1, 14]],
    ['the third and fourth paragraphs', [3, 4]],
    ['الفقرتين الثالثة والرابعة', [3, 4]],
    ['الفقرة 3 والفقرة 4', [3, 4]],
    ['paragraphs 1.5 to 3', [1.5, 3]],
  ])('two paragraphs, or a range that is not one (not whole): %j asks for %j', (text, expected) => {
    expect(paragraphRequested(text, 14)).toEqual(expected);
  });
});

describe('paragraphRequested: questions that only mention a paragraph or a number', () => {
  test.each([
    'what happened on 25 February?',
    'how long is the border? 605',
    'which paragraph mentions Raqqa?',
    'في أي فقرة ذكرت الرقة؟',
    'what did Mekdad say in April?',
    'what does paragraph 6 say about Raqqa?',
    'what did Assad say in paragraph 4?',
    'ماذا قال الأسد في الفقرة 4؟',
    'ماذا تقول الفقرة عن داعش؟',
    'how many paragraphs does the article have?',
    'كم فقرة في المقال؟',
    'what was the last thing Assad said?',
    'what did the third party say?',
    'ما هي المدينة الثانية في العراق؟',
    'shu 2al el assad bel fa2ra?',
    'paragraph 3 aboutness',
    'three',
  ])('%j is a question for the search', (text) => {
    expect(paragraphRequested(text, 14)).toBeUndefined();
  });

  test('no curated question and no evaluation question is taken for a paragraph request', () => {
    const seeds = JSON.parse(readFileSync(new URL('../../seeds/qa.json', import.meta.url), 'utf8')) as Array<{
      questions: Record<string, string[]>;
    }>;
    const questions = seeds.flatMap((entry) => Object.values(entry.questions).flat());
    const evalDir = new URL('../eval/', import.meta.url);
    for (const file of readdirSync(evalDir).filter((f) => f.endsWith('.jsonl'))) {
      for (const line of readFileSync(new URL(file, evalDir), 'utf8').split('\n')) {
        if (line.trim()) questions.push((JSON.parse(line) as { q: string }).q);
      }
    }
    expect(questions.length).toBeGreaterThan(2000);
    expect(questions.filter((q) => paragraphRequested(q, 14) !== undefined)).toEqual([]);
  });

  // The grammar is one regex of many optional parts: the shape in which backtracking can blow up.
  test('long repetitive input (2,000 characters) is read in bounded time', () => {
    const start = performance.now();
    for (const unit of ['ماذا في ', 'what is ', 'paragraph ', 'please, ', 'el fa2ra el ', '1 and ', 'الفقرة 3 ']) {
      for (const end of ['', ' x', '?']) paragraphRequested(unit.repeat(Math.ceil(2000 / unit.length)) + end, 14);
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

test('questions that never name a paragraph are not requests (the cheap check before the grammar)', () => {
  for (const q of ['what did Assad say?', 'ماذا قال الأسد؟', 'upon what date?', 'part 3', 'الفقراء في سوريا']) {
    expect(paragraphRequested(q, 14)).toBeUndefined();
  }
});

test('presentation forms and fullwidth letters still name a paragraph', () => {
  expect(paragraphRequested('ﺍﻟﻔﻘﺮﺓ 3', 14)).toEqual([3]);
  expect(paragraphRequested('ｐａｒａｇｒａｐｈ 3', 14)).toEqual([3]);
});
