/**
 * PGlite does not lock its data directory: a second process on the same directory silently
 * loses writes. This lock file makes the second process fail fast with a clear message instead.
 *
 * The lock is a file created exclusively (O_EXCL) holding the owner's pid. A lock whose process
 * no longer exists is stale (crash, kill -9) and is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DatabaseLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number | null,
  ) {
    super(
      `Datenbank wird bereits verwendet${ownerPid ? ` (Prozess ${ownerPid})` : ''}: ${path.dirname(lockFile)}. ` +
        'Beenden Sie den anderen Vielfalt-Prozess (z. B. „npm start“) oder setzen Sie DATA_DIR auf ein anderes Verzeichnis.',
    );
    this.name = 'DatabaseLockedError';
  }
}

export interface DirectoryLock {
  readonly file: string;
  release(): void;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): { pid: number; host: string } | null {
  try {
    const [pid, host] = fs.readFileSync(file, 'utf8').trim().split('\n');
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, host: host ?? '' } : null;
  } catch {
    return null;
  }
}

const held = new Map<string, DirectoryLock>();

export function acquireDirectoryLock(dir: string, name = 'vielfalt.lock'): DirectoryLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  if (held.has(file)) throw new DatabaseLockedError(file, process.pid);

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n${os.hostname()}\n${new Date().toISOString()}\n`);
      fs.closeSync(fd);
      const onExit = () => {
        try {
          if (readOwner(file)?.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', onExit);
      const lock: DirectoryLock = {
        file,
        release() {
          if (!held.delete(file)) return;
          process.removeListener('exit', onExit);
          onExit();
        },
      };
      held.set(file, lock);
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      const sameHost = !owner?.host || owner.host === os.hostname();
      if (owner && sameHost && !processExists(owner.pid)) {
        // Stale lock of a crashed process: take it over.
        fs.rmSync(file, { force: true });
        continue;
      }
      if (!owner) {
        // Being written right now, or garbage: give the writer a moment, then treat as stale.
        const age = Date.now() - fs.statSync(file).mtimeMs;
        if (age > 5_000) {
          fs.rmSync(file, { force: true });
          continue;
        }
      }
      throw new DatabaseLockedError(file, owner?.pid ?? null);
    }
  }
  throw new DatabaseLockedError(file, readOwner(file)?.pid ?? null);
}
