import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

const e2e = (env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'e2e.js')], {
    cwd: ROOT,
    env: { ...process.env, CHROMIUM_PATH: '/nicht/vorhanden/chromium', ...env },
    encoding: 'utf8',
  });

describe('end-to-end runner without a browser', () => {
  it('says plainly that end-to-end tests were skipped and how to install Chromium', () => {
    const r = e2e({ REQUIRE_E2E: '' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/End-to-end-Tests übersprungen: kein Chromium unter \/nicht\/vorhanden\/chromium/);
    expect(r.stderr).toMatch(/apt-get install -y chromium/);
  });

  it('fails when end-to-end tests are required (CI)', () => {
    const r = e2e({ REQUIRE_E2E: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/FEHLER \(REQUIRE_E2E=1\)/);
  });
});
