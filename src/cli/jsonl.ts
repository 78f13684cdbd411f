/**
 * `ask --jsonl`: one JSON object per input line, in order, written at the pace the reader takes them.
 */
import type { Writable } from 'node:stream';
import type { Reply } from '../core/types.ts';
import { writeText } from './io.ts';
import { toJsonRecord } from './json.ts';

/**
 * Answers each line with `answer` and writes its {@link toJsonRecord} as one line of `output`. Each write is awaited
 * ({@link writeText}): a line is answered only once the output has room for it, so a slow reader holds back the
 * answering (and the reading of `lines`) instead of letting answers pile up in memory.
 *
 * @throws what `lines` throws (an unreadable input) and what {@link writeText} throws (a failed output).
 */
export async function writeJsonLines(
  lines: AsyncIterable<string>,
  output: Writable,
  answer: (question: string) => Reply,
): Promise<void> {
  for await (const line of lines) {
    await writeText(output, `${JSON.stringify(toJsonRecord(line, answer(line)))}\n`);
  }
}
