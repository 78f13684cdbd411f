import { expect, test } from 'vitest';
import { parseEvalFile } from '../../src/eval/metrics.ts';

test('parseEvalFile skips blank lines and reads labelled questions', () => {
  const items = parseEvalFile(
    '\n{"id":"a","q":"ماذا قال الأسد؟","lang":"ar","kind":"said","paragraphs":[4],"speakers":["assad"]}\n\n',
  );
  expect(items).toHaveLength(1);
  expect(items[0]?.q).toBe('ماذا قال الأسد؟');
});

// Bug fixed: a line that is not JSON threw JSON.parse's message without saying which line.
test('a line that is not JSON is reported with its line number', () => {
  expect(() =>
    parseEvalFile('{"id":"a","q":"x","lang":"en","kind":"said","paragraphs":[],"speakers":[]}\n{bad'),
  ).toThrow(/eval file line 2: not JSON/);
});
