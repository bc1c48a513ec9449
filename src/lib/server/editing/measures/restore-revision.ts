/**
 * "Diesen Stand wiederherstellen": applies the content of an earlier revision of a measure to
 * the measure (its current workflow state is kept), version + 1, new "Stand", and appends a NEW
 * revision — history is never rewritten. Actors merged since are mapped to the actor they now
 * live on in; structure nodes archived since are accepted.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { revisions } from '../../db/schema';
import type { MeasureSnapshot } from '../../catalogue/snapshot';
import { authorize, type SessionUser } from '../../auth/policy';
import { formatDateShort } from '../../../i18n/format';
import { NotFoundError, WorkflowError } from '../errors';
import { writeMeasure } from './write-measure';
import { recordAudit } from '../../auth/audit';
import { recordMeasureRevision } from './measure-revisions';
import { checkReferences } from './check-references';
import { loadMeasure } from './load-measure';
import { parseMeasure } from './parse-measure';
import { differingFields, editableFromSnapshot } from '../../catalogue/editable-measure';
import { inTransaction } from '../../db/transaction';
import { revisionNumber } from '../../revisions/revision-number';

export async function restoreRevision(
  db: Db,
  user: SessionUser,
  revisionId: number,
  options: { comment?: string | null; version?: number; /** The measure the caller expects the revision to belong to. */ measureId?: string } = {},
): Promise<{ measureId: string; version: number; changed: boolean }> {
  authorize(user, 'measure.restoreRevision');
  return inTransaction(db, async (tx) => {
    const [revision] = Number.isSafeInteger(revisionId) ? await tx.select().from(revisions).where(eq(revisions.id, revisionId)) : [];
    if (!revision || revision.entityType !== 'measure' || (options.measureId && options.measureId !== revision.entityId))
      throw new NotFoundError('Die Fassung');
    const { row, editable: current } = await loadMeasure(tx, revision.entityId);
    if (options.version !== undefined && options.version !== row.version)
      throw new WorkflowError('Die Maßnahme wurde inzwischen geändert. Bitte prüfen Sie den Verlauf erneut.');
    const old = parseMeasure(editableFromSnapshot(revision.state as MeasureSnapshot));
    const { input } = await checkReferences(tx, { ...old, catalogueId: row.catalogueId }, { allowArchivedNodes: true });
    if (!differingFields(current, input).length) return { measureId: row.id, version: row.version, changed: false };
    const saved = await writeMeasure(tx, { existing: row, input, workflowState: row.workflowState, authorId: user.id });
    const note = `Fassung ${await revisionNumber(tx, revision)} vom ${formatDateShort(revision.createdAt, 'de')} wiederhergestellt`;
    const comment = options.comment?.trim() ? `${note}: ${options.comment.trim()}` : note;
    await recordMeasureRevision(tx, row.id, { authorId: user.id, comment });
    await recordAudit(tx, {
      userId: user.id,
      action: 'measure.restoreRevision',
      entityType: 'measure',
      entityId: row.id,
      details: { revisionId: revision.id, version: saved.version, published: saved.workflowState === 'veroeffentlicht' },
    });
    return { measureId: row.id, version: saved.version, changed: true };
  });
}
