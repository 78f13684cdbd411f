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
import { commandOf } from '../core/commandWords.ts';
import { answerWithContext } from '../core/followup.ts';
import { ratingOf } from '../core/ratingWords.ts';
import type { Reply } from '../core/types.ts';
import { separateDashedQuestion } from './argv.ts';
import { formatReply } from './format.ts';
import { exitOnOutputError, InputError, readInputLines } from './io.ts';
import { echoSafe, toJsonRecord } from './json.ts';
import { writeJsonLines } from './jsonl.ts';
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

exitOnOutputError('ask');

const options = program.opts<{ json?: boolean; jsonl?: boolean }>();
const answerer = createAnswerer(loadCorpusOrExit());

/**
 * The reply to one question, as the terminal chat gives it with no previous answer: `ask` keeps no context, so a
 * follow-up ("what else did he say?", "who is he?") gets "Who do you mean? Ask about someone first…" (reason
 * `no-context`) instead of being read as a question of its own (which answered "off-topic" or "empty"). A word of
 * the chat gets {@link chatWordReply}.
 */
function answer(question: string): Reply {
  const reply = answerWithContext(answerer, question, undefined).reply;
  return isChatWord(question) ? chatWordReply(question, reply) : reply;
}

/**
 * Whether a line is a word of the terminal chat rather than a question: a command (help, speakers, exit, matched as
 * the chat matches them: «مساعده», "/help", "exit!") or a rating word (good, bad, سيء…). `ask` runs no commands and
 * keeps no answer to rate.
 */
function isChatWord(question: string): boolean {
  return commandOf(question) !== undefined || ratingOf(question) !== undefined;
}

/**
 * The reply to a word of the chat: the same for every one (reason `empty`, the reply to a line with nothing to look
 * up, as "good" and "who" already got), saying it is the chat's word, with suggestions in the question's script.
 * Before, "help", "exit" and "bad" were declined as off-topic and "good" as empty.
 */
function chatWordReply(question: string, reply: Reply): Reply {
  // The answerer declines a chat word with suggestions in its script; for the rare one it answers ("who is quoted in
  // the article"), a chat word it declines in the same script gives them.
  const declined = reply.kind === 'no-answer' ? reply : answerer.ask(reply.script === 'latin' ? 'help' : 'مساعدة');
  return {
    kind: 'no-answer',
    reason: 'empty',
    message:
      `“${echoSafe(question.trim())}” is a command of the terminal chat (npm start), not a question: ask answers questions ` +
      'about the article, e.g. one of these. / اسألني سؤالاً عن المقال.',
    suggestions: declined.kind === 'no-answer' ? declined.suggestions : [],
    script: reply.script,
  };
}

if (options.jsonl) {
  if (program.args.length > 0) {
    program.error('--jsonl reads the questions from standard input; pass no question on the command line');
  }
  try {
    await writeJsonLines(readInputLines(process.stdin), process.stdout, answer);
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
