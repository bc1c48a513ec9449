/**
 * What the back office's measure form needs: the edit context (current state, own and others'
 * open change requests, permissions), the options of its selects and the conflict diff.
 */
import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import {
  actors,
  catalogues,
  changeRequests,
  measures,
  measureStates,
  nodes,
  revisions,
  targetGroups,
  users,
  type CatalogueKind,
  type ChangeState,
  type NodeType,
  type WorkflowState,
} from '../../db/schema';
import { can, type SessionUser } from '../../auth/policy';
import { loadMeasureSnapshots, type MeasureSnapshot } from '../../catalogue/snapshot';
import { IMPORT_AUTHOR } from '../../db/revision-authors';
import { diffFields, type FieldDiff } from '../../revisions/diff';
import { describeMeasure, loadNames, MEASURE_TEXT_FIELDS } from '../../revisions/describe';
import { OPEN_STATES } from '../workflow/change-requests';
import { parseMeasure } from './parse-measure';
import { authorName } from '../author-name';
import { isUuid } from '../../text/uuid';
import { differingFields, editableFromSnapshot, type EditableMeasure } from '../../catalogue/editable-measure';

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
    /** "Fassung n" of the current state: how many revisions the measure has. */
    revisionCount: number;
    updatedAt: string;
    lastReviewedBy: string | null;
    /** The text is still the one imported from the source document (unchanged since the last import). */
    isImported: boolean;
    catalogue: { id: string; slug: string; title: string; kind: CatalogueKind };
    extra: Record<string, unknown>;
  };
  current: EditableMeasure;
  /** The user's own open change request (the form shows it instead of the published state). */
  ownChange: (OpenChange & { proposed: EditableMeasure }) | null;
  /** Open change requests of others (editors see them). */
  otherChanges: OpenChange[];
  permissions: { edit: boolean; publish: boolean; archive: boolean; restoreRevision: boolean; needsReview: boolean; manageVocabulary: boolean };
}

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
  const ofMeasure = and(eq(revisions.entityType, 'measure'), eq(revisions.entityId, measureId));
  const [[revisionTotal], [lastImport]] = await Promise.all([
    db.select({ n: count() }).from(revisions).where(ofMeasure),
    db
      .select({ state: revisions.state })
      .from(revisions)
      .where(and(ofMeasure, isNull(revisions.authorId), eq(revisions.authorLabel, IMPORT_AUTHOR)))
      .orderBy(desc(revisions.id))
      .limit(1),
  ]);
  const current = editableFromSnapshot(snapshot);
  // "Imported" only while the text equals the last import; a review without change keeps it.
  const isImported =
    Boolean(lastImport) &&
    differingFields(editableFromSnapshot(lastImport!.state as MeasureSnapshot), current).every((f) => f === 'lastReviewedAt');
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
      revisionCount: Number(revisionTotal?.n ?? 0),
      updatedAt: snapshot.updatedAt,
      lastReviewedBy: reviewer?.name ?? null,
      isImported,
      catalogue: catalogue!,
      extra: snapshot.extra,
    },
    current,
    ownChange: own && ownProposed ? { ...toOpen(own), proposed: ownProposed } : null,
    otherChanges: can(user, 'measure.publish') ? open.filter((r) => r.authorId !== user.id).map(toOpen) : [],
    permissions: {
      edit: can(user, 'measure.edit', scope),
      publish: can(user, 'measure.publish'),
      archive: can(user, 'measure.archive'),
      restoreRevision: can(user, 'measure.restoreRevision'),
      manageVocabulary: can(user, 'vocabulary.manage'),
      needsReview: user.role === 'beitragende',
    },
  };
}

/** Word diffs of two editable states, field by field (names resolved). */
export async function diffEditable(db: Db, before: EditableMeasure | null, after: EditableMeasure): Promise<FieldDiff[]> {
  const names = await loadNames(db, before ? [before, after] : [after]);
  const b = before ? describeMeasure(before, names) : ({} as Record<string, string>);
  const a = describeMeasure(after, names);
  return diffFields(b, a, MEASURE_TEXT_FIELDS.filter((f) => f !== 'workflowState'));
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
