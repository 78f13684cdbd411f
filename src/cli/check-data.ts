/**
 * `npm run check-data [-- --json] [-- --strict]`: validates the seeds (the loader's checks) and the curation
 * (duplicate and conflicting questions, coverage, phrasings per entry and language, translations). Prints each
 * finding with the action to take. Exits 1 on errors (or on warnings with --strict), 0 otherwise.
 */
import { Command } from 'commander';
import { createAnswerer } from '../core/answerer.ts';
import { loadCorpus, SeedValidationError } from '../core/corpus.ts';
import { checkCuration, type Finding } from '../core/curation.ts';
import { exitOnOutputError } from './io.ts';

const program = new Command()
  .name('check-data')
  .description('Check the seed data and the curated Q&A.')
  .option('--json', 'print the findings as JSON')
  .option('--strict', 'fail on warnings too')
  .parse();
const options = program.opts<{ json?: boolean; strict?: boolean }>();
exitOnOutputError('check-data');

function loadOrExit() {
  try {
    return loadCorpus();
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    if (options.json) console.log(JSON.stringify({ errors: error.problems, findings: [] }, null, 2));
    else console.error(error.message);
    process.exit(1);
  }
}

const corpus = loadOrExit();
const findings = checkCuration(corpus, createAnswerer(corpus));
const errors = findings.filter((f) => f.level === 'error');
const warnings = findings.filter((f) => f.level === 'warning');

if (options.json) {
  console.log(JSON.stringify({ errors: [], findings }, null, 2));
} else {
  const byCheck = new Map<string, Finding[]>();
  for (const f of findings) byCheck.set(f.check, [...(byCheck.get(f.check) ?? []), f]);
  for (const [check, list] of byCheck) {
    console.log(`\n${check} (${list.length})`);
    for (const f of list)
      console.log(`  ${f.level === 'error' ? 'ERROR' : 'warn '} ${f.where}: ${f.message}\n        → ${f.action}`);
  }
  const questions = corpus.entries.reduce((n, e) => n + Object.values(e.questions).flat().length, 0);
  console.log(
    `\n${corpus.entries.length} entries, ${questions} questions, ${corpus.paragraphs.length} paragraphs: ${errors.length} error(s), ${warnings.length} warning(s)`,
  );
}
// exitCode, not exit(): a write error on stdout is reported on its 'error' event, after this line (exitOnOutputError).
process.exitCode = errors.length > 0 || (options.strict && warnings.length > 0) ? 1 : 0;
