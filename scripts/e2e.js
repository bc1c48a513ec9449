// Runs the Playwright end-to-end tests in Debian's Chromium. Without a browser it says so and
// skips (exit 0) — unless REQUIRE_E2E=1, where a missing browser is a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuilt, root } from './lib/build.js';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  const message =
    `End-to-end-Tests übersprungen: kein Chromium unter ${chromium}.\n` +
    '  Installieren: apt-get update && apt-get install -y chromium   (oder CHROMIUM_PATH setzen)';
  if (process.env.REQUIRE_E2E === '1') {
    console.error(`FEHLER (REQUIRE_E2E=1): ${message}`);
    process.exit(1);
  }
  console.warn(message);
  process.exit(0);
}
// Build before Playwright starts the server, so its start-up timeout covers only the start.
ensureBuilt({ quiet: true });
const result = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } },
);
process.exit(result.status ?? 1);
