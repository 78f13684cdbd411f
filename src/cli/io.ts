/**
 * Small I/O helpers shared by the terminal entry points.
 */
import { once } from 'node:events';
import { fstatSync } from 'node:fs';
import type { Writable } from 'node:stream';

/**
 * Longest line kept, in UTF-16 code units; the rest of a longer line is dropped (it is still one line). The
 * answerer reads only the first 2,000 characters of a question; the margin keeps what `--json` echoes honest.
 */
export const MAX_LINE_CHARS = 64 * 1024;

/** A line ends at CRLF, LF or a lone CR (classic Mac files), as in readline or Python's universal newlines. */
const LINE_END = /\r\n|\r|\n/;

/**
 * Reads a stream as lines ending at LF, CRLF or a lone CR, so that a file saved with any of the three line endings
 * gives one question per line. The last line is yielded even without a line end. A CRLF split across two chunks is
 * one line end (the CR ends the line at once, so an interactive CR-only writer is answered without waiting, and an
 * LF right after it is skipped). Each chunk is scanned once and a line is cut at `maxLineChars`, so time is linear
 * and memory bounded however long a line is (a 40 MB line without a line end once took minutes).
 */
export async function* readLines(
  input: AsyncIterable<string | Buffer>,
  maxLineChars = MAX_LINE_CHARS,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  // The previous chunk ended in CR: an LF opening this one completes that CRLF, it is no empty line.
  let afterCr = false;
  // One regex per reader: its lastIndex is state, and two readers may interleave at their yields.
  const lineEnd = new RegExp(LINE_END.source, 'g');
  const keep = (text: string, from: number, to: number): string =>
    pending + text.slice(from, Math.min(to, from + Math.max(0, maxLineChars - pending.length)));
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text === '') continue;
    let start = afterCr && text.startsWith('\n') ? 1 : 0;
    lineEnd.lastIndex = start;
    for (let end = lineEnd.exec(text); end !== null; end = lineEnd.exec(text)) {
      yield keep(text, start, end.index);
      pending = '';
      start = end.index + end[0].length;
    }
    afterCr = text.endsWith('\r');
    pending = keep(text, start, text.length);
  }
  pending = keep(decoder.decode(), 0, Number.MAX_SAFE_INTEGER);
  if (pending !== '') yield pending;
}

/** Standard input that cannot be read. Its message names the failure; entry points print it and exit 1. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/**
 * {@link readLines} of an entry point's input, failing with an {@link InputError} when it cannot be read, so a read
 * failure is never taken for empty input (no output, exit 0). Node hands a directory on standard input (`< /tmp`)
 * to JavaScript as an empty stream, without an error, so a stream with a file descriptor is checked first (EISDIR);
 * a read that fails later (EBADF for a write-only descriptor, EIO) is rethrown named. A closed standard input
 * (`<&-`) cannot be told from `< /dev/null`: Node reopens it on /dev/null before any JavaScript runs.
 */
export async function* readInputLines(
  input: AsyncIterable<string | Buffer> & { fd?: unknown },
  maxLineChars = MAX_LINE_CHARS,
): AsyncGenerator<string> {
  if (typeof input.fd === 'number' && isDirectory(input.fd)) {
    throw new InputError('cannot read standard input: EISDIR: it is a directory (give a file: < questions.txt)');
  }
  try {
    yield* readLines(input, maxLineChars);
  } catch (error) {
    throw new InputError(`cannot read standard input: ${(error as Error).message}`);
  }
}

/** Whether a file descriptor is a directory; a descriptor fstat cannot read is an {@link InputError}. */
function isDirectory(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch (error) {
    throw new InputError(`cannot read standard input: ${(error as Error).message}`);
  }
}

/**
 * Writes `text` and resolves once `output` can take more: at once while its buffer is under its highWaterMark, else on
 * 'drain'. A line-by-line program that awaits each write keeps at most one buffer of output in memory however slow
 * its reader (`ask --jsonl < big.txt | slow-reader` once held every answer: 1.6 GB for 300,000 lines); reading the
 * input waits too, so the input is not read ahead either.
 *
 * @throws the stream's error when it fails while we wait (ENOSPC, EPIPE…), or when it was already destroyed: a dead
 * stream never emits 'drain', and waiting for it would hang.
 */
export async function writeText(output: Writable, text: string): Promise<void> {
  if (output.write(text)) return;
  if (output.destroyed) throw output.errored ?? new Error('cannot write: the output is closed');
  // once() rejects when 'error' comes first.
  await once(output, 'drain');
}

/**
 * Ends the program when standard output cannot be written, at the one place every write error arrives (the
 * stream's 'error' event; console.log and the awaited writes alike). EPIPE is how pipes end (`| head -1` closes
 * its end after one line): exit 0 without a word, as `head`'s readers conventionally do. Any other error (ENOSPC
 * on a full disk or `> /dev/full`, EIO) loses output: one line on stderr, `<program>: cannot write standard output:
 * <error>`, and exit 1, so a script can tell. Without it, the error surfaced as a stack trace (or not at all).
 * Install it before the first write: the listener must run before any other, so the program ends here.
 */
export function exitOnOutputError(program: string): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    // The error's own message names the code: "ENOSPC: no space left on device, write".
    console.error(`${program}: cannot write standard output: ${error.message}`);
    process.exit(1);
  });
}
