/**
 * A PostgreSQL restart while serving (issue 18): for its duration requests fail cleanly with 503
 * and Retry-After — a German page, problem details in the API, /healthz 503, no 500 and no crash
 * — and the app recovers without being restarted. The test runs its own PostgreSQL cluster
 * (initdb in a temporary directory; as the postgres user when run as root, as initdb requires)
 * and its own app server (the production build) on it, so the shared servers are not touched.
 * Runs once (mit-js): it works at HTTP level.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from './helpers/servers';

const root = path.resolve(import.meta.dirname, '..', '..');

function postgresBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(base, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'pg_ctl')));
  if (!found) throw new Error('PostgreSQL server binaries (pg_ctl, initdb) not found under /usr/lib/postgresql');
  return found;
}

/** Runs a PostgreSQL tool, as the postgres user when we are root (initdb refuses root). */
function pgTool(tool: string, args: string[]) {
  const command = path.join(postgresBin(), tool);
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
}

test.describe.configure({ mode: 'serial' });

test('a PostgreSQL restart while serving: 503 with Retry-After for its duration, then recovery without a restart', async ({ request }) => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-pg-fault-'));
  const dataDir = path.join(dir, 'cluster');
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres', dir]);
  const pgPort = await freePort();
  const appPort = await freePort();
  const pgOptions = `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const startPostgres = () => pgTool('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'postgres.log'), '-o', pgOptions, '-w', 'start']);
  const stopPostgres = (mode: 'fast' | 'immediate') => pgTool('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
  let app: ChildProcess | null = null;
  let appExit: number | null = null;
  try {
    pgTool('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    startPostgres();
    const origin = `http://127.0.0.1:${appPort}`;
    app = spawn(process.execPath, [path.join(root, 'build', 'index.js')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(appPort),
        HOST: '127.0.0.1',
        ORIGIN: origin,
        DATABASE_URL: `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        MAINTENANCE: '0',
      },
      stdio: 'ignore',
    });
    app.on('exit', (code) => (appExit = code ?? -1));

    // First start: migrations and Herne's catalogues on the new server.
    await expect
      .poll(async () => (await request.get(`${origin}/healthz`).catch(() => null))?.status() ?? 0, { timeout: 120_000, intervals: [500] })
      .toBe(200);
    expect((await request.get(`${origin}/suche?q=Kita`)).status()).toBe(200);

    stopPostgres('fast');
    // Pages, the API and the health check say "not now" — each a fresh URL, so no cache answers.
    const page = await request.get(`${origin}/suche?q=Sprachkurs`);
    expect(page.status()).toBe(503);
    expect(page.headers()['retry-after']).toBe('10');
    expect(page.headers()['cache-control']).toBe('no-store');
    expect(await page.text()).toContain('Vorübergehend nicht erreichbar');
    const english = await request.get(`${origin}/akteure?lang=en`);
    expect(english.status()).toBe(503);
    expect(await english.text()).toContain('Temporarily unavailable');
    const api = await request.get(`${origin}/api/v1/catalogues`);
    expect(api.status()).toBe(503);
    expect(api.headers()['content-type']).toContain('application/problem+json');
    expect(api.headers()['retry-after']).toBe('10');
    expect(await api.json()).toMatchObject({ status: 503, title: 'Vorübergehend nicht verfügbar' });
    expect((await request.get(`${origin}/healthz`)).status()).toBe(503);
    expect(appExit, 'the app must keep running while the database is down').toBeNull();

    startPostgres();
    // Back without restarting the app: the pool reconnects on the next request.
    await expect
      .poll(async () => (await request.get(`${origin}/suche?q=Eltern`)).status(), { timeout: 30_000, intervals: [500] })
      .toBe(200);
    expect((await request.get(`${origin}/api/v1/catalogues`)).status()).toBe(200);
    expect((await request.get(`${origin}/healthz`)).status()).toBe(200);
    expect(appExit).toBeNull();
  } finally {
    app?.kill('SIGKILL');
    try {
      stopPostgres('immediate');
    } catch {
      /* not running */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
