import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataDirectory, DataDirectoryError } from './data-dir';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-datadir-'));

/** fs with one function failing the way a read-only mount, missing rights or a full disk does. */
function failing(name: 'mkdirSync' | 'openSync' | 'writeSync' | 'fsyncSync', code: string) {
  return {
    ...fs,
    [name]: () => {
      throw Object.assign(new Error(`${code}: simulated`), { code });
    },
  } as typeof fs;
}

function messageOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataDirectoryError);
    return (error as Error).message;
  }
  throw new Error('expected DataDirectoryError');
}

describe('checkDataDirectory', () => {
  it('creates a missing directory and leaves nothing behind', () => {
    const dir = path.join(tmp(), 'neu', 'data');
    checkDataDirectory(dir, { minFreeBytes: 1 });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a file where the directory should be: German message, no stack of errno', () => {
    const file = path.join(tmp(), 'datei');
    fs.writeFileSync(file, 'x');
    expect(messageOf(() => checkDataDirectory(path.join(file, 'data')))).toMatch(/^Das Datenverzeichnis .* ist kein Verzeichnis .*DATA_DIR/);
  });

  it.each([
    ['mkdirSync', 'EROFS', /schreibgeschützten Datenträger/],
    ['openSync', 'EACCES', /Keine Schreibrechte im Datenverzeichnis/],
    ['writeSync', 'ENOSPC', /kein Platz mehr/],
    ['fsyncSync', 'EIO', /ist nicht nutzbar \(EIO\)/],
  ] as const)('%s failing with %s is explained in German', (name, code, expected) => {
    const dir = tmp();
    expect(messageOf(() => checkDataDirectory(dir, { fileSystem: failing(name, code), minFreeBytes: 1 }))).toMatch(expected);
    // A failed write does not leave its probe file behind.
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses to start with less free space than a store needs', () => {
    expect(messageOf(() => checkDataDirectory(tmp(), { minFreeBytes: Number.MAX_SAFE_INTEGER }))).toMatch(/zu wenig Platz: \d+ MB frei, mindestens \d+ MB nötig/);
  });
});
