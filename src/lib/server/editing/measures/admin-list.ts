/**
 * The back office's measure list (all workflow states, unlike the public queries) with its
 * filters. It filters with ILIKE on title, number, description and the "Verantwortlich" text: the
 * search module (src/lib/server/search) indexes only published measures, while the back office
 * must find drafts, measures in review and archived ones too.
 */
import { and, asc, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import {
  actors,
  catalogues,
  changeRequests,
  measureActors,
  measures,
  measureStates,
  WORKFLOW_STATES,
  type CatalogueKind,
  type WorkflowState,
} from '../../db/schema';
import type { SessionUser } from '../../auth/policy';
import { isUuid } from '../../text/uuid';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const ADMIN_PAGE_SIZE = 25;

export interface AdminMeasureFilter {
  q?: string;
  /** Catalogue slug. */
  katalog?: string;
  workflow?: string;
  /** Structured state code. */
  stand?: string;
  /** Actor id. */
  akteur?: string;
  /** Only measures of the user's actors. */
  meine?: boolean;
  seite?: number;
}

export interface AdminMeasureItem {
  id: string;
  number: string | null;
  title: string;
  /** Where the measure stands (its main placement: Handlungsziel, dimension or office), "A1 Titel". */
  placement: string | null;
  catalogue: { slug: string; title: string };
  workflowState: WorkflowState;
  stateLabel: string;
  isGap: boolean;
  responsible: string[];
  updatedAt: string;
  openChanges: number;
}

export interface AdminMeasureList {
  items: AdminMeasureItem[];
  total: number;
  page: number;
  pages: number;
  filter: Required<Omit<AdminMeasureFilter, 'seite'>>;
}

export function parseAdminFilter(params: URLSearchParams): AdminMeasureFilter {
  const page = Number(params.get('seite') ?? '1');
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    katalog: params.get('katalog') ?? '',
    workflow: params.get('workflow') ?? '',
    stand: params.get('stand') ?? '',
    akteur: params.get('akteur') ?? '',
    meine: params.get('meine') === '1',
    seite: Number.isInteger(page) && page > 0 && page < 10_000 ? page : 1,
  };
}

export async function listAdminMeasures(db: Db, user: SessionUser, filter: AdminMeasureFilter): Promise<AdminMeasureList> {
  const conditions: SQL[] = [];
  const q = filter.q?.trim() ?? '';
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conditions.push(
      or(
        ilike(measures.title, pattern),
        ilike(measures.number, pattern),
        ilike(measures.description, pattern),
        ilike(measures.responsibleText, pattern),
        // "A1" or words of the Handlungsziel find the measures placed there.
        sql`exists (select 1 from measure_nodes mn join nodes n on n.id = mn.node_id
          where mn.measure_id = ${measures.id} and (n.code ilike ${pattern} or n.title ilike ${pattern}))`,
      )!,
    );
  }
  if (filter.katalog) conditions.push(eq(catalogues.slug, filter.katalog));
  if (filter.workflow && (WORKFLOW_STATES as readonly string[]).includes(filter.workflow))
    conditions.push(eq(measures.workflowState, filter.workflow as WorkflowState));
  else if (!filter.workflow) conditions.push(sql`${measures.workflowState} <> 'archiviert'`);
  if (filter.stand) conditions.push(eq(measures.stateCode, filter.stand));
  const linkedTo = (ids: string[], responsibleOnly: boolean) =>
    ids.length
      ? exists(
          db
            .select({ one: sql`1` })
            .from(measureActors)
            .where(
              and(
                eq(measureActors.measureId, measures.id),
                inArray(measureActors.actorId, ids),
                responsibleOnly ? eq(measureActors.role, 'verantwortlich') : undefined,
              ),
            ),
        )
      : sql`false`;
  if (filter.akteur && isUuid(filter.akteur)) conditions.push(linkedTo([filter.akteur], false));
  // "Meine": the measures the user's actors are responsible for (those they may edit).
  if (filter.meine) conditions.push(linkedTo(user.actorIds, true));
  const where = conditions.length ? and(...conditions) : undefined;

  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(measures)
    .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
    .where(where);
  const total = Number(count?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const page = Math.min(filter.seite ?? 1, pages);
  const rows = await db
    .select({
      id: measures.id,
      number: measures.number,
      title: measures.title,
      catalogueSlug: catalogues.slug,
      catalogueTitle: catalogues.title,
      workflowState: measures.workflowState,
      stateLabel: sql<string>`coalesce(${measureStates.label}, ${measures.stateCode})`,
      isGap: measures.isGap,
      updatedAt: measures.updatedAt,
      placement: sql<string | null>`(select nullif(concat_ws(' ', n.code, n.title), '') from measure_nodes mn join nodes n on n.id = mn.node_id
        where mn.measure_id = measures.id order by mn.is_primary desc, mn.position, n.position limit 1)`,
      openChanges: sql<number>`(select count(*)::int from ${changeRequests} cr where cr.measure_id = measures.id and cr.state = 'in_pruefung')`,
    })
    .from(measures)
    .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
    .leftJoin(measureStates, eq(measureStates.code, measures.stateCode))
    .where(where)
    .orderBy(asc(catalogues.position), asc(measures.position), asc(measures.title))
    .limit(ADMIN_PAGE_SIZE)
    .offset((page - 1) * ADMIN_PAGE_SIZE);
  const ids = rows.map((r) => r.id);
  const responsible = ids.length
    ? await db
        .select({ measureId: measureActors.measureId, name: actors.name })
        .from(measureActors)
        .innerJoin(actors, eq(actors.id, measureActors.actorId))
        .where(and(inArray(measureActors.measureId, ids), eq(measureActors.role, 'verantwortlich')))
        .orderBy(asc(measureActors.position))
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      placement: r.placement ?? null,
      catalogue: { slug: r.catalogueSlug, title: r.catalogueTitle },
      workflowState: r.workflowState,
      stateLabel: r.stateLabel,
      isGap: r.isGap,
      responsible: responsible.filter((x) => x.measureId === r.id).map((x) => x.name),
      updatedAt: r.updatedAt.toISOString(),
      openChanges: Number(r.openChanges),
    })),
    total,
    page,
    pages,
    filter: {
      q,
      katalog: filter.katalog ?? '',
      workflow: filter.workflow ?? '',
      stand: filter.stand ?? '',
      akteur: filter.akteur ?? '',
      meine: Boolean(filter.meine),
    },
  };
}

export interface FilterOptions {
  catalogues: { id: string; slug: string; title: string; kind: CatalogueKind }[];
  states: { code: string; label: string }[];
  actors: { id: string; name: string }[];
}

export async function filterOptions(db: Db): Promise<FilterOptions> {
  const [catalogueRows, stateRows, actorRows] = await Promise.all([
    db
      .select({ id: catalogues.id, slug: catalogues.slug, title: catalogues.title, kind: catalogues.kind })
      .from(catalogues)
      .orderBy(asc(catalogues.position), asc(catalogues.title)),
    db.select({ code: measureStates.code, label: measureStates.label }).from(measureStates).orderBy(asc(measureStates.position)),
    db.select({ id: actors.id, name: actors.name }).from(actors).orderBy(asc(actors.name)),
  ]);
  return { catalogues: catalogueRows, states: stateRows, actors: actorRows };
}
