import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import {
  blankTokenNotice,
  CONFIG_VARIABLES,
  ConfigError,
  loadConfig,
  mainSurface,
  SURFACE_VARIABLES,
} from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { TOKEN } from './fixtures.ts';

const DEFAULT_RECORDING = {
  enabled: true,
  databasePath: 'data/iqtibas.sqlite',
  retentionDays: 90,
  recordDms: false,
};

describe('loadConfig', () => {
  test('no token means terminal mode: everything optional, log level info, cooldown 5 per 10 s', () => {
    expect(loadConfig({})).toEqual({
      logLevel: 'info',
      cooldown: { limit: 5, windowMs: 10_000 },
      recording: DEFAULT_RECORDING,
      http: { port: 3000, host: '127.0.0.1' },
    });
  });

  test('blank values (KEY= in .env) count as absent; values are trimmed', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ', LOG_LEVEL: ' DEBUG ', COOLDOWN_MAX: '' })).toEqual({
      logLevel: 'debug',
      cooldown: { limit: 5, windowMs: 10_000 },
      recording: DEFAULT_RECORDING,
      http: { port: 3000, host: '127.0.0.1' },
    });
  });

  test('reads every variable', () => {
    expect(
      loadConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: '123456789012345678',
        DISCORD_GUILD_ID: '223456789012345678',
        DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
        LOG_LEVEL: 'warn',
        COOLDOWN_MAX: ' 3 ',
        COOLDOWN_WINDOW_SECONDS: '30',
        RECORD: 'OFF',
        DATABASE_PATH: '/var/lib/iqtibas/db.sqlite',
        DATABASE_URL: 'postgres://bot:pw@127.0.0.1:5432/iqtibas',
        USER_HASH_SECRET: 'a-long-enough-secret',
        RETENTION_DAYS: '30',
        RECORD_DMS: 'yes',
        PORT: '8080',
        HOST: '0.0.0.0',
        DISCORD_PUBLIC_KEY: 'AB'.repeat(32),
        SHARDS: 'auto',
      }),
    ).toEqual({
      discordToken: TOKEN,
      discordClientId: '123456789012345678',
      discordGuildId: '223456789012345678',
      discordApiUrl: 'http://127.0.0.1:9999/api',
      logLevel: 'warn',
      cooldown: { limit: 3, windowMs: 30_000 },
      recording: {
        enabled: false,
        databasePath: '/var/lib/iqtibas/db.sqlite',
        databaseUrl: 'postgres://bot:pw@127.0.0.1:5432/iqtibas',
        userHashSecret: 'a-long-enough-secret',
        retentionDays: 30,
        recordDms: true,
      },
      http: { port: 8080, host: '0.0.0.0', publicKey: 'ab'.repeat(32) },
      shards: 'auto',
    });
  });

  test.each([
    ['RECORD', 'maybe', /RECORD must be on or off/],
    ['RECORD_DMS', '2', /RECORD_DMS must be on or off/],
    ['RETENTION_DAYS', '0', /RETENTION_DAYS must be a whole number from 1 to 3650/],
    ['PORT', '70000', /PORT must be a whole number from 1 to 65535/],
    ['DISCORD_PUBLIC_KEY', 'xyz', /DISCORD_PUBLIC_KEY must be 64 hex characters/],
    ['HOST', 'http://example.com', /HOST must be an IP address or a host name/],
    ['SHARDS', '0', /SHARDS must be auto or a whole number/],
    ['SHARDS', 'many', /SHARDS must be auto or a whole number/],
    ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL must be a postgres/],
    ['USER_HASH_SECRET', 'short', /USER_HASH_SECRET must be at least 16 characters/],
  ])('%s = %j is refused with a message naming it', (key, value, message) => {
    expect(() => loadConfig({ [key]: value })).toThrow(message);
  });

  test('SHARDS takes a number', () => {
    expect(loadConfig({ SHARDS: '4' }).shards).toBe(4);
  });

  test('a secret in a refused value is never echoed', () => {
    const url = 'mysql://bot:hunter2hunter2@db/x';
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(ConfigError);
    try {
      loadConfig({ DATABASE_URL: url });
    } catch (e) {
      expect((e as Error).message).not.toContain('hunter2');
    }
  });

  test.each(['0', '-1', '1.5', '1e2', 'five', '100000'])('COOLDOWN_* = %j is refused, naming the variable', (v) => {
    expect(() => loadConfig({ COOLDOWN_MAX: v })).toThrow(/COOLDOWN_MAX must be a whole number from 1 to 1000/);
    expect(() => loadConfig({ COOLDOWN_WINDOW_SECONDS: v })).toThrow(
      /COOLDOWN_WINDOW_SECONDS must be a whole number from 1 to 3600/,
    );
  });

  test('.env.example documents every variable loadConfig reads', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    expect(CONFIG_VARIABLES.length).toBeGreaterThanOrEqual(16);
    for (const key of CONFIG_VARIABLES) expect(example).toMatch(new RegExp(`^${key}=`, 'm'));
  });

  test('lists every problem at once, naming variables and never echoing values', () => {
    const secret = `Bot ${TOKEN}`;
    let error: unknown;
    try {
      loadConfig({
        DISCORD_TOKEN: secret,
        DISCORD_CLIENT_ID: 'abc',
        DISCORD_GUILD_ID: '12',
        DISCORD_API_URL: 'ftp://x',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems.length).toBeGreaterThanOrEqual(5);
    for (const key of ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL']) {
      expect(message).toContain(key);
    }
    expect(message).toContain('"Bot " prefix');
    expect(message).not.toContain(TOKEN);
  });
});

// Bug fixed: "Bot abc.def.ghi" was also told it lacked "three dot-separated parts", which it has.
test.each([
  ['Bot abc.def.ghi', /remove the "Bot " prefix/],
  ['bot   abc.def.ghi', /remove the "Bot " prefix/],
  ['abc.def .ghi', /must not contain spaces/],
  ['abc.def', /three dot-separated parts/],
  // Bug fixed (break test 18, F2): an unclosed quote in .env was told it lacked "three dot-separated parts".
  ['"abc.def.ghi', /must be the bare token: it starts or ends with a quote mark; remove it/],
  ["abc.def.ghi'", /must be the bare token: it starts or ends with a quote mark; remove it/],
  ['abc.def"x.ghi', /must be the bare token: it contains a quote mark; remove it/],
  ['"Bot abc.def.ghi', /starts or ends with a quote mark/],
])('DISCORD_TOKEN = %j gets one message, the one that names its mistake', (token, message) => {
  let problems: readonly string[] = [];
  try {
    loadConfig({ DISCORD_TOKEN: token });
  } catch (e) {
    problems = (e as ConfigError).problems;
  }
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(message);
});

// Bug fixed (break test 18, F1): DATABASE_PATH=~/iqtibas.sqlite silently created a folder named "~" in the project.
test.each(['~/iqtibas.sqlite', '~', '~root/db.sqlite', ' ~/x.sqlite'])(
  'DATABASE_PATH = %j is refused: a leading ~ is not expanded',
  (path) => {
    for (const surface of ['terminal', 'gateway', 'http', 'report'] as const) {
      let problems: readonly string[] = [];
      try {
        loadConfig({ DATABASE_PATH: path }, { surface });
      } catch (e) {
        problems = (e as ConfigError).problems;
      }
      expect(problems, surface).toEqual([
        'DATABASE_PATH starts with "~", which is not expanded to the home folder (it would create a folder named ' +
          '"~" here): use an absolute path, e.g. /home/you/iqtibas.sqlite; $HOME/iqtibas.sqlite works only where a ' +
          'shell expands it (export DATABASE_PATH=…), not in .env',
      ]);
    }
  },
);

test.each(['/home/you/iqtibas.sqlite', 'data/~backup.sqlite', 'a~b.sqlite'])(
  'DATABASE_PATH = %j, with no leading ~, is kept as given',
  (path) => {
    expect(loadConfig({ DATABASE_PATH: path }).recording.databasePath).toBe(path);
  },
);

// Bug fixed: PORT=99999 or COOLDOWN_MAX=abc stopped the terminal chat and the report, which read neither.
describe('loadConfig for one surface: its own variables are validated, the others only warn', () => {
  const collect = () => {
    const lines: string[] = [];
    return { lines, warn: (line: string) => lines.push(line) };
  };

  test("the terminal chat starts with the bot's and the endpoint's settings broken, warning about each", () => {
    const { lines, warn } = collect();
    const config = loadConfig(
      { PORT: '99999', COOLDOWN_MAX: 'abc', LOG_LEVEL: 'loud', HOST: 'http://x', SHARDS: 'many' },
      { surface: 'terminal', warn },
    );
    expect(config.http.port).toBe(3000); // the default stands in for the ignored value
    expect(config.cooldown.limit).toBe(5);
    expect(lines).toHaveLength(5);
    expect(lines.join('\n')).toContain(
      'warning: ignoring PORT, which the terminal chat does not use: PORT must be a whole number from 1 to 65535 (npm run start:http reads it).',
    );
    expect(lines.join('\n')).toContain(
      'COOLDOWN_MAX must be a whole number from 1 to 1000 (the Discord bot and npm run start:http read it)',
    );
  });

  test.each([
    ['terminal', { RECORD: 'maybe' }, /RECORD must be on or off/],
    ['gateway', { COOLDOWN_MAX: 'abc' }, /COOLDOWN_MAX must be a whole number/],
    ['gateway', { SHARDS: 'many' }, /SHARDS must be auto/],
    ['http', { PORT: '99999' }, /PORT must be a whole number from 1 to 65535/],
    ['http', { COOLDOWN_MAX: 'abc' }, /COOLDOWN_MAX must be a whole number/],
    ['report', { DATABASE_URL: 'mysql://x@y/z' }, /DATABASE_URL must be a postgres/],
    ['deploy', { DISCORD_GUILD_ID: '12' }, /DISCORD_GUILD_ID must be a Discord id/],
  ] as const)('%s still refuses its own variable %j', (surface, env, message) => {
    expect(() => loadConfig(env, { surface })).toThrow(message);
  });

  test('the HTTP endpoint ignores a broken SHARDS, the bot a broken PORT, the report a broken token', () => {
    expect(loadConfig({ SHARDS: 'many' }, { surface: 'http' }).shards).toBeUndefined();
    expect(loadConfig({ PORT: '0', DISCORD_TOKEN: TOKEN }, { surface: 'gateway' }).http.port).toBe(3000);
    expect(loadConfig({ DISCORD_TOKEN: 'Bot x' }, { surface: 'report' }).discordToken).toBeUndefined();
  });

  test('a warning never echoes the value', () => {
    const { lines, warn } = collect();
    loadConfig({ DATABASE_URL: 'mysql://bot:hunter2hunter2@db/x' }, { surface: 'deploy', warn });
    expect(lines.join('')).toContain('DATABASE_URL');
    expect(lines.join('')).not.toContain('hunter2');
  });

  test('every variable is used by some surface; npm start picks the bot only for a token that is not blank', () => {
    const used = new Set(Object.values(SURFACE_VARIABLES).flat());
    expect(CONFIG_VARIABLES.filter((key) => !used.has(key))).toEqual([]);
    expect(mainSurface({})).toBe('terminal');
    expect(mainSurface({ DISCORD_TOKEN: '  ' })).toBe('terminal');
    expect(mainSurface({ DISCORD_TOKEN: 'Bot x' })).toBe('gateway');
  });

  // Bug fixed (break11): a token of spaces silently opened the terminal chat.
  test('a token of spaces only gets a notice naming the setting; an empty one (the newcomer’s) gets none', () => {
    expect(blankTokenNotice({ DISCORD_TOKEN: '   ' })).toMatch(/DISCORD_TOKEN is set but blank/);
    expect(blankTokenNotice({ DISCORD_TOKEN: '' })).toBeUndefined();
    expect(blankTokenNotice({})).toBeUndefined();
    expect(blankTokenNotice({ DISCORD_TOKEN: 'a.b.c' })).toBeUndefined();
  });
});

describe('createLogger', () => {
  test('redacts the token wherever it is logged by path', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger('info', sink);
    log.info({ config: { discordToken: TOKEN }, token: TOKEN, headers: { authorization: `Bot ${TOKEN}` } }, 'x');
    log.info({ discordToken: TOKEN, env: { DISCORD_TOKEN: TOKEN } }, 'y');
    const out = lines.join('');
    expect(out).not.toContain(TOKEN);
    expect(out).toContain('[redacted]');
  });
});
