import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const GROUP_AND_OTHERS = 0o077;

/**
 * Makes the SQLite file, before the driver opens it, readable by its owner alone: it holds the
 * password hashes and session digests. A new folder is made 0700 and a new file 0600 (SQLite
 * gives its -wal and -shm files the database file's mode). An existing file, or a -wal/-shm
 * left by an earlier run, that others may read is tightened to the owner's bits; an existing
 * folder is left as it is (it may be shared, e.g. the working directory).
 */
export function preparePrivateSqliteFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) tightenIfShared(path);
}

function tightenIfShared(path: string): void {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if ((mode & GROUP_AND_OTHERS) === 0) return;
  try {
    chmodSync(path, mode & 0o700);
  } catch (error) {
    // Another user's file: its owner chose the mode; the driver still opens it.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}
