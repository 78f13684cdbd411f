/**
 * Small I/O helpers shared by the terminal entry points.
 */

/**
 * Reads a stream as lines split on LF only (a trailing CR is dropped, so CRLF files work), so that one input
 * line is always one question even when it holds a lone CR. The last line is yielded even without a final LF.
 */
export async function* readLines(input: AsyncIterable<string | Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      yield pending.slice(0, newline).replace(/\r$/, '');
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
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
