/**
 * `npm run bench:discord`: latency of /ask through the real discord.js client, from dispatching INTERACTION_CREATE
 * on the fake gateway to the interaction callback arriving at the fake REST API (both on 127.0.0.1).
 * Prints median and p99 for 200 sequential and 100 concurrent interactions.
 */
import { Writable } from 'node:stream';
import { loadConfig } from '../src/config.ts';
import { createAnswerer } from '../src/core/answerer.ts';
import { loadCorpus } from '../src/core/corpus.ts';
import { startBot } from '../src/discord/bot.ts';
import { createLogger } from '../src/logger.ts';
import { FakeDiscord } from '../test/fake-discord/server.ts';
import { BENCH_QUESTIONS, BENCH_TOKEN } from './fixtures.ts';

const TOKEN = BENCH_TOKEN;
const QUESTIONS = BENCH_QUESTIONS;

/** The q-quantile (0..1) of sorted values, nearest-rank. */
function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

async function main(): Promise<void> {
  const fake = await FakeDiscord.start({ token: TOKEN });
  const logger = createLogger(
    'silent',
    new Writable({
      write: (_c, _e, done) => done(),
    }),
  );
  const bot = await startBot({
    config: loadConfig({ DISCORD_TOKEN: TOKEN }),
    answerer: createAnswerer(loadCorpus()),
    logger,
    clientOptions: fake.clientOptions,
  });

  /** One /ask: ms from dispatch to callback. */
  const once = async (i: number): Promise<number> => {
    const started = performance.now();
    const { token } = fake.slash('ask', { question: QUESTIONS[i % QUESTIONS.length] ?? '' });
    await fake.waitForRequest((r) => r.route.endsWith(`/${token}/callback`), 10_000, fake.requests.length);
    return performance.now() - started;
  };

  for (let i = 0; i < 20; i++) await once(i); // warm-up (JIT, connection pool)

  const sequential: number[] = [];
  for (let i = 0; i < 200; i++) sequential.push(await once(i));
  const concurrentStarted = performance.now();
  const concurrent = await Promise.all(Array.from({ length: 100 }, (_, i) => once(i)));
  const concurrentWall = performance.now() - concurrentStarted;

  await bot.stop();
  await fake.close();

  const row = (name: string, xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `| ${name.padEnd(16)} | ${String(xs.length).padStart(3)} | ${quantile(s, 0.5).toFixed(2).padStart(10)} | ${quantile(s, 0.99).toFixed(2).padStart(8)} | ${(s.at(-1) ?? 0).toFixed(2).padStart(8)} |`;
  };
  console.log('/ask: dispatch on the fake gateway → interaction callback at the fake REST API (ms)');
  console.log('| run              |   n | median ms  |  p99 ms  |  max ms  |');
  console.log('|------------------|-----|------------|----------|----------|');
  console.log(row('sequential', sequential));
  console.log(row('100 concurrent', concurrent));
  console.log(`(100 concurrent finished in ${concurrentWall.toFixed(0)} ms wall time; Node ${process.version})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
