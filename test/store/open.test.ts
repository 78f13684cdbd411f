import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { RecordingConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { openStore, StoreOpenError } from '../../src/store/open.ts';
import { answerEvent } from './contract.ts';

const folders: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'iqtibas-open-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});

const recording = (over: Partial<RecordingConfig> = {}): RecordingConfig => ({
  enabled: true,
  databasePath: join(tempDir(), 'data', 'iqtibas.sqlite'),
  retentionDays: 90,
  recordDms: false,
  ...over,
});
const logger = createLogger('silent');

describe('openStore', () => {
  test('RECORD=off opens nothing', async () => {
    const config = recording({ enabled: false });
    expect(await openStore(config, logger)).toBe(undefined);
    expect(() => statSync(config.databasePath)).toThrow(/ENOENT/);
  });

  test('without DATABASE_URL it opens the SQLite file, creating its folder', async () => {
    const config = recording();
    const store = await openStore(config, logger);
    expect(await store?.recordQuestion(answerEvent())).toBe(1);
    await store?.close();
    expect(statSync(config.databasePath).isFile()).toBe(true);
  });

  test('a folder that cannot be created names DATABASE_PATH', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain-file'), '');
    const error = await openStore(recording({ databasePath: join(dir, 'plain-file', 'x.sqlite') }), logger).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toMatch(/^DATABASE_PATH \(.*x\.sqlite\): the folder .* cannot be created/);
  });

  // Root ignores file modes, so this one only runs as an ordinary user.
  test.skipIf(process.getuid?.() === 0)(
    'a read-only folder names DATABASE_PATH and says it is not writable',
    async () => {
      const dir = join(tempDir(), 'ro');
      mkdirSync(dir);
      chmodSync(dir, 0o500);
      const error = await openStore(recording({ databasePath: join(dir, 'x.sqlite') }), logger).catch(
        (e: unknown) => e,
      );
      expect((error as Error).message).toMatch(/^DATABASE_PATH \(.*\): the folder .* is not writable/);
    },
  );

  test('a file that is not a database names DATABASE_PATH', async () => {
    const config = recording();
    mkdirSync(join(config.databasePath, '..'), { recursive: true });
    writeFileSync(config.databasePath, 'hello '.repeat(1000));
    const error = await openStore(config, logger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toMatch(
      /^DATABASE_PATH \(.*\): cannot open the SQLite store \(file is not a database\)/,
    );
  });
});
