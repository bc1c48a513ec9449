import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (never a downloaded browser) against the production
// build, served by scripts/serve-e2e.js on a fresh data directory with Herne's catalogues.
const port = Number(process.env.E2E_PORT || 4173);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'de-DE',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'mit-js', use: { javaScriptEnabled: true } },
    // The authorisation matrix, the database fault test and the two-instance test work at HTTP level (no page scripts): they run once, in mit-js.
    // Tests tagged @enhancement check what JavaScript adds: they have nothing to check without it.
    { name: 'ohne-js', use: { javaScriptEnabled: false }, testIgnore: /(authz-matrix|security|page-cache|js-budget|faults|instances)\.spec\.ts/, grepInvert: /@enhancement/ },
  ],
  webServer: {
    command: 'node scripts/serve-e2e.js',
    url: `http://127.0.0.1:${port}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { PORT: String(port), HOST: '127.0.0.1' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
