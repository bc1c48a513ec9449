/**
 * Read use cases of API v1: the public catalogue queries (catalogue/, search/, editions/)
 * presented in the shapes of schemas.ts. Only published content, never contacts (personal
 * data stays on the pages, shown only as published). `origin` makes the page URLs absolute.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/connection';
import { catalogues, measures, nodes } from '../db/schema';
import { getActorDetail, listActors } from '../catalogue/actors';
import { listTargetGroups, getTargetGroupDetail } from '../catalogue/target-groups';
import { getCatalogueDetail, getMeasureDetail, listCatalogues } from '../catalogue/queries';
import { findMunicipalityId } from '../catalogue/municipality';
import { findEdition, listEditions, type EditionMeta } from '../editions';
import { FACET_NAMES, searchMeasures, type SearchResult as SearchResultModel, type SearchState } from '../search';
import type * as S from './schemas';
import type { PageQuery } from './schemas';

type Out<T extends z.ZodType> = z.output<T>;

export interface Paths {
  catalogue: (slug: string) => string;
  measure: (catalogueSlug: string, measureSlug: string) => string;
  edition: (catalogueSlug: string, editionSlug: string) => string;
  actor: (slug: string) => string;
  targetGroup: (slug: string) => string;
  section: (catalogueSlug: string, nodeSlug: string) => string;
}

export interface ReadContext {
  db: Db;
  origin: string;
  paths: Paths;
  municipality: string;
}

const abs = (ctx: ReadContext, path: string) => new URL(path, ctx.origin).toString();

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** One page of an in-memory list. */
export function paginate<T>(all: readonly T[], query: PageQuery): Paged<T> {
  const start = (query.page - 1) * query.limit;
  return {
    items: all.slice(start, start + query.limit),
    total: all.length,
    page: query.page,
    pageSize: query.limit,
    pageCount: Math.ceil(all.length / query.limit),
  };
}

function editionSummary(ctx: ReadContext, catalogueSlug: string, e: EditionMeta): Out<typeof S.EditionSummary> {
  return { id: e.id, slug: e.slug, label: e.label, stand: e.stand, standDate: e.standDate, frozenAt: e.frozenAt, url: abs(ctx, ctx.paths.edition(catalogueSlug, e.slug)) };
}

export async function readCatalogues(ctx: ReadContext): Promise<Out<typeof S.CatalogueList>> {
  const rows = await listCatalogues(ctx.db, ctx.municipality);
  return { items: rows.map((c) => ({ ...c, url: abs(ctx, ctx.paths.catalogue(c.slug)) })) };
}

export async function readCatalogue(ctx: ReadContext, slug: string): Promise<Out<typeof S.CatalogueDetail> | null> {
  const detail = await getCatalogueDetail(ctx.db, slug, ctx.municipality);
  if (!detail) return null;
  const { extra: _extra, ...catalogue } = detail.catalogue;
  const frozen = await listEditions(ctx.db, catalogue.id);
  return { ...catalogue, url: abs(ctx, ctx.paths.catalogue(slug)), editions: frozen.map((e) => editionSummary(ctx, slug, e)) };
}

async function catalogueId(ctx: ReadContext, slug: string): Promise<string | null> {
  const mid = await findMunicipalityId(ctx.db, ctx.municipality);
  if (!mid) return null;
  const [row] = await ctx.db
    .select({ id: catalogues.id })
    .from(catalogues)
    .where(and(eq(catalogues.municipalityId, mid), eq(catalogues.slug, slug)));
  return row?.id ?? null;
}

export async function readEditions(ctx: ReadContext, slug: string): Promise<Out<typeof S.EditionList> | null> {
  const id = await catalogueId(ctx, slug);
  if (!id) return null;
  return { items: (await listEditions(ctx.db, id)).map((e) => editionSummary(ctx, slug, e)) };
}

export async function readEdition(ctx: ReadContext, slug: string, editionSlug: string): Promise<Out<typeof S.Edition> | null> {
  const found = await findEdition(ctx.db, slug, editionSlug, ctx.municipality);
  if (!found) return null;
  return { ...editionSummary(ctx, slug, found.edition), foreword: found.edition.foreword, note: found.edition.note, content: found.content };
}

export async function readNodes(ctx: ReadContext, slug: string, query: PageQuery): Promise<Out<typeof S.NodeList> | null> {
  const id = await catalogueId(ctx, slug);
  if (!id) return null;
  const rows = await ctx.db
    .select()
    .from(nodes)
    .where(and(eq(nodes.catalogueId, id), isNull(nodes.archivedAt)))
    .orderBy(asc(nodes.position), asc(nodes.id));
  return paginate(
    rows.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      type: n.type,
      code: n.code,
      title: n.title,
      body: n.body,
      slug: n.slug,
      position: n.position,
      url: abs(ctx, ctx.paths.section(slug, n.slug)),
    })),
    query,
  );
}

export async function readSearch(ctx: ReadContext, state: SearchState): Promise<Out<typeof S.SearchResult>> {
  const result: SearchResultModel = await searchMeasures(ctx.db, state, { measureUrl: ctx.paths.measure, municipality: ctx.municipality });
  return {
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
    pageCount: result.pageCount,
    sort: result.sort,
    items: result.items.map((item) => ({
      id: item.id,
      title: item.title,
      number: item.number,
      catalogue: item.catalogue,
      url: abs(ctx, item.url),
      snippet: item.snippet,
      place: item.place,
      state: item.state,
      isNew: item.isNew,
      isGap: item.isGap,
      directionInward: item.directionInward,
      directionOutward: item.directionOutward,
      responsible: item.responsible,
      updatedAt: item.updatedAt,
      score: item.score,
    })),
    facets: Object.fromEntries(FACET_NAMES.map((name) => [name, result.facets[name]])),
    query: {
      text: result.query.text,
      suggestion: result.query.suggestion,
      corrections: result.query.corrections,
      matchedAllTerms: result.query.matchedAllTerms,
    },
  };
}

export async function readMeasure(ctx: ReadContext, id: string): Promise<Out<typeof S.Measure> | null> {
  const [row] = await ctx.db
    .select({ slug: measures.slug, version: measures.version, catalogueSlug: catalogues.slug })
    .from(measures)
    .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
    .where(and(eq(measures.id, id), eq(measures.workflowState, 'veroeffentlicht')));
  if (!row) return null;
  const found = await getMeasureDetail(ctx.db, row.catalogueSlug, row.slug, ctx.municipality);
  if (!found || !('measure' in found)) return null;
  const m = found.measure;
  return {
    id: m.id,
    slug: m.slug,
    catalogue: m.catalogue,
    number: m.number,
    title: m.title,
    description: m.description,
    goals: m.goals,
    targetGroupText: m.targetGroupText,
    statusText: m.statusText,
    state: m.state,
    remarks: m.remarks,
    responsibleText: m.responsibleText,
    directionInward: m.directionInward,
    directionOutward: m.directionOutward,
    isNew: m.isNew,
    isGap: m.isGap,
    extraFields: m.extraFields,
    lastReviewedAt: m.lastReviewedAt,
    updatedAt: m.updatedAt,
    version: row.version,
    placements: m.placements.map((p) => ({ nodeId: p.nodeId, path: p.path.map((n) => n.title), number: p.number, isPrimary: p.isPrimary })),
    actors: m.actors.map((a) => ({ id: a.id, slug: a.slug, name: a.name, role: a.role, wording: a.wording })),
    targetGroups: m.targetGroups,
    references: m.referencesOut.map((r) => ({ id: r.id, catalogueSlug: r.catalogueSlug, slug: r.slug, title: r.title, wording: r.wording })),
    url: abs(ctx, ctx.paths.measure(m.catalogue.slug, m.slug)),
  };
}

export async function readActors(ctx: ReadContext, query: PageQuery & { q?: string }): Promise<Out<typeof S.ActorList>> {
  const rows = await listActors(ctx.db, { query: query.q ?? '', municipality: ctx.municipality });
  return paginate(
    rows.map((a) => ({ ...a, url: abs(ctx, ctx.paths.actor(a.slug)) })),
    query,
  );
}

export async function readActor(ctx: ReadContext, slug: string): Promise<Out<typeof S.ActorDetail> | null> {
  const a = await getActorDetail(ctx.db, slug, ctx.municipality);
  if (!a) return null;
  return {
    slug: a.slug,
    name: a.name,
    kind: a.kind,
    measureCount: a.measureCount,
    responsibleCount: a.responsibleCount,
    aliases: a.aliases,
    url: abs(ctx, ctx.paths.actor(a.slug)),
    description: a.description,
    parent: a.parent,
    children: a.children,
    measures: a.groups.flatMap((g) =>
      g.measures.map((m) => ({
        id: m.id,
        catalogueSlug: m.catalogueSlug,
        slug: m.slug,
        number: m.number,
        title: m.title,
        url: abs(ctx, ctx.paths.measure(m.catalogueSlug, m.slug)),
        roles: m.roles,
      })),
    ),
  };
}

export async function readTargetGroups(ctx: ReadContext, query: PageQuery): Promise<Out<typeof S.TargetGroupList>> {
  const rows = await listTargetGroups(ctx.db, ctx.municipality);
  return paginate(
    rows.map((g) => ({ ...g, url: abs(ctx, ctx.paths.targetGroup(g.slug)) })),
    query,
  );
}

export async function readTargetGroup(ctx: ReadContext, slug: string): Promise<Out<typeof S.TargetGroupDetail> | null> {
  const g = await getTargetGroupDetail(ctx.db, slug, ctx.municipality);
  if (!g) return null;
  return {
    slug: g.slug,
    name: g.name,
    measureCount: g.measureCount,
    url: abs(ctx, ctx.paths.targetGroup(g.slug)),
    description: g.description,
    measures: g.groups.flatMap((grp) =>
      grp.measures.map((m) => ({
        id: m.id,
        catalogueSlug: m.catalogueSlug,
        slug: m.slug,
        number: m.number,
        title: m.title,
        url: abs(ctx, ctx.paths.measure(m.catalogueSlug, m.slug)),
      })),
    ),
  };
}
