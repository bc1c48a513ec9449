import fs from 'node:fs';
import path from 'node:path';
import { ImportError, type SourceFile } from './types';

/**
 * Reads a source file for import, refusing what is not a text document: binary content (NUL
 * bytes) and invalid UTF-8 are reported with the line where they occur.
 */
export function decodeSource(name: string, bytes: Uint8Array): SourceFile {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = countLines(bytes.subarray(0, nul));
    throw new ImportError('Binärdatei – erwartet wird ein Textdokument (UTF-8).', name, line);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = firstInvalidUtf8Line(bytes);
    throw new ImportError('Keine gültige UTF-8-Kodierung.', name, line);
  }
  if (!text.trim()) throw new ImportError('Die Datei ist leer.', name, 1);
  return { name, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}

export function readSourceFile(file: string): SourceFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(code === 'ENOENT' ? 'Datei nicht gefunden.' : `Datei nicht lesbar (${code}).`, path.basename(file));
  }
  return decodeSource(path.basename(file), bytes);
}

function countLines(bytes: Uint8Array): number {
  let lines = 1;
  for (const b of bytes) if (b === 10) lines++;
  return lines;
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  // Decode line by line; the first line that fails is the one to report.
  let start = 0;
  let line = 1;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      start = i + 1;
      line++;
    }
  }
  return line;
}
