/**
 * Publishes an unpublished measure (a new one in review, or a draft): workflow state
 * "veroeffentlicht", version + 1, new "Stand", revision with the reviewer's comment, audit
 * `measure.publish`; whoever submitted it is told.
 */
import { and, desc, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { revisions } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { notify } from '../../notifications/notify';
import { WorkflowError } from '../errors';
import { setWorkflowState } from '../measures/write-measure';
import { recordAudit } from '../../auth/audit';
import { recordMeasureRevision } from '../measures/measure-revisions';
import { loadMeasure } from '../measures/load-measure';
import { inTransaction } from '../../db/transaction';

/** The last user other than `except` who wrote a revision of the measure (its submitter). */
export async function submitterOf(tx: Db, measureId: string, except: string): Promise<string | null> {
  const [row] = await tx
    .select({ authorId: revisions.authorId })
    .from(revisions)
    .where(and(eq(revisions.entityType, 'measure'), eq(revisions.entityId, measureId), isNotNull(revisions.authorId), ne(revisions.authorId, except)))
    .orderBy(desc(revisions.id))
    .limit(1);
  return row?.authorId ?? null;
}

export async function publishMeasure(
  db: Db,
  user: SessionUser,
  measureId: string,
  options: { comment?: string | null; version?: number } = {},
): Promise<{ version: number; slug: string }> {
  authorize(user, 'measure.publish');
  return inTransaction(db, async (tx) => {
    const { row } = await loadMeasure(tx, measureId);
    if (row.workflowState !== 'entwurf' && row.workflowState !== 'in_pruefung')
      throw new WorkflowError('Nur Entwürfe und Maßnahmen in Prüfung können veröffentlicht werden.');
    if (options.version !== undefined && options.version !== row.version)
      throw new WorkflowError('Die Maßnahme wurde inzwischen geändert. Bitte prüfen Sie den aktuellen Stand.');
    const saved = await setWorkflowState(tx, row, 'veroeffentlicht');
    const comment = options.comment?.trim() || null;
    await recordMeasureRevision(tx, measureId, { authorId: user.id, comment: comment ?? 'Veröffentlicht' });
    await recordAudit(tx, { userId: user.id, action: 'measure.publish', entityType: 'measure', entityId: measureId, details: { version: saved.version, title: saved.title } });
    const submitter = await submitterOf(tx, measureId, user.id);
    if (submitter)
      await notify(tx, {
        userIds: [submitter],
        kind: 'measure.published',
        title: `Maßnahme veröffentlicht: ${saved.title}`,
        body: comment ? `Kommentar der Redaktion: ${comment}` : null,
        link: `/admin/massnahmen/${measureId}`,
      });
    return { version: saved.version, slug: saved.slug };
  });
}
