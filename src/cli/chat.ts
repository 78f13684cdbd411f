/**
 * The terminal chat: the embedded default when no DISCORD_TOKEN is set. Interactive with a prompt on a
 * terminal; with piped input it answers each non-empty line and exits at `exit` or end of input.
 */
import { createInterface } from 'node:readline';
import { Conversations } from '../core/followup.ts';
import type { Answerer } from '../core/types.ts';
import { formatHelp, formatReply, formatSpeakers } from './format.ts';
import { readLines } from './io.ts';

const EXIT_WORDS = new Set(['exit', 'quit', 'q', 'خروج', 'bye']);

/** The one conversation of a terminal session (follow-ups refer to its last answer). */
const TERMINAL_USER = 'terminal';

/**
 * Answers one chat line: a command (help, speakers) or a question, resolved against the session's last answer
 * when it is a follow-up ("what else did he say?"). Undefined means "exit".
 */
export function respond(
  answerer: Answerer,
  line: string,
  conversations = new Conversations(answerer),
): string | undefined {
  const command = line.trim().toLowerCase();
  if (EXIT_WORDS.has(command)) return undefined;
  if (command === 'help' || command === '?' || command === 'مساعدة') return formatHelp(answerer);
  if (command === 'speakers' || command === 'who' || command === 'المتحدثون') return formatSpeakers(answerer);
  return formatReply(conversations.ask(TERMINAL_USER, line));
}

/**
 * Runs the chat on the given streams until `exit` or end of input. Resolves when done. On a terminal it
 * prompts; with piped input it answers each non-empty line in order and stops at `exit`.
 */
export async function runChat(
  answerer: Answerer,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const conversations = new Conversations(answerer);
  const write = (text: string): void => {
    output.write(`${text}\n\n`);
  };
  if (!(input as { isTTY?: boolean }).isTTY) {
    for await (const line of readLines(input as AsyncIterable<string | Buffer>)) {
      if (line.trim() === '') continue;
      const reply = respond(answerer, line, conversations);
      if (reply === undefined) break;
      write(reply);
    }
    // An open pipe would keep the process alive after `exit`.
    if (input === process.stdin) process.stdin.destroy();
    return;
  }
  const rl = createInterface({ input, output, terminal: true });
  write(`iqtibas · اقتباس — ${formatHelp(answerer)}`);
  rl.setPrompt('؟ > ');
  rl.prompt();
  await new Promise<void>((resolve) => {
    rl.on('line', (line) => {
      const reply = respond(answerer, line, conversations);
      if (reply === undefined) {
        rl.close();
        return;
      }
      write(reply);
      rl.prompt();
    });
    rl.on('close', () => resolve());
  });
}
