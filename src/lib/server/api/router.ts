/**
 * The API v1 router on web-standard Request/Response: matches the route table (routes.ts),
 * validates parameters and bodies with the routes' Zod schemas, authenticates write routes
 * by personal API token, and answers every error as RFC 9457 problem details (400 with the
 * parameter or field names, 401, 403, 404, 405 with Allow, 409, 415, 500).
 */
import type { z } from 'zod';
import type { Db } from '../db/connection';
import { can, ForbiddenError, type SessionUser } from '../auth/policy';
import { ApiProblem, CORS_READ_HEADERS, PREFLIGHT_HEADERS, jsonResponse, pageLinks, problemResponse, type ProblemError } from './http';
import { buildOpenApiDocument } from './openapi';
import type { Paths } from './read';
import { ROUTES, type RouteDef } from './routes';
import { resolveApiToken } from './tokens';
import { problemFromError } from './write';

export const API_BASE = '/api/v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ApiDeps {
  db: Db;
  paths: Paths;
  municipality: string;
  /** Unexpected errors (logged by the caller without request bodies). */
  onError?: (error: unknown, request: Request) => void;
}

interface CompiledRoute {
  route: RouteDef;
  pattern: RegExp;
  names: string[];
}

const COMPILED: CompiledRoute[] = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}/?$`), names };
});

function zodErrors(error: z.ZodError, kind: 'param' | 'field'): ProblemError[] {
  return error.issues.map((issue) => ({ [kind]: issue.path.join('.') || '(body)', message: issue.message }));
}

function bearer(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

async function authenticate(db: Db, request: Request, path: string): Promise<SessionUser> {
  const token = bearer(request);
  const challenge = (error?: string) => ({ 'www-authenticate': `Bearer realm="vielfalt"${error ? `, error="${error}"` : ''}` });
  if (!token)
    throw new ApiProblem(401, 'Anmeldung erforderlich', 'Schreibende Zugriffe brauchen einen persönlichen API-Schlüssel: Authorization: Bearer <Schlüssel>.', {}, challenge());
  const resolved = await resolveApiToken(db, token, { method: request.method, path });
  if (!resolved.ok) {
    const detail =
      resolved.reason === 'revoked'
        ? 'Dieser API-Schlüssel wurde widerrufen.'
        : resolved.reason === 'inactive'
          ? 'Das Konto dieses API-Schlüssels ist deaktiviert.'
          : 'Dieser API-Schlüssel ist unbekannt.';
    throw new ApiProblem(401, 'Anmeldung erforderlich', detail, {}, challenge('invalid_token'));
  }
  return resolved.user;
}

async function readBody(request: Request, route: RouteDef): Promise<unknown> {
  const text = await request.text();
  if (!text.trim() && route.bodyOptional) return route.body!.parse({});
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.-]+\+)?json\b/i.test(type))
    throw new ApiProblem(415, 'Nicht unterstütztes Format', 'Bitte senden Sie den Inhalt als JSON (Content-Type: application/json).', {}, { accept: 'application/json' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiProblem(400, 'Ungültige Eingabe', 'Der Inhalt ist kein gültiges JSON.', { errors: [{ field: '(body)', message: 'Kein gültiges JSON.' }] });
  }
  const parsed = route.body!.safeParse(json);
  if (!parsed.success) {
    const errors = zodErrors(parsed.error, 'field');
    throw new ApiProblem(400, 'Ungültige Eingabe', errors.map((e) => `${e.field}: ${e.message}`).join(' '), { errors });
  }
  return parsed.data;
}

/** A path parameter; a malformed percent escape ("%E0%A4%A") names nothing that exists. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiProblem(404, 'Nicht gefunden', 'Der Pfad enthält eine ungültige Prozent-Kodierung.');
  }
}

export async function handleApiRequest(request: Request, deps: ApiDeps): Promise<Response> {
  const url = new URL(request.url);
  const instance = `${url.pathname}${url.search}`;
  const path = url.pathname.startsWith(API_BASE) ? url.pathname.slice(API_BASE.length) || '/' : url.pathname;
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const isRead = method === 'GET' || method === 'OPTIONS';
  const errorHeaders = isRead ? CORS_READ_HEADERS : {};
  try {
    if (path === '/openapi.json' || path === '/openapi.json/') {
      if (method !== 'GET' && method !== 'OPTIONS')
        throw new ApiProblem(405, 'Methode nicht erlaubt', `${request.method} ist hier nicht möglich.`, {}, { allow: 'GET, HEAD, OPTIONS' });
      if (method === 'OPTIONS') return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });
      return jsonResponse(request, buildOpenApiDocument(), { headers: { 'content-type': 'application/vnd.oai.openapi+json; charset=utf-8' } });
    }
    const candidates = COMPILED.flatMap((c) => {
      const match = c.pattern.exec(path);
      return match ? [{ ...c, values: match.slice(1).map(decodeSegment) }] : [];
    });
    if (!candidates.length) throw new ApiProblem(404, 'Nicht gefunden', `Unter ${url.pathname} gibt es keine Schnittstelle. Die Beschreibung steht unter ${API_BASE}/openapi.json.`);
    const allowed = [...new Set(candidates.map((c) => c.route.method))];
    const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { ...PREFLIGHT_HEADERS, allow } });
    const hit = candidates.find((c) => c.route.method === method);
    if (!hit) throw new ApiProblem(405, 'Methode nicht erlaubt', `${request.method} ist für ${url.pathname} nicht möglich. Erlaubt: ${allow}.`, {}, { allow });
    const { route } = hit;
    const params = Object.fromEntries(hit.names.map((name, i) => [name, hit.values[i]!]));
    if (params.id !== undefined && !UUID.test(params.id)) throw new ApiProblem(404, 'Nicht gefunden', 'Die Maßnahme wurde nicht gefunden.');

    let query: Record<string, unknown> = {};
    if (route.query && !route.customQuery) {
      const parsed = route.query.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success) {
        const errors = zodErrors(parsed.error, 'param');
        throw new ApiProblem(400, 'Ungültige Parameter', errors.map((e) => `„${e.param}“: ${e.message}`).join(' '), { errors });
      }
      query = parsed.data as Record<string, unknown>;
    }
    const user = route.auth ? await authenticate(deps.db, request, url.pathname) : null;
    if (user && route.permission && !can(user, route.permission, { actorIds: user.actorIds })) throw new ForbiddenError(route.permission);
    const body = route.body ? await readBody(request, route) : undefined;

    const result = await route.handle({
      db: deps.db,
      url,
      params,
      query,
      body,
      user,
      read: { db: deps.db, origin: url.origin, paths: deps.paths, municipality: deps.municipality },
    });
    if (!result) throw new ApiProblem(404, 'Nicht gefunden', 'Nicht gefunden.');
    const link = result.page ? pageLinks(url, result.page.page, result.page.pageCount) : null;
    return jsonResponse(request, result.data, { status: route.status ?? 200, read: route.method === 'GET', headers: link ? { link } : {} });
  } catch (error) {
    const problem = problemFromError(error);
    if (problem) return problemResponse(problem, instance, errorHeaders);
    deps.onError?.(error, request);
    return problemResponse(new ApiProblem(500, 'Interner Fehler', 'Die Anfrage konnte gerade nicht bearbeitet werden. Bitte versuchen Sie es später erneut.'), instance, errorHeaders);
  }
}
