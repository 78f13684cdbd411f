/**
 * Folder creation for the store's files (src/store/folder.ts): missing parents are made one level at a time, and a
 * filesystem that takes no new folders (/proc) fails at once instead of looping like Node 20's recursive mkdir.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { makeFolder, NoNewFolderError } from '../../src/store/folder.ts';

const folders: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'iqtibas-folder-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('makeFolder', () => {
  test('makes every missing level under the nearest existing folder', () => {
    const target = join(tempDir(), 'a', 'b', 'c');
    makeFolder(target);
    expect(statSync(target).isDirectory()).toBe(true);
  });

  test('an existing folder is left as it is', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'kept'));
    writeFileSync(join(dir, 'kept', 'file'), 'x');
    makeFolder(join(dir, 'kept'));
    expect(statSync(join(dir, 'kept', 'file')).isFile()).toBe(true);
  });

  test('a file on the way names that file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain-file'), '');
    expect(() => makeFolder(join(dir, 'plain-file', 'sub', 'deeper'))).toThrow(
      `${join(dir, 'plain-file')} is a file, not a folder`,
    );
    expect(() => makeFolder(join(dir, 'plain-file'))).toThrow('is a file, not a folder');
  });

  // Before: mkdirSync('/proc/nonexist', { recursive: true }) never returned (100% CPU).
  test.skipIf(process.platform !== 'linux')('under /proc it fails at once, naming /proc', () => {
    const started = performance.now();
    const error = (() => {
      try {
        makeFolder('/proc/nonexist/a/b');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(NoNewFolderError);
    expect((error as NoNewFolderError).parent).toBe('/proc');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
