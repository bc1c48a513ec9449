/**
 * The OpenAPI 3.1 document of API v1, generated from the route table and the Zod schemas that
 * validate requests and describe responses (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI
 * 3.1 uses it). Checked in as docs/openapi.json; a test fails when the two differ
 * (regenerate: `npx tsx scripts/openapi.ts`).
 */
import { z } from 'zod';
import { apiSchemas } from './schemas';
import { ROUTES, type RouteDef } from './routes';

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Ungültige Parameter oder Eingaben (die Namen stehen in `errors`)',
  401: 'Kein, ein unbekannter oder ein widerrufener API-Schlüssel',
  403: 'Die Rolle des Schlüssels erlaubt das nicht',
  404: 'Nicht gefunden',
  405: 'Methode nicht erlaubt (siehe Allow)',
  409: 'Konflikt: inzwischen geändert oder im falschen Bearbeitungsstand',
  415: 'Inhalt nicht als JSON gesendet',
  500: 'Interner Fehler',
};

function strip(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function ref(schema: z.ZodType): Json {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error('API response schemas must be registered in apiSchemas');
  return { $ref: `#/components/schemas/${meta.id}` };
}

/** Inline JSON Schema of a request schema (input side: defaults make fields optional). */
function inputSchema(schema: z.ZodType): Json {
  return strip(
    z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json,
  );
}

function parameters(route: RouteDef): Json[] {
  const path = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: name === 'id' ? { type: 'string', format: 'uuid' } : { type: 'string' },
  }));
  const query = route.query
    ? Object.entries(route.query.shape).map(([name, schema]) => {
        const json = inputSchema(schema as z.ZodType);
        const { description, ...rest } = json;
        return { name, in: 'query', required: false, ...(description ? { description } : {}), schema: rest };
      })
    : [];
  return [...path, ...query];
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

function operation(route: RouteDef): Json {
  const ok = route.status ?? 200;
  const responses: Json = {
    [ok]: {
      description: ok === 201 ? 'Angelegt' : 'Erfolg',
      ...(route.method === 'GET'
        ? {
            headers: {
              ETag: { description: 'Schwacher Validator; mit If-None-Match → 304', schema: { type: 'string' } },
              ...(route.paged ? { Link: { description: 'RFC 8288: first, prev, next, last', schema: { type: 'string' } } } : {}),
            },
          }
        : {}),
      content: { 'application/json': { schema: ref(route.response) } },
    },
  };
  if (route.method === 'GET') responses['304'] = { description: 'Nicht geändert (If-None-Match passt zum ETag)' };
  for (const status of [...route.errors, 404, 405, 500].sort()) responses[status] = { description: STATUS_TEXT[status], content: problemContent };
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth ? { security: [{ apiToken: [] }] } : {}),
    parameters: parameters(route),
    ...(route.body
      ? { requestBody: { required: !route.bodyOptional, content: { 'application/json': { schema: inputSchema(route.body) } } } }
      : {}),
    responses,
  };
}

let cached: Json | null = null;

export function buildOpenApiDocument(): Json {
  if (cached) return cached;
  const generated = z.toJSONSchema(apiSchemas, { io: 'output', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, Json>;
  };
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Vielfalt API',
      version: '1.0.0',
      description:
        'Lesender Zugriff auf die veröffentlichten Maßnahmenkataloge (Kataloge, Ausgaben, Struktur, Maßnahmen, Akteure, Zielgruppen, Suche mit Facetten) – frei, mit CORS, ETag und Seiten-Links. Schreibender Zugriff (Maßnahmen anlegen, ändern, veröffentlichen) mit persönlichem API-Schlüssel aus dem Verwaltungsbereich (Bearer). Fehler als RFC 9457 Problem Details.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/api/v1' }],
    tags: [...new Set(ROUTES.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(generated.schemas).map(([id, schema]) => [id, strip(schema)])),
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', description: 'Persönlicher API-Schlüssel (vf_…), angelegt unter /admin/api-schluessel' },
      },
    },
  };
  return cached;
}
