/**
 * Runtime configuration, read from an environment-like object and validated once.
 * Only the entry points (src/main.ts, scripts/deploy-commands.ts) pass `process.env` in; everything else receives a
 * `Config`. No message produced here ever contains a value: a bad token must not end up in a terminal or a log.
 */
import { z } from 'zod';

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

// Bot tokens are three base64url parts joined by dots. The messages never quote the value.
const tokenSchema = z
  .string()
  .refine((t) => !/^bot\s/i.test(t), 'DISCORD_TOKEN must be the bare token, without the "Bot " prefix')
  .refine((t) => !/\s/.test(t), 'DISCORD_TOKEN must not contain spaces or line breaks')
  .refine(
    (t) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(t),
    'DISCORD_TOKEN does not look like a bot token (three dot-separated parts); copy it from the Bot tab of the Developer Portal',
  );

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

const envSchema = z.object({
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
});

/**
 * Validates the environment and returns the configuration.
 *
 * @param env - usually `process.env`; only entry points pass it.
 * @returns a {@link Config} with blank variables treated as absent.
 * @throws {@link ConfigError} listing every invalid variable (never their values).
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse({
    DISCORD_TOKEN: env.DISCORD_TOKEN,
    DISCORD_CLIENT_ID: env.DISCORD_CLIENT_ID,
    DISCORD_GUILD_ID: env.DISCORD_GUILD_ID,
    DISCORD_API_URL: env.DISCORD_API_URL,
    LOG_LEVEL: env.LOG_LEVEL,
    COOLDOWN_MAX: env.COOLDOWN_MAX,
    COOLDOWN_WINDOW_SECONDS: env.COOLDOWN_WINDOW_SECONDS,
  });
  if (!parsed.success) {
    // zod messages do not include the input; prefix each with its variable for a readable list.
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? 'environment');
      return issue.message.startsWith(key) ? issue.message : `${key}: ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  return {
    ...(e.DISCORD_TOKEN !== undefined && { discordToken: e.DISCORD_TOKEN }),
    ...(e.DISCORD_CLIENT_ID !== undefined && { discordClientId: e.DISCORD_CLIENT_ID }),
    ...(e.DISCORD_GUILD_ID !== undefined && { discordGuildId: e.DISCORD_GUILD_ID }),
    ...(e.DISCORD_API_URL !== undefined && { discordApiUrl: e.DISCORD_API_URL }),
    logLevel: e.LOG_LEVEL,
    cooldown: { limit: e.COOLDOWN_MAX, windowMs: e.COOLDOWN_WINDOW_SECONDS * 1000 },
  };
}
