/** Reads and writes dump files; a name ending in .gz is gzip-compressed (node:zlib). */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { BackupFormatError } from './format';

export function writeBackupFile(file: string, text: string): number {
  const bytes = file.endsWith('.gz') ? zlib.gzipSync(text) : Buffer.from(text, 'utf8');
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
  return bytes.length;
}

export function readBackupFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new BackupFormatError(`Die Datei „${file}“ lässt sich nicht lesen (${(error as NodeJS.ErrnoException).code ?? 'Fehler'}).`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = zlib.gunzipSync(bytes);
    } catch {
      throw new BackupFormatError(`Die Datei „${file}“ ist kein gültiges gzip-Archiv.`);
    }
  }
  return bytes.toString('utf8');
}
