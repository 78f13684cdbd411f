/**
 * Folder creation for the store's files without Node's recursive mkdir, which never returns under /proc.
 */
import { mkdirSync, type Stats, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** mkdir answered ENOENT although `parent` exists: a pseudo-filesystem (/proc) that takes no new folders. */
export class NoNewFolderError extends Error {
  constructor(
    readonly parent: string,
    options: { cause: unknown },
  ) {
    super(`${parent} takes no new folders`, options);
    this.name = 'NoNewFolderError';
  }
}

/**
 * Creates `folder` and its missing parents one level at a time, from the nearest existing ancestor down. Not
 * `mkdirSync(folder, { recursive: true })`: under /proc, mkdir answers ENOENT although the parent exists, and Node
 * 20's recursive mkdir then retries forever at 100% CPU (DATABASE_PATH=/proc/nonexist/x.db hung the start).
 *
 * @throws {@link NoNewFolderError} when mkdir answers ENOENT under an existing folder; an Error when an ancestor is a
 *   file; else mkdir's or stat's own error (EACCES, EROFS, ...).
 */
export function makeFolder(folder: string): void {
  const missing: string[] = [];
  for (let current = folder; ; ) {
    let stats: Stats | undefined;
    try {
      stats = statSync(current);
    } catch (error) {
      // ENOTDIR: a file further up, which the walk reaches and names.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    }
    if (stats) {
      if (!stats.isDirectory()) throw new Error(`${current} is a file, not a folder`);
      break;
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another process made it meanwhile: fine (if it is not a folder, the next mkdir or open says so).
      if (code === 'EEXIST') continue;
      if (code === 'ENOENT') throw new NoNewFolderError(dirname(dir), { cause: error });
      throw error;
    }
  }
}
