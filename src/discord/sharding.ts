/**
 * Gateway sharding for `npm start` with SHARDS set (Discord requires it from 2,500 servers): discord.js's
 * ShardingManager runs one child process per shard (src/discord/shard.ts). This module decides the shard count,
 * spawns the shards in Discord's identify buckets, logs their life, respawns crashed ones with a backoff, and turns a
 * shard that cannot work until someone fixes something (token or intents refused) into the manager's own exit.
 *
 * Discord routes a guild's events to shard `(guild_id >> 22) % count` and every DM to shard 0, so each shard process
 * answers its own share and no event is seen twice. Importing this module has no side effect.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { DiscordAPIError, REST, type RESTGetAPIGatewayBotResult, type Shard, ShardingManager } from 'discord.js';
import { type Config, ConfigError } from '../config.ts';
import type { Logger } from '../logger.ts';
import { StoreOpenError } from '../store/open.ts';
import { describeError, GatewayFatalError, loginFailureMessage } from './errors.ts';
import { DEFAULT_GATEWAY_INFO_TIMEOUT_MS, fetchGatewayBot } from './gatewayInfo.ts';

/** A shard's child process (mode 'process'). */
type ChildProcess = NonNullable<Shard['process']>;

/**
 * Exit code of a shard that cannot work until someone fixes something (EX_CONFIG of sysexits.h): the manager stops
 * with the shard's message instead of respawning it.
 */
export const SHARD_FATAL_EXIT_CODE = 78;

/** The IPC message a shard sends its manager just before exiting with {@link SHARD_FATAL_EXIT_CODE}. */
export interface ShardFatalMessage {
  type: 'iqtibas:fatal';
  /** The error's name (GatewayFatalError, ConfigError, StoreOpenError, …). */
  name: string;
  /** What to fix, for the operator; never contains the token. */
  message: string;
}

/** True for a {@link ShardFatalMessage} (the manager also receives discord.js's own IPC messages). */
export function isShardFatalMessage(value: unknown): value is ShardFatalMessage {
  const m = value as Partial<ShardFatalMessage> | null;
  return m?.type === 'iqtibas:fatal' && typeof m.message === 'string' && typeof m.name === 'string';
}

/**
 * True when restarting cannot help: the gateway refused for good (4004 token, 4014 intents…; see
 * GatewayFatalError), Discord does not accept the token, the configuration is invalid or the store cannot be opened.
 * Looks at `error` and its `cause` (startBot wraps the login failure).
 */
export function isPermanentFailure(error: unknown): boolean {
  const candidates = [error, (error as { cause?: unknown } | null)?.cause];
  return candidates.some(
    (e) =>
      e instanceof GatewayFatalError ||
      e instanceof ConfigError ||
      e instanceof StoreOpenError ||
      (e as { code?: unknown } | null)?.code === 'TokenInvalid' ||
      (e instanceof DiscordAPIError && e.status === 401),
  );
}

/** Which shard a process is, from the environment the ShardingManager gives each child. */
export interface ShardIdentity {
  /** 0-based shard id. */
  id: number;
  /** Total number of shards. */
  count: number;
}

/**
 * Reads the shard id and count the ShardingManager sets for each child: SHARDS (the id, e.g. `0`: discord.js's
 * variable, not our SHARDS setting, which only the manager reads) and SHARD_COUNT.
 *
 * @throws Error saying to run `npm start` when either is missing or not a valid id/count.
 */
export function shardFromEnv(env: NodeJS.ProcessEnv): ShardIdentity {
  const id = Number(env.SHARDS);
  const count = Number(env.SHARD_COUNT);
  if (
    env.SHARDING_MANAGER === undefined ||
    !/^\d+$/.test(env.SHARDS ?? '') ||
    !/^\d+$/.test(env.SHARD_COUNT ?? '') ||
    count < 1 ||
    id >= count
  ) {
    throw new Error(
      'src/discord/shard.ts is started by the shard manager, one process per shard: run `npm start` with SHARDS set.',
    );
  }
  return { id, count };
}

/** How many shards to run and how fast they may identify. */
export interface ShardPlan {
  /** Total shard count: SHARDS, or Discord's recommendation when SHARDS=auto. */
  count: number;
  /** Where `count` came from. */
  source: 'SHARDS' | 'Discord';
  /**
   * `session_start_limit.max_concurrency`: shards `i` and `j` share an identify bucket when `i % n === j % n`, and
   * each bucket may start one session per 5 s.
   */
  maxConcurrency: number;
  /** Session starts left until Discord resets the daily limit. */
  remainingStarts: number;
}

/**
 * Asks Discord's GET /gateway/bot (through `rest`, which the caller points at DISCORD_API_URL when set) for the
 * recommended shard count and the identify limits. Done even with a fixed count: it checks the token once, before
 * any shard starts. (discord.js's own `fetchRecommendedShardCount` always calls discord.com, whatever the REST
 * options, so the manager is given a number instead of 'auto'.)
 *
 * @param timeoutMs - how long GET /gateway/bot may take (see gatewayInfo.ts).
 * @throws Error starting with "Discord login failed" that names the fix when Discord refuses the token (401), cannot
 *   be reached, does not answer within `timeoutMs` or answers something that is not Discord's JSON (naming the API's
 *   URL); never contains the token.
 */
export async function planShards(
  requested: 'auto' | number,
  rest: REST,
  token: string,
  timeoutMs: number = DEFAULT_GATEWAY_INFO_TIMEOUT_MS,
): Promise<ShardPlan> {
  let info: RESTGetAPIGatewayBotResult;
  try {
    info = await fetchGatewayBot(rest, timeoutMs);
  } catch (err) {
    throw new Error(`Discord login failed (GET /gateway/bot): ${loginFailureMessage(err, token)}`, { cause: err });
  }
  return {
    count: requested === 'auto' ? Math.max(1, info.shards) : requested,
    source: requested === 'auto' ? 'Discord' : 'SHARDS',
    maxConcurrency: Math.max(1, info.session_start_limit.max_concurrency),
    remainingStarts: info.session_start_limit.remaining,
  };
}

/**
 * Shard ids in spawn order, grouped so that each group holds at most one shard per identify bucket:
 * `[[0, 1], [2, 3], [4]]` for 5 shards with max_concurrency 2. A group starts together; the next one waits
 * {@link ShardTuning.identifyIntervalMs}.
 */
export function spawnGroups(count: number, maxConcurrency: number): number[][] {
  const size = Math.max(1, maxConcurrency);
  const groups: number[][] = [];
  for (let first = 0; first < count; first += size) {
    groups.push(Array.from({ length: Math.min(size, count - first) }, (_, i) => first + i));
  }
  return groups;
}

/** Timings of the manager; the defaults follow Discord's limits and discord.js's manager. */
export interface ShardTuning {
  /** Pause between identify groups (Discord: one start per bucket per 5 s; discord.js waits 5.5 s). */
  identifyIntervalMs: number;
  /** How long a shard may take to become ready before the next group starts anyway. */
  readyTimeoutMs: number;
  /** First respawn delay after a crash; doubles with each crash in a row. */
  respawnDelayMs: number;
  /** Longest respawn delay. */
  maxRespawnDelayMs: number;
  /** A shard that stayed ready this long is healthy again: its next crash starts the backoff over. */
  healthyAfterMs: number;
  /** A shard that dies this many times in a row without ever becoming ready stops the manager (exit 1). */
  maxStartFailures: number;
  /** How long a shard may take to stop after SIGTERM before it is killed. */
  stopTimeoutMs: number;
}

/** Discord's identify limits, discord.js's ready timeout, a 1 s → 60 s respawn backoff, 5 failed starts at most. */
export const DEFAULT_SHARD_TUNING: Readonly<ShardTuning> = Object.freeze({
  identifyIntervalMs: 5_500,
  readyTimeoutMs: 30_000,
  respawnDelayMs: 1_000,
  maxRespawnDelayMs: 60_000,
  healthyAfterMs: 60_000,
  maxStartFailures: 5,
  stopTimeoutMs: 7_000,
});

export interface ShardManagerOptions {
  /** Needs `discordToken` and `shards`; `discordApiUrl` is used for GET /gateway/bot and by every shard. */
  config: Config;
  /** The manager's logger; shard events are logged with `shard` (the id). */
  logger: Logger;
  /**
   * Called once when the bot cannot go on: a shard exited with {@link SHARD_FATAL_EXIT_CODE} (its message says what
   * to fix) or kept dying before it ever became ready. main.ts prints it, stops the shards and exits 1.
   */
  onFatal: (error: Error) => void;
  /** The shard script. @defaultValue src/discord/shard.ts */
  file?: string;
  /** Node options of each shard process. @defaultValue `['--import', <tsx's loader>]` (the shards run TypeScript) */
  execArgv?: string[];
  tuning?: Partial<ShardTuning>;
}

export interface RunningShardManager {
  plan: ShardPlan;
  manager: ShardingManager;
  /** Resolves when every shard was spawned (each group ready, dead or timed out). Never rejects. */
  spawned: Promise<void>;
  /** Stops spawning and respawning, sends SIGTERM to every shard and waits for them (SIGKILL after the timeout). */
  stop(): Promise<void>;
}

/**
 * Plans the shards (see {@link planShards}), then spawns them in the background, group by group, and watches them:
 * a crashed shard is respawned after a backoff; a shard exiting with {@link SHARD_FATAL_EXIT_CODE}, or failing to
 * start {@link ShardTuning.maxStartFailures} times in a row, calls `onFatal` and is not respawned.
 *
 * @throws what {@link planShards} throws (token refused, Discord unreachable), before any shard starts.
 */
export async function startShardManager(options: ShardManagerOptions): Promise<RunningShardManager> {
  const { config, logger } = options;
  const token = config.discordToken;
  if (!token || config.shards === undefined) throw new Error('startShardManager: DISCORD_TOKEN and SHARDS are needed');
  const tuning: ShardTuning = { ...DEFAULT_SHARD_TUNING, ...options.tuning };

  const rest = new REST({ ...(config.discordApiUrl && { api: config.discordApiUrl }) }).setToken(token);
  let plan: ShardPlan;
  try {
    plan = await planShards(config.shards, rest, token);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
  logger.info(
    {
      shards: plan.count,
      source: plan.source,
      maxConcurrency: plan.maxConcurrency,
      remainingStarts: plan.remainingStarts,
    },
    'shards planned',
  );
  if (plan.remainingStarts < plan.count) {
    logger.warn(
      { remainingStarts: plan.remainingStarts, shards: plan.count },
      'Discord allows fewer session starts than there are shards until its daily reset; some shards will not connect',
    );
  }

  const manager = new ShardingManager(options.file ?? fileURLToPath(new URL('./shard.ts', import.meta.url)), {
    totalShards: plan.count,
    shardList: Array.from({ length: plan.count }, (_, i) => i),
    mode: 'process',
    // We respawn ourselves: discord.js decides to respawn before anyone hears of the death, so it would restart a
    // shard whose token was refused forever, and without a pause between crashes.
    respawn: false,
    token,
    execArgv: options.execArgv ?? ['--import', import.meta.resolve('tsx')],
  });

  let stopping = false;
  let failed = false;
  const abort = new AbortController();
  const respawnTimers = new Set<NodeJS.Timeout>();
  const fatalMessages = new Map<number, ShardFatalMessage>();

  const fail = (error: Error): void => {
    if (failed || stopping) return;
    failed = true;
    options.onFatal(error);
  };

  const watch = (shard: Shard): void => {
    const id = shard.id;
    let readyAt: number | undefined;
    let startFailures = 0;
    let crashes = 0;
    shard.on('spawn', (child) => {
      readyAt = undefined;
      logger.info({ shard: id, pid: (child as ChildProcess).pid }, 'shard spawned');
    });
    shard.on('ready', () => {
      readyAt = Date.now();
      startFailures = 0;
      logger.info({ shard: id }, 'shard ready');
    });
    // A stopping shard closes its gateway connection, which discord.js reports as reconnecting: not news then.
    shard.on('disconnect', () => {
      if (!stopping) logger.warn({ shard: id }, 'shard disconnected from the gateway');
    });
    shard.on('reconnecting', () => {
      if (!stopping) logger.info({ shard: id }, 'shard reconnecting');
    });
    shard.on('resume', () => logger.info({ shard: id }, 'shard resumed'));
    shard.on('error', (err) => logger.error({ shard: id, err: describeError(err) }, 'shard error'));
    shard.on('message', (message: unknown) => {
      if (isShardFatalMessage(message)) fatalMessages.set(id, message);
    });
    shard.on('death', (child) => {
      // shard.kill() (our stop) also reports a death, before the process is gone: stop() logs those exits.
      if (stopping) return;
      const { pid, exitCode, signalCode } = child as ChildProcess;
      logger.warn({ shard: id, pid, exitCode, signal: signalCode }, 'shard exited');
      if (exitCode === SHARD_FATAL_EXIT_CODE) {
        void fatalMessageOf(shard, fatalMessages).then((message) =>
          fail(
            message
              ? Object.assign(new Error(`shard ${id}: ${message.message}`), { name: message.name })
              : new Error(`shard ${id} stopped for good (exit ${exitCode}); its log above says why`),
          ),
        );
        return;
      }
      if (readyAt === undefined && ++startFailures >= tuning.maxStartFailures) {
        fail(
          new Error(`shard ${id} died ${startFailures} times in a row before becoming ready; its log above says why`),
        );
        return;
      }
      if (readyAt !== undefined && Date.now() - readyAt >= tuning.healthyAfterMs) crashes = 0;
      const delay = Math.min(tuning.respawnDelayMs * 2 ** crashes, tuning.maxRespawnDelayMs);
      crashes++;
      logger.info({ shard: id, inMs: delay }, 'shard respawning');
      const timer = setTimeout(() => {
        respawnTimers.delete(timer);
        if (!stopping && !failed) spawnOne(shard);
      }, delay);
      respawnTimers.add(timer);
    });
  };

  // Resolves when the shard is ready, dead or late; what happens next is the 'death' listener's business.
  const spawnOne = (shard: Shard): Promise<void> =>
    shard.spawn(tuning.readyTimeoutMs).then(
      () => undefined,
      (err: unknown) => {
        if (!stopping) logger.warn({ shard: shard.id, err: describeError(err) }, 'shard did not become ready');
      },
    );

  const spawnAll = async (): Promise<void> => {
    const groups = spawnGroups(plan.count, plan.maxConcurrency);
    for (const [index, group] of groups.entries()) {
      if (stopping || failed) return;
      const waits = group.map((id) => {
        const shard = manager.createShard(id);
        watch(shard);
        return spawnOne(shard);
      });
      if (index < groups.length - 1) {
        waits.push(sleep(tuning.identifyIntervalMs, undefined, { signal: abort.signal }).catch(() => undefined));
      }
      await Promise.all(waits);
    }
    if (!stopping && !failed) logger.info({ shards: plan.count }, 'all shards spawned');
  };
  const spawned = spawnAll().catch((err: unknown) => fail(err instanceof Error ? err : new Error(String(err))));

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      stopping = true;
      abort.abort();
      for (const timer of respawnTimers) clearTimeout(timer);
      respawnTimers.clear();
      const exits: Promise<void>[] = [];
      for (const shard of manager.shards.values()) {
        const child = shard.process;
        if (!child) continue;
        shard.kill(); // SIGTERM: the shard stops its bot and its recording, then exits 0
        exits.push(
          exited(child, tuning.stopTimeoutMs).then(() =>
            logger.info({ shard: shard.id, exitCode: child.exitCode, signal: child.signalCode }, 'shard stopped'),
          ),
        );
      }
      await Promise.all(exits);
    })();
    return stopped;
  };

  return { plan, manager, spawned, stop };
}

/** The shard's fatal message, waiting up to `ms` for it: the IPC message may be read after the exit is seen. */
async function fatalMessageOf(
  shard: Shard,
  received: ReadonlyMap<number, ShardFatalMessage>,
  ms = 1000,
): Promise<ShardFatalMessage | undefined> {
  const until = Date.now() + ms;
  while (!received.has(shard.id) && Date.now() < until) await sleep(20);
  return received.get(shard.id);
}

/** Resolves once `child` has exited; after `ms`, kills it with SIGKILL first. */
function exited(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
