/**
 * Two app instances on one PostgreSQL (issue 18): started at the same moment on an empty
 * database they migrate and import once; a session from one is valid on the other; failed
 * logins on one lock the account on the other (counters live in the database); catalogue,
 * measure and search answers are identical. Runs the production build twice on a database of
 * its own at 127.0.0.1:5432 (the server CI provides); once, in mit-js: it works at HTTP level.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { freePort } from './helpers/servers';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..', '..');
const SERVER = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const EDITOR = { email: 'zwei-instanzen@test.example', password: 'Zwei Instanzen für Herne 2026' };

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function signIn(api: APIRequestContext, origin: string, password = EDITOR.password) {
  return api.post(`${origin}/anmelden`, {
    form: { email: EDITOR.email, password, weiter: '/admin' },
    headers: { origin, accept: 'text/html' },
    maxRedirects: 0,
  });
}

test('two instances on one PostgreSQL: one import, shared sessions and lockouts, identical answers', async () => {
  test.setTimeout(240_000);
  const name = `vielfalt_two_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await admin(`CREATE DATABASE "${name}"`);
  const apps: ChildProcess[] = [];
  const contexts: APIRequestContext[] = [];
  try {
    // The editor first (the CLI migrates the empty database; the seed import is left to the servers).
    const created = spawnSync(
      process.execPath,
      [path.join(root, 'bin', 'vielfalt.js'), 'user', 'create', '--email', EDITOR.email, '--name', 'Zwei Instanzen', '--role', 'redaktion', '--password', EDITOR.password],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }, encoding: 'utf8' },
    );
    expect(created.status, created.stderr).toBe(0);

    const ports = [await freePort(), await freePort()];
    const origins = ports.map((p) => `http://127.0.0.1:${p}`);
    for (const [i, port] of ports.entries())
      apps.push(
        spawn(process.execPath, [path.join(root, 'build', 'index.js')], {
          cwd: root,
          env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origins[i], DATABASE_URL: databaseUrl, NODE_ENV: 'production', LOG_LEVEL: 'silent' },
          stdio: 'ignore',
        }),
      );
    const [a, b] = [await playwrightRequest.newContext(), await playwrightRequest.newContext()];
    contexts.push(a!, b!);
    for (const [i, api] of [a!, b!].entries())
      await expect
        .poll(async () => (await api.get(`${origins[i]}/healthz`).catch(() => null))?.status() ?? 0, { timeout: 120_000, intervals: [500] })
        .toBe(200);
    // Both started on an empty database at once: the catalogues were imported exactly once.
    const check = new pg.Client({ connectionString: databaseUrl });
    await check.connect();
    const counts = (await check.query('select (select count(*)::int from catalogues) as catalogues, (select count(*)::int from import_runs) as runs')).rows[0];
    await check.end();
    expect(counts).toEqual({ catalogues: 3, runs: 1 });

    // Identical answers from both.
    for (const resource of ['/api/v1/catalogues', '/api/v1/measures?q=Sprachkurs', '/api/v1/measures?zielgruppe=eltern&sort=nummer&page=2']) {
      const [fromA, fromB] = await Promise.all([a!.get(`${origins[0]}${resource}`), b!.get(`${origins[1]}${resource}`)]);
      expect(fromA.status(), resource).toBe(fromB.status());
      // Links are absolute, with each instance's own origin: compare without it.
      const [bodyA, bodyB] = [(await fromA.text()).replaceAll(origins[0]!, 'ORIGIN'), (await fromB.text()).replaceAll(origins[1]!, 'ORIGIN')];
      expect(JSON.parse(bodyA), resource).toEqual(JSON.parse(bodyB));
    }
    const searchA = await (await a!.get(`${origins[0]}/suche?q=Sprachkurs`)).text();
    const searchB = await (await b!.get(`${origins[1]}/suche?q=Sprachkurs`)).text();
    const hits = (html: string) => [...html.matchAll(/href="(\/kataloge\/[^"#?]+\/massnahme\/[^"#?]+)"/g)].map((m) => m[1]);
    expect(hits(searchA).length).toBeGreaterThan(3);
    expect(hits(searchB)).toEqual(hits(searchA));

    // A session made on A is valid on B.
    const login = await signIn(a!, origins[0]!);
    expect(login.status()).toBe(303);
    const cookie = login.headers()['set-cookie']!.split(';')[0]!;
    const onB = await b!.get(`${origins[1]}/admin`, { headers: { cookie }, maxRedirects: 0 });
    expect(onB.status()).toBe(200);
    expect(await onB.text()).toContain('Zwei Instanzen');

    // Failed logins on A lock the account on B too (new visitors: no session cookie along).
    const [strangerA, strangerB] = [await playwrightRequest.newContext(), await playwrightRequest.newContext()];
    contexts.push(strangerA, strangerB);
    for (let n = 0; n < 5; n++) expect((await signIn(strangerA, origins[0]!, 'falsches Passwort')).status()).toBe(400);
    const locked = await signIn(strangerB, origins[1]!);
    expect(locked.status()).toBe(429);
    expect(await locked.text()).toContain('Zu viele Fehlversuche');
  } finally {
    for (const app of apps) app.kill('SIGKILL');
    for (const c of contexts) await c.dispose();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
  }
});
