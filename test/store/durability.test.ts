/**
 * Issue #6: "a child process records feedback in a burst and is killed with SIGKILL mid-burst; after restart every
 * vote whose button update was acknowledged is in the file, and the file passes PRAGMA integrity_check".
 * This is what justifies synchronous=NORMAL in src/store/sqlite.ts (WAL commits survive a process crash).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MIN_ACKS = 200;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(`votes acknowledged before a SIGKILL mid-burst (after ≥ ${MIN_ACKS} acks) are all in the file, which is intact`, async () => {
  dir = mkdtempSync(join(tmpdir(), 'iqtibas-durability-'));
  const path = join(dir, 'feedback.sqlite');
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/store/vote-burst.ts', path], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );

  // Every line read counts, including those that arrive after the kill was sent: they were acknowledged.
  const acked: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /^ack (\S+)$/.exec(line);
    if (match?.[1]) acked.push(match[1]);
    if (acked.length === MIN_ACKS) child.kill('SIGKILL');
  }
  const { signal } = await exited;
  expect(stderr).toBe('');
  expect(signal).toBe('SIGKILL');
  expect(acked.length).toBeGreaterThanOrEqual(MIN_ACKS);

  // "Restart": a new connection recovers the WAL left behind by the killed process.
  const db = new Database(path);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const stored = new Map(
    db
      .prepare<[], { message_id: string; vote: number }>('SELECT message_id, vote FROM votes')
      .all()
      .map((r) => [r.message_id, r.vote]),
  );
  db.close();
  const missing = acked.filter((id) => !stored.has(id));
  expect(missing).toEqual([]);
  for (const id of acked) expect(stored.get(id)).toBe(Number(id.slice(1)) % 2 === 0 ? 1 : -1);
  // At most the one vote in flight when the kill landed was written without being acknowledged.
  expect(stored.size - acked.length).toBeLessThanOrEqual(1);

  // And the store itself opens the file again and sees the same votes.
  const store = openSqliteStore({ path });
  expect((await store.snapshot(0)).votes).toHaveLength(stored.size);
  await store.close();
});
