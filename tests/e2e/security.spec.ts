/**
 * Defects found by a security probe (issue 20), checked over HTTP against a server of this spec's
 * own: it runs with info logging and reads every line the server writes, and it sits behind
 * "TLS" (ORIGIN https), so HSTS must be on its answers. Runs once (mit-js project): nothing here
 * depends on page scripts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { PASSWORD, uniqueEmail } from './helpers/users';

const PORT = Number(process.env.E2E_PORT || 4173) + 7;
const BASE = `http://127.0.0.1:${PORT}`;
const ORIGIN = 'https://vielfalt.example';
const lines: string[] = [];
let server: ChildProcess;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = spawn(process.execPath, [path.join(process.cwd(), 'scripts', 'serve-e2e.js')], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN, LOG_LEVEL: 'info', MAINTENANCE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // serve-e2e.js sets ORIGIN from PORT; this server pretends to sit behind TLS instead.
  for (const stream of [server.stdout!, server.stderr!]) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts.filter(Boolean));
    });
  }
  const deadline = Date.now() + 170_000;
  for (;;) {
    try {
      if ((await fetch(`${BASE}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server on ${PORT} did not start:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

// Form posts as a browser without JavaScript sends them: the site's Origin (SvelteKit's CSRF
// check) and asking for HTML (else SvelteKit answers form actions with JSON).
const post = (request: APIRequestContext, url: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  request.post(`${BASE}${url}`, { form, headers: { origin: ORIGIN, accept: 'text/html', ...headers }, maxRedirects: 0 });

test.use({ baseURL: BASE });

test('the first-start form answers 404 to every method once an account exists, before reading input', async ({ request }) => {
  const mismatched = { email: 'it@herne.example', name: 'IT', password: PASSWORD, confirm: `${PASSWORD}x` };
  const open = await post(request, '/einrichtung', mismatched);
  expect(open.status()).toBe(400);
  expect(await open.text()).toContain('stimmen nicht überein');

  const seeded = await request.post(`${BASE}/test-setup`, {
    data: { users: [{ email: uniqueEmail('setup'), password: PASSWORD, role: 'admin' }] },
  });
  expect(seeded.status()).toBe(200);

  const closed = await post(request, '/einrichtung', mismatched);
  expect(closed.status()).toBe(404);
  expect(await closed.text()).not.toContain('stimmen nicht überein');
  for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
    const response = await request.fetch(`${BASE}/einrichtung`, { method, headers: { origin: ORIGIN }, form: mismatched });
    expect(response.status(), method).toBe(404);
  }
  expect((await request.get(`${BASE}/einrichtung`)).status()).toBe(404);
});

test('a NUL byte in the login e-mail gets a German message, not a 500', async ({ request }) => {
  // (A lone surrogate cannot cross HTTP: UTF-8 has no encoding for it, so it arrives as U+FFFD.)
  for (const email of ['a\u0000b@x.de', '\u0000']) {
    const response = await post(request, '/anmelden', { email, password: 'irgendwas' });
    expect(response.status(), JSON.stringify(email)).toBe(400);
    expect(await response.text()).toContain('nicht gespeichert werden');
  }
});

test('unstorable text anywhere else: a German page, a failed action for enhanced forms, problem+json in the API', async ({ request }) => {
  const page = await post(request, '/vorschlagen', { title: 'Titel\u0000', description: 'Beschreibung einer Maßnahme' });
  expect(page.status()).toBe(400);
  expect(page.headers()['content-type']).toContain('text/html');
  const html = await page.text();
  expect(html).toContain('Ungültige Eingabe');
  expect(html).toContain('title');

  const enhanced = await post(request, '/vorschlagen', { title: 'Titel\u0000' }, { 'x-sveltekit-action': 'true', accept: 'application/json' });
  const result = await enhanced.json();
  expect(result.type).toBe('failure');
  expect(result.status).toBe(400);
  expect(result.data).toContain('nicht gespeichert werden');

  const api = await request.get(`${BASE}/api/v1/measures?q=Kita%00`);
  expect(api.status()).toBe(400);
  expect(api.headers()['content-type']).toContain('application/problem+json');
  const problem = await api.json();
  expect(problem).toMatchObject({ status: 400, errors: [{ name: 'q' }] });

  const query = await request.get(`${BASE}/suche?q=%00`);
  expect(query.status()).toBe(400);
});

test('client errors are logged as info without a stack; no log line holds e-mail addresses, SQL or its parameters', async ({ request }) => {
  const loginEmail = 'geheime.person@beispiel.example';
  const contactEmail = 'kontakt.person@beispiel.example';
  // A failed login (unknown address), one with a NUL byte, and a failed suggestion with contact data.
  expect((await post(request, '/anmelden', { email: loginEmail, password: 'falsches Passwort' })).status()).toBe(400);
  expect((await post(request, '/anmelden', { email: `x\u0000${loginEmail}`, password: 'falsch' })).status()).toBe(400);
  const suggestion = await post(request, '/vorschlagen', { title: 'T', description: 'kurz', contactName: 'Erika Muster', contactEmail, consent: 'on' });
  expect(suggestion.status()).toBe(400);

  const json = await request.post(`${BASE}/anmelden`, { data: { email: loginEmail }, headers: { origin: ORIGIN }, maxRedirects: 0 });
  expect(json.status()).toBe(415);
  const put = await request.fetch(`${BASE}/admin`, { method: 'PUT', headers: { origin: ORIGIN }, maxRedirects: 0 });
  expect(put.status()).toBe(405);
  // A page without form actions (SvelteKit reports this one through handleError).
  const noActions = await post(request, '/akteure', { x: '1' });
  expect(noActions.status()).toBe(405);

  await expect.poll(() => lines.filter((l) => l.includes('"status":415')).length).toBeGreaterThan(0);
  const parsed = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  for (const entry of parsed.filter((e) => e.status === 415 || e.status === 405)) {
    expect(entry.level).toBe('info');
    expect(entry).not.toHaveProperty('stack');
    expect(entry).not.toHaveProperty('frames');
  }
  const all = lines.join('\n');
  for (const secret of [loginEmail, contactEmail, 'Erika Muster', 'insert into', 'params:', 'falsches Passwort']) {
    expect(all, secret).not.toContain(secret);
  }
  expect(parsed.filter((e) => e.level === 'error')).toEqual([]);
});

test('HSTS behind TLS, none over plain http', async ({ request }) => {
  const tls = await request.get(`${BASE}/`);
  expect(tls.headers()['strict-transport-security']).toBe('max-age=31536000');
  // The suite's main server has an http ORIGIN.
  const plain = await request.get(`http://127.0.0.1:${Number(process.env.E2E_PORT || 4173)}/`);
  expect(plain.headers()['strict-transport-security']).toBeUndefined();
});

test('every page carries the hardening headers: CSP without inline scripts, no framing, nosniff, referrer and permissions policies', async ({ request }) => {
  for (const pathname of ['/', '/suche?q=Kita', '/anmelden', '/admin', '/api/v1/catalogues']) {
    const response = await request.get(pathname, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers['x-content-type-options'], pathname).toBe('nosniff');
    expect(headers['referrer-policy'], pathname).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], pathname).toContain('camera=()');
    if (headers['content-type']?.startsWith('text/html')) {
      const csp = headers['content-security-policy'] ?? '';
      expect(csp, pathname).toContain("frame-ancestors 'none'");
      const scripts = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
      expect(scripts, pathname).toContain("'self'");
      expect(scripts, pathname).not.toContain('unsafe-inline');
      expect(csp, pathname).toContain("object-src 'none'");
    }
  }
});
