// `npm run bench -- <name> [options]`: runs bench/<name>.ts with tsx (benchmarks are never
// timed tests). Example: `npm run bench -- search --measures 10000 --rounds 10`; set
// DATABASE_URL to measure PostgreSQL as well (a temporary database is created and dropped).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './lib/build.js';

const [name, ...rest] = process.argv.slice(2);
const available = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`Aufruf: npm run bench -- <${available.join('|')}> [Optionen]`);
  process.exit(name ? 1 : 0);
}
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const result = spawnSync(process.execPath, [tsx, path.join(root, 'bench', `${name}.ts`), ...rest], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL || 'silent' },
});
process.exit(result.status ?? 1);
