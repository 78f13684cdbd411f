/**
 * Command-line arguments of `npm run ask` before commander reads them. Commander takes any argument that starts with
 * "-" for an option, so `npm run ask -- "-what did assad say"` failed with "unknown option"; a question may well start
 * with a dash (a typo, a bullet pasted with it, "-1 km?"). Importing this module has no side effect.
 */

/**
 * What an option looks like: one or two dashes, an ASCII letter, then letters, digits or dashes, and an optional
 * `=value` (`-h`, `--json`, `--jsonl`, `--top=5`). Anything else that starts with a dash ("-what did assad say",
 * "-ماذا قال الأسد؟", "-1 km") cannot be one.
 */
const OPTION_LIKE = /^--?[A-Za-z][A-Za-z0-9-]*(=.*)?$/s;

/** True for an argument that starts with "-" but cannot be an option, so it is (the start of) the question. */
export function isDashedQuestion(arg: string): boolean {
  return arg.length > 1 && arg.startsWith('-') && arg !== '--' && !OPTION_LIKE.test(arg);
}

/**
 * The arguments with a question that starts with "-" moved behind a `--`, where commander reads every argument as
 * the question. From the first such argument on, the question's words (and any that were already behind a `--`) go
 * there in their order, and options stay in front, wherever they were: `"-what did" assad --json` becomes
 * `--json -- "-what did" assad`. An option-like word such as `-what` or `--jsn` is left for commander to reject
 * (a mistyped option must not be answered as a question).
 *
 * @param args - the arguments after the script (`process.argv.slice(2)`).
 * @returns `args` itself when it holds no such argument, else a new array.
 */
export function separateDashedQuestion(args: readonly string[]): readonly string[] {
  const end = args.indexOf('--');
  const before = end === -1 ? args : args.slice(0, end);
  const first = before.findIndex(isDashedQuestion);
  if (first === -1) return args;
  const front = before.slice(0, first);
  const question: string[] = [];
  for (const arg of before.slice(first)) {
    if (arg.startsWith('-') && !isDashedQuestion(arg)) front.push(arg);
    else question.push(arg);
  }
  if (end !== -1) question.push(...args.slice(end + 1));
  return [...front, '--', ...question];
}
