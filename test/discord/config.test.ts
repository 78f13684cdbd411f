import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { TOKEN } from './fixtures.ts';

describe('loadConfig', () => {
  test('no token means terminal mode: everything optional, log level defaults to info', () => {
    expect(loadConfig({})).toEqual({ logLevel: 'info' });
  });

  test('blank values (KEY= in .env) count as absent; values are trimmed', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ', LOG_LEVEL: ' DEBUG ' })).toEqual({
      logLevel: 'debug',
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
      }),
    ).toEqual({
      discordToken: TOKEN,
      discordClientId: '123456789012345678',
      discordGuildId: '223456789012345678',
      discordApiUrl: 'http://127.0.0.1:9999/api',
      logLevel: 'warn',
    });
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
