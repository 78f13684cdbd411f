/**
 * The pieces of sharding that need no child process (src/discord/sharding.ts): the spawn order by identify bucket,
 * the environment a shard reads, which failures stop the manager, the shard count asked of GET /gateway/bot, and the
 * fake Discord routing events to shards as Discord does (two in-process clients, one per shard).
 */
import { EventEmitter } from 'node:events';
import { DiscordAPIError, Events, REST } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { startBot } from '../../src/discord/bot.ts';
import { GatewayFatalError } from '../../src/discord/errors.ts';
import { installProcessHandlers } from '../../src/discord/process.ts';
import {
  isPermanentFailure,
  isShardFatalMessage,
  planShards,
  shardFromEnv,
  spawnGroups,
} from '../../src/discord/sharding.ts';
import { FakeDiscord } from '../fake-discord/server.ts';
import { memoryLogger, realAnswerer, TOKEN } from './harness.ts';

describe('spawnGroups: at most one shard per identify bucket in each group', () => {
  test.each([
    [1, 1, [[0]]],
    [2, 1, [[0], [1]]],
    [2, 2, [[0, 1]]],
    [5, 2, [[0, 1], [2, 3], [4]]],
    [3, 16, [[0, 1, 2]]],
  ])('%i shards, max_concurrency %i → %j', (count, maxConcurrency, groups) => {
    expect(spawnGroups(count, maxConcurrency)).toEqual(groups);
  });
});

describe('shardFromEnv: what the ShardingManager sets for each child', () => {
  test('SHARDS=1, SHARD_COUNT=2 under the manager is shard 1 of 2', () => {
    expect(shardFromEnv({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' })).toEqual({ id: 1, count: 2 });
  });

  test.each([
    [{ SHARDS: '0', SHARD_COUNT: '2' }],
    [{ SHARDING_MANAGER: 'true', SHARDS: 'auto', SHARD_COUNT: '2' }],
    [{ SHARDING_MANAGER: 'true', SHARDS: '2', SHARD_COUNT: '2' }],
    [{ SHARDING_MANAGER: 'true', SHARDS: '0' }],
  ])('%j: refused, saying to run npm start', (env) => {
    expect(() => shardFromEnv(env)).toThrow(/run `npm start` with SHARDS set/);
  });
});

describe('which failures stop the manager instead of a respawn', () => {
  const wrapped = (cause: unknown) => new Error('Discord login failed: …', { cause });
  test.each([
    ['gateway 4004 at login', wrapped(new GatewayFatalError(4004)), true],
    ['gateway 4014 after READY', new GatewayFatalError(4014), true],
    [
      'token refused by REST',
      wrapped(Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' })),
      true,
    ],
    ['invalid configuration', new ConfigError(['LOG_LEVEL must be …']), true],
    ['READY timeout', new Error('Discord did not send READY within 30000 ms'), false],
    ['a crash', new TypeError('x is undefined'), false],
  ])('%s → %s', (_what, error, permanent) => {
    expect(isPermanentFailure(error)).toBe(permanent);
  });

  test('the IPC message a shard sends before exiting is recognised; discord.js’s own messages are not', () => {
    expect(isShardFatalMessage({ type: 'iqtibas:fatal', name: 'GatewayFatalError', message: 'Reset it' })).toBe(true);
    expect(isShardFatalMessage({ _ready: true })).toBe(false);
    expect(isShardFatalMessage(null)).toBe(false);
  });
});

describe('planShards: GET /gateway/bot through DISCORD_API_URL', () => {
  const restFor = (fake: FakeDiscord, token = TOKEN) => new REST({ api: fake.apiUrl, retries: 0 }).setToken(token);

  test("'auto' takes Discord's recommendation and bucket size; a number is kept", async () => {
    const fake = await FakeDiscord.start({ token: TOKEN, shards: 2, maxConcurrency: 16 });
    try {
      expect(await planShards('auto', restFor(fake), TOKEN)).toMatchObject({
        count: 2,
        source: 'Discord',
        maxConcurrency: 16,
      });
      expect(await planShards(3, restFor(fake), TOKEN)).toMatchObject({ count: 3, source: 'SHARDS' });
      expect(fake.requests.filter((r) => r.route === '/gateway/bot')).toHaveLength(2);
    } finally {
      await fake.close();
    }
  });

  // Bug fixed: SHARDS=auto against an API answering something else said "(reading 'max_concurrency')".
  test("an API that answers something that is not Discord's JSON, or does not answer: named with its URL", async () => {
    const { createServer } = await import('node:http');
    let answer = true;
    const server = createServer((_req, res) => {
      if (!answer) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"url": "ws://x", "shards": 1, "session_start_limit": {}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const api = `http://127.0.0.1:${(server.address() as { port: number }).port}/api`;
    const rest = new REST({ api, retries: 0 }).setToken(TOKEN);
    try {
      const garbage = (await planShards('auto', rest, TOKEN).catch((e: unknown) => e)) as Error;
      expect(garbage.message).toMatch(
        /^Discord login failed \(GET \/gateway\/bot\): the API at http:\/\/127\.0\.0\.1:\d+\/api answered GET \/gateway\/bot with something that is not Discord's JSON \(session_start_limit\.total: .*DISCORD_API_URL/,
      );
      answer = false;
      const hung = (await planShards('auto', rest, TOKEN, 200).catch((e: unknown) => e)) as Error;
      expect(hung.message).toContain(`the REST API at ${api} did not answer GET /gateway/bot within 0.2 s`);
      expect(isPermanentFailure(hung)).toBe(false);
    } finally {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('a refused token: an error naming the fix, with the REST error as cause, never the token', async () => {
    const fake = await FakeDiscord.start({ token: 'MTk5.other.token' });
    try {
      const error = (await planShards('auto', restFor(fake), TOKEN).catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/^Discord login failed \(GET \/gateway\/bot\): .*Reset Token/);
      expect(error.message).not.toContain(TOKEN);
      expect(error.cause).toBeInstanceOf(DiscordAPIError);
      expect(isPermanentFailure(error)).toBe(true);
    } finally {
      await fake.close();
    }
  });
});

test('the fake routes as Discord does: DMs to shard 0 only, the guild’s events to its shard only', async () => {
  const fake = await FakeDiscord.start({ token: TOKEN, shards: 2 });
  const config = loadConfig({ DISCORD_TOKEN: TOKEN });
  const bots = await Promise.all(
    [0, 1].map((id) =>
      startBot({
        config,
        answerer: realAnswerer(),
        logger: memoryLogger().logger,
        clientOptions: { ...fake.clientOptions, shards: [id], shardCount: 2 },
      }),
    ),
  );
  try {
    expect([...fake.identifiedShards].sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(bots.map((b) => b.client.guilds.cache.has(fake.guild.id))).toEqual([false, true]);
    const seen: number[][] = [[], []];
    bots.forEach((b, shard) => {
      b.client.on(Events.MessageCreate, () => seen[shard]?.push(0));
      b.client.on(Events.InteractionCreate, () => seen[shard]?.push(1));
    });
    fake.dm('ماذا قال الأسد؟');
    const { token } = fake.slash('ask', { question: 'ماذا قال الأسد؟' });
    await fake.waitForRequest((r) => r.route.endsWith(`/${token}/callback`));
    await fake.waitForRequest((r) => r.route.startsWith('/channels/'));
    expect(seen).toEqual([[0], [1]]);
  } finally {
    for (const b of bots) await b.stop();
    await fake.close();
  }
});

test('a shard’s process handlers stop on SIGTERM only: the SIGINT of a Ctrl-C goes to the manager', async () => {
  const target = new EventEmitter();
  const exits: number[] = [];
  const handlers = installProcessHandlers({
    logger: memoryLogger().logger,
    stop: async () => {},
    exit: (code) => exits.push(code),
    target,
    signals: ['SIGTERM'],
  });
  try {
    expect(target.listenerCount('SIGINT')).toBe(0);
    target.emit('SIGTERM');
    await new Promise((r) => setTimeout(r, 20));
    expect(exits).toEqual([0]);
  } finally {
    handlers.uninstall();
  }
});
