/**
 * The listen errors of `npm run start:http`, said as the settings to change: node's errno alone ("listen
 * EADDRINUSE", "getaddrinfo ENOTFOUND") did not name HOST or PORT.
 */
import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ListenError, listenError } from '../../src/http/listenError.ts';
import { createInteractionsServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logger.ts';
import { realAnswerer } from '../discord/harness.ts';
import { testKeys } from './helpers.ts';

/** node's error for `code`, as server.listen emits it. */
const nodeError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('listenError', () => {
  test.each([
    ['EADDRINUSE', 'listen EADDRINUSE: address already in use 127.0.0.1:3000', 'set PORT to a free port'],
    ['EACCES', 'listen EACCES: permission denied 127.0.0.1:80', 'set PORT to a port from 1024 to 65535'],
    ['EADDRNOTAVAIL', 'listen EADDRNOTAVAIL: address not available 10.255.255.1:3000', 'is not an address of this'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND 999.1.1.1', 'no host name by that name could be resolved'],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN example.invalid', 'no host name by that name could be resolved'],
  ])('%s names the setting and what to set', (code, message, advice) => {
    const error = listenError(nodeError(code, message), '10.255.255.1', 3000);
    expect(error).toBeInstanceOf(ListenError);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^start:http cannot listen on 10\.255\.255\.1:3000: /);
    expect(error.message).toContain(advice);
    expect(error.message).toMatch(code === 'EADDRINUSE' || code === 'EACCES' ? /\bPORT\b/ : /set HOST to 127\.0\.0\.1/);
    expect(error.message).not.toContain(code);
  });

  test('an unknown error keeps node message and still points at HOST and PORT', () => {
    const error = listenError(nodeError('EWHATEVER', 'listen EWHATEVER'), '::1', 4000);
    expect(error.message).toContain('listen EWHATEVER');
    expect(error.message).toContain('Check HOST and PORT');
  });
});

// Bug fixed: with the port taken, start:http died with "listen EADDRINUSE …" and no word of PORT.
test('listening on a port another program holds rejects with a ListenError that says to set PORT', async () => {
  const other = createServer();
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const address = other.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const server = createInteractionsServer({
    config: loadConfig({ DISCORD_PUBLIC_KEY: testKeys().publicKeyHex }),
    answerer: realAnswerer(),
    logger: createLogger('silent'),
  });
  try {
    const listening = server.listen(port, '127.0.0.1');
    await expect(listening).rejects.toBeInstanceOf(ListenError);
    await expect(listening).rejects.toThrow(`PORT ${port} is already in use on HOST 127.0.0.1`);
  } finally {
    await server.close();
    await new Promise<void>((resolve) => other.close(() => resolve()));
  }
});
