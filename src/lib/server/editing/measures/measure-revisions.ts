/** A measure's history: appending its current snapshot as a revision, and reading the state before archiving. */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { revisions, type WorkflowState } from '../../db/schema';
import { loadMeasureSnapshots } from '../../catalogue/snapshot';
import { recordRevisions } from '../../revisions/record';

export async function recordMeasureRevision(
  tx: Db,
  measureId: string,
  by: { authorId: string | null; authorLabel?: string | null; comment?: string | null },
): Promise<void> {
  const snapshot = (await loadMeasureSnapshots(tx, [measureId])).get(measureId);
  await recordRevisions(tx, [
    { entityType: 'measure', entityId: measureId, state: snapshot, authorId: by.authorId, authorLabel: by.authorLabel ?? null, comment: by.comment ?? null },
  ]);
}

/** Workflow state a measure had before it was archived (from its revisions; "entwurf" if unknown). */
export async function stateBeforeArchive(tx: Db, measureId: string): Promise<WorkflowState> {
  const [row] = await tx
    .select({ state: sql<WorkflowState>`${revisions.state}->>'workflowState'` })
    .from(revisions)
    .where(
      and(
        eq(revisions.entityType, 'measure'),
        eq(revisions.entityId, measureId),
        isNotNull(sql`${revisions.state}->>'workflowState'`),
        sql`${revisions.state}->>'workflowState' <> 'archiviert'`,
      ),
    )
    .orderBy(sql`${revisions.id} desc`)
    .limit(1);
  return row?.state ?? 'entwurf';
}
