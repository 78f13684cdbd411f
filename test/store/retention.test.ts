import { Writable } from 'node:stream';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { DAY_MS, startRetention } from '../../src/store/retention.ts';
import type { FeedbackStore } from '../../src/store/types.ts';

const NOW = 1_700_000_000_000;

function setup(deleteOlderThan: (cutoff: number) => Promise<number>) {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const sink = new Writable({
    write(chunk, _e, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  const cutoffs: number[] = [];
  const store = {
    deleteOlderThan: (cutoff: number) => {
      cutoffs.push(cutoff);
      return deleteOlderThan(cutoff);
    },
  } as unknown as FeedbackStore;
  return { store, cutoffs, lines, logger: createLogger('info', sink) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('startRetention', () => {
  test('deletes at once, then every interval, with the cutoff `days` before now; logs each count', async () => {
    vi.useFakeTimers();
    const { store, cutoffs, lines, logger } = setup(async () => 3);
    const stop = startRetention(store, 90, logger, { intervalMs: 1000, now: () => NOW });
    expect(cutoffs).toEqual([NOW - 90 * DAY_MS]);
    await vi.advanceTimersByTimeAsync(999);
    expect(cutoffs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(cutoffs).toHaveLength(4);
    await stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(cutoffs).toHaveLength(4);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      level: 30,
      deleted: 3,
      retentionDays: 90,
      msg: expect.stringMatching(/retention/),
    });
  });

  test('defaults to one run a day', async () => {
    vi.useFakeTimers();
    const { store, cutoffs, logger } = setup(async () => 0);
    const stop = startRetention(store, 1, logger);
    await vi.advanceTimersByTimeAsync(DAY_MS - 1);
    expect(cutoffs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(cutoffs).toHaveLength(2);
    await stop();
  });

  test('a failing run is logged and the next one still happens; it never throws', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const { store, lines, logger } = setup(async () => {
      calls++;
      if (calls === 1) throw new Error('database is locked');
      return 1;
    });
    const stop = startRetention(store, 30, logger, { intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    await stop();
    expect(lines.map((l) => l.level)).toEqual([50, 30]);
    expect(lines[0]).toMatchObject({ err: { message: 'database is locked' } });
  });

  test('a run still going when the next is due is not doubled, and stop() waits for it', async () => {
    vi.useFakeTimers();
    let finish: (n: number) => void = () => {};
    const { store, cutoffs, logger, lines } = setup(
      () =>
        new Promise<number>((resolve) => {
          finish = resolve;
        }),
    );
    const stop = startRetention(store, 30, logger, { intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(cutoffs).toHaveLength(1);
    let stopped = false;
    const stopping = stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish(2);
    await stopping;
    expect(lines[0]).toMatchObject({ deleted: 2 });
  });

  test('the timer is unref’d: it does not keep the process alive', async () => {
    const { store, logger } = setup(async () => 0);
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const stop = startRetention(store, 30, logger, { intervalMs: 60_000 });
    expect(timers()).toBe(before);
    await stop();
  });
});
