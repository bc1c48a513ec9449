/**
 * Creates a measure. Everyone with `measure.create` may (contributors only for measures one of
 * whose responsible actors they are bound to). The new row starts as a draft ("entwurf") unless
 * asked otherwise; contributors cannot publish: asking to publish submits it for review
 * ("in_pruefung"), which notifies the editors. Editors may publish directly.
 */
import type { Db } from '../../db/connection';
import type { WorkflowState } from '../../db/schema';
import { authorize, needsReview, type SessionUser } from '../../auth/policy';
import { notify } from '../../notifications/notify';
import type { MeasureInput } from '../../catalogue/measure-input';
import { writeMeasure } from './write-measure';
import { recordAudit } from '../../auth/audit';
import { recordMeasureRevision } from './measure-revisions';
import { checkReferences } from './check-references';
import { parseMeasure, responsibleOf } from './parse-measure';
import { inTransaction } from '../../db/transaction';

export interface CreateMeasureOptions {
  comment?: string;
  /** Default "entwurf". "veroeffentlicht" publishes directly (editors; contributors get "in_pruefung"). */
  workflowState?: 'entwurf' | 'in_pruefung' | 'veroeffentlicht';
}

export async function createMeasure(
  db: Db,
  user: SessionUser,
  input: MeasureInput,
  options: CreateMeasureOptions = {},
): Promise<{ id: string; slug: string; workflowState: WorkflowState }> {
  const parsed = parseMeasure(input);
  authorize(user, 'measure.create', { actorIds: responsibleOf(parsed) });
  let workflowState: WorkflowState = options.workflowState ?? 'entwurf';
  if (workflowState === 'veroeffentlicht' && needsReview(user)) workflowState = 'in_pruefung';

  return inTransaction(db, async (tx) => {
    const { input: checked } = await checkReferences(tx, parsed);
    const row = await writeMeasure(tx, { existing: null, input: checked, workflowState, authorId: user.id });
    const comment = options.comment?.trim() || 'Maßnahme angelegt';
    await recordMeasureRevision(tx, row.id, { authorId: user.id, comment });
    await recordAudit(tx, {
      userId: user.id,
      action: workflowState === 'veroeffentlicht' ? 'measure.publish' : 'measure.create',
      entityType: 'measure',
      entityId: row.id,
      details: { title: row.title, workflowState },
    });
    if (workflowState === 'in_pruefung')
      await notify(tx, {
        roles: ['redaktion', 'admin'],
        kind: 'review.measure',
        title: `Neue Maßnahme zur Prüfung: ${row.title}`,
        body: `${user.name ?? user.email} hat eine neue Maßnahme eingereicht.${options.comment ? `\n\nKommentar: ${options.comment}` : ''}`,
        link: `/admin/pruefung/massnahme/${row.id}`,
      });
    return { id: row.id, slug: row.slug, workflowState: row.workflowState };
  });
}
