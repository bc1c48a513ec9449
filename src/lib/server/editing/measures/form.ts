/**
 * The measure form without JavaScript: what a form posts (FormData) ↔ the values the form shows
 * (plain strings, so whatever was typed comes back unchanged after an error) ↔ the use cases'
 * input. Field names:
 *
 *   catalogueId, version, title, number, description, goals, targetGroupText, statusText,
 *   stateCode, remarks, responsibleText, directionInward, directionOutward, isNew, isGap
 *   (checkboxes), lastReviewedAt, targetGroupIds (checkboxes, repeated),
 *   placements.N.nodeId / placements.N.number / placements.N.remove, primaryPlacement (= N),
 *   actors.N.actorId / actors.N.role / actors.N.wording / actors.N.remove,
 *   extra.<key> (kind-specific text fields), comment, intent (submit button).
 *
 * Blank rows (no node / no actor) and rows marked "remove" are dropped and the rest renumbered,
 * so error keys such as `actors.1.actorId` match the rows the form shows again.
 */
import type { ActorRole } from '../../db/schema';
import type { MeasureInput } from '../../catalogue/measure-input';
import type { EditableField, EditableMeasure } from '../../catalogue/editable-measure';
import type { SaveIntent } from './update-measure';

export interface MeasureFormValues {
  catalogueId: string;
  version: number | null;
  title: string;
  number: string;
  description: string;
  goals: string;
  targetGroupText: string;
  statusText: string;
  stateCode: string;
  remarks: string;
  responsibleText: string;
  directionInward: boolean;
  directionOutward: boolean;
  isNew: boolean;
  isGap: boolean;
  lastReviewedAt: string;
  targetGroupIds: string[];
  placements: { nodeId: string; number: string }[];
  actors: { actorId: string; role: ActorRole; wording: string }[];
  extra: Record<string, string>;
}

/** Extra fields shown as text fields in the form (the rest of `extra` is kept as it is). */
export const EXTRA_FORM_KEYS = ['bedarf', 'massnahme', 'vereinbarung', 'finanzierungsvorbehalt'] as const;

export function formValuesFromEditable(e: EditableMeasure, version: number | null): MeasureFormValues {
  const extra: Record<string, string> = {};
  for (const key of EXTRA_FORM_KEYS) {
    const v = e.extra?.[key];
    if (typeof v === 'string') extra[key] = v;
  }
  return {
    catalogueId: e.catalogueId,
    version,
    title: e.title,
    number: e.number ?? '',
    description: e.description ?? '',
    goals: e.goals ?? '',
    targetGroupText: e.targetGroupText ?? '',
    statusText: e.statusText ?? '',
    stateCode: e.stateCode,
    remarks: e.remarks ?? '',
    responsibleText: e.responsibleText ?? '',
    directionInward: e.directionInward,
    directionOutward: e.directionOutward,
    isNew: e.isNew,
    isGap: e.isGap,
    lastReviewedAt: e.lastReviewedAt ?? '',
    targetGroupIds: [...e.targetGroupIds],
    placements: e.placements.map((p) => ({ nodeId: p.nodeId, number: p.number ?? '' })),
    actors: e.actors.map((a) => ({ actorId: a.actorId, role: a.role, wording: a.wording ?? '' })),
    extra,
  };
}

export function emptyFormValues(catalogueId: string, defaults: Partial<MeasureFormValues> = {}): MeasureFormValues {
  return {
    catalogueId,
    version: null,
    title: '',
    number: '',
    description: '',
    goals: '',
    targetGroupText: '',
    statusText: '',
    stateCode: 'unbekannt',
    remarks: '',
    responsibleText: '',
    directionInward: false,
    directionOutward: false,
    isNew: false,
    isGap: false,
    lastReviewedAt: '',
    targetGroupIds: [],
    placements: [],
    actors: [],
    extra: {},
    ...defaults,
  };
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** Rows of `prefix.N.field` inputs, in N order. */
function rows(form: FormData, prefix: string): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,3})\\.(\\w+)$`);
  for (const [key, value] of form.entries()) {
    const m = pattern.exec(key);
    if (!m || typeof value !== 'string') continue;
    const n = Number(m[1]);
    const row = out.get(n) ?? new Map<string, string>();
    row.set(m[2]!, value);
    out.set(n, row);
  }
  return new Map([...out].sort(([a], [b]) => a - b));
}

export interface ParsedMeasureForm {
  values: MeasureFormValues;
  comment: string;
  intent: SaveIntent | undefined;
  /** The "Als geprüft markieren" button was used. */
  markReviewed: boolean;
}

export function measureFormFromData(form: FormData): ParsedMeasureForm {
  const primary = text(form, 'primaryPlacement');
  const placementRows = [...rows(form, 'placements')]
    .filter(([, r]) => (r.get('nodeId') ?? '') !== '' && !r.has('remove'))
    .sort(([a], [b]) => Number(String(b) === primary) - Number(String(a) === primary));
  const actorRows = [...rows(form, 'actors')].filter(([, r]) => (r.get('actorId') ?? '') !== '' && !r.has('remove'));
  const extra: Record<string, string> = {};
  for (const key of EXTRA_FORM_KEYS) if (form.has(`extra.${key}`)) extra[key] = text(form, `extra.${key}`);
  const version = Number(text(form, 'version'));
  const intent = text(form, 'intent');
  return {
    values: {
      catalogueId: text(form, 'catalogueId'),
      version: Number.isInteger(version) && version > 0 ? version : null,
      title: text(form, 'title'),
      number: text(form, 'number'),
      description: text(form, 'description'),
      goals: text(form, 'goals'),
      targetGroupText: text(form, 'targetGroupText'),
      statusText: text(form, 'statusText'),
      stateCode: text(form, 'stateCode'),
      remarks: text(form, 'remarks'),
      responsibleText: text(form, 'responsibleText'),
      directionInward: form.has('directionInward'),
      directionOutward: form.has('directionOutward'),
      isNew: form.has('isNew'),
      isGap: form.has('isGap'),
      lastReviewedAt: text(form, 'lastReviewedAt'),
      targetGroupIds: form.getAll('targetGroupIds').filter((v): v is string => typeof v === 'string' && v !== ''),
      placements: placementRows.map(([, r]) => ({ nodeId: r.get('nodeId') ?? '', number: r.get('number') ?? '' })),
      actors: actorRows.map(([, r]) => ({
        actorId: r.get('actorId') ?? '',
        role: r.get('role') === 'beteiligt' ? 'beteiligt' : 'verantwortlich',
        wording: r.get('wording') ?? '',
      })),
      extra,
    },
    comment: text(form, 'comment'),
    intent: intent === 'publish' || intent === 'submit' || intent === 'draft' ? intent : undefined,
    markReviewed: form.has('markReviewed'),
  };
}

/**
 * The use cases' input from form values. `baseExtra` is the measure's current `extra`: keys the
 * form does not show are kept; an emptied text field removes its key.
 */
export function inputFromFormValues(v: MeasureFormValues, baseExtra: Record<string, unknown> = {}): MeasureInput {
  const extra: Record<string, unknown> = { ...baseExtra };
  for (const [key, value] of Object.entries(v.extra)) {
    if (value.trim()) extra[key] = value.trim();
    else delete extra[key];
  }
  return {
    catalogueId: v.catalogueId,
    placements: v.placements.map((p) => ({ nodeId: p.nodeId, number: p.number })),
    number: v.number,
    title: v.title,
    description: v.description,
    goals: v.goals,
    targetGroupText: v.targetGroupText,
    statusText: v.statusText,
    stateCode: v.stateCode || 'unbekannt',
    remarks: v.remarks,
    responsibleText: v.responsibleText,
    directionInward: v.directionInward,
    directionOutward: v.directionOutward,
    isNew: v.isNew,
    isGap: v.isGap,
    extra,
    actors: v.actors.map((a) => ({ actorId: a.actorId, role: a.role, wording: a.wording })),
    targetGroupIds: v.targetGroupIds,
    lastReviewedAt: v.lastReviewedAt.trim() === '' ? null : v.lastReviewedAt.trim(),
  };
}

/**
 * The merge view's form values: what was typed, except the fields only the other side changed
 * (taken from their version), based on their version.
 */
export function mergedFormValues(
  typed: MeasureFormValues,
  theirs: EditableMeasure,
  takenFromTheirs: readonly EditableField[],
  version: number,
): MeasureFormValues {
  const theirValues = formValuesFromEditable(theirs, version);
  const out = { ...typed, version } as Record<string, unknown>;
  for (const field of takenFromTheirs) out[field] = theirValues[field];
  return out as unknown as MeasureFormValues;
}
