/**
 * Loading the seeds in a command-line tool: invalid seeds print the loader's list of problems (what to fix, in which
 * file) and exit 1, instead of a stack trace.
 */
import { loadCorpus, SeedValidationError } from '../core/corpus.ts';
import type { Corpus } from '../core/types.ts';

/** {@link loadCorpus}, or exit 1 with its message when the seeds are invalid. Other errors are rethrown. */
export function loadCorpusOrExit(): Corpus {
  try {
    return loadCorpus();
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
