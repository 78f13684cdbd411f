/**
 * Small I/O helpers shared by the terminal entry points.
 */

/**
 * Longest line kept, in UTF-16 code units; the rest of a longer line is dropped (it is still one line). The
 * answerer reads only the first 2,000 characters of a question; the margin keeps what `--json` echoes honest.
 */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * Reads a stream as lines split on LF only (a trailing CR is dropped, so CRLF files work), so that one input
 * line is always one question even when it holds a lone CR. The last line is yielded even without a final LF.
 * Each chunk is scanned once and a line is cut at `maxLineChars`, so time is linear and memory bounded however
 * long a line is (a 40 MB line without LF once took minutes).
 */
export async function* readLines(
  input: AsyncIterable<string | Buffer>,
  maxLineChars = MAX_LINE_CHARS,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  const keep = (text: string, from: number, to: number): string =>
    pending + text.slice(from, Math.min(to, from + Math.max(0, maxLineChars - pending.length)));
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      yield keep(text, start, newline).replace(/\r$/, '');
      pending = '';
      start = newline + 1;
    }
    pending = keep(text, start, text.length);
  }
  pending = keep(decoder.decode(), 0, Number.MAX_SAFE_INTEGER);
  if (pending !== '') yield pending.replace(/\r$/, '');
}

/**
 * `... | head` closes standard output early: that is how pipes end, not an error. Exits quietly with 0 on
 * EPIPE; any other stdout error is rethrown.
 */
export function exitQuietlyOnBrokenPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
