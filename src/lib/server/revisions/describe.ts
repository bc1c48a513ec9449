/**
 * Textual descriptions of entity states for diffs: a measure's links are shown by name
 * ("Fachbereich Kinder-Jugend-Familie (verantwortlich, „FB 51“)", "Bildung › A › A1"), states by
 * label. Names are loaded in a fixed number of queries for any number of states.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { actors, measureStates, nodes, targetGroups, type WorkflowState } from '../db/schema';
import type { EditableMeasure } from '../catalogue/editable-measure';

export const MEASURE_TEXT_FIELDS = [
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
  'marks',
  'lastReviewedAt',
  'placements',
  'extra',
  'workflowState',
] as const;
export type MeasureTextField = (typeof MEASURE_TEXT_FIELDS)[number];

export const WORKFLOW_LABELS: Record<WorkflowState, string> = {
  entwurf: 'Entwurf',
  in_pruefung: 'In Prüfung',
  veroeffentlicht: 'Veröffentlicht',
  archiviert: 'Archiviert',
};

export type DescribableMeasure = EditableMeasure & { workflowState?: WorkflowState | null };

export interface NameLookups {
  actors: Map<string, string>;
  nodes: Map<string, string>;
  targetGroups: Map<string, string>;
  states: Map<string, string>;
}

export async function loadNames(db: Db, states: DescribableMeasure[]): Promise<NameLookups> {
  const actorIds = [...new Set(states.flatMap((s) => s.actors.map((a) => a.actorId)))];
  const groupIds = [...new Set(states.flatMap((s) => s.targetGroupIds))];
  const catalogueIds = [...new Set(states.map((s) => s.catalogueId))];
  const [actorRows, groupRows, nodeRows, stateRows] = await Promise.all([
    actorIds.length ? db.select({ id: actors.id, name: actors.name }).from(actors).where(inArray(actors.id, actorIds)) : [],
    groupIds.length ? db.select({ id: targetGroups.id, name: targetGroups.name }).from(targetGroups).where(inArray(targetGroups.id, groupIds)) : [],
    catalogueIds.length
      ? db
          .select({ id: nodes.id, parentId: nodes.parentId, code: nodes.code, title: nodes.title, type: nodes.type })
          .from(nodes)
          .where(inArray(nodes.catalogueId, catalogueIds))
      : [],
    db.select({ code: measureStates.code, label: measureStates.label }).from(measureStates),
  ]);
  const byId = new Map(nodeRows.map((n) => [n.id, n]));
  const short = (n: (typeof nodeRows)[number]) =>
    (n.type === 'leitziel' || n.type === 'handlungsziel') && n.code ? n.code : n.title;
  const nodeLabel = (id: string) => {
    const parts: string[] = [];
    for (let n = byId.get(id); n; n = n.parentId ? byId.get(n.parentId) : undefined) parts.unshift(short(n));
    const own = byId.get(id);
    if (own && (own.type === 'leitziel' || own.type === 'handlungsziel') && own.code && own.title !== `${own.type === 'leitziel' ? 'Leitziel' : 'Handlungsziel'} ${own.code}`)
      parts[parts.length - 1] = `${own.code} ${own.title}`;
    return parts.join(' › ');
  };
  return {
    actors: new Map(actorRows.map((a) => [a.id, a.name])),
    targetGroups: new Map(groupRows.map((g) => [g.id, g.name])),
    nodes: new Map(nodeRows.map((n) => [n.id, nodeLabel(n.id)])),
    states: new Map(stateRows.map((s) => [s.code, s.label])),
  };
}

const unknown = (id: string) => `(gelöscht: ${id.slice(0, 8)})`;

export function describeMeasure(m: DescribableMeasure, names: NameLookups): Record<MeasureTextField, string> {
  const extra = Object.entries(m.extra ?? {})
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n');
  return {
    title: m.title,
    number: m.number ?? '',
    description: m.description ?? '',
    goals: m.goals ?? '',
    targetGroupText: m.targetGroupText ?? '',
    targetGroups: m.targetGroupIds
      .map((id) => names.targetGroups.get(id) ?? unknown(id))
      .sort((a, b) => a.localeCompare(b, 'de'))
      .join('\n'),
    statusText: m.statusText ?? '',
    state: names.states.get(m.stateCode) ?? m.stateCode,
    remarks: m.remarks ?? '',
    responsibleText: m.responsibleText ?? '',
    actors: m.actors
      .map((a) => {
        const name = names.actors.get(a.actorId) ?? unknown(a.actorId);
        return `${name} (${a.role}${a.wording && a.wording !== name ? `, „${a.wording}“` : ''})`;
      })
      .join('\n'),
    direction: [m.directionInward ? 'nach innen' : null, m.directionOutward ? 'nach außen' : null].filter(Boolean).join(', '),
    marks: [m.isNew ? 'neu' : null, m.isGap ? 'Lücke' : null].filter(Boolean).join(', '),
    lastReviewedAt: m.lastReviewedAt ?? '',
    placements: m.placements
      .map((p, i) => `${names.nodes.get(p.nodeId) ?? unknown(p.nodeId)}${p.number ? ` (Nr. ${p.number})` : ''}${i === 0 ? ' – Hauptort' : ''}`)
      .join('\n'),
    extra,
    workflowState: m.workflowState ? WORKFLOW_LABELS[m.workflowState] : '',
  };
}

const HIDDEN_ROW_KEYS = new Set(['id', 'createdAt', 'updatedAt', 'municipalityId', 'catalogueId', 'importKey', 'source', 'position']);

/** Any other entity (node, actor, target group, catalogue, contact): its plain fields as text. */
export function describeRow(state: Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(state ?? {})) {
    if (HIDDEN_ROW_KEYS.has(key)) continue;
    out[key] =
      value === null || value === undefined
        ? ''
        : typeof value === 'string'
          ? value
          : typeof value === 'boolean'
            ? value
              ? 'ja'
              : 'nein'
            : Array.isArray(value) && value.every((v) => typeof v === 'string')
              ? value.join('\n')
              : JSON.stringify(value);
  }
  return out;
}
