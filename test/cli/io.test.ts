import { Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { MAX_LINE_CHARS, readLines } from '../../src/cli/io.ts';

async function lines(chunks: Array<string | Buffer>, max?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const line of readLines(Readable.from(chunks), max)) out.push(line);
  return out;
}

test('splits on LF only, drops a CR before LF, keeps a lone CR inside a line, yields a last line without LF', async () => {
  expect(await lines(['a\r\nb\rc\nd'])).toEqual(['a', 'b\rc', 'd']);
});

test('lines split across chunks, several lines in one chunk, and UTF-8 split inside a character', async () => {
  const bytes = Buffer.from('ماذا قال\nالأسد؟\n');
  expect(await lines([bytes.subarray(0, 3), bytes.subarray(3, 11), bytes.subarray(11)])).toEqual([
    'ماذا قال',
    'الأسد؟',
  ]);
  expect(await lines(['x\ny\nz\n', 'w'])).toEqual(['x', 'y', 'z', 'w']);
});

// Bug fixed: a 40 MB line without LF took 112 s and 445 MB (the buffer was re-scanned on every chunk).
test('a line longer than the cap is cut at the cap and is still one line; the next line is intact', async () => {
  const long = Array.from({ length: 50 }, () => 'ماذا قال الأسد '.repeat(100));
  const out = await lines([...long, '\nnext\n'], 1000);
  expect(out).toEqual(['ماذا قال الأسد '.repeat(100).repeat(50).slice(0, 1000), 'next']);
  expect(MAX_LINE_CHARS).toBeGreaterThanOrEqual(2000);
});
