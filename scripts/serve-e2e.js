// Serves the production build for end-to-end tests: a fresh PGlite data directory per run,
// Herne's catalogues imported on first start, test-only routes enabled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from './lib/build.js';

ensureBuilt({ quiet: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-e2e-'));
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
process.env.VIELFALT_E2E = '1';
// adapter-node assumes https without ORIGIN; the browser posts from http://127.0.0.1:PORT (CSRF check).
process.env.ORIGIN ||= `http://127.0.0.1:${process.env.PORT || 3000}`;
process.env.LOG_LEVEL ||= 'silent';
// The shared suite signs administrators in directly; the second factor's requirement is tested
// by tests/e2e/second-factor.spec.ts on a server of its own with the default setting.
process.env.MFA_REQUIRED_ROLES ??= '';
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
await import(pathToFileURL(path.join(root, 'build', 'index.js')).href);
