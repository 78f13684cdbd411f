/**
 * The terminal chat: the embedded default when no DISCORD_TOKEN is set. Interactive with a prompt on a
 * terminal; with piped input it answers one line per line and exits at end of input.
 */
import { createInterface } from 'node:readline';
import type { Answerer } from '../core/types.ts';
import { formatHelp, formatReply, formatSpeakers } from './format.ts';

const EXIT_WORDS = new Set(['exit', 'quit', 'q', 'خروج', 'bye']);

/** Answers one chat line: a command (help, speakers) or a question. Undefined means "exit". */
export function respond(answerer: Answerer, line: string): string | undefined {
  const command = line.trim().toLowerCase();
  if (EXIT_WORDS.has(command)) return undefined;
  if (command === 'help' || command === '?' || command === 'مساعدة') return formatHelp(answerer);
  if (command === 'speakers' || command === 'who' || command === 'المتحدثون') return formatSpeakers(answerer);
  return formatReply(answerer.ask(line));
}

/** Runs the chat on the given streams until `exit` or end of input. Resolves when done. */
export function runChat(
  answerer: Answerer,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const write = (text: string): void => {
    output.write(`${text}\n`);
  };
  if (interactive) {
    write(`iqtibas · اقتباس — ${formatHelp(answerer)}\n`);
    rl.setPrompt('؟ > ');
    rl.prompt();
  }
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      if (!interactive && line.trim() === '') return;
      const reply = respond(answerer, line);
      if (reply === undefined) {
        rl.close();
        // An open pipe would keep the process alive after `exit`.
        if (input === process.stdin) process.stdin.destroy();
        return;
      }
      write(`${reply}\n`);
      if (interactive) rl.prompt();
    });
    rl.on('close', () => resolve());
  });
}
