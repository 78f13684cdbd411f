/**
 * The gateway bot while its SQLite file is locked by another connection (`BEGIN EXCLUSIVE`, as the sqlite3 shell or
 * another shard process would hold it): answers go out at once and unrecorded, a vote is refused at once with "try
 * again in a moment", and once the lock is gone votes are recorded again. Before, every write waited 5 s on the
 * event loop's thread: every reply was late by the lock's length and interactions expired (10062).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { NOTICES } from '../../src/discord/render.ts';
import { createLogger } from '../../src/logger.ts';
import { createRecorder } from '../../src/store/recorder.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { FeedbackStore } from '../../src/store/types.ts';
import { snowflake } from '../fake-discord/snowflake.ts';
import { buttonsOf, type Harness, startHarness } from './harness.ts';

/** Every reply must leave well inside Discord's 3 s (the store waits at most 200 ms, once per second of lock). */
const PROMPT_MS = 1000;

const dir = mkdtempSync(join(tmpdir(), 'iqtibas-locked-'));
const path = join(dir, 'feedback.sqlite');
let store: FeedbackStore;
let h: Harness;
beforeAll(async () => {
  store = openSqliteStore({ path });
  const recorder = createRecorder({
    store,
    secret: 'locked-test-secret',
    recordDms: true,
    logger: createLogger('silent'),
  });
  h = await startHarness({ recorder, env: { COOLDOWN_MAX: '1000' } });
});
afterAll(async () => {
  await h?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Data = Record<string, unknown>;
const dataOf = (body: unknown) => (body as { data: Data }).data;
/** The message's JSON without the bidi isolates the renderer puts around English runs. */
const textOf = (data: unknown) => JSON.stringify(data).replace(/[\u2066-\u2069]/g, '');

test('with the file locked: /ask, a DM and a 👍 are all answered within a second; the vote asks to try again, and counts once the lock is gone', async () => {
  const user = h.fake.newUser('voter');
  const asked = h.fake.slash('ask', { question: 'ماذا قال الأسد؟' }, { user });
  const answer = await h.fake.waitForRequest((r) => r.route.endsWith(`/${asked.token}/callback`));
  const up = buttonsOf(dataOf(answer.body)).find((b) => b.label === '👍');
  expect(up).toBeDefined();
  const messageId = snowflake();

  const locker = new Database(path);
  locker.exec('BEGIN EXCLUSIVE');
  try {
    const t0 = Date.now();
    const click = h.fake.click(up?.custom_id ?? '', answer, { messageId, user });
    const ask = h.fake.slash('ask', { question: 'ماذا قال الطائي؟' }, { user });
    const dm = h.fake.dm('ماذا قال المقداد؟', user);
    const [voteReply, askReply, dmReply] = await Promise.all([
      h.fake.waitForRequest((r) => r.route.endsWith(`/${click.token}/callback`), 10_000),
      h.fake.waitForRequest((r) => r.route.endsWith(`/${ask.token}/callback`), 10_000),
      h.fake.waitForRequest(
        (r) =>
          (r.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id ===
          dm.id,
        10_000,
      ),
    ]);
    expect({
      vote: voteReply.at - t0 < PROMPT_MS,
      ask: askReply.at - t0 < PROMPT_MS,
      dm: dmReply.at - t0 < PROMPT_MS,
    }).toEqual({ vote: true, ask: true, dm: true });
    expect(textOf(dataOf(voteReply.body))).toContain(NOTICES.voteFailed);
    expect(voteReply.status).toBe(204);
    // The answer itself is whole: an embed, with its vote buttons (they work once the lock is gone).
    expect(JSON.stringify(dataOf(askReply.body))).toContain('الطائي');
    expect(buttonsOf(dataOf(askReply.body)).some((b) => b.label === '👍')).toBe(true);
    expect(JSON.stringify(dmReply.body)).toContain('المقداد');
  } finally {
    locker.exec('COMMIT');
    locker.close();
  }
  expect((await store.snapshot(0)).votes).toEqual([]);

  // Past the store's back-off, the same click is recorded and acknowledged as usual.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const again = h.fake.click(up?.custom_id ?? '', answer, { messageId, user });
  const reply = await h.fake.waitForRequest((r) => r.route.endsWith(`/${again.token}/callback`));
  expect(textOf(dataOf(reply.body))).toContain(NOTICES.voteUp);
  expect((await store.snapshot(0)).votes).toMatchObject([{ messageId, vote: 1 }]);
}, 40_000);
