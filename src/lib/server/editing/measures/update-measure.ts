/**
 * Saves an edited measure (all editable fields, links included).
 *
 * - Optimistic locking: `input.version` must be the measure's current version, otherwise the
 *   result is a conflict with both versions (nothing is written, nothing typed is lost).
 * - Intent: "publish" (editors: the change goes live, version + 1, new "Stand"), "submit" (for
 *   review) or "draft". Contributors (`needsReview`) cannot publish: "publish" means "submit".
 * - A published measure is never touched by a change that waits: it becomes the author's
 *   change request (state "in_pruefung" or "entwurf", `proposed` = full editable state,
 *   `base_version`), one open request per author and measure, updated by further saves.
 * - An unpublished measure (draft, in review) is saved in place.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { changeRequests, type WorkflowState } from '../../db/schema';
import { authorize, needsReview, type SessionUser } from '../../auth/policy';
import { notify } from '../../notifications/notify';
import type { MeasureInput } from '../../catalogue/measure-input';
import { buildConflict, type MeasureConflict } from './conflict';
import { WorkflowError } from '../errors';
import { writeMeasure } from './write-measure';
import { recordAudit } from '../../auth/audit';
import { recordMeasureRevision } from './measure-revisions';
import { checkReferences } from './check-references';
import { loadMeasure, responsibleActorIds } from './load-measure';
import { parseMeasure } from './parse-measure';
import { differingFields, type EditableMeasure } from '../../catalogue/editable-measure';
import { openChangeRequest } from '../workflow/change-requests';
import { inTransaction } from '../../db/transaction';

export type SaveIntent = 'publish' | 'submit' | 'draft';

export type UpdateMeasureInput = MeasureInput & { version: number };

export interface UpdateMeasureOptions {
  comment?: string | null;
  intent?: SaveIntent;
}

export type UpdateMeasureResult =
  | { status: 'saved'; id: string; slug: string; version: number; workflowState: WorkflowState; changed: boolean }
  | { status: 'proposed'; changeRequestId: string; state: 'entwurf' | 'in_pruefung'; changed: boolean }
  | { status: 'conflict'; conflict: MeasureConflict };

export function effectiveIntent(user: SessionUser, intent: SaveIntent | undefined): SaveIntent {
  const wanted = intent ?? (needsReview(user) ? 'submit' : 'publish');
  return wanted === 'publish' && needsReview(user) ? 'submit' : wanted;
}

export async function updateMeasure(
  db: Db,
  user: SessionUser,
  measureId: string,
  input: UpdateMeasureInput,
  options: UpdateMeasureOptions = {},
): Promise<UpdateMeasureResult> {
  return inTransaction(db, (tx) =>
    saveMeasure(tx, user, measureId, { version: input.version, build: () => parseMeasure(input) }, options),
  );
}

/**
 * The body of updateMeasure, also used by use cases that derive the new state from the current
 * one (move, gap, reviewed): `build` runs after the authorisation check.
 */
export async function saveMeasure(
  tx: Db,
  user: SessionUser,
  measureId: string,
  change: { version: number; build: (current: EditableMeasure) => EditableMeasure },
  options: UpdateMeasureOptions,
): Promise<UpdateMeasureResult> {
  const { row, editable: current } = await loadMeasure(tx, measureId);
  authorize(user, 'measure.edit', { actorIds: await responsibleActorIds(tx, measureId) });
  const intent = effectiveIntent(user, options.intent);
  if (intent === 'publish') authorize(user, 'measure.publish');
  if (row.workflowState === 'archiviert')
    throw new WorkflowError('Die Maßnahme ist archiviert. Bitte stellen Sie sie zuerst wieder her.');

  const parsed = change.build(current);
  const version = Number(change.version);
  if (!Number.isInteger(version) || version !== row.version)
    return { status: 'conflict', conflict: await buildConflict(tx, row, current, parsed, Number.isInteger(version) ? version : 0) };

  const { input: mine } = await checkReferences(tx, parsed, { allowNodeIds: current.placements.map((p) => p.nodeId) });
  const changed = differingFields(current, mine).length > 0;
  const comment = options.comment?.trim() || null;
  const open = await openChangeRequest(tx, measureId, user.id);

  // A published measure stays as it is until the change is published.
  if (row.workflowState === 'veroeffentlicht' && intent !== 'publish') {
    const state = intent === 'submit' ? 'in_pruefung' : 'entwurf';
    if (!changed && !open)
      return { status: 'saved', id: row.id, slug: row.slug, version: row.version, workflowState: row.workflowState, changed: false };
    let changeRequestId: string;
    if (open) {
      await tx
        .update(changeRequests)
        .set({ proposed: mine, baseVersion: row.version, state, comment: comment ?? open.comment, updatedAt: new Date() })
        .where(eq(changeRequests.id, open.id));
      changeRequestId = open.id;
    } else {
      const [created] = await tx
        .insert(changeRequests)
        .values({ catalogueId: row.catalogueId, measureId, baseVersion: row.version, proposed: mine, state, authorId: user.id, comment })
        .returning({ id: changeRequests.id });
      changeRequestId = created!.id;
    }
    if (state === 'in_pruefung' && open?.state !== 'in_pruefung')
      await notify(tx, {
        roles: ['redaktion', 'admin'],
        kind: 'review.change',
        title: `Änderung zur Prüfung: ${row.title}`,
        body: `${user.name ?? user.email} hat eine Änderung eingereicht.${comment ? `\n\nKommentar: ${comment}` : ''}`,
        link: `/admin/pruefung/${changeRequestId}`,
      });
    return { status: 'proposed', changeRequestId, state, changed };
  }

  const workflowState: WorkflowState =
    intent === 'publish' ? 'veroeffentlicht' : row.workflowState === 'veroeffentlicht' ? row.workflowState : intent === 'submit' ? 'in_pruefung' : 'entwurf';
  if (!changed && workflowState === row.workflowState)
    return { status: 'saved', id: row.id, slug: row.slug, version: row.version, workflowState, changed: false };

  const saved = await writeMeasure(tx, { existing: row, input: mine, workflowState, authorId: user.id });
  const published = workflowState === 'veroeffentlicht' && row.workflowState !== 'veroeffentlicht';
  await recordMeasureRevision(tx, measureId, {
    authorId: user.id,
    // A comment typed when the draft was saved describes the change it publishes.
    comment: comment ?? open?.comment ?? (published ? 'Veröffentlicht' : workflowState === 'in_pruefung' && row.workflowState !== 'in_pruefung' ? 'Zur Prüfung eingereicht' : 'Geändert'),
  });
  if (workflowState === 'veroeffentlicht')
    await recordAudit(tx, {
      userId: user.id,
      action: 'measure.publish',
      entityType: 'measure',
      entityId: measureId,
      details: { version: saved.version, title: saved.title, direct: true },
    });
  if (open && intent === 'publish')
    await tx
      .update(changeRequests)
      .set({ state: 'veroeffentlicht', reviewerId: user.id, decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(changeRequests.id, open.id));
  if (workflowState === 'in_pruefung' && row.workflowState !== 'in_pruefung')
    await notify(tx, {
      roles: ['redaktion', 'admin'],
      kind: 'review.measure',
      title: `Maßnahme zur Prüfung: ${saved.title}`,
      body: `${user.name ?? user.email} hat eine Maßnahme zur Prüfung eingereicht.${comment ? `\n\nKommentar: ${comment}` : ''}`,
      link: `/admin/pruefung/massnahme/${measureId}`,
    });
  return { status: 'saved', id: saved.id, slug: saved.slug, version: saved.version, workflowState, changed: true };
}

/**
 * A focused edit of one aspect (gap, review date, placements) in its own transaction: the
 * current state is changed by `build` and saved like any other edit.
 */
export function saveFocusedEdit(
  db: Db,
  user: SessionUser,
  measureId: string,
  version: number,
  build: (current: EditableMeasure) => EditableMeasure,
  options: UpdateMeasureOptions & { comment: string },
): Promise<UpdateMeasureResult> {
  return inTransaction(db, (tx) => saveMeasure(tx, user, measureId, { version, build }, { comment: options.comment, intent: options.intent }));
}
