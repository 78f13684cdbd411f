/**
 * `ask --jsonl` under back-pressure (src/cli/jsonl.ts): a reader slower than the answerer must hold the answering
 * back, so memory stays bounded whatever the input's length.
 */
import { Readable, Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { writeJsonLines } from '../../src/cli/jsonl.ts';
import { createAnswerer } from '../../src/core/answerer.ts';
import { loadCorpus } from '../../src/core/corpus.ts';
import type { Reply } from '../../src/core/types.ts';

const answerer = createAnswerer(loadCorpus());

/**
 * A reader that takes one chunk per turn of the event loop and keeps a buffer of 16 bytes (less than one JSON line):
 * every write fills it. `onWrite` sees each chunk as it is taken.
 */
function slowReader(onWrite: (chunk: string) => void): Writable {
  return new Writable({
    highWaterMark: 16,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      onWrite(chunk);
      setImmediate(done);
    },
  });
}

// Bug fixed (break10 #34): every line was answered and queued at once (1.6 GB for 300,000 lines with a slow reader).
test('with a slow reader, lines are answered only as fast as they are written: answered − written stays ≤ 1', async () => {
  const lines = Array.from({ length: 300 }, (_, i) => (i % 2 ? 'ما طول الحدود؟' : `What did Mekdad say? ${i}`));
  let answered = 0;
  let written = 0;
  let mostAhead = 0;
  const answer = (question: string): Reply => {
    answered++;
    mostAhead = Math.max(mostAhead, answered - written);
    return answerer.ask(question);
  };
  const output = slowReader((chunk) => {
    written++;
    expect(JSON.parse(chunk).question).toBe(lines[written - 1]);
  });
  await writeJsonLines(Readable.from(lines), output, answer);
  expect(written).toBe(lines.length);
  expect(answered).toBe(lines.length);
  // The line being answered is at most one ahead of the last one the reader took: never a growing queue.
  expect(mostAhead).toBeLessThanOrEqual(1);
  expect(output.writableLength).toBe(0);
});

test('the input is read no further ahead than the output takes: a slow reader pauses the reading too', async () => {
  let read = 0;
  let written = 0;
  let mostAhead = 0;
  async function* counted(): AsyncGenerator<string> {
    for (let i = 0; i < 200; i++) {
      read++;
      mostAhead = Math.max(mostAhead, read - written);
      yield 'ماذا قال الأسد؟';
    }
  }
  await writeJsonLines(
    counted(),
    slowReader(() => {
      written++;
    }),
    (q) => answerer.ask(q),
  );
  expect(written).toBe(200);
  expect(mostAhead).toBeLessThanOrEqual(1);
});

test('an output that fails stops the loop with its error; no more lines are answered', async () => {
  let answered = 0;
  const failing = new Writable({
    highWaterMark: 16,
    write(_chunk, _encoding, done) {
      done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    },
  });
  const lines = Array.from({ length: 50 }, () => 'ما طول الحدود؟');
  await expect(
    writeJsonLines(Readable.from(lines), failing, (q) => {
      answered++;
      return answerer.ask(q);
    }),
  ).rejects.toThrow('ENOSPC');
  expect(answered).toBe(1);
});
