// Builds the SvelteKit app when the sources changed since the last build (content hash), so
// `npm start` works on a fresh clone and stays fast afterwards.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];
const STAMP = path.join(root, 'build', '.source-hash');

function* files(p) {
  if (!fs.existsSync(p)) return;
  const stat = fs.statSync(p);
  if (stat.isFile()) {
    yield p;
    return;
  }
  for (const entry of fs.readdirSync(p).sort()) {
    if (entry.endsWith('.test.ts')) continue;
    yield* files(path.join(p, entry));
  }
}

export function sourceHash() {
  const hash = crypto.createHash('sha256');
  for (const input of INPUTS)
    for (const file of files(path.join(root, input))) hash.update(path.relative(root, file)).update(fs.readFileSync(file));
  return hash.digest('hex');
}

export function ensureBuilt({ quiet = false } = {}) {
  const hash = sourceHash();
  if (fs.existsSync(path.join(root, 'build', 'index.js')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash) return;
  if (!quiet) console.log('Vielfalt wird gebaut (einmalig nach Änderungen) …');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: root,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  if (result.status !== 0) {
    console.error('Der Build ist fehlgeschlagen.');
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(STAMP, hash);
}
