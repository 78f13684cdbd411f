import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { hashUser, keyPathOf, resolveUserHashSecret } from '../../src/store/userHash.ts';

const folders: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'iqtibas-key-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('hashUser', () => {
  test('is HMAC-SHA256 of the id keyed with the secret, as 64 hex characters', () => {
    const expected = createHmac('sha256', 'secret-of-sixteen+').update('123456789012345678').digest('hex');
    expect(hashUser('secret-of-sixteen+', '123456789012345678')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  test('is stable for one key, differs across ids, and differs across keys', () => {
    const a = hashUser('key-one-0123456789', '123456789012345678');
    expect(hashUser('key-one-0123456789', '123456789012345678')).toBe(a);
    expect(hashUser('key-one-0123456789', '123456789012345679')).not.toBe(a);
    expect(hashUser('key-two-0123456789', '123456789012345678')).not.toBe(a);
    expect(a).not.toContain('123456789012345678');
  });
});

describe('resolveUserHashSecret', () => {
  test('USER_HASH_SECRET wins, and no key file is created', () => {
    const databasePath = join(tempDir(), 'feedback.sqlite');
    expect(resolveUserHashSecret({ databasePath, userHashSecret: 'configured-secret-value' })).toBe(
      'configured-secret-value',
    );
    expect(() => statSync(keyPathOf(databasePath))).toThrow(/ENOENT/);
  });

  test('without it, a 32-byte key is created once in <databasePath>.key with mode 0600 (folder created), then reused', () => {
    const databasePath = join(tempDir(), 'nested', 'feedback.sqlite');
    const key = resolveUserHashSecret({ databasePath });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const keyPath = `${databasePath}.key`;
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyPath, 'utf8')).toBe(`${key}\n`);
    expect(resolveUserHashSecret({ databasePath })).toBe(key);
    expect(resolveUserHashSecret({ databasePath: join(tempDir(), 'other.sqlite') })).not.toBe(key);
  });

  test('later calls read the same key back and leave no temporary file next to it', () => {
    const dir = tempDir();
    const databasePath = join(dir, 'feedback.sqlite');
    const keys = Array.from({ length: 5 }, () => resolveUserHashSecret({ databasePath }));
    expect(new Set(keys).size).toBe(1);
    expect(readdirSync(dir)).toEqual(['feedback.sqlite.key']);
  });

  test('with DATABASE_URL and no secret it refuses, telling to set USER_HASH_SECRET', () => {
    expect(() =>
      resolveUserHashSecret({ databasePath: join(tempDir(), 'x.sqlite'), databaseUrl: 'postgres://h/db' }),
    ).toThrow(/USER_HASH_SECRET must be set when DATABASE_URL is used/);
  });

  test('a key file that does not hold a key is an error naming the file, not a silent new key', () => {
    const databasePath = join(tempDir(), 'feedback.sqlite');
    writeFileSync(`${databasePath}.key`, 'oops\n');
    expect(() => resolveUserHashSecret({ databasePath })).toThrow(/feedback\.sqlite\.key does not hold a key/);
  });

  test('a path under a file (no folder possible) is an error naming the key file and USER_HASH_SECRET', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    expect(() => resolveUserHashSecret({ databasePath: join(dir, 'file', 'feedback.sqlite') })).toThrow(
      /feedback\.sqlite\.key cannot be .*USER_HASH_SECRET/,
    );
  });
});
