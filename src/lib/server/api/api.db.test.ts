import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { compileErrors, validate } from '@readme/openapi-parser';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { buildPlan } from '../../../../tests/helpers/factories';
import { apiTokens, auditLog, measures } from '../db/schema';
import { hashToken } from '../auth/crypto';
import { newMeasureInput, seed, type Seed } from '../../../../tests/helpers/seed';
import { freezeEdition } from '../editions';
import { buildOpenApiDocument } from './openapi';
import { handleApiRequest } from './router';
import { ROUTES } from './routes';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens';
import { DEFAULT_MUNICIPALITY } from '../catalogue/municipality';

const ORIGIN = 'https://vielfalt.test';
const paths = {
  catalogue: (c: string) => `/kataloge/${c}`,
  measure: (c: string, m: string) => `/kataloge/${c}/massnahme/${m}`,
  edition: (c: string, e: string) => `/kataloge/${c}/ausgaben/${e}`,
  actor: (a: string) => `/akteure/${a}`,
  targetGroup: (g: string) => `/zielgruppen/${g}`,
  section: (c: string, n: string) => `/kataloge/${c}#${n}`,
};

type Doc = ReturnType<typeof buildOpenApiDocument> & { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: object };
const doc = buildOpenApiDocument() as Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

/** Validates a response body against what the document says for that operation and status. */
function expectDocumented(method: string, template: string, status: number, contentType: string, body: unknown) {
  const response = doc.paths[template]?.[method.toLowerCase()]?.responses[String(status)];
  expect(response, `${method} ${template} documents ${status}`).toBeTruthy();
  const media = contentType.startsWith('application/problem+json') ? 'application/problem+json' : 'application/json';
  const schema = response!.content?.[media]?.schema;
  expect(schema, `${method} ${template} ${status} documents ${media}`).toBeTruthy();
  const check = ajv.compile({ ...schema, components: doc.components });
  const ok = check(body);
  expect(ok, `${method} ${template} ${status}: ${ajv.errorsText(check.errors)}`).toBe(true);
}

describeEachEngine('REST API v1', (engine) => {
  let database: TestDatabase;
  let s: Seed;
  let editionSlug: string;
  const tokens: Record<string, string> = {};
  const exercised = new Set<string>();

  async function call(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; template?: string } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const request = new Request(`${ORIGIN}/api/v1${url}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const response = await handleApiRequest(request, { db: database.db, municipality: DEFAULT_MUNICIPALITY.slug, paths, onError: (e) => console.error(e) });
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (options.template) {
      expectDocumented(method, options.template, response.status, response.headers.get('content-type') ?? '', body);
      if (response.status < 300) exercised.add(`${method} ${options.template}`);
    }
    return { status: response.status, headers: response.headers, body };
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    s = await seed(database.db, buildPlan());
    editionSlug = (await freezeEdition(database.db, s.users.redaktion, { catalogueId: s.catalogueId, label: '1. Auflage', standDate: '2024-08-01' })).slug;
    for (const role of ['redaktion', 'lesend', 'beitragende'] as const)
      tokens[role] = (await createApiToken(database.db, s.users[role], { name: `Test ${role}` })).token;
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('the OpenAPI document is valid OpenAPI 3.1 and matches docs/openapi.json', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    const checkedIn = JSON.parse(fs.readFileSync(path.resolve('docs/openapi.json'), 'utf8'));
    // Regenerate with `npx tsx scripts/openapi.ts` after changing the API.
    expect(checkedIn).toEqual(JSON.parse(JSON.stringify(doc)));
    const served = await call('GET', '/openapi.json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('every documented read endpoint answers as documented (contract)', async () => {
    const [actorSlug] = (await call('GET', '/actors', { template: '/actors' })).body.items.map((a: { slug: string }) => a.slug);
    const groups = await call('GET', '/target-groups?limit=1', { template: '/target-groups' });
    expect(groups.body.items).toHaveLength(1);
    const reads: [string, string][] = [
      ['/catalogues', '/catalogues'],
      ['/catalogues/integrationskonzept', '/catalogues/{catalogue}'],
      ['/catalogues/integrationskonzept/editions', '/catalogues/{catalogue}/editions'],
      [`/catalogues/integrationskonzept/editions/${editionSlug}`, '/catalogues/{catalogue}/editions/{edition}'],
      ['/catalogues/integrationskonzept/nodes?limit=2&page=2', '/catalogues/{catalogue}/nodes'],
      ['/measures?q=Sprachf%C3%B6rderung&limit=3', '/measures'],
      [`/measures/${s.measures.m1}`, '/measures/{id}'],
      [`/actors/${actorSlug}`, '/actors/{actor}'],
      [`/target-groups/${groups.body.items[0].slug}`, '/target-groups/{group}'],
    ];
    for (const [url, template] of reads) {
      const response = await call('GET', url, { template });
      expect(response.status, url).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('etag')).toMatch(/^W\/"/);
    }
    // Unknown resources: documented 404 problem details.
    for (const [url, template] of [
      ['/catalogues/gibt-es-nicht', '/catalogues/{catalogue}'],
      ['/catalogues/integrationskonzept/editions/gibt-es-nicht', '/catalogues/{catalogue}/editions/{edition}'],
      [`/measures/00000000-0000-4000-8000-000000000000`, '/measures/{id}'],
      ['/actors/gibt-es-nicht', '/actors/{actor}'],
    ] as const) {
      const response = await call('GET', url, { template });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const edition = await call('GET', `/catalogues/integrationskonzept/editions/${editionSlug}`);
    expect(edition.body.content.measures.map((m: { id: string }) => m.id)).toContain(s.measures.m1);
    const measure = await call('GET', `/measures/${s.measures.m1}`);
    expect(measure.body).toMatchObject({ id: s.measures.m1, title: 'Sprachförderung in Kitas', version: 1, url: expect.stringContaining(ORIGIN) });
  });

  it('pages carry Link headers; bad parameters are 400 with their names', async () => {
    const page = await call('GET', '/catalogues/integrationskonzept/nodes?limit=1&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: 4, pageCount: 4 });
    const link = page.headers.get('link')!;
    expect(link).toContain('page=1>; rel="first"');
    expect(link).toContain('page=1>; rel="prev"');
    expect(link).toContain('page=3>; rel="next"');
    expect(link).toContain('page=4>; rel="last"');
    const bad = await call('GET', '/catalogues/integrationskonzept/nodes?page=0&limit=abc', { template: '/catalogues/{catalogue}/nodes' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { param: string }) => e.param).sort()).toEqual(['limit', 'page']);
    const search = await call('GET', '/measures?seite=null', { template: '/measures' });
    expect(search.status).toBe(400);
    expect(search.body).toMatchObject({ title: 'Ungültige Suchanfrage', errors: [{ param: 'seite' }] });
  });

  it('a matching If-None-Match gets 304 without a body; a changed resource a new ETag', async () => {
    const first = await call('GET', `/measures/${s.measures.m2}`);
    const etag = first.headers.get('etag')!;
    const again = await call('GET', `/measures/${s.measures.m2}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('etag')).toBe(etag);
    const other = await call('GET', `/measures/${s.measures.m2}`, { headers: { 'if-none-match': 'W/"anders"' } });
    expect(other.status).toBe(200);
  });

  it('unknown paths are 404, wrong methods 405 with Allow, preflights allow reads', async () => {
    const missing = await call('GET', '/gibt-es-nicht');
    expect(missing).toMatchObject({ status: 404, body: { status: 404, title: 'Nicht gefunden' } });
    const wrong = await call('DELETE', '/catalogues');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    const preflight = await call('OPTIONS', '/measures');
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('writes need a token: none or revoked → 401, a Lesend token → 403, all as problem details', async () => {
    const body = { measure: newMeasureInput(s, { title: 'Über die API angelegt' }) };
    const none = await call('POST', '/measures', { body, template: '/measures' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    const unknown = await call('POST', '/measures', { body, token: 'vf_falsch', template: '/measures' });
    expect(unknown.status).toBe(401);
    const reader = await call('POST', '/measures', { body, token: tokens.lesend, template: '/measures' });
    expect(reader.status).toBe(403);
    expect(reader.body).toMatchObject({ status: 403, title: 'Keine Berechtigung' });
    const readerPublish = await call('POST', `/measures/${s.measures.m1}/publish`, { token: tokens.lesend, template: '/measures/{id}/publish' });
    expect(readerPublish.status).toBe(403);
    // Refused for the role before the body is even looked at.
    const readerInvalid = await call('PUT', `/measures/${s.measures.m1}`, { body: { measure: {} }, token: tokens.lesend, template: '/measures/{id}' });
    expect(readerInvalid.status).toBe(403);
    // A contributor may not publish, whatever the measure.
    const contributorPublish = await call('POST', `/measures/${s.measures.m1}/publish`, { token: tokens.beitragende, template: '/measures/{id}/publish' });
    expect(contributorPublish.status).toBe(403);

    const { token } = await createApiToken(database.db, s.users.redaktion, { name: 'Bald widerrufen' });
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'api.token.create')).limit(1);
    expect(row).toBeTruthy();
    const created = (await listApiTokens(database.db, s.users.redaktion)).find((t) => t.name === 'Bald widerrufen')!;
    // Stored only hashed (sha256), never in plain text.
    const [stored] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(stored!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token.slice(10));
    // Only the owner (or an administrator) can revoke it.
    await expect(revokeApiToken(database.db, s.users.lesend, created.id)).rejects.toThrow('nicht gefunden');
    await revokeApiToken(database.db, s.users.redaktion, created.id);
    const revoked = await call('POST', '/measures', { body, token, template: '/measures' });
    expect(revoked.status).toBe(401);
    expect(revoked.body.detail).toContain('widerrufen');
    // Nothing was written by the refused attempts.
    expect(await database.db.select().from(measures).where(eq(measures.title, 'Über die API angelegt'))).toHaveLength(0);
  });

  it('writes call the editing use cases: create, update with version, conflict, publish; every use audited', async () => {
    const wrongType = await call('POST', '/measures', { body: '<measure/>', headers: { 'content-type': 'application/xml' }, token: tokens.redaktion, template: '/measures' });
    expect(wrongType.status).toBe(415);
    const invalid = await call('POST', '/measures', { body: { measure: { ...newMeasureInput(s), title: 'x' } }, token: tokens.redaktion, template: '/measures' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([{ field: 'measure.title', message: expect.stringContaining('Titel') }]);

    const created = await call('POST', '/measures', { body: { measure: newMeasureInput(s, { title: 'Lesepaten über die API' }) }, token: tokens.redaktion, template: '/measures' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ workflowState: 'entwurf' });
    const published = await call('POST', `/measures/${created.body.id}/publish`, { token: tokens.redaktion, template: '/measures/{id}/publish' });
    expect(published.status).toBe(200);
    expect(published.body.version).toBe(2);

    const current = await call('GET', `/measures/${created.body.id}`);
    const input = { ...newMeasureInput(s, { title: 'Lesepaten über die API' }), description: 'Geändert über die API.' };
    const updated = await call('PUT', `/measures/${created.body.id}`, { body: { measure: input, version: current.body.version }, token: tokens.redaktion, template: '/measures/{id}' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ status: 'saved', version: 3, changed: true });
    const stale = await call('PUT', `/measures/${created.body.id}`, { body: { measure: { ...input, description: 'Zu spät.' }, version: 2 }, token: tokens.redaktion, template: '/measures/{id}' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: 3, baseVersion: 2 });
    // A contributor's change to a published measure becomes a change request.
    const proposed = await call('PUT', `/measures/${created.body.id}`, { body: { measure: { ...input, remarks: 'Vorschlag' }, version: 3 }, token: tokens.beitragende, template: '/measures/{id}' });
    expect(proposed.body).toMatchObject({ status: 'proposed', state: 'in_pruefung' });

    const uses = await database.db.select().from(auditLog).where(eq(auditLog.action, 'api.token.use'));
    expect(uses.length).toBeGreaterThanOrEqual(6);
    expect(uses.every((u) => u.userId && typeof u.details.path === 'string' && !JSON.stringify(u.details).includes('vf_'))).toBe(true);
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, 'measure.publish'))).not.toHaveLength(0);
  });

  it('the contract covered every documented operation', () => {
    const documented = ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect([...exercised].sort()).toEqual(documented);
  });
});
