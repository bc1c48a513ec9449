/**
 * Publishes a change request (editors): its proposed state is applied to the measure and its
 * links, version + 1, `updated_at` = now (the public "Stand"); the revision names the author of
 * the change and carries the reviewer's comment; audit `measure.publish`; the author is told.
 *
 * If the measure changed since the request's base version, nothing is written and the result
 * is a conflict (theirs = current, mine = proposed) for the merge view; the reviewer then
 * publishes a `resolution` (the merged state, based on the current version).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { changeRequests } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { notify } from '../../notifications/notify';
import type { MeasureInput } from '../../catalogue/measure-input';
import { buildConflict, type MeasureConflict } from '../measures/conflict';
import { WorkflowError } from '../errors';
import { loadChangeRequest } from './change-requests';
import { writeMeasure } from '../measures/write-measure';
import { recordAudit } from '../../auth/audit';
import { recordMeasureRevision } from '../measures/measure-revisions';
import { checkReferences } from '../measures/check-references';
import { loadMeasure } from '../measures/load-measure';
import { parseMeasure } from '../measures/parse-measure';
import { inTransaction } from '../../db/transaction';

export interface PublishChangeOptions {
  comment?: string | null;
  /** The merged state after a conflict, based on the measure's current `version`. */
  resolution?: MeasureInput & { version: number };
}

export type PublishChangeResult =
  | { status: 'published'; measureId: string; slug: string; version: number }
  | { status: 'conflict'; conflict: MeasureConflict };

export async function publishChange(
  db: Db,
  user: SessionUser,
  changeRequestId: string,
  options: PublishChangeOptions = {},
): Promise<PublishChangeResult> {
  authorize(user, 'measure.publish');
  return inTransaction(db, async (tx) => {
    const request = await loadChangeRequest(tx, changeRequestId, true);
    if (request.state !== 'in_pruefung' && request.state !== 'entwurf')
      throw new WorkflowError('Über diese Änderung wurde bereits entschieden.');
    if (!request.measureId) throw new WorkflowError('Die Änderung gehört zu keiner Maßnahme.');
    const { row, editable: current } = await loadMeasure(tx, request.measureId);
    if (row.workflowState === 'archiviert') throw new WorkflowError('Die Maßnahme ist archiviert. Bitte stellen Sie sie zuerst wieder her.');

    let proposed;
    if (options.resolution) {
      proposed = parseMeasure(options.resolution);
      if (Number(options.resolution.version) !== row.version)
        return { status: 'conflict', conflict: await buildConflict(tx, row, current, proposed, Number(options.resolution.version)) };
    } else {
      proposed = parseMeasure(request.proposed);
      if (request.baseVersion !== row.version)
        return { status: 'conflict', conflict: await buildConflict(tx, row, current, proposed, request.baseVersion ?? 0) };
    }

    const { input } = await checkReferences(tx, proposed, { allowNodeIds: current.placements.map((p) => p.nodeId) });
    const saved = await writeMeasure(tx, { existing: row, input, workflowState: 'veroeffentlicht', authorId: request.authorId });
    // The revision describes the change in its author's words; the reviewer's remark is added.
    const reviewerComment = options.comment?.trim() || null;
    const authorComment = request.comment?.trim() || null;
    const comment =
      authorComment && reviewerComment
        ? `${authorComment} · Redaktion: ${reviewerComment}`
        : (authorComment ?? reviewerComment ?? 'Änderung geprüft und veröffentlicht');
    await recordMeasureRevision(tx, row.id, { authorId: request.authorId ?? user.id, comment });
    await tx
      .update(changeRequests)
      .set({
        state: 'veroeffentlicht',
        reviewerId: user.id,
        reviewComment: reviewerComment,
        decidedAt: new Date(),
        updatedAt: new Date(),
        ...(options.resolution ? { proposed: input } : {}),
      })
      .where(eq(changeRequests.id, request.id));
    await recordAudit(tx, {
      userId: user.id,
      action: 'measure.publish',
      entityType: 'measure',
      entityId: row.id,
      details: { changeRequestId: request.id, authorId: request.authorId, version: saved.version, merged: Boolean(options.resolution) },
    });
    if (request.authorId && request.authorId !== user.id)
      await notify(tx, {
        userIds: [request.authorId],
        kind: 'change.published',
        title: `Ihre Änderung wurde veröffentlicht: ${saved.title}`,
        body: options.comment?.trim() ? `Kommentar der Redaktion: ${options.comment.trim()}` : null,
        link: `/admin/massnahmen/${row.id}`,
      });
    return { status: 'published', measureId: row.id, slug: saved.slug, version: saved.version };
  });
}
