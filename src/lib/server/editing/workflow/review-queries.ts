/** The review queue of the back office and one review: a change request or a new measure, with a word diff. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import {
  catalogues,
  changeRequests,
  measures,
  revisions,
  users,
  type CatalogueKind,
  type ChangeState,
  type WorkflowState,
} from '../../db/schema';
import { loadMeasureSnapshots } from '../../catalogue/snapshot';
import type { FieldDiff } from '../../revisions/diff';
import { parseMeasure } from '../measures/parse-measure';
import { authorName } from '../author-name';
import { diffEditable } from '../measures/edit-context';
import { isUuid } from '../../text/uuid';
import {
  differingFields,
  editableFromSnapshot,
  type EditableField,
  type EditableMeasure,
} from '../../catalogue/editable-measure';

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
    updatedAt: string;
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
      updatedAt: snapshot.updatedAt,
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
