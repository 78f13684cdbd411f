/**
 * `npm run bench:http`: load on the HTTP interactions endpoint over loopback. Starts `src/http/main.ts` in a child
 * process (as `npm run start:http` does) with a key pair made here, signs a set of realistic /ask interactions
 * (Arabic, English, Arabizi, declined and hostile questions, from 100 users, in servers and DMs), and drives the
 * endpoint with autocannon at several connection counts. Prints one row per count and the highest request rate whose
 * p99 latency stays within 50 ms.
 *
 * Every request is a full answer: the per-user cooldown is raised out of the way (1,000 per second per user) so that
 * no response is a cheap "slow down" notice. autocannon runs in this process and the server in the child: on a 2-core
 * machine each gets about one core, and autocannon's own work is part of the latency it measures.
 *
 * Options: `-- --duration <seconds per run>` (default 10), `--connections 1,2,4` (default 1,2,4,8,16,32,64).
 * Benchmarks print figures; they never fail on timing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { interaction, type Json, user } from '../test/fake-discord/payloads.ts';
import { snowflake } from '../test/fake-discord/snowflake.ts';
import { BENCH_QUESTIONS } from './fixtures.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The target of the headline figure. */
const P99_TARGET_MS = 50;

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const DURATION_S = Number(argument('duration') ?? 10);
const CONNECTIONS = (argument('connections') ?? '1,2,4,8,16,32,64').split(',').map(Number);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Starts start:http's entry point and resolves once it listens. */
async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/http/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'info', RECORD: 'off', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('interactions endpoint listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`start:http exited with ${code}: ${out}`)));
  });
  return child;
}

/** /ask interactions as Discord sends them, signed with `privateKey` at `timestamp`. */
function signedAsks(privateKey: Parameters<typeof sign>[2], timestamp: string): autocannon.Request[] {
  const applicationId = snowflake();
  const guild = { id: snowflake(), channelId: snowflake(), name: 'Bench Guild' };
  const users = Array.from({ length: 100 }, () => user());
  const requests: autocannon.Request[] = [];
  users.forEach((u, i) => {
    const question = BENCH_QUESTIONS[i % BENCH_QUESTIONS.length] ?? '';
    const inDm = i % 4 === 0;
    const body = JSON.stringify(
      interaction({
        type: 2,
        applicationId,
        user: u,
        place: inDm ? { kind: 'dm', channelId: snowflake() } : { kind: 'guild', guild },
        data: { id: snowflake(), name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] },
      }) satisfies Json,
    );
    const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey);
    requests.push({
      method: 'POST',
      path: '/interactions',
      headers: {
        'content-type': 'application/json',
        'x-signature-ed25519': signature.toString('hex'),
        'x-signature-timestamp': timestamp,
      },
      body,
    });
  });
  return requests;
}

interface Row {
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
}

async function run(url: string, connections: number, requests: autocannon.Request[], seconds: number): Promise<Row> {
  const r = await autocannon({ url, connections, duration: seconds, requests, pipelining: 1 });
  return {
    connections,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

async function main(): Promise<void> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyHex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
  const port = await freePort();
  const server = await startServer({
    DISCORD_PUBLIC_KEY: publicKeyHex,
    PORT: String(port),
    HOST: '127.0.0.1',
    COOLDOWN_MAX: '1000',
    COOLDOWN_WINDOW_SECONDS: '1',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    // Signatures stay valid for 5 minutes: sign again for each run.
    const fresh = () => signedAsks(privateKey, String(Math.floor(Date.now() / 1000)));
    const sample = fresh()[1];
    const check = await fetch(`${url}/interactions`, {
      method: 'POST',
      headers: sample?.headers as Record<string, string>,
      body: sample?.body as string,
    });
    const answer = (await check.json()) as { type?: number; data?: { embeds?: unknown[] } };
    if (check.status !== 200 || answer.type !== 4 || !answer.data?.embeds?.length) {
      throw new Error(`the endpoint did not answer the sample /ask: ${check.status} ${JSON.stringify(answer)}`);
    }
    await run(url, 4, fresh(), 3); // warm-up: JIT, the answerer's caches

    const rows: Row[] = [];
    for (const c of CONNECTIONS) {
      const row = await run(url, c, fresh(), DURATION_S);
      rows.push(row);
      console.error(`  ${c} connections: ${Math.round(row.rps)} req/s, p99 ${row.p99} ms`);
    }
    const ping = await run(
      url,
      8,
      (() => {
        const ts = String(Math.floor(Date.now() / 1000));
        const body = JSON.stringify({ id: snowflake(), application_id: snowflake(), type: 1, token: 't', version: 1 });
        const signature = sign(null, Buffer.concat([Buffer.from(ts), Buffer.from(body)]), privateKey).toString('hex');
        return [
          {
            method: 'POST' as const,
            path: '/interactions',
            headers: { 'x-signature-ed25519': signature, 'x-signature-timestamp': ts },
            body,
          },
        ];
      })(),
      DURATION_S,
    );

    const within = rows.filter((r) => r.p99 <= P99_TARGET_MS && r.non2xx === 0 && r.errors === 0);
    const best = within.reduce<Row | undefined>((a, r) => (a && a.rps >= r.rps ? a : r), undefined);
    console.log(
      `\nbench:http: /ask over loopback, ${DURATION_S} s per run, autocannon 9.0.0, Node ${process.version}\n`,
    );
    console.log('| connections | req/s | p50 ms | p99 ms | max ms | requests | non-2xx | errors |');
    console.log('| ----------: | ----: | -----: | -----: | -----: | -------: | ------: | -----: |');
    for (const r of rows) {
      console.log(
        `| ${r.connections} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.requests} | ${r.non2xx} | ${r.errors} |`,
      );
    }
    console.log(
      `\nPING only (signature check + HTTP, no answerer), 8 connections: ${Math.round(ping.rps)} req/s, p50 ${ping.p50} ms, p99 ${ping.p99} ms`,
    );
    console.log(
      best
        ? `Highest /ask rate with p99 ≤ ${P99_TARGET_MS} ms: ${Math.round(best.rps)} req/s (${best.connections} connections, p99 ${best.p99} ms)`
        : `No connection count kept p99 ≤ ${P99_TARGET_MS} ms`,
    );
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
