/**
 * The arguments of `npm run ask` before commander reads them (src/cli/argv.ts): a question that starts with "-" is
 * moved behind `--`, options stay options, and a word that looks like an option is left for commander to reject.
 */
import { describe, expect, test } from 'vitest';
import { isDashedQuestion, separateDashedQuestion } from '../../src/cli/argv.ts';

describe('isDashedQuestion', () => {
  test.each([
    ['-what did assad say', true],
    ['-ماذا قال الأسد؟', true],
    ['-1 km?', true],
    ['-1', true],
    ['- what', true],
    ['--json', false],
    ['--jsonl', false],
    ['-h', false],
    ['--top=5', false],
    ['-what', false],
    ['--jsn', false],
    ['--', false],
    ['-', false],
    ['what did assad say', false],
  ])('%j → %s', (arg, expected) => {
    expect(isDashedQuestion(arg)).toBe(expected);
  });
});

describe('separateDashedQuestion', () => {
  test.each<[string, string[], string[]]>([
    ['no dashed question: unchanged', ['--json', 'what did assad say'], ['--json', 'what did assad say']],
    ['a dashed question alone', ['-what did assad say'], ['--', '-what did assad say']],
    [
      'an option after the question stays an option',
      ['-what did assad say', '--json'],
      ['--json', '--', '-what did assad say'],
    ],
    ['an option before it too', ['--json', '-what did assad say'], ['--json', '--', '-what did assad say']],
    ['words after it keep their order', ['-what did', 'assad', 'say'], ['--', '-what did', 'assad', 'say']],
    ['words before it stay in front, in order', ['so', '-1 km?'], ['so', '--', '-1 km?']],
    ['an existing -- is merged, in order', ['-what did', '--', '--json'], ['--', '-what did', '--json']],
    ['after --, nothing is moved', ['--', '-what did assad say'], ['--', '-what did assad say']],
    ['an option-like word is left to commander', ['-what'], ['-what']],
  ])('%s', (_name, args, expected) => {
    expect(separateDashedQuestion(args)).toEqual(expected);
  });
});
