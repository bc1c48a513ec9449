import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { preparedDataDir, ROOT, runCli } from '../helpers/cli';

const dirs: string[] = [];
const dataDir = () => {
  const d = preparedDataDir();
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('vielfalt CLI', () => {
  it('prints help for every command and exits 0', async () => {
    for (const args of [['--help'], ['migrate', '--help'], ['import', '--help'], ['user', 'create', '--help']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: vielfalt/);
    }
  });

  it('refuses unknown commands and formats with exit code 2', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const r = await runCli(['import', '--format', 'xml', 'x.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unbekanntes Format „xml“/);
  });

  it('migrates a fresh data directory (initdb included)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-fresh-'));
    dirs.push(dir);
    const r = await runCli(['migrate'], { DATA_DIR: dir });
    expect(r.stderr).toBe(`Datenbank: PGlite (${dir})\n`);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'db', 'PG_VERSION'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'vielfalt.lock'))).toBe(false);
  }, 60_000);

  it('creates users, keeps them across restarts and explains bad input in German', async () => {
    const dir = dataDir();
    const weak = await runCli(['user', 'create', '--email', 'a@herne.de', '--password', 'kurz'], { DATA_DIR: dir });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/mindestens 12 Zeichen/);
    const badEmail = await runCli(['user', 'create', '--email', 'keine-adresse', '--password', 'Grüne Bäume am Kanal'], { DATA_DIR: dir });
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toMatch(/gültige E-Mail-Adresse/);

    const ok = await runCli(['user', 'create', '--admin', '--email', 'Admin@Herne.de', '--password', 'Grüne Bäume am Kanal'], { DATA_DIR: dir });
    expect(ok.stdout).toBe('Konto angelegt: admin@herne.de (Rolle: admin)\n');
    expect(ok.code).toBe(0);
    // A new process sees the account: the data survived the restart.
    const again = await runCli(['user', 'create', '--email', 'admin@herne.de', '--password', 'Grüne Bäume am Kanal'], { DATA_DIR: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bereits ein Konto/);
  });

  it('reads the password from standard input when none is given', async () => {
    const dir = dataDir();
    const r = await runCli(['user', 'create', '--email', 'redaktion@herne.de'], { DATA_DIR: dir }, 'Lange Passphrase für Herne\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Rolle: redaktion/);
  });

  it('tells a second process that the database is in use and leaves the store intact', async () => {
    const dir = dataDir();
    // A first process holds the database open (as `npm start` would).
    const holder: ChildProcess = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import { openDatabase } from './src/lib/server/db/index.ts';
         const d = await openDatabase({ engine: 'pglite', dataDir: ${JSON.stringify(dir)} });
         process.stdout.write('ready\\n');
         process.stdin.on('data', async () => { await d.close(); process.exit(0); });`,
      ],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.on('data', (d) => String(d).includes('ready') && resolve()));
    try {
      const r = await runCli(['user', 'create', '--email', 'x@herne.de', '--password', 'Grüne Bäume am Kanal'], { DATA_DIR: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Datenbank wird bereits verwendet \(Prozess \d+\)/);
    } finally {
      holder.stdin!.write('stop\n');
      await new Promise((resolve) => holder.on('close', resolve));
    }
    // After the holder stopped, the store opens fine and the refused write did not happen.
    const r = await runCli(['user', 'create', '--email', 'x@herne.de', '--password', 'Grüne Bäume am Kanal'], { DATA_DIR: dir });
    expect(r.code).toBe(0);
  });

  it('takes over a stale lock left by a crashed process', async () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, 'vielfalt.lock'), `999999\n${os.hostname()}\n`);
    const r = await runCli(['migrate'], { DATA_DIR: dir });
    expect(r.code).toBe(0);
  });
});
