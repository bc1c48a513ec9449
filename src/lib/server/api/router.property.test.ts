/**
 * Property tests (fast-check) of API v1's parameter handling: any path segment and any query
 * string on any route either passes parameter parsing (the handler then reaches the database,
 * which here is a stand-in that refuses every use) or is answered as an RFC 9457 problem with a
 * German title and German messages — never a 500 from a thrown non-HTTP error.
 *
 * Also the query and body schemas of schemas.ts directly: any value parses or yields issues
 * with German messages, never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGermanMessage } from '../../../../tests/helpers/fuzz-inputs';
import type { Db } from '../db/connection';
import { API_BASE, handleApiRequest } from './router';
import { ROUTES } from './routes';
import { ActorQuery, CreateMeasureBody, PageQuery, Problem, PublishMeasureBody, UpdateMeasureBody } from './schemas';

/** Inputs per property; this area's total is their sum (> 10,000). */
const RUNS = { router: 5_000, querySchemas: 3_000, bodySchemas: 2_500 };

/** Thrown by the database stand-in: parameter parsing is over, the handler wants data. */
class DatabaseReached extends Error {}
const database = new Proxy(() => undefined, {
  get: () => {
    throw new DatabaseReached();
  },
  apply: () => {
    throw new DatabaseReached();
  },
}) as unknown as Db;

const paths = {
  catalogue: (c: string) => `/kataloge/${c}`,
  measure: (c: string, m: string) => `/kataloge/${c}/massnahme/${m}`,
  edition: (c: string, e: string) => `/kataloge/${c}/ausgaben/${e}`,
  actor: (a: string) => `/akteure/${a}`,
  targetGroup: (g: string) => `/zielgruppen/${g}`,
  section: (c: string, n: string) => `/kataloge/${c}#${n}`,
};

/** A German message: no English Zod default ("Invalid input: expected number …"). */
function expectGerman(message: string): void {
  expect(isGermanMessage(message), message).toBe(true);
}

const PARAM_NAMES = ['page', 'limit', 'q', 'seite', 'katalog', 'richtung', 'neu', 'luecken', 'sort', 'status', 'akteur'];

/** Any text, weighted towards numbers, slugs and what URLs find awkward. */
const anyValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('1', '0', '-1', '2.5', '1e3', '1e400', 'Infinity', 'NaN', '0x10', ' 7 ', '100', '101', '10001', '', 'ja', 'innen', 'relevanz', 'a,b'),
  fc.string({ unit: fc.constantFrom('%', '2', 'F', 'E', '0', 'a', '&', '=', '+', '#', '/', '?', ';', ' '), maxLength: 12 }),
  fc.string({ unit: 'grapheme', minLength: 90, maxLength: 300 }),
);

/** A raw query string: encoded pairs, or raw text with stray `%`, `&`, `=`. */
const anyQuery = fc.oneof(
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string({ maxLength: 6 })), anyValue), { maxLength: 8 })
    .map((pairs) => new URLSearchParams(pairs).toString()),
  fc.string({ unit: fc.constantFrom('page', 'limit', 'q', '=', '&', '%', '%2', '%E0%A4', '%FF', '1', 'x', '+', ' ', 'ü'), maxLength: 16 }),
);

/** A path segment: a slug, a UUID, or anything (percent escapes, malformed ones included). */
const anySegment = fc.oneof(
  fc.constantFrom('integrationskonzept', '00000000-0000-4000-8000-000000000001', 'ausgabe-2019', '..', '.', '%', '%E0%A4%A', '%00', '%2F', '%C3%BC'),
  fc.stringMatching(/^[a-z0-9-]{1,20}$/),
  fc.uuid(),
  fc.string({ unit: fc.constantFrom('%', 'E', '0', 'A', '4', 'a', 'ü', ' ', '-', '.'), minLength: 1, maxLength: 10 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }).map(encodeURIComponent),
);

const TEMPLATES = [...new Set(ROUTES.map((r) => r.path)), '/openapi.json', '/unbekannt/{x}'];
const anyPath = fc
  .tuple(fc.constantFrom(...TEMPLATES), fc.array(anySegment, { minLength: 3, maxLength: 3 }), fc.constantFrom('', '/'))
  .map(([template, segments, slash]) => {
    let i = 0;
    return template.replace(/\{\w+\}/g, () => segments[i++]!) + slash;
  });

describe('API router (property): any path and query string is parsed or answered as a problem', () => {
  it('never a non-HTTP error: problem+json with German texts, or the handler reaches the database', async () => {
    await fc.assert(
      fc.asyncProperty(anyPath, anyQuery, fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE'), async (path, query, method) => {
        let url: URL;
        try {
          url = new URL(`http://vielfalt.test${API_BASE}${path}${query ? `?${query}` : ''}`);
        } catch {
          return; // not a URL a request could carry
        }
        const unexpected: unknown[] = [];
        const response = await handleApiRequest(new Request(url, { method }), {
          db: database,
          paths,
          municipality: 'herne',
          onError: (error) => {
            if (!(error instanceof DatabaseReached)) unexpected.push(error);
          },
        });
        expect(unexpected, `${method} ${url.pathname}${url.search}`).toEqual([]);
        if (response.status < 400) {
          expect([200, 204]).toContain(response.status);
          return;
        }
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const body = Problem.parse(await response.json());
        expect(body.status).toBe(response.status);
        expect(body.instance).toBe(`${url.pathname}${url.search}`);
        if (response.status === 500) return; // the database stand-in was reached
        expect([400, 401, 404, 405, 415]).toContain(response.status);
        expectGerman(body.title);
        expectGerman(body.detail);
        for (const error of body.errors ?? []) expectGerman(error.message);
      }),
      { numRuns: RUNS.router },
    );
  });
});

describe('API regressions found by fuzzing', () => {
  const get = (path: string) => handleApiRequest(new Request(`http://vielfalt.test${API_BASE}${path}`), { db: database, paths, municipality: 'herne' });

  it('a malformed percent escape in a path segment is a 404 problem, not a 500', async () => {
    const response = await get('/catalogues/%E0%A4%A/editions');
    expect(response.status).toBe(404);
    expect(Problem.parse(await response.json()).detail).toBe('Der Pfad enthält eine ungültige Prozent-Kodierung.');
  });

  it('a page or limit that is no number at all gets the German message', async () => {
    const response = await get('/target-groups?page=Infinity&limit=abc');
    expect(response.status).toBe(400);
    expect(Problem.parse(await response.json()).errors?.map((e) => e.message)).toEqual(['Bitte eine ganze Zahl angeben.', 'Bitte eine ganze Zahl angeben.']);
  });
});

describe('API schemas (property): any input parses or gives German messages', () => {
  const issues = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues ?? [];

  it('query schemas (PageQuery, ActorQuery) on any parameter values', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('page', 'limit', 'q', 'x'), anyValue), (query) => {
        for (const schema of [PageQuery, ActorQuery]) {
          const result = schema.safeParse(query);
          for (const { message } of issues(result)) expectGerman(message);
          if (result.success) {
            expect(Number.isInteger(result.data.page) && result.data.page >= 1).toBe(true);
            expect(Number.isInteger(result.data.limit) && result.data.limit >= 1 && result.data.limit <= 100).toBe(true);
          }
        }
      }),
      { numRuns: RUNS.querySchemas },
    );
  });

  it('body schemas never throw on any JSON value and refuse it in German', () => {
    const measureish = fc.record(
      {
        catalogueId: fc.oneof(fc.uuid(), fc.string()),
        title: fc.string(),
        placements: fc.array(fc.record({ nodeId: fc.oneof(fc.uuid(), fc.string()), number: fc.option(fc.string()) }), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        { measure: fc.oneof(measureish, fc.jsonValue()), version: fc.oneof(fc.integer(), fc.jsonValue()), publish: fc.jsonValue(), intent: fc.jsonValue(), comment: fc.jsonValue() },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(body, (value) => {
        for (const schema of [CreateMeasureBody, UpdateMeasureBody, PublishMeasureBody])
          for (const { message } of issues(schema.safeParse(value))) expectGerman(message);
      }),
      { numRuns: RUNS.bodySchemas },
    );
  });
});
