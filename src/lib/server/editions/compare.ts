/**
 * "Was ist neu": compares two edition contents (pure, no database). Measures are matched by
 * their stable id; a measure is
 * - added: only in the later content,
 * - removed: only in the earlier one,
 * - moved: listed under other places (paths or numbers there differ),
 * - changed: any text field differs (field-level word diff through revisions/diff.ts).
 * A measure can be moved and changed at once. The "neu" marker of a new edition is the `added`
 * list of the comparison with the previous edition.
 */
import { diffFields, type FieldDiff } from '../revisions/diff';
import type { EditionContent, EditionMeasure } from './content';

/** Compared fields in display order; labels in the UI catalogue (`editions.field.<key>`). */
export const COMPARED_FIELDS = [
  'title',
  'number',
  'description',
  'goals',
  'targetGroupText',
  'targetGroups',
  'statusText',
  'state',
  'remarks',
  'responsibleText',
  'actors',
  'direction',
  'extra',
  'isGap',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface MeasureRef {
  id: string;
  slug: string;
  number: string | null;
  title: string;
  /** Primary place as printed ("Handlungsfeld Bildung › Leitziel A › Handlungsziel A1"). */
  place: string;
}

export interface ChangedMeasure {
  before: MeasureRef;
  after: MeasureRef;
  moved: boolean;
  placesBefore: string[];
  placesAfter: string[];
  /** Only the fields that differ. */
  fields: FieldDiff[];
}

export interface EditionComparison {
  added: MeasureRef[];
  removed: MeasureRef[];
  changed: ChangedMeasure[];
  unchangedCount: number;
}

const ROLE_LABELS: Record<string, string> = { verantwortlich: 'verantwortlich', beteiligt: 'beteiligt' };

/** A measure's compared fields as text (links by name, so renamed ids never show as changes). */
export function measureTexts(m: EditionMeasure): Record<ComparedField, string> {
  return {
    title: m.title,
    number: m.number ?? '',
    description: m.description,
    goals: m.goals ?? '',
    targetGroupText: m.targetGroupText ?? '',
    targetGroups: m.targetGroups.map((g) => g.name).join(', '),
    statusText: m.statusText ?? '',
    state: m.state.label,
    remarks: m.remarks ?? '',
    responsibleText: m.responsibleText ?? '',
    actors: m.actors.map((a) => `${a.name} (${ROLE_LABELS[a.role] ?? a.role})`).join(', '),
    direction: [m.directionInward ? 'nach innen' : null, m.directionOutward ? 'nach außen' : null].filter(Boolean).join(', '),
    extra: m.extraFields.map((f) => `${f.key}: ${f.value}`).join('\n'),
    isGap: m.isGap ? 'Lücke' : '',
  };
}

function placeOf(m: EditionMeasure): string {
  const primary = m.placements.find((p) => p.isPrimary) ?? m.placements[0];
  return primary ? primary.path.join(' › ') : '';
}

function places(m: EditionMeasure): string[] {
  return m.placements.map((p) => `${p.path.join(' › ')}${p.number ? ` (${p.number})` : ''}`).sort();
}

export function measureRef(m: EditionMeasure): MeasureRef {
  return { id: m.id, slug: m.slug, number: m.number, title: m.title, place: placeOf(m) };
}

export function compareContents(before: EditionContent, after: EditionContent): EditionComparison {
  const beforeById = new Map(before.measures.map((m) => [m.id, m]));
  const afterIds = new Set(after.measures.map((m) => m.id));
  const result: EditionComparison = { added: [], removed: [], changed: [], unchangedCount: 0 };
  for (const m of after.measures) {
    const old = beforeById.get(m.id);
    if (!old) {
      result.added.push(measureRef(m));
      continue;
    }
    const fields = diffFields(measureTexts(old), measureTexts(m), COMPARED_FIELDS).filter((f) => f.changed);
    const placesBefore = places(old);
    const placesAfter = places(m);
    const moved = placesBefore.join('\n') !== placesAfter.join('\n');
    if (fields.length || moved) result.changed.push({ before: measureRef(old), after: measureRef(m), moved, placesBefore, placesAfter, fields });
    else result.unchangedCount++;
  }
  for (const m of before.measures) if (!afterIds.has(m.id)) result.removed.push(measureRef(m));
  return result;
}

/** The content to freeze: `isNew` set exactly on the measures added since the previous edition. */
export function markNew(content: EditionContent, previous: EditionContent | null): EditionContent {
  if (!previous) return content;
  const known = new Set(previous.measures.map((m) => m.id));
  return { ...content, measures: content.measures.map((m) => ({ ...m, isNew: !known.has(m.id) })) };
}
