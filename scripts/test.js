// `npm test`: unit and integration tests (Vitest), then end-to-end tests (Playwright in Debian's
// Chromium; skipped with a clear message when there is no browser, unless REQUIRE_E2E=1).
// Ends with one summary line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './lib/build.js';
import { playwrightCounts, summaryLine, vitestCounts } from './lib/counts.js';

const reports = path.join(root, '.tmp', 'reports');
fs.mkdirSync(reports, { recursive: true });
const vitestReport = path.join(reports, 'vitest.json');
const playwrightReport = path.join(reports, 'playwright.json');
fs.rmSync(vitestReport, { force: true });
fs.rmSync(playwrightReport, { force: true });

function run(label, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const unit = run('Unit- und Integrationstests (Vitest)', [
  path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const e2e = run('End-to-end-Tests (Playwright, Chromium)', [path.join(root, 'scripts', 'e2e.js'), '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
});
console.log(`\nVitest: ${unit === 0 ? 'bestanden' : 'FEHLGESCHLAGEN'}, End-to-end: ${e2e === 0 ? 'bestanden' : 'FEHLGESCHLAGEN'}`);
console.log(`Tests: ${summaryLine(vitestCounts(vitestReport), playwrightCounts(playwrightReport))}`);
process.exit(unit || e2e);
