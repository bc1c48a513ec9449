// `npm test`: unit and integration tests (Vitest), then end-to-end tests (Playwright).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './lib/build.js';

function run(label, args) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

const unit = run('Unit- und Integrationstests (Vitest)', [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run']);
const e2e = run('End-to-end-Tests (Playwright, Chromium)', [path.join(root, 'scripts', 'e2e.js')]);
console.log(`\nErgebnis: Vitest ${unit === 0 ? 'bestanden' : 'FEHLGESCHLAGEN'}, End-to-end ${e2e === 0 ? 'bestanden' : 'FEHLGESCHLAGEN'}`);
process.exit(unit || e2e);
