// `npm run screenshots`: the pages citizens see most, desktop (1280 px) and phone (360 px), into
// docs/screenshots/ — to look at before a release, and for the README. Serves the production
// build on a fresh data directory (scripts/serve-e2e.js) and drives Debian's Chromium.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { root } from './lib/build.js';

const port = Number(process.env.SCREENSHOT_PORT || 4390);
const base = `http://127.0.0.1:${port}`;
const out = path.join(root, 'docs', 'screenshots');

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'results', path: '/suche?q=Sprachf%C3%B6rderung' },
  { name: 'results-filtered', path: '/suche?q=Kinder&katalog=integrationskonzept&handlungsfeld=bildung' },
  { name: 'measure', path: null, from: '/suche?q=Sprachf%C3%B6rderung' },
  { name: 'catalogue-organisation', path: '/kataloge/diversity-massnahmenkatalog?ansicht=organisation' },
  { name: 'actor', path: '/akteure/volkshochschule-herne' },
];
const VIEWPORTS = [
  { suffix: 'desktop', width: 1280, height: 900 },
  { suffix: 'phone', width: 360, height: 780 },
];

async function waitForServer(deadline) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Server unter ${base} nicht erreichbar.`);
}

const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve-e2e.js')], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitForServer(Date.now() + 180_000);
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport, locale: 'de-DE' });
      const page = await context.newPage();
      for (const p of PAGES) {
        if (p.path) await page.goto(base + p.path);
        else {
          await page.goto(base + p.from);
          await page.locator('main a[href*="/massnahme/"]').first().click();
        }
        await page.waitForLoadState('networkidle');
        const file = path.join(out, `${p.name}-${viewport.suffix}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(path.relative(root, file));
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  server.kill('SIGTERM');
}
