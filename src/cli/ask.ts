/**
 * `npm run ask -- "question"`: answers once. `--json`: one JSON object. `--jsonl`: reads one question per
 * line from standard input and prints one JSON object per line, in order (see json.ts for the fields). A question
 * that starts with "-" is a question, not an option (argv.ts). Every question stands alone (no context is kept, not
 * even between `--jsonl` lines): a follow-up gets the chat's answer to a follow-up asked first (`no-context`).
 *
 * An empty or blank question: without `--json` it is a usage error (the usage text, exit 1), since a person at a
 * terminal forgot the question; with `--json` it is answered like an empty `--jsonl` line (`reason: 'empty'`, exit
 * 0), since a tool passing user input through must always get JSON back.
 */
import { Command, Option } from 'commander';
import { createAnswerer } from '../core/answerer.ts';
import { answerWithContext } from '../core/followup.ts';
import type { Reply } from '../core/types.ts';
import { separateDashedQuestion } from './argv.ts';
import { formatReply } from './format.ts';
import { exitQuietlyOnBrokenPipe, InputError, readInputLines } from './io.ts';
import { toJsonRecord } from './json.ts';
import { loadCorpusOrExit } from './seeds.ts';

const program = new Command()
  .name('ask')
  .description('Answer questions about the article with the exact quote and its speaker.')
  .argument('[question...]', 'the question (quote it in the shell)')
  .addOption(new Option('--json', 'print one JSON object').conflicts('jsonl'))
  .option('--jsonl', 'read one question per line from stdin, print one JSON object per line')
  .addHelpText(
    'after',
    '\nA question may start with "-" ("-1 km?"); one that looks like an option (-what) goes after --:\n' +
      '  npm run ask -- -- "-what"',
  )
  .showHelpAfterError()
  .parse(separateDashedQuestion(process.argv.slice(2)), { from: 'user' });

exitQuietlyOnBrokenPipe();

const options = program.opts<{ json?: boolean; jsonl?: boolean }>();
const answerer = createAnswerer(loadCorpusOrExit());

/**
 * The reply to one question, as the terminal chat gives it with no previous answer: `ask` keeps no context, so a
 * follow-up ("what else did he say?", "who is he?") gets "Who do you mean? Ask about someone first…" (reason
 * `no-context`) instead of being read as a question of its own (which answered "off-topic" or "empty").
 */
function answer(question: string): Reply {
  return answerWithContext(answerer, question, undefined).reply;
}

if (options.jsonl) {
  if (program.args.length > 0) {
    program.error('--jsonl reads the questions from standard input; pass no question on the command line');
  }
  try {
    for await (const line of readInputLines(process.stdin)) {
      process.stdout.write(`${JSON.stringify(toJsonRecord(line, answer(line)))}\n`);
    }
  } catch (error) {
    // An unreadable stdin (a directory, a write-only descriptor) is no empty input: say so and fail, without the
    // usage text (the command line was right).
    if (!(error instanceof InputError)) throw error;
    console.error(`ask: ${error.message}`);
    process.exitCode = 1;
  }
} else {
  const question = program.args.join(' ');
  if (question.trim() === '' && !options.json) {
    program.error('Write a question, e.g. npm run ask -- "ماذا قال الأسد؟" (or use --jsonl with questions on stdin)');
  }
  const reply = answer(question);
  console.log(options.json ? JSON.stringify(toJsonRecord(question, reply), null, 2) : formatReply(reply));
}
