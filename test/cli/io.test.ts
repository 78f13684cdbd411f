import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { InputError, MAX_LINE_CHARS, readInputLines, readLines, writeText } from '../../src/cli/io.ts';

async function lines(chunks: Array<string | Buffer>, max?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const line of readLines(Readable.from(chunks), max)) out.push(line);
  return out;
}

test('a line ends at LF, CRLF or a lone CR; the last line is yielded without a line end', async () => {
  expect(await lines(['a\r\nb\rc\nd'])).toEqual(['a', 'b', 'c', 'd']);
});

// Bug fixed: a file with classic-Mac line endings (CR only) was read as one line, so `ask --jsonl` merged its
// questions into one object.
test('CR-only input gives one line per CR-terminated line', async () => {
  expect(await lines(['ماذا قال الأسد؟\rماذا قال الطائي؟\r'])).toEqual(['ماذا قال الأسد؟', 'ماذا قال الطائي؟']);
});

test('a CRLF split across chunks is one line end, not an empty line; a CR ending a chunk ends its line', async () => {
  expect(await lines(['a\r', '\nb\r', '\n'])).toEqual(['a', 'b']);
  expect(await lines(['a\r', 'b\r', '\r\n', 'c'])).toEqual(['a', 'b', '', 'c']);
  expect(await lines(['a\r\n\r\nb'])).toEqual(['a', '', 'b']);
  expect(await lines([Buffer.from('a\r'), Buffer.from(''), Buffer.from('\nb')])).toEqual(['a', 'b']);
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

async function inputLines(input: AsyncIterable<string | Buffer> & { fd?: unknown }): Promise<string[]> {
  const out: string[] = [];
  for await (const line of readInputLines(input)) out.push(line);
  return out;
}

// Bug fixed: `npm start < /tmp` and `ask --jsonl < /tmp` printed nothing and exited 0: Node gives a directory on
// stdin as an empty stream, so a read failure looked like empty input.
test('an input whose descriptor is a directory fails with EISDIR, not as empty input', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iqtibas-io-'));
  const fd = openSync(dir, 'r');
  try {
    const input = Object.assign(Readable.from([]), { fd });
    await expect(inputLines(input)).rejects.toThrow(InputError);
    await expect(inputLines(input)).rejects.toThrow('cannot read standard input: EISDIR');
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a read that fails is an InputError naming the failure; an empty input is no lines and no error', async () => {
  const failing = Readable.from(
    (async function* () {
      yield 'first\n';
      throw Object.assign(new Error('EBADF: bad file descriptor, read'), { code: 'EBADF' });
    })(),
  );
  await expect(inputLines(failing)).rejects.toThrow('cannot read standard input: EBADF: bad file descriptor, read');
  expect(await inputLines(Readable.from([]))).toEqual([]);
  expect(await inputLines(Readable.from(['x\ry']))).toEqual(['x', 'y']);
});

describe('writeText', () => {
  /** A stream that takes each chunk on the next turn of the event loop, with a 4-byte buffer. */
  const slow = (): Writable =>
    new Writable({
      highWaterMark: 4,
      write(_chunk, _encoding, done) {
        setImmediate(done);
      },
    });

  test('resolves at once while the buffer has room, and on drain once it is full', async () => {
    const output = slow();
    await writeText(output, 'ab');
    expect(output.writableLength).toBe(2); // still being written, but under the 4-byte mark: no wait
    await writeText(output, 'abcdef'); // over the mark: waits for drain, when all is written
    expect(output.writableLength).toBe(0);
    expect(output.writableNeedDrain).toBe(false);
  });

  test('rejects with the error of a stream that fails while it waits', async () => {
    const output = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, done) {
        setImmediate(() => done(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' })));
      },
    });
    await expect(writeText(output, 'abc')).rejects.toThrow('EIO');
  });

  // A dead stream never emits 'drain': waiting for it would hang the loop.
  test('rejects at once on a stream already destroyed, with its error', async () => {
    const output = slow();
    output.on('error', () => {});
    output.destroy(new Error('ENOSPC: no space left on device, write'));
    await expect(writeText(output, 'abc')).rejects.toThrow('ENOSPC');
    const closed = slow();
    closed.destroy();
    await expect(writeText(closed, 'abc')).rejects.toThrow('the output is closed');
  });
});
