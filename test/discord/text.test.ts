import { describe, expect, test } from 'vitest';
import {
  FSI,
  isolateLtrRuns,
  isolatesBalanced,
  PDI,
  sanitizeUserText,
  splitText,
  stripBidiControls,
  truncateAtWord,
} from '../../src/discord/text.ts';

describe('isolateLtrRuns (case 22: mixed-direction lines)', () => {
  test.each([
    ['فالح الفياض · Falih al-Fayyadh', `فالح الفياض · ${FSI}Falih al-Fayyadh${PDI}`],
    ['الفقرة 11', `الفقرة ${FSI}11${PDI}`],
    ['الثقة 87%', `الثقة ${FSI}87%${PDI}`],
    ["قال al-Abadi's envoy اليوم", `قال ${FSI}al-Abadi's envoy${PDI} اليوم`],
    ['Paragraph 4', 'Paragraph 4'],
    ['بشار الأسد', 'بشار الأسد'],
  ])('when the line is %j we get %j', (input, expected) => {
    expect(isolateLtrRuns(input)).toBe(expected);
  });

  test('works line by line: a Latin-only line stays untouched next to an Arabic one', () => {
    expect(isolateLtrRuns('Bashar al-Assad\nبشار Assad')).toBe(`Bashar al-Assad\nبشار ${FSI}Assad${PDI}`);
  });

  test('isolates are always balanced', () => {
    for (const s of ['a ب c ج 1 2', 'ب (x) ج', 'ب x)', 'ب (x', 'ب 1,2,3 ج']) {
      expect(isolatesBalanced(isolateLtrRuns(s))).toBe(true);
    }
    expect(isolatesBalanced(`${FSI}x`)).toBe(false);
    expect(isolatesBalanced(`${PDI}x${FSI}`)).toBe(false);
  });
});

describe('sanitizeUserText (cases 5 and 15)', () => {
  test('defuses @everyone, @here, user, role and channel mentions', () => {
    const out = sanitizeUserText('@everyone @here <@123456789012345678> <@&123456789012345678> <#123456789012345678>');
    expect(out).not.toMatch(/@everyone|@here|<@\d|<@&|<#/);
  });

  test('escapes markdown', () => {
    expect(sanitizeUserText('**bold** _x_ `code` ||spoiler||')).toBe(
      '\\*\\*bold\\*\\* \\_x\\_ \\`code\\` \\|\\|spoiler\\|\\|',
    );
  });

  test('drops every Bidi_Control code point and folds whitespace', () => {
    const controls = '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(sanitizeUserText(`\u200Fمن هو وهاب${controls} \n الطائي؟\u200F`)).toBe('من هو وهاب الطائي؟');
  });

  test('stays within its bound even when escaping doubles the length', () => {
    const out = sanitizeUserText('*'.repeat(500), 100);
    expect(out.length).toBeLessThanOrEqual(100);
  });
});

describe('truncateAtWord', () => {
  test('cuts at a word boundary and marks the cut', () => {
    expect(truncateAtWord('ماذا قال الأسد في الاجتماع', 15)).toBe('ماذا قال الأسد…');
  });
  test('leaves short text alone', () => {
    expect(truncateAtWord('short', 10)).toBe('short');
  });
  test('a single overlong word is cut (nothing else fits)', () => {
    expect(truncateAtWord('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
  test('never splits a surrogate pair', () => {
    const out = truncateAtWord('😀'.repeat(10), 6);
    expect(out).toBe('😀😀…');
  });
});

describe('splitText (case 16: long answers)', () => {
  const sentence = 'هذا هو التنسيق الذي يجب ان نقوم به كلانا. ';
  const long = sentence.repeat(200);

  test('is lossless and within the bound', () => {
    const chunks = splitText(long, 1024);
    expect(chunks.join('')).toBe(long);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(1024);
  });

  test('prefers sentence ends', () => {
    for (const c of splitText(long, 1024).slice(0, -1)) expect(c.trimEnd().endsWith('.')).toBe(true);
  });

  test('never cuts a word when there is a space to cut at', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `كلمة${i}`).join(' ');
    const chunks = splitText(words, 300);
    expect(chunks.join('')).toBe(words);
    for (const [i, c] of chunks.entries()) {
      if (i < chunks.length - 1) expect(c).toMatch(/\s$/);
    }
  });

  test('Arabic question marks end sentences too', () => {
    const text = `${'أ'.repeat(400)}؟ ${'ب'.repeat(400)}؟ ${'ج'.repeat(400)}`;
    const chunks = splitText(text, 900);
    expect(chunks[0]).toBe(`${'أ'.repeat(400)}؟ ${'ب'.repeat(400)}؟ `);
  });

  test('short text is one chunk; empty text is one empty chunk', () => {
    expect(splitText('abc', 10)).toEqual(['abc']);
    expect(splitText('', 10)).toEqual(['']);
  });
});

test('stripBidiControls keeps everything else', () => {
  expect(stripBidiControls('a\u200Eb\u061Cc')).toBe('abc');
});
