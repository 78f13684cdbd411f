import { describe, expect, test } from 'vitest';
import { asksForSpeakers } from '../../src/core/commandWords.ts';

describe('asksForSpeakers (found by the eighth break test: only "speakers" worked)', () => {
  test.each([
    'speakers',
    'Who are the speakers?',
    'list the speakers',
    'من المتحدثون في المقال؟',
    'المتحدثين',
    'من هم المتحدثون؟',
  ])('%s asks for the list', (text) => {
    expect(asksForSpeakers(text)).toBe(true);
  });

  test.each(['who is Assad?', 'what did the speakers say about Mosul?', 'ماذا قال المتحدث؟', ''])(
    '%j does not',
    (text) => {
      expect(asksForSpeakers(text)).toBe(false);
    },
  );
});
