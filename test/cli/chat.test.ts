import { PassThrough, Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { runChat } from '../../src/cli/chat.ts';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';

const answerer = createAnswerer(loadCorpus());

/** Runs the chat in process on piped lines; returns the answer blocks in order. */
async function chat(lines: readonly string[]): Promise<string[]> {
  const output = new PassThrough();
  let text = '';
  output.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  await runChat(answerer, Readable.from([`${lines.join('\n')}\n`]), output);
  return text.split('\n\n').filter((block) => block.trim() !== '');
}

test('follow-ups in the terminal refer to the last answer: "and al-Mekdad?", "what else did he say?", "who is he?"', async () => {
  const blocks = await chat(['ماذا قال الأسد؟', 'and al-Mekdad?', 'وماذا قال أيضا؟', 'who is he?', 'exit']);
  expect(blocks).toHaveLength(4);
  expect(blocks[0]).toContain('— بشار الأسد');
  expect(blocks[1]).toContain('— فيصل المقداد');
  expect(blocks[2]).toContain('— فيصل المقداد');
  const paragraphOf = (block: string | undefined) => /paragraph (\d+)/.exec(block ?? '')?.[1];
  expect(paragraphOf(blocks[2])).not.toBe(paragraphOf(blocks[1]));
  expect(blocks[3]).toContain('المقداد');
});

test('a follow-up as the first line asks who is meant instead of guessing', async () => {
  const [block] = await chat(['what else did he say?']);
  expect(block).toContain('Who do you mean?');
});
