import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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

  it('an unusable data directory is said in German, with a non-zero exit, before anything is written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-notdir-'));
    dirs.push(dir);
    const file = path.join(dir, 'keine-verzeichnis');
    fs.writeFileSync(file, 'x');
    const r = await runCli(['migrate'], { DATA_DIR: path.join(file, 'data') });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Das Datenverzeichnis .*keine-verzeichnis\/data ist kein Verzeichnis .*DATA_DIR/);
    expect(r.stderr).not.toMatch(/ENOTDIR|at .*\.js:\d+/);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  }, 60_000);

  it('the server’s start-up (startDatabase, run by hooks init; scripts/start.js prints the message and exits 1) refuses it too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-notdir-'));
    dirs.push(dir);
    const file = path.join(dir, 'datei');
    fs.writeFileSync(file, 'x');
    // The server's own start path (hooks init → startDatabase) on the same opener as the CLI.
    const child = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `const { startDatabase } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'src/lib/server/app/instance.ts')).href)});
        try { await startDatabase(); } catch (e) { console.error('Fehler: ' + e.message); process.exit(1); }`],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(file, 'data'), LOG_LEVEL: 'silent', NODE_OPTIONS: '--import tsx' }, encoding: 'utf8' },
    );
    expect(child.status).toBe(1);
    expect(child.stderr).toMatch(/Fehler: Das Datenverzeichnis .* ist kein Verzeichnis/);
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

describe('vielfalt import', () => {
  const herne = (f: string) => path.join(ROOT, 'data', 'sources', 'herne', f);
  const ALL = ['000_3e59e29afaedd339.txt', '004_7af2113a3dd62404.txt', '001_f19880d6793d593d.txt', '003_bbd5bb4a4c8190b2.txt'].map(herne);

  it('--dry-run --format json prints exactly one JSON document in the agreed shape and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-dry-'));
    dirs.push(dir);
    const r = await runCli(['import', '--dry-run', '--format', 'json', ...ALL], { DATA_DIR: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // The annual reviews (002, issue 17) have their own list: empty when none was given.
    expect(Object.keys(doc).sort()).toEqual(['catalogues', 'jahresrueckblicke', 'warnings']);
    expect(doc.jahresrueckblicke).toEqual([]);
    expect(doc.catalogues.map((c: { kind: string }) => c.kind)).toEqual(['integrationskonzept', 'diversity', 'vereinbarungen']);
    const [ik, div, ver] = doc.catalogues;
    expect(ik).toMatchObject({ title: expect.any(String), stand: 'Oktober 2019' });
    const massnahme = ik.handlungsfelder[0].leitziele[0].handlungsziele[0].massnahmen[0];
    expect(Object.keys(massnahme)).toEqual(
      expect.arrayContaining(['nummer', 'text', 'verantwortlich', 'zielgruppe', 'status', 'bemerkungen', 'luecke', 'querverweise', 'quelle']),
    );
    expect(massnahme.quelle).toEqual({ datei: '000_3e59e29afaedd339.txt', zeile: expect.any(Number) });
    expect(Object.keys(div.dimensionen[0].massnahmen[0])).toEqual(
      expect.arrayContaining(['id', 'titel', 'neu', 'wirkrichtung', 'beschreibung', 'ziele_zielgruppen', 'verantwortlich', 'dezernat', 'organisationseinheit', 'quelle']),
    );
    expect(Object.keys(div.kontakte[0])).toEqual(expect.arrayContaining(['organisationseinheit', 'name', 'telefon', 'email']));
    expect(Object.keys(ver.kapitel[0].vereinbarungen[0])).toEqual(
      expect.arrayContaining(['kurztitel', 'kurzvereinbarung', 'bedarf', 'massnahme', 'beteiligte', 'vereinbarung', 'verantwortlich', 'finanzierungsvorbehalt', 'quelle']),
    );
    for (const w of doc.warnings) expect(Object.keys(w)).toEqual(expect.arrayContaining(['datei', 'zeile', 'meldung']));
    // A dry run needs no database at all.
    expect(fs.existsSync(path.join(dir, 'db'))).toBe(false);
  });

  it('prints a text report with counts per Handlungsfeld and warnings with file and line', async () => {
    const r = await runCli(['import', '--dry-run', herne('000_3e59e29afaedd339.txt'), herne('004_7af2113a3dd62404.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Probelauf – nichts wurde gespeichert\./);
    expect(r.stdout).toMatch(/^ {2}- Bildung: \d+ Maßnahmen/m);
    expect(r.stdout).toMatch(/^ {6}- Handlungsziel A1: \d+ Maßnahmen/m);
    expect(r.stdout).toMatch(/^\d+ Hinweise:$/m);
    expect(r.stdout).toMatch(/^ {2}00[04]_\w+\.txt:\d+: /m);
  });

  it('imports into the database, then reports nothing changed on the second run', async () => {
    const dir = dataDir();
    const first = await runCli(['import', ...ALL], { DATA_DIR: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Integrationskonzept: \d+ neu, 0 geändert, 0 unverändert/);
    const second = await runCli(['import', ...ALL], { DATA_DIR: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Integrationskonzept: 0 neu, 0 geändert, \d+ unverändert/);
    expect(second.stdout).toMatch(/Maßnahmen-Katalog: 0 neu, 0 geändert, 84 unverändert/);
  }, 90_000);

  it('names the file and line of a broken file and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-broken-'));
    dirs.push(dir);
    const binary = path.join(dir, 'scan.txt');
    fs.writeFileSync(binary, Buffer.from('Zeile 1\nZeile 2\n\u0000\u0001'));
    const r = await runCli(['import', '--dry-run', binary]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Fehler: scan.txt:3: Binärdatei – erwartet wird ein Textdokument (UTF-8).\n');
    const missing = await runCli(['import', '--dry-run', path.join(dir, 'fehlt.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/fehlt\.txt: Datei nicht gefunden/);
  });
});
