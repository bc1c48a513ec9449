/**
 * The editable state of a measure (what an editor may set, see measure-input.ts) and how it is
 * read from a stored snapshot and compared. It lives beside the snapshot so that revisions/
 * (diffs of old states) and editing/ (use cases) both build on it without importing each other.
 */
import type { ActorRole } from '../db/schema';
import { canonicalJson } from '../text/hash';
import type { ValidMeasureInput } from './measure-input';
import type { MeasureSnapshot } from './snapshot';

export type EditableMeasure = ValidMeasureInput;

/** Fields of the editable state, in display order. */
export const EDITABLE_FIELDS = [
  'title',
  'number',
  'description',
  'goals',
  'targetGroupText',
  'targetGroupIds',
  'statusText',
  'stateCode',
  'remarks',
  'responsibleText',
  'actors',
  'directionInward',
  'directionOutward',
  'isNew',
  'isGap',
  'lastReviewedAt',
  'placements',
  'extra',
  'catalogueId',
] as const satisfies readonly (keyof EditableMeasure)[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export function editableFromSnapshot(s: MeasureSnapshot): EditableMeasure {
  const placements = [...s.placements].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.position - b.position);
  return {
    catalogueId: s.catalogueId,
    placements: placements.map((p) => ({ nodeId: p.nodeId, number: p.number ?? null })),
    number: s.number ?? null,
    title: s.title,
    description: s.description ?? '',
    goals: s.goals ?? null,
    targetGroupText: s.targetGroupText ?? null,
    statusText: s.statusText ?? null,
    stateCode: s.stateCode ?? 'unbekannt',
    remarks: s.remarks ?? null,
    responsibleText: s.responsibleText ?? null,
    directionInward: Boolean(s.directionInward),
    directionOutward: Boolean(s.directionOutward),
    isNew: Boolean(s.isNew),
    isGap: Boolean(s.isGap),
    extra: s.extra ?? {},
    actors: [...s.actors]
      .sort((a, b) => a.position - b.position)
      .map((a) => ({ actorId: a.actorId, role: a.role as ActorRole, wording: a.wording ?? null })),
    targetGroupIds: s.targetGroups.map((g) => g.targetGroupId),
    lastReviewedAt: s.lastReviewedAt ?? null,
  };
}

function comparable(field: EditableField, value: unknown): string {
  if (field === 'targetGroupIds') return canonicalJson([...((value as string[]) ?? [])].sort());
  return canonicalJson(value ?? null);
}

/** Fields whose values differ between two editable states. */
export function differingFields(a: EditableMeasure, b: EditableMeasure): EditableField[] {
  return EDITABLE_FIELDS.filter((f) => comparable(f, a[f]) !== comparable(f, b[f]));
}
