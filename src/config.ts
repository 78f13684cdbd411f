/**
 * Runtime configuration, read from an environment-like object and validated once.
 * Only the entry points (src/main.ts, src/http/main.ts, src/discord/shard.ts, src/cli/report.ts,
 * scripts/deploy-commands.ts) pass `process.env` in; everything else receives a `Config`. Each entry point names its
 * {@link ConfigSurface}: the variables it uses are validated (a mistake stops it, naming the variable and the fix),
 * the others are only read, and a mistake in one of those is a warning (the variable keeps its default), so that a
 * bad PORT, which only the HTTP endpoint reads, does not keep the terminal chat from starting.
 * No message produced here ever contains a value: a bad token must not end up in a terminal or a log.
 */
import { z } from 'zod';
import { isSmallOrderKey } from './http/verify.ts';

/** pino's levels plus 'silent'. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The validated configuration. Optional values are absent (never empty strings). */
export interface Config {
  /** Bot token. Absent means "no Discord": main.ts opens the terminal chat instead. Redacted in every log line. */
  discordToken?: string;
  /** Application (client) id, a snowflake; required by `npm run deploy-commands`. */
  discordClientId?: string;
  /** Register slash commands to this guild only (instant, for development); absent = global. */
  discordGuildId?: string;
  /** REST base URL without the version, e.g. `http://127.0.0.1:8080/api` for a proxy; absent = Discord's API. */
  discordApiUrl?: string;
  /** @defaultValue 'info' */
  logLevel: LogLevel;
  /**
   * Per-user flood control of the Discord bot (DMs, mentions and slash commands; autocomplete and buttons are
   * exempt): at most `limit` questions per `windowMs`, then one polite notice. From COOLDOWN_MAX and
   * COOLDOWN_WINDOW_SECONDS.
   * @defaultValue `{ limit: 5, windowMs: 10_000 }` ({@link DEFAULT_COOLDOWN_CONFIG})
   */
  cooldown: CooldownConfig;
  /** What is recorded for `npm run report` (see README "What is kept"). */
  recording: RecordingConfig;
  /** The HTTP interactions endpoint (`npm run start:http`). */
  http: HttpConfig;
  /**
   * Gateway sharding for `npm start`: absent = one process, no ShardingManager; `'auto'` = Discord's recommended
   * count (GET /gateway/bot); a number = that many shards. From SHARDS.
   */
  shards?: 'auto' | number;
}

/**
 * Question and feedback recording. Users are stored only as HMAC-SHA256(userHashSecret, user id), never raw ids or
 * names.
 */
export interface RecordingConfig {
  /** False turns every recording off (RECORD=off). @defaultValue true */
  enabled: boolean;
  /** SQLite file (DATABASE_PATH), created with its folder. @defaultValue 'data/iqtibas.sqlite' */
  databasePath: string;
  /** PostgreSQL connection string (DATABASE_URL); when set, it replaces the SQLite file (several instances). */
  databaseUrl?: string;
  /**
   * Key of the user hash (USER_HASH_SECRET, at least 16 characters). Absent: a random key is created once in
   * `<databasePath>.key` (mode 0600) so hashes stay stable across restarts.
   */
  userHashSecret?: string;
  /** Rows older than this many days are deleted at start and daily (RETENTION_DAYS). @defaultValue 90 */
  retentionDays: number;
  /** Record questions asked in DMs (RECORD_DMS). @defaultValue false: DMs are private by default. */
  recordDms: boolean;
}

/** The HTTP interactions endpoint. */
export interface HttpConfig {
  /** PORT. @defaultValue 3000 */
  port: number;
  /**
   * The address to listen on (HOST). Loopback by default: Discord needs an https:// URL, so a TLS reverse proxy or
   * tunnel on the same machine forwards to us; set `0.0.0.0` (or `::`) in a container. @defaultValue '127.0.0.1'
   */
  host: string;
  /** The application's Ed25519 public key, 64 hex characters (DISCORD_PUBLIC_KEY); required by start:http. */
  publicKey?: string;
}

/** Flood-control settings: `limit` questions per `windowMs` milliseconds, per user. */
export interface CooldownConfig {
  limit: number;
  windowMs: number;
}

/** Five questions per ten seconds: more than anyone reading the answers asks, fewer than a script sends. */
export const DEFAULT_COOLDOWN_CONFIG: Readonly<CooldownConfig> = Object.freeze({ limit: 5, windowMs: 10_000 });

/** Thrown by {@link loadConfig}; `problems` holds one line per invalid variable, all of them at once. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration (see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** `KEY=` in a .env file yields '' : treat blank as unset, and trim stray spaces around pasted values. */
const blankToUndefined = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const SNOWFLAKE = /^\d{17,20}$/;

/**
 * What is wrong with a bot token, or undefined when it looks right (three base64url parts joined by dots). One
 * message, the most specific: "Bot abc.def.ghi" has its three parts, and hearing that it lacks them misleads.
 * Never quotes the value.
 */
export function tokenProblem(token: string): string | undefined {
  if (/^bot\s/i.test(token)) {
    return 'DISCORD_TOKEN must be the bare token: remove the "Bot " prefix (Discord\'s Authorization header adds it, the setting must not)';
  }
  // dotenv keeps an unclosed quote (`DISCORD_TOKEN="MTE5…`) as part of the value, which has its three parts.
  if (/["'`]/.test(token)) {
    const where = /^["'`]|["'`]$/.test(token) ? 'starts or ends with' : 'contains';
    return `DISCORD_TOKEN must be the bare token: it ${where} a quote mark; remove it (in .env, a quote around a value must be closed on the same line, or it is kept as part of the value)`;
  }
  if (/\s/.test(token)) return 'DISCORD_TOKEN must not contain spaces or line breaks';
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
    return 'DISCORD_TOKEN does not look like a bot token (three dot-separated parts); copy it from the Bot tab of the Developer Portal';
  }
  return undefined;
}

const tokenSchema = z.string().check((ctx) => {
  const problem = tokenProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

const snowflake = (name: string) =>
  z.string().regex(SNOWFLAKE, `${name} must be a Discord id (17 to 20 digits; enable Developer Mode and copy it)`);

const apiUrlSchema = z
  .string()
  .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'DISCORD_API_URL must be an http(s) URL')
  .transform((u) => u.replace(/\/+$/, ''));

/** A whole number within bounds, written as plain digits; blank or unset means `fallback`. */
const intSetting = (name: string, min: number, max: number, fallback: number) => {
  const message = `${name} must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: message })
      .regex(/^\d{1,9}$/, message)
      .transform(Number)
      .pipe(z.number().min(min, message).max(max, message))
      .default(fallback),
  );
};

/** Where start:http listens unless HOST says otherwise: loopback, behind a TLS proxy or tunnel. */
export const DEFAULT_HTTP_HOST = '127.0.0.1';

/** Where the SQLite store lives unless DATABASE_PATH says otherwise (git-ignored). */
export const DEFAULT_DATABASE_PATH = 'data/iqtibas.sqlite';

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = Object.freeze({
  true: true,
  on: true,
  yes: true,
  '1': true,
  false: false,
  off: false,
  no: false,
  '0': false,
});

/** on/off, true/false, yes/no or 1/0 (any case); blank or unset means `fallback`. */
const boolSetting = (name: string, fallback: boolean) => {
  const message = `${name} must be on or off (also true/false, yes/no, 1/0)`;
  return z.preprocess(
    (v) => {
      const s = blankToUndefined(v);
      return typeof s === 'string' ? (BOOLEAN_WORDS[s.toLowerCase()] ?? s) : s;
    },
    z.boolean({ error: message }).default(fallback),
  );
};

const shardsSchema = z
  .string()
  .refine(
    (s) => s.toLowerCase() === 'auto' || /^\d{1,4}$/.test(s),
    'SHARDS must be auto or a whole number from 1 to 9999',
  )
  .transform((s): 'auto' | number => (s.toLowerCase() === 'auto' ? 'auto' : Number(s)))
  .refine((n) => n === 'auto' || n >= 1, 'SHARDS must be auto or a whole number from 1 to 9999');

const databaseUrlSchema = z
  .string()
  .refine(
    (u) => URL.canParse(u) && /^postgres(ql)?:$/.test(new URL(u).protocol),
    'DATABASE_URL must be a postgres:// or postgresql:// URL',
  );

/** Every variable and how it is read: the shared parts each surface's schema is composed of. */
const VARIABLES = {
  DISCORD_TOKEN: optional(tokenSchema),
  DISCORD_CLIENT_ID: optional(snowflake('DISCORD_CLIENT_ID')),
  DISCORD_GUILD_ID: optional(snowflake('DISCORD_GUILD_ID')),
  DISCORD_API_URL: optional(apiUrlSchema),
  LOG_LEVEL: z.preprocess(
    (v) => {
      const s = blankToUndefined(v);
      return typeof s === 'string' ? s.toLowerCase() : s;
    },
    z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  COOLDOWN_MAX: intSetting('COOLDOWN_MAX', 1, 1000, DEFAULT_COOLDOWN_CONFIG.limit),
  COOLDOWN_WINDOW_SECONDS: intSetting('COOLDOWN_WINDOW_SECONDS', 1, 3600, DEFAULT_COOLDOWN_CONFIG.windowMs / 1000),
  RECORD: boolSetting('RECORD', true),
  DATABASE_PATH: z.preprocess(
    blankToUndefined,
    z
      .string()
      // Neither dotenv nor Node expands `~`: `~/iqtibas.sqlite` silently made a folder named "~" in the project.
      .refine(
        (path) => !path.startsWith('~'),
        'DATABASE_PATH starts with "~", which is not expanded to the home folder (it would create a folder named ' +
          '"~" here): use an absolute path, e.g. /home/you/iqtibas.sqlite; $HOME/iqtibas.sqlite works only where a ' +
          'shell expands it (export DATABASE_PATH=…), not in .env',
      )
      .default(DEFAULT_DATABASE_PATH),
  ),
  DATABASE_URL: optional(databaseUrlSchema),
  USER_HASH_SECRET: optional(z.string().min(16, 'USER_HASH_SECRET must be at least 16 characters')),
  RETENTION_DAYS: intSetting('RETENTION_DAYS', 1, 3650, 90),
  RECORD_DMS: boolSetting('RECORD_DMS', false),
  PORT: intSetting('PORT', 1, 65535, 3000),
  HOST: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[\w.:-]{1,253}$/, 'HOST must be an IP address or a host name (e.g. 127.0.0.1, 0.0.0.0, ::)')
      .default(DEFAULT_HTTP_HOST),
  ),
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'DISCORD_PUBLIC_KEY must be 64 hex characters (General Information tab)')
      .refine(
        (k) => !isSmallOrderKey(k),
        'DISCORD_PUBLIC_KEY is not a usable key (a small-order point, such as all zeros: it would accept forged ' +
          'signatures); copy the Public Key from the General Information tab',
      )
      .transform((k) => k.toLowerCase()),
  ),
  SHARDS: optional(shardsSchema),
};

/** The name of a variable {@link loadConfig} reads. */
export type ConfigVariable = keyof typeof VARIABLES;

/** Every variable {@link loadConfig} reads (and nothing else: unknown variables are ignored). */
export const CONFIG_VARIABLES = Object.freeze(Object.keys(VARIABLES) as ConfigVariable[]);

/** The whole environment, every variable validated (tests, benches, and loadConfig without a surface). */
const envSchema = z.object(VARIABLES);

/**
 * The programs that read the configuration. Each validates the variables it uses ({@link SURFACE_VARIABLES}).
 * - `terminal`: `npm start` without DISCORD_TOKEN (the chat; it logs only warnings, so LOG_LEVEL is not its own)
 * - `gateway`: `npm start` with DISCORD_TOKEN (the bot, the shard manager and each shard)
 * - `http`: `npm run start:http`
 * - `report`: `npm run report` (reads the store, never writes or hashes)
 * - `deploy`: `npm run deploy-commands`
 */
export type ConfigSurface = 'terminal' | 'gateway' | 'http' | 'report' | 'deploy';

const RECORDING_VARIABLES = ['RECORD', 'DATABASE_PATH', 'DATABASE_URL', 'USER_HASH_SECRET', 'RETENTION_DAYS'] as const;

/** The variables each surface uses, hence validates. */
export const SURFACE_VARIABLES: Readonly<Record<ConfigSurface, readonly ConfigVariable[]>> = Object.freeze({
  terminal: ['DISCORD_TOKEN', ...RECORDING_VARIABLES],
  gateway: [
    'DISCORD_TOKEN',
    'DISCORD_API_URL',
    'LOG_LEVEL',
    'COOLDOWN_MAX',
    'COOLDOWN_WINDOW_SECONDS',
    ...RECORDING_VARIABLES,
    'RECORD_DMS',
    'SHARDS',
  ],
  http: [
    'DISCORD_PUBLIC_KEY',
    'PORT',
    'HOST',
    'DISCORD_API_URL',
    'LOG_LEVEL',
    'COOLDOWN_MAX',
    'COOLDOWN_WINDOW_SECONDS',
    ...RECORDING_VARIABLES,
    'RECORD_DMS',
  ],
  report: ['RECORD', 'DATABASE_PATH', 'DATABASE_URL', 'LOG_LEVEL'],
  deploy: ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL'],
});

/** How the warnings name each surface. */
const SURFACE_NAMES: Readonly<Record<ConfigSurface, string>> = Object.freeze({
  terminal: 'the terminal chat',
  gateway: 'the Discord bot',
  http: 'npm run start:http',
  report: 'npm run report',
  deploy: 'npm run deploy-commands',
});

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /**
   * The program reading the configuration: only its variables ({@link SURFACE_VARIABLES}) can stop it; an invalid
   * value of another variable is reported to `warn` and replaced by that variable's default.
   * @defaultValue every variable is validated
   */
  surface?: ConfigSurface;
  /** Receives one line per invalid variable the surface does not use. @defaultValue the lines are dropped */
  warn?: (line: string) => void;
}

/**
 * `npm start`'s surface: the Discord bot when DISCORD_TOKEN is set (not blank), else the terminal chat. A token that
 * is set but malformed is the bot's to refuse: whoever set it meant the bot.
 */
export function mainSurface(env: NodeJS.ProcessEnv): 'gateway' | 'terminal' {
  return blankToUndefined(env.DISCORD_TOKEN) === undefined ? 'terminal' : 'gateway';
}

/**
 * The notice for a DISCORD_TOKEN of spaces only (a paste gone wrong, or quotes around nothing): it counts as unset, so
 * `npm start` opens the terminal chat, and whoever set it meant the bot. Undefined otherwise; an empty value (the
 * `.env.example` default) is the newcomer's chat and gets none.
 */
export function blankTokenNotice(env: NodeJS.ProcessEnv): string | undefined {
  const token = env.DISCORD_TOKEN;
  return token !== undefined && token !== '' && token.trim() === ''
    ? 'DISCORD_TOKEN is set but blank (spaces only), so this is the terminal chat. To run the Discord bot, set it to the token from the Bot tab of the Developer Portal.'
    : undefined;
}

/** zod's issues as one line per problem, each naming its variable (zod messages never include the input). */
function problemsOf(error: z.ZodError, variable?: string): string[] {
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? variable ?? 'environment');
    return issue.message.startsWith(key) ? issue.message : `${key}: ${issue.message}`;
  });
}

/**
 * Validates the environment and returns the configuration.
 *
 * @param env - usually `process.env`; only entry points pass it.
 * @param options - the surface reading it, and where the warnings about the other variables go.
 * @returns a {@link Config} with blank variables treated as absent; a variable outside the surface with an invalid
 *   value has its default.
 * @throws {@link ConfigError} listing every invalid variable of the surface (never their values).
 */
export function loadConfig(env: NodeJS.ProcessEnv, options: LoadConfigOptions = {}): Config {
  const input: Record<string, unknown> = Object.fromEntries(CONFIG_VARIABLES.map((key) => [key, env[key]]));
  const { surface } = options;
  if (surface !== undefined) {
    const used = new Set(SURFACE_VARIABLES[surface]);
    for (const key of CONFIG_VARIABLES) {
      if (used.has(key) || VARIABLES[key].safeParse(input[key]).success) continue;
      const users = (Object.keys(SURFACE_VARIABLES) as ConfigSurface[])
        .filter((other) => SURFACE_VARIABLES[other].includes(key))
        .map((other) => SURFACE_NAMES[other]);
      const problem = problemsOf(VARIABLES[key].safeParse(input[key]).error as z.ZodError, key).join('; ');
      options.warn?.(
        `warning: ignoring ${key}, which ${SURFACE_NAMES[surface]} does not use: ${problem} ` +
          `(${users.join(' and ')} ${users.length > 1 ? 'read' : 'reads'} it).`,
      );
      input[key] = undefined;
    }
  }
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  const e = parsed.data;
  return {
    ...(e.DISCORD_TOKEN !== undefined && { discordToken: e.DISCORD_TOKEN }),
    ...(e.DISCORD_CLIENT_ID !== undefined && { discordClientId: e.DISCORD_CLIENT_ID }),
    ...(e.DISCORD_GUILD_ID !== undefined && { discordGuildId: e.DISCORD_GUILD_ID }),
    ...(e.DISCORD_API_URL !== undefined && { discordApiUrl: e.DISCORD_API_URL }),
    logLevel: e.LOG_LEVEL,
    cooldown: { limit: e.COOLDOWN_MAX, windowMs: e.COOLDOWN_WINDOW_SECONDS * 1000 },
    recording: {
      enabled: e.RECORD,
      databasePath: e.DATABASE_PATH,
      ...(e.DATABASE_URL !== undefined && { databaseUrl: e.DATABASE_URL }),
      ...(e.USER_HASH_SECRET !== undefined && { userHashSecret: e.USER_HASH_SECRET }),
      retentionDays: e.RETENTION_DAYS,
      recordDms: e.RECORD_DMS,
    },
    http: {
      port: e.PORT,
      host: e.HOST,
      ...(e.DISCORD_PUBLIC_KEY !== undefined && { publicKey: e.DISCORD_PUBLIC_KEY }),
    },
    ...(e.SHARDS !== undefined && { shards: e.SHARDS }),
  };
}
