/**
 * The route table of API v1: one entry per operation, used both by the router (router.ts) and
 * by the OpenAPI generator (openapi.ts). Paths are relative to /api/v1 and use OpenAPI's
 * `{param}` syntax.
 */
import type { z } from 'zod';
import type { Db } from '../db/connection';
import type { Action, SessionUser } from '../auth/policy';
import { parseSearchParams } from '../search';
import { ApiProblem } from './http';
import * as read from './read';
import * as S from './schemas';
import * as write from './write';

export interface HandlerContext {
  db: Db;
  url: URL;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** The token's user (write routes only). */
  user: SessionUser | null;
  read: read.ReadContext;
}

export interface HandlerResult {
  data: unknown;
  /** For paged lists: the page and page count (Link header). */
  page?: { page: number; pageCount: number };
}

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  /** Query parameters are parsed by the handler (search), documented by this schema. */
  customQuery?: boolean;
  body?: z.ZodType;
  /** Request body optional (defaults apply). */
  bodyOptional?: boolean;
  response: z.ZodType;
  status?: 200 | 201;
  /** Needs a personal API token (write operations). */
  auth?: boolean;
  /**
   * Checked before the body is read, so a token whose role can never do this gets 403 at once;
   * the use case still checks the exact rule (e.g. a contributor's actors).
   */
  permission?: Action;
  paged?: boolean;
  /** Error statuses this operation documents besides 404/405/500. */
  errors: number[];
  handle: (ctx: HandlerContext) => Promise<HandlerResult | null>;
}

const notFound = (what: string) => new ApiProblem(404, 'Nicht gefunden', `${what} wurde nicht gefunden.`);
const found = <T>(value: T | null, what: string): HandlerResult => {
  if (value === null) throw notFound(what);
  return { data: value };
};
const paged = (value: read.Paged<unknown> | null, what: string): HandlerResult => {
  if (value === null) throw notFound(what);
  return { data: value, page: { page: value.page, pageCount: value.pageCount } };
};
const p = (ctx: HandlerContext, name: string) => ctx.params[name]!;
const pageOf = (ctx: HandlerContext) => ctx.query as S.PageQuery;

export const ROUTES: RouteDef[] = [
  {
    method: 'GET',
    path: '/catalogues',
    operationId: 'listCatalogues',
    summary: 'Alle Kataloge',
    tag: 'Kataloge',
    response: S.CatalogueList,
    errors: [],
    handle: async (ctx) => ({ data: await read.readCatalogues(ctx.read) }),
  },
  {
    method: 'GET',
    path: '/catalogues/{catalogue}',
    operationId: 'getCatalogue',
    summary: 'Ein Katalog mit seinen Ausgaben',
    tag: 'Kataloge',
    response: S.CatalogueDetail,
    errors: [],
    handle: async (ctx) => found(await read.readCatalogue(ctx.read, p(ctx, 'catalogue')), 'Der Katalog'),
  },
  {
    method: 'GET',
    path: '/catalogues/{catalogue}/editions',
    operationId: 'listEditions',
    summary: 'Eingefrorene Ausgaben eines Katalogs',
    tag: 'Ausgaben',
    response: S.EditionList,
    errors: [],
    handle: async (ctx) => found(await read.readEditions(ctx.read, p(ctx, 'catalogue')), 'Der Katalog'),
  },
  {
    method: 'GET',
    path: '/catalogues/{catalogue}/editions/{edition}',
    operationId: 'getEdition',
    summary: 'Eine Ausgabe mit ihrem vollständigen, unveränderlichen Inhalt',
    tag: 'Ausgaben',
    response: S.Edition,
    errors: [],
    handle: async (ctx) => found(await read.readEdition(ctx.read, p(ctx, 'catalogue'), p(ctx, 'edition')), 'Die Ausgabe'),
  },
  {
    method: 'GET',
    path: '/catalogues/{catalogue}/nodes',
    operationId: 'listNodes',
    summary: 'Struktur eines Katalogs (Handlungsfelder, Ziele, Dimensionen …)',
    tag: 'Kataloge',
    query: S.PageQuery,
    response: S.NodeList,
    paged: true,
    errors: [400],
    handle: async (ctx) => paged(await read.readNodes(ctx.read, p(ctx, 'catalogue'), pageOf(ctx)), 'Der Katalog'),
  },
  {
    method: 'GET',
    path: '/measures',
    operationId: 'searchMeasures',
    summary: 'Maßnahmen suchen und filtern, mit Facetten',
    tag: 'Maßnahmen',
    query: S.SearchQuery,
    customQuery: true,
    response: S.SearchResult,
    paged: true,
    errors: [400],
    handle: async (ctx) => {
      const parsed = parseSearchParams(ctx.url.searchParams, { api: true });
      if (!parsed.ok)
        throw new ApiProblem(400, 'Ungültige Suchanfrage', parsed.errors.map((e) => e.message).join(' '), { errors: parsed.errors });
      const data = await read.readSearch(ctx.read, parsed.state);
      return { data, page: { page: data.page, pageCount: data.pageCount } };
    },
  },
  {
    method: 'GET',
    path: '/measures/{id}',
    operationId: 'getMeasure',
    summary: 'Eine veröffentlichte Maßnahme',
    tag: 'Maßnahmen',
    response: S.Measure,
    errors: [],
    handle: async (ctx) => found(await read.readMeasure(ctx.read, p(ctx, 'id')), 'Die Maßnahme'),
  },
  {
    method: 'GET',
    path: '/actors',
    operationId: 'listActors',
    summary: 'Akteure mit der Zahl ihrer Maßnahmen',
    tag: 'Akteure und Zielgruppen',
    query: S.ActorQuery,
    response: S.ActorList,
    paged: true,
    errors: [400],
    handle: async (ctx) => paged(await read.readActors(ctx.read, ctx.query as z.output<typeof S.ActorQuery>), 'Die Liste'),
  },
  {
    method: 'GET',
    path: '/actors/{actor}',
    operationId: 'getActor',
    summary: 'Ein Akteur mit seinen Maßnahmen',
    tag: 'Akteure und Zielgruppen',
    response: S.ActorDetail,
    errors: [],
    handle: async (ctx) => found(await read.readActor(ctx.read, p(ctx, 'actor')), 'Der Akteur'),
  },
  {
    method: 'GET',
    path: '/target-groups',
    operationId: 'listTargetGroups',
    summary: 'Zielgruppen mit der Zahl ihrer Maßnahmen',
    tag: 'Akteure und Zielgruppen',
    query: S.PageQuery,
    response: S.TargetGroupList,
    paged: true,
    errors: [400],
    handle: async (ctx) => paged(await read.readTargetGroups(ctx.read, pageOf(ctx)), 'Die Liste'),
  },
  {
    method: 'GET',
    path: '/target-groups/{group}',
    operationId: 'getTargetGroup',
    summary: 'Eine Zielgruppe mit ihren Maßnahmen',
    tag: 'Akteure und Zielgruppen',
    response: S.TargetGroupDetail,
    errors: [],
    handle: async (ctx) => found(await read.readTargetGroup(ctx.read, p(ctx, 'group')), 'Die Zielgruppe'),
  },
  {
    method: 'POST',
    path: '/measures',
    operationId: 'createMeasure',
    summary: 'Maßnahme anlegen (persönlicher API-Schlüssel)',
    tag: 'Schreiben',
    body: S.CreateMeasureBody,
    response: S.MeasureCreated,
    status: 201,
    auth: true,
    permission: 'measure.create',
    errors: [400, 401, 403, 415],
    handle: async (ctx) => ({ data: await write.createMeasureViaApi(ctx.db, ctx.user!, ctx.body as z.output<typeof S.CreateMeasureBody>) }),
  },
  {
    method: 'PUT',
    path: '/measures/{id}',
    operationId: 'updateMeasure',
    summary: 'Maßnahme ändern (vollständiger Stand, mit Version)',
    tag: 'Schreiben',
    body: S.UpdateMeasureBody,
    response: S.MeasureSaved,
    auth: true,
    permission: 'measure.edit',
    errors: [400, 401, 403, 409, 415],
    handle: async (ctx) => ({ data: await write.updateMeasureViaApi(ctx.db, ctx.user!, p(ctx, 'id'), ctx.body as z.output<typeof S.UpdateMeasureBody>) }),
  },
  {
    method: 'POST',
    path: '/measures/{id}/publish',
    operationId: 'publishMeasure',
    summary: 'Entwurf oder Maßnahme in Prüfung veröffentlichen',
    tag: 'Schreiben',
    body: S.PublishMeasureBody,
    bodyOptional: true,
    response: S.MeasurePublished,
    auth: true,
    permission: 'measure.publish',
    errors: [400, 401, 403, 409, 415],
    handle: async (ctx) => ({ data: await write.publishMeasureViaApi(ctx.db, ctx.user!, p(ctx, 'id'), ctx.body as z.output<typeof S.PublishMeasureBody>) }),
  },
];
