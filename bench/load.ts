/**
 * `npm run bench:load`: load through the real discord.js client and the test fake Discord, on 127.0.0.1. Not a test:
 * it prints tables (the README keeps the last ones).
 *
 * Two processes, so that each measurement is the bot's own: this one runs the bot (and measures its memory); a child
 * (this same file, forked) runs the fake Discord and drives the load, timing each request on its own clock.
 *
 * 1. 1,000 /ask interactions, 100 in flight: lost acknowledgements (none within 10 s), late ones (past Discord's
 *    3-second deadline: the fake refuses them with 10062), deferrals, and dispatch → callback latency p50/p99.
 * 2. 10,000 DMs from 500 new users (20 each, all within one cooldown window), in two rounds with new users each
 *    time: answers, cooldown notices (expected: one per user per round), and the bot process's RSS and heap growth
 *    after a forced GC (the script runs node with --expose-gc).
 *
 * Options: `--asks N`, `--inflight N`, `--dms N`, `--users N`, `--rounds N`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { createAnswerer } from '../src/core/answerer.ts';
import { loadCorpus } from '../src/core/corpus.ts';
import { startBot, sweepIdleDmChannels } from '../src/discord/bot.ts';
import { createLogger } from '../src/logger.ts';
import type { FakeUser } from '../test/fake-discord/payloads.ts';
import { FakeDiscord, type RecordedRequest } from '../test/fake-discord/server.ts';
import { BENCH_QUESTIONS, BENCH_TOKEN } from './fixtures.ts';

const TOKEN = BENCH_TOKEN;
const QUESTIONS = BENCH_QUESTIONS;
const DEADLINE_MS = 3000;
const LOST_AFTER_MS = 10_000;
const CHILD_FLAG = 'IQTIBAS_LOAD_FAKE';

interface Options {
  asks: number;
  inflight: number;
  dms: number;
  users: number;
  rounds: number;
}

interface AskStats {
  total: number;
  lost: number;
  late: number;
  deferred: number;
  latencies: number[];
  wallMs: number;
}

interface RoundStats {
  answers: number;
  notices: number;
  others: number;
  sendMs: number;
}

interface Memory {
  rss: number;
  heap: number;
  channels: number;
  users: number;
}

/** Messages between the bot process (parent) and the fake's process (child). */
type ToParent =
  | { type: 'fake-ready'; apiUrl: string }
  | { type: 'measure' }
  | { type: 'done'; asks: AskStats; rounds: RoundStats[] };
type ToChild = { type: 'bot-ready' } | { type: 'measured'; memory: Memory };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The q-quantile (0..1) of sorted values, nearest-rank. */
function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

// ---------------------------------------------------------------------------------------------------------------
// Child: the fake Discord and the load

async function runFake(options: Options): Promise<void> {
  const send = (m: ToParent) => process.send?.(m);
  const inbox: ToChild[] = [];
  const waiters: ((m: ToChild) => void)[] = [];
  process.on('message', (m: ToChild) => {
    const w = waiters.shift();
    if (w) w(m);
    else inbox.push(m);
  });
  const receive = (): Promise<ToChild> =>
    new Promise((resolve) => {
      const m = inbox.shift();
      if (m) resolve(m);
      else waiters.push(resolve);
    });
  const measure = async (): Promise<void> => {
    send({ type: 'measure' });
    await receive();
  };

  // The fake keeps no request log (memory): listeners keyed by a route fragment instead.
  const fake = await FakeDiscord.start({ token: TOKEN, recordRequests: false, replayLimit: 1000 });
  const listeners = new Map<string, (r: RecordedRequest) => void>();
  fake.onRequest((r) => {
    for (const [key, listener] of listeners) if (r.route.includes(key)) listener(r);
  });
  send({ type: 'fake-ready', apiUrl: fake.apiUrl });
  await receive(); // bot-ready

  // 1. /ask
  interface One {
    ms: number;
    status: number;
    deferred: boolean;
    lost: boolean;
  }
  const askOnce = (i: number): Promise<One> =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const { token } = fake.slash('ask', { question: QUESTIONS[i % QUESTIONS.length] ?? '' });
      const timer = setTimeout(() => {
        listeners.delete(token);
        resolve({ ms: LOST_AFTER_MS, status: 0, deferred: false, lost: true });
      }, LOST_AFTER_MS);
      listeners.set(token, (r) => {
        if (!r.route.endsWith('/callback')) return;
        clearTimeout(timer);
        listeners.delete(token);
        const type = (r.body as { type?: number } | undefined)?.type;
        resolve({ ms: performance.now() - t0, status: r.status, deferred: type === 5, lost: false });
      });
    });
  for (let i = 0; i < 50; i++) await askOnce(i); // warm-up: JIT, connection pool
  const results: One[] = [];
  let next = 0;
  const askStarted = performance.now();
  await Promise.all(
    Array.from({ length: options.inflight }, async () => {
      while (next < options.asks) results.push(await askOnce(next++));
    }),
  );
  const acked = results.filter((r) => !r.lost);
  const asks: AskStats = {
    total: results.length,
    lost: results.length - acked.length,
    late: acked.filter((r) => r.status === 404 || r.ms > DEADLINE_MS).length,
    deferred: acked.filter((r) => r.deferred).length,
    latencies: acked.map((r) => r.ms).sort((a, b) => a - b),
    wallMs: performance.now() - askStarted,
  };

  // 2. DMs in floods, from new users each round
  await measure(); // baseline
  const rounds: RoundStats[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const users: FakeUser[] = Array.from({ length: options.users }, (_, i) => fake.newUser(`r${round}u${i}`));
    const stats: RoundStats = { answers: 0, notices: 0, others: 0, sendMs: 0 };
    const key = '/channels/';
    listeners.set(key, (r) => {
      if (r.method !== 'POST' || !/^\/channels\/\d+\/messages$/.test(r.route)) return;
      const body = r.body as { content?: string; embeds?: unknown[] } | undefined;
      if (body?.content?.includes('quickly')) stats.notices++;
      else if ((body?.embeds?.length ?? 0) > 0) stats.answers++;
      else stats.others++;
    });
    const sendStarted = performance.now();
    // Round-robin over users, 250 messages per event-loop turn: every user floods within one cooldown window.
    for (let i = 0; i < options.dms; i++) {
      fake.dm(QUESTIONS[i % QUESTIONS.length] ?? '', users[i % options.users] as FakeUser);
      if (i % 250 === 249) await sleep(1);
    }
    stats.sendMs = performance.now() - sendStarted;
    // Done when no reply has come for 2 seconds.
    let seen = -1;
    while (stats.answers + stats.notices + stats.others !== seen) {
      seen = stats.answers + stats.notices + stats.others;
      await sleep(2000);
    }
    listeners.delete(key);
    rounds.push(stats);
    await measure();
  }
  send({ type: 'done', asks, rounds });
  await receive(); // the bot has stopped
  await fake.close();
  process.disconnect(); // the IPC channel would keep this process alive
}

// ---------------------------------------------------------------------------------------------------------------
// Parent: the bot

async function runBot(options: Options): Promise<void> {
  const started = performance.now();
  const gc = (globalThis as { gc?: () => void }).gc;
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), process.argv.slice(2), {
    env: { ...process.env, [CHILD_FLAG]: '1' },
    execArgv: ['--import', 'tsx'],
  });
  const inbox: ToParent[] = [];
  let wake: (() => void) | undefined;
  child.on('message', (m: ToParent) => {
    inbox.push(m);
    wake?.();
  });
  const receive = async (): Promise<ToParent> => {
    while (inbox.length === 0) await new Promise<void>((r) => (wake = r));
    return inbox.shift() as ToParent;
  };
  const first = await receive();
  if (first.type !== 'fake-ready') throw new Error('fake did not start');

  const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: first.apiUrl });
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  // Discord's global limit (50 requests/s, discord.js's default) would make the DM rounds last a minute each while
  // measuring nothing of ours; the fake enforces none. Interaction callbacks are exempt from it anyway.
  const clientOptions = { rest: { globalRequestsPerSecond: 10_000 } };
  const bot = await startBot({ config, answerer: createAnswerer(loadCorpus()), logger, clientOptions });
  child.send({ type: 'bot-ready' } satisfies ToChild);

  const measure = async (): Promise<Memory> => {
    for (let i = 0; i < 3; i++) {
      gc?.();
      await sleep(100);
    }
    const usage = process.memoryUsage();
    return {
      rss: usage.rss,
      heap: usage.heapUsed,
      channels: bot.client.channels.cache.size,
      users: bot.client.users.cache.size,
    };
  };
  const memories: Memory[] = [];
  let done: Extract<ToParent, { type: 'done' }> | undefined;
  while (!done) {
    const m = await receive();
    if (m.type === 'measure') {
      const memory = await measure();
      memories.push(memory);
      child.send({ type: 'measured', memory } satisfies ToChild);
    } else if (m.type === 'done') {
      done = m;
    }
  }
  // What the periodic sweep does once the DMs have been idle for dmChannelIdleMs (30 minutes by default).
  const swept = sweepIdleDmChannels(bot.client, 0);
  const afterSweep = await measure();
  await bot.stop();
  child.send({ type: 'bot-ready' } satisfies ToChild); // lets the child close its fake and exit
  await new Promise((r) => child.once('exit', r));

  const { asks, rounds } = done;
  const f = (n: number, d = 1) => n.toFixed(d);
  const MB = 1024 * 1024;
  const base = memories[0] as Memory;
  console.log(
    `iqtibas load bench · Node ${process.version} · ${gc ? 'GC forced before each reading' : 'GC not forced'}`,
  );
  console.log('');
  console.log(
    `/ask: ${asks.total} interactions, ${options.inflight} in flight (INTERACTION_CREATE sent → callback received, at the fake)`,
  );
  console.log('| interactions | lost | late (> 3 s) | deferred | p50 ms | p99 ms | max ms | wall s |');
  console.log('|-------------:|-----:|-------------:|---------:|-------:|-------:|-------:|-------:|');
  const l = asks.latencies;
  console.log(
    `| ${asks.total} | ${asks.lost} | ${asks.late} | ${asks.deferred} | ${f(quantile(l, 0.5))} | ${f(quantile(l, 0.99))} | ${f(l.at(-1) ?? 0)} | ${f(asks.wallMs / 1000)} |`,
  );
  console.log('');
  console.log(
    `DMs: ${options.dms} per round from ${options.users} new users (${options.dms / options.users} each; cooldown ${config.cooldown.limit} per ${config.cooldown.windowMs / 1000} s)`,
  );
  console.log(
    '| round | answers | cooldown notices | other | sent in s | bot RSS growth MB | bot heap growth MB | cached channels | cached users |',
  );
  console.log(
    '|------:|--------:|-----------------:|------:|----------:|------------------:|-------------------:|----------------:|-------------:|',
  );
  for (const [i, r] of rounds.entries()) {
    const m = memories[i + 1] as Memory;
    console.log(
      `| ${i + 1} | ${r.answers} | ${r.notices} | ${r.others} | ${f(r.sendMs / 1000)} | ${f((m.rss - base.rss) / MB)} | ${f((m.heap - base.heap) / MB)} | ${m.channels} | ${m.users} |`,
    );
  }
  console.log(
    `| after the idle-DM sweep (${swept} channels) | | | | | ${f((afterSweep.rss - base.rss) / MB)} | ${f((afterSweep.heap - base.heap) / MB)} | ${afterSweep.channels} | ${afterSweep.users} |`,
  );
  console.log('');
  console.log(
    `(growth from before the first DM round: RSS ${f(base.rss / MB)} MB, heap ${f(base.heap / MB)} MB; whole run ${f((performance.now() - started) / 1000)} s)`,
  );
}

// ---------------------------------------------------------------------------------------------------------------

const { values } = parseArgs({
  options: {
    asks: { type: 'string', default: '1000' },
    inflight: { type: 'string', default: '100' },
    dms: { type: 'string', default: '10000' },
    users: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '2' },
  },
});
const options: Options = {
  asks: Number(values.asks),
  inflight: Number(values.inflight),
  dms: Number(values.dms),
  users: Number(values.users),
  rounds: Number(values.rounds),
};

(process.env[CHILD_FLAG] ? runFake(options) : runBot(options)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
