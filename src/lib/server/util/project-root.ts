import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds a path that ships with the project (migrations, demo sources) by walking up from this
 * module: works from src/ (tsx, Vitest) and from the built server in build/server/chunks.
 * Falls back to the working directory.
 */
export function projectPath(relative: string, marker = relative): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, marker))) return path.join(dir, relative);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.resolve(relative);
}
