/**
 * What a published change did, read from two revisions of a measure: the state after the change
 * and the revision just before it. Only states the public could see are compared, so a feed
 * never describes a draft: a first publication is "new" (whatever drafts came before), a change
 * between two published states lists the fields that differ.
 */
import type { WorkflowState } from '../db/schema';
import type { MeasureSnapshot } from '../catalogue/snapshot';
import { differingFields, editableFromSnapshot, type EditableField } from '../catalogue/editable-measure';

export type ChangeKind = 'new' | 'changed' | 'reviewed' | 'restored' | 'archived';

/** Changed fields as the feed names them (the two direction flags are one "Wirkrichtung"). */
export type FeedField = Exclude<EditableField, 'catalogueId' | 'directionInward' | 'directionOutward'> | 'direction';

export interface ClassifiedChange {
  kind: ChangeKind;
  /** For "changed": the fields that differ from the previous published state, in display order. */
  fields: FeedField[];
}

function workflowOf(state: MeasureSnapshot | null): WorkflowState | null {
  return (state?.workflowState as WorkflowState | undefined) ?? null;
}

/**
 * Whether a revision is a public change: a published state, or the archiving of a measure that
 * was published until then (archiving a draft was never public). Null when it is not.
 */
export function classifyChange(state: MeasureSnapshot, previous: MeasureSnapshot | null): ClassifiedChange | null {
  const now = workflowOf(state);
  const before = workflowOf(previous);
  if (now === 'archiviert') return before === 'veroeffentlicht' ? { kind: 'archived', fields: [] } : null;
  if (now !== 'veroeffentlicht') return null;
  if (!previous || before === 'entwurf' || before === 'in_pruefung') return { kind: 'new', fields: [] };
  if (before === 'archiviert') return { kind: 'restored', fields: [] };
  const fields = feedFields(differingFields(editableFromSnapshot(previous), editableFromSnapshot(state)));
  // Only the review date moved ("geprüft, unverändert"), or nothing the public sees did.
  if (fields.every((f) => f === 'lastReviewedAt')) return { kind: 'reviewed', fields: [] };
  return { kind: 'changed', fields };
}

function feedFields(fields: EditableField[]): FeedField[] {
  const out: FeedField[] = [];
  for (const f of fields) {
    if (f === 'catalogueId') continue;
    const named: FeedField = f === 'directionInward' || f === 'directionOutward' ? 'direction' : f;
    if (!out.includes(named)) out.push(named);
  }
  return out;
}
