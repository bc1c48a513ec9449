/**
 * Read side of the back office (all workflow states, unlike the public queries): the measure
 * list with filters, the edit form's context and options, the review queue and one review.
 *
 * The list filters with ILIKE on title, number, description and the "Verantwortlich" text: the
 * search module (src/lib/server/search) indexes only published measures, while the back office
 * must find drafts, measures in review and archived ones too.
 */
import { and, asc, desc, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import {
  actors,
  catalogues,
  changeRequests,
  measureActors,
  measures,
  measureStates,
  nodes,
  revisions,
  targetGroups,
  users,
  WORKFLOW_STATES,
  type CatalogueKind,
  type ChangeState,
  type NodeType,
  type WorkflowState,
} from '../../db/schema';
import { can, type SessionUser } from '../../auth/policy';
import { loadMeasureSnapshots } from '../../catalogue/snapshot';
import { diffFields, type FieldDiff } from '../../revisions/diff';
import { describeMeasure, loadNames, MEASURE_TEXT_FIELDS } from '../../revisions/describe';
import { OPEN_STATES } from '../workflow/change-requests';
import { parseMeasure } from './parse-measure';
import { isUuid } from '../../text/uuid';
import { differingFields, editableFromSnapshot, type EditableField, type EditableMeasure } from '../../catalogue/editable-measure';

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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

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

export interface NodeOption {
  id: string;
  label: string;
  depth: number;
  type: NodeType;
  archived: boolean;
}

export interface EditOptions {
  nodes: NodeOption[];
  actors: { id: string; name: string }[];
  targetGroups: { id: string; name: string }[];
  states: { code: string; label: string }[];
}

/** The catalogue's nodes in tree order (depth-first), labelled "A1 Handlungsziel …". */
export async function nodeOptions(db: Db, catalogueId: string): Promise<NodeOption[]> {
  const rows = await db
    .select({ id: nodes.id, parentId: nodes.parentId, type: nodes.type, code: nodes.code, title: nodes.title, position: nodes.position, archivedAt: nodes.archivedAt })
    .from(nodes)
    .where(eq(nodes.catalogueId, catalogueId))
    .orderBy(asc(nodes.position));
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: NodeOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const n of children.get(parent) ?? []) {
      const label = n.code && !n.title.includes(n.code) ? `${n.code} ${n.title}` : n.title;
      out.push({ id: n.id, label, depth, type: n.type, archived: Boolean(n.archivedAt) });
      walk(n.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export async function editOptions(db: Db, catalogueId: string): Promise<EditOptions> {
  const [catalogue] = await db.select({ municipalityId: catalogues.municipalityId }).from(catalogues).where(eq(catalogues.id, catalogueId));
  const municipalityId = catalogue?.municipalityId ?? '00000000-0000-0000-0000-000000000000';
  const [nodeRows, actorRows, groupRows, stateRows] = await Promise.all([
    nodeOptions(db, catalogueId),
    db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.municipalityId, municipalityId)).orderBy(asc(actors.name)),
    db
      .select({ id: targetGroups.id, name: targetGroups.name })
      .from(targetGroups)
      .where(eq(targetGroups.municipalityId, municipalityId))
      .orderBy(asc(targetGroups.name)),
    db.select({ code: measureStates.code, label: measureStates.label }).from(measureStates).orderBy(asc(measureStates.position)),
  ]);
  return { nodes: nodeRows, actors: actorRows, targetGroups: groupRows, states: stateRows };
}

export interface OpenChange {
  id: string;
  state: ChangeState;
  author: string;
  authorId: string | null;
  comment: string | null;
  updatedAt: string;
  baseVersion: number | null;
}

export interface EditContext {
  measure: {
    id: string;
    slug: string;
    title: string;
    number: string | null;
    workflowState: WorkflowState;
    version: number;
    updatedAt: string;
    lastReviewedBy: string | null;
    isImported: boolean;
    catalogue: { id: string; slug: string; title: string; kind: CatalogueKind };
    extra: Record<string, unknown>;
  };
  current: EditableMeasure;
  /** The user's own open change request (the form shows it instead of the published state). */
  ownChange: (OpenChange & { proposed: EditableMeasure }) | null;
  /** Open change requests of others (editors see them). */
  otherChanges: OpenChange[];
  permissions: { edit: boolean; publish: boolean; archive: boolean; restoreRevision: boolean; needsReview: boolean };
}

const authorName = sql<string>`coalesce(${users.name}, ${users.email}, 'Unbekannt')`;

export async function getEditContext(db: Db, user: SessionUser, measureId: string): Promise<EditContext | null> {
  if (!isUuid(measureId)) return null;
  const snapshot = (await loadMeasureSnapshots(db, [measureId])).get(measureId);
  if (!snapshot) return null;
  const [catalogue] = await db
    .select({ id: catalogues.id, slug: catalogues.slug, title: catalogues.title, kind: catalogues.kind })
    .from(catalogues)
    .where(eq(catalogues.id, snapshot.catalogueId));
  const [reviewer] = snapshot.lastReviewedBy
    ? await db.select({ name: authorName }).from(users).where(eq(users.id, snapshot.lastReviewedBy))
    : [];
  const open = await db
    .select({
      id: changeRequests.id,
      state: changeRequests.state,
      authorId: changeRequests.authorId,
      author: authorName,
      comment: changeRequests.comment,
      updatedAt: changeRequests.updatedAt,
      baseVersion: changeRequests.baseVersion,
      proposed: changeRequests.proposed,
    })
    .from(changeRequests)
    .leftJoin(users, eq(users.id, changeRequests.authorId))
    .where(and(eq(changeRequests.measureId, measureId), inArray(changeRequests.state, [...OPEN_STATES])))
    .orderBy(desc(changeRequests.updatedAt));
  const toOpen = (r: (typeof open)[number]): OpenChange => ({
    id: r.id,
    state: r.state,
    author: r.author,
    authorId: r.authorId,
    comment: r.comment,
    updatedAt: r.updatedAt.toISOString(),
    baseVersion: r.baseVersion,
  });
  const own = open.find((r) => r.authorId === user.id);
  let ownProposed: EditableMeasure | null = null;
  if (own) {
    try {
      ownProposed = parseMeasure(own.proposed);
    } catch {
      ownProposed = null;
    }
  }
  const scope = { actorIds: snapshot.actors.filter((a) => a.role === 'verantwortlich').map((a) => a.actorId) };
  return {
    measure: {
      id: snapshot.id,
      slug: snapshot.slug,
      title: snapshot.title,
      number: snapshot.number,
      workflowState: snapshot.workflowState,
      version: snapshot.version,
      updatedAt: snapshot.updatedAt,
      lastReviewedBy: reviewer?.name ?? null,
      isImported: Boolean(snapshot.importKey),
      catalogue: catalogue!,
      extra: snapshot.extra,
    },
    current: editableFromSnapshot(snapshot),
    ownChange: own && ownProposed ? { ...toOpen(own), proposed: ownProposed } : null,
    otherChanges: can(user, 'measure.publish') ? open.filter((r) => r.authorId !== user.id).map(toOpen) : [],
    permissions: {
      edit: can(user, 'measure.edit', scope),
      publish: can(user, 'measure.publish'),
      archive: can(user, 'measure.archive'),
      restoreRevision: can(user, 'measure.restoreRevision'),
      needsReview: user.role === 'beitragende',
    },
  };
}

export interface ReviewQueue {
  changes: {
    id: string;
    measureId: string;
    measureTitle: string;
    measureNumber: string | null;
    catalogueTitle: string;
    author: string;
    comment: string | null;
    updatedAt: string;
    /** The measure changed since the request was made: publishing needs the merge view. */
    stale: boolean;
  }[];
  measures: { id: string; title: string; number: string | null; catalogueTitle: string; submittedBy: string | null; updatedAt: string }[];
}

export async function listReviewQueue(db: Db): Promise<ReviewQueue> {
  const changes = await db
    .select({
      id: changeRequests.id,
      measureId: measures.id,
      measureTitle: measures.title,
      measureNumber: measures.number,
      catalogueTitle: catalogues.title,
      author: authorName,
      comment: changeRequests.comment,
      updatedAt: changeRequests.updatedAt,
      stale: sql<boolean>`${changeRequests.baseVersion} is distinct from ${measures.version}`,
    })
    .from(changeRequests)
    .innerJoin(measures, eq(measures.id, changeRequests.measureId))
    .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
    .leftJoin(users, eq(users.id, changeRequests.authorId))
    .where(eq(changeRequests.state, 'in_pruefung'))
    .orderBy(asc(changeRequests.updatedAt));
  const pending = await db
    .select({
      id: measures.id,
      title: measures.title,
      number: measures.number,
      catalogueTitle: catalogues.title,
      updatedAt: measures.updatedAt,
      submittedBy: sql<string | null>`(select coalesce(u.name, u.email) from ${revisions} r join ${users} u on u.id = r.author_id
        where r.entity_type = 'measure' and r.entity_id = measures.id order by r.id desc limit 1)`,
    })
    .from(measures)
    .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
    .where(eq(measures.workflowState, 'in_pruefung'))
    .orderBy(asc(measures.updatedAt));
  return {
    changes: changes.map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString(), stale: Boolean(c.stale) })),
    measures: pending.map((m) => ({ ...m, updatedAt: m.updatedAt.toISOString() })),
  };
}

export interface ChangeReview {
  request: {
    id: string;
    state: ChangeState;
    author: string;
    authorId: string | null;
    comment: string | null;
    createdAt: string;
    updatedAt: string;
    baseVersion: number | null;
    reviewComment: string | null;
  };
  measure: {
    id: string;
    title: string;
    number: string | null;
    slug: string;
    version: number;
    workflowState: WorkflowState;
    catalogueSlug: string;
    catalogueId: string;
    catalogueKind: CatalogueKind;
  };
  current: EditableMeasure;
  proposed: EditableMeasure;
  stale: boolean;
  differing: EditableField[];
  fields: FieldDiff[];
}

/** Word diffs of two editable states, field by field (names resolved). */
export async function diffEditable(db: Db, before: EditableMeasure | null, after: EditableMeasure): Promise<FieldDiff[]> {
  const names = await loadNames(db, before ? [before, after] : [after]);
  const b = before ? describeMeasure(before, names) : ({} as Record<string, string>);
  const a = describeMeasure(after, names);
  return diffFields(b, a, MEASURE_TEXT_FIELDS.filter((f) => f !== 'workflowState'));
}

export async function getChangeReview(db: Db, changeRequestId: string): Promise<ChangeReview | null> {
  if (!isUuid(changeRequestId)) return null;
  const [row] = await db
    .select({ request: changeRequests, author: authorName })
    .from(changeRequests)
    .leftJoin(users, eq(users.id, changeRequests.authorId))
    .where(eq(changeRequests.id, changeRequestId));
  if (!row || !row.request.measureId) return null;
  const snapshot = (await loadMeasureSnapshots(db, [row.request.measureId])).get(row.request.measureId);
  if (!snapshot) return null;
  const [catalogue] = await db
    .select({ slug: catalogues.slug, kind: catalogues.kind })
    .from(catalogues)
    .where(eq(catalogues.id, snapshot.catalogueId));
  const current = editableFromSnapshot(snapshot);
  const proposed = parseMeasure(row.request.proposed);
  return {
    request: {
      id: row.request.id,
      state: row.request.state,
      author: row.author,
      authorId: row.request.authorId,
      comment: row.request.comment,
      createdAt: row.request.createdAt.toISOString(),
      updatedAt: row.request.updatedAt.toISOString(),
      baseVersion: row.request.baseVersion,
      reviewComment: row.request.reviewComment,
    },
    measure: {
      id: snapshot.id,
      title: snapshot.title,
      number: snapshot.number,
      slug: snapshot.slug,
      version: snapshot.version,
      workflowState: snapshot.workflowState,
      catalogueSlug: catalogue!.slug,
      catalogueId: snapshot.catalogueId,
      catalogueKind: catalogue!.kind,
    },
    current,
    proposed,
    stale: row.request.baseVersion !== snapshot.version,
    differing: differingFields(current, proposed),
    fields: await diffEditable(db, current, proposed),
  };
}

export interface NewMeasureReview {
  measure: { id: string; title: string; slug: string; version: number; workflowState: WorkflowState; catalogueTitle: string; submittedBy: string | null };
  state: EditableMeasure;
  fields: FieldDiff[];
}

export async function getNewMeasureReview(db: Db, measureId: string): Promise<NewMeasureReview | null> {
  if (!isUuid(measureId)) return null;
  const snapshot = (await loadMeasureSnapshots(db, [measureId])).get(measureId);
  if (!snapshot) return null;
  const [catalogue] = await db.select({ title: catalogues.title }).from(catalogues).where(eq(catalogues.id, snapshot.catalogueId));
  const [last] = await db
    .select({ name: authorName })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.entityType, 'measure'), eq(revisions.entityId, measureId)))
    .orderBy(desc(revisions.id))
    .limit(1);
  const state = editableFromSnapshot(snapshot);
  return {
    measure: {
      id: snapshot.id,
      title: snapshot.title,
      slug: snapshot.slug,
      version: snapshot.version,
      workflowState: snapshot.workflowState,
      catalogueTitle: catalogue?.title ?? '',
      submittedBy: last?.name ?? null,
    },
    state,
    fields: (await diffEditable(db, null, state)).filter((f) => f.changed),
  };
}

/** Describes a conflict's two states as word diffs (theirs → mine), for the merge view's hints. */
export async function conflictFields(db: Db, theirs: EditableMeasure, mine: EditableMeasure): Promise<FieldDiff[]> {
  return (await diffEditable(db, theirs, mine)).filter((f) => f.changed);
}

export async function listCatalogueOptions(db: Db) {
  return db
    .select({ id: catalogues.id, slug: catalogues.slug, title: catalogues.title, kind: catalogues.kind })
    .from(catalogues)
    .orderBy(asc(catalogues.position), asc(catalogues.title));
}


/** The measure's `extra` (the form shows only some keys; the rest is kept). */
export async function currentExtra(db: Db, measureId: string): Promise<Record<string, unknown>> {
  if (!isUuid(measureId)) return {};
  const [row] = await db.select({ extra: measures.extra }).from(measures).where(eq(measures.id, measureId));
  return row?.extra ?? {};
}
