/**
 * Child process of durability.test.ts: opens the SQLite store at argv[2] through the Recorder and records votes as
 * fast as it can, one new message per vote, printing `ack <messageId>` only after each vote() has resolved (the
 * stand-in for Discord's button update being acknowledged). It is meant to be killed with SIGKILL mid-burst; it
 * stops by itself after MAX_VOTES or MAX_MS so a broken parent never leaves it running.
 *
 * Usage: node --import tsx test/store/vote-burst.ts <dbpath>
 */
import { createLogger } from '../../src/logger.ts';
import { createRecorder } from '../../src/store/recorder.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';

const MAX_VOTES = 1_000_000;
const MAX_MS = 30_000;

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: vote-burst.ts <dbpath>\n');
  process.exit(2);
}
const recorder = createRecorder({
  store: openSqliteStore({ path }),
  secret: 'durability-test-secret',
  recordDms: false,
  logger: createLogger('silent'),
});
const started = Date.now();
for (let i = 0; i < MAX_VOTES && Date.now() - started < MAX_MS; i++) {
  const messageId = `m${i}`;
  await recorder.vote({ surface: 'slash', userId: `user${i % 50}`, messageId, ref: 'p4', vote: i % 2 === 0 ? 1 : -1 });
  // A pipe's stdout is synchronous on Linux: once write() returns, the parent can read the line even if we die now.
  process.stdout.write(`ack ${messageId}\n`);
}
await recorder.close();
