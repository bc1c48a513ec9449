/**
 * Before PGlite opens its store: is the data directory usable? A read-only mount, missing
 * rights, a file where the directory should be or a full disk would otherwise surface as an
 * English errno from deep inside the engine, or — worse — as a half-written store. The check
 * creates the directory, writes, syncs and removes a probe file, and asks the file system how
 * much space is left; each failure becomes one German sentence that says what to do.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Below this, starting would fail at the first larger write (PGlite's WAL segments are 16 MB). */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

export class DataDirectoryError extends Error {
  constructor(
    message: string,
    readonly dir: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'DataDirectoryError';
  }
}

const HINT = 'Setzen Sie DATA_DIR auf ein beschreibbares Verzeichnis oder DATABASE_URL auf einen PostgreSQL-Server.';

function explain(dir: string, error: NodeJS.ErrnoException): DataDirectoryError {
  const code = error.code ?? null;
  switch (code) {
    case 'EROFS':
      return new DataDirectoryError(`Das Datenverzeichnis ${dir} liegt auf einem schreibgeschützten Datenträger. ${HINT}`, dir, code);
    case 'EACCES':
    case 'EPERM':
      return new DataDirectoryError(`Keine Schreibrechte im Datenverzeichnis ${dir}. Prüfen Sie Eigentümer und Rechte des Verzeichnisses. ${HINT}`, dir, code);
    case 'ENOSPC':
    case 'EDQUOT':
      return new DataDirectoryError(`Auf dem Datenträger des Datenverzeichnisses ${dir} ist kein Platz mehr. Geben Sie Speicherplatz frei. ${HINT}`, dir, code);
    case 'ENOTDIR':
    case 'EEXIST':
      return new DataDirectoryError(`Das Datenverzeichnis ${dir} ist kein Verzeichnis (dort oder darüber liegt eine Datei). ${HINT}`, dir, code);
    default:
      return new DataDirectoryError(`Das Datenverzeichnis ${dir} ist nicht nutzbar (${code ?? error.message}). ${HINT}`, dir, code);
  }
}

export interface DataDirectoryOptions {
  minFreeBytes?: number;
  /** The file system functions used (tests pass failing ones: root may write where others may not). */
  fileSystem?: Pick<typeof fs, 'mkdirSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'unlinkSync' | 'statfsSync'>;
}

/** Throws DataDirectoryError unless `dir` exists (or can be created), is writable and has room. */
export function checkDataDirectory(dir: string, options: DataDirectoryOptions = {}): void {
  const files = options.fileSystem ?? fs;
  const minFree = options.minFreeBytes ?? MIN_FREE_BYTES;
  const probe = path.join(dir, `.schreibprobe-${process.pid}`);
  try {
    files.mkdirSync(dir, { recursive: true });
    const fd = files.openSync(probe, 'w');
    try {
      files.writeSync(fd, 'vielfalt\n');
      files.fsyncSync(fd);
    } finally {
      files.closeSync(fd);
      files.unlinkSync(probe);
    }
  } catch (error) {
    throw explain(dir, error as NodeJS.ErrnoException);
  }
  let free: number;
  try {
    const stats = files.statfsSync(dir);
    free = Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return; // No statfs on this platform: the probe write has to do.
  }
  if (free < minFree)
    throw new DataDirectoryError(
      `Auf dem Datenträger des Datenverzeichnisses ${dir} ist zu wenig Platz: ${Math.floor(free / 1024 / 1024)} MB frei, mindestens ${Math.ceil(minFree / 1024 / 1024)} MB nötig. Geben Sie Speicherplatz frei. ${HINT}`,
      dir,
      'ENOSPC',
    );
}
