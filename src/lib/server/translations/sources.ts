/**
 * The German source of a catalogue's translation units: every non-empty translatable field of
 * the catalogue, its structure nodes, its published measures and the actors and target groups
 * those measures name — with the hash the status is computed from.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { actors, catalogues, measureActors, measures, measureTargetGroups, nodes, targetGroups } from '../db/schema';
import { normaliseSource, sourceHash } from './status';
import { TRANSLATABLE_FIELDS, unitId, type TranslatableEntity, type TranslatableField } from './fields';

export interface SourceUnit {
  id: string;
  entityType: TranslatableEntity;
  entityId: string;
  field: TranslatableField;
  /** German text, normalised. */
  text: string;
  hash: string;
  /** What the editor sees as the unit's context: "Maßnahme 3.2 Sprachförderung". */
  context: string;
  /** Reading order within the catalogue. */
  position: number;
}

type Row = Record<string, unknown> & { id: string };

function unitsOf(entityType: TranslatableEntity, row: Row, context: string, position: number): SourceUnit[] {
  const out: SourceUnit[] = [];
  for (const field of TRANSLATABLE_FIELDS[entityType]) {
    const text = normaliseSource(row[field] as string | null | undefined);
    if (!text) continue;
    out.push({ id: unitId({ entityType, entityId: row.id, field }), entityType, entityId: row.id, field, text, hash: sourceHash(text), context, position });
  }
  return out;
}

const NODE_LABEL: Record<string, string> = {
  handlungsfeld: 'Handlungsfeld',
  leitziel: 'Leitziel',
  handlungsziel: 'Handlungsziel',
  dimension: 'Dimension',
  dezernat: 'Dezernat',
  organisationseinheit: 'Organisationseinheit',
  kapitel: 'Kapitel',
};

export async function loadSourceUnits(db: Db, catalogueId: string): Promise<SourceUnit[]> {
  const [catalogue] = await db.select().from(catalogues).where(eq(catalogues.id, catalogueId));
  if (!catalogue) return [];
  const units: SourceUnit[] = [...unitsOf('catalogue', catalogue, 'Katalog', 0)];
  let position = 1;
  const nodeRows = await db
    .select()
    .from(nodes)
    .where(and(eq(nodes.catalogueId, catalogueId), isNull(nodes.archivedAt)))
    .orderBy(nodes.position, nodes.id);
  // Depth-first, as the catalogue is read.
  const children = new Map<string | null, typeof nodeRows>();
  for (const n of nodeRows) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const walk = (parent: string | null) => {
    for (const n of children.get(parent) ?? []) {
      units.push(...unitsOf('node', n, [NODE_LABEL[n.type] ?? n.type, n.code].filter(Boolean).join(' '), position++));
      walk(n.id);
    }
  };
  walk(null);
  const measureRows = await db
    .select()
    .from(measures)
    .where(and(eq(measures.catalogueId, catalogueId), eq(measures.workflowState, 'veroeffentlicht'), eq(measures.isGap, false)))
    .orderBy(measures.position, measures.id);
  for (const m of measureRows) units.push(...unitsOf('measure', m, ['Maßnahme', m.number].filter(Boolean).join(' '), position++));
  const measureIds = measureRows.map((m) => m.id);
  if (measureIds.length) {
    const actorIds = [
      ...new Set([
        ...(await db.select({ id: measureActors.actorId }).from(measureActors).where(inArray(measureActors.measureId, measureIds))).map((r) => r.id),
        ...nodeRows.map((n) => n.actorId).filter((id): id is string => Boolean(id)),
      ]),
    ];
    if (actorIds.length)
      for (const a of await db.select().from(actors).where(inArray(actors.id, actorIds)).orderBy(actors.name))
        units.push(...unitsOf('actor', a, 'Akteur', position++));
    const groupIds = [
      ...new Set((await db.select({ id: measureTargetGroups.targetGroupId }).from(measureTargetGroups).where(inArray(measureTargetGroups.measureId, measureIds))).map((r) => r.id)),
    ];
    if (groupIds.length)
      for (const g of await db.select().from(targetGroups).where(inArray(targetGroups.id, groupIds)).orderBy(targetGroups.name))
        units.push(...unitsOf('target_group', g, 'Zielgruppe', position++));
  }
  return units;
}

/** The current German text of one field (any entity, inside or outside a catalogue), or null. */
export async function loadSourceText(db: Db, entityType: TranslatableEntity, entityId: string, field: TranslatableField): Promise<string | null> {
  const table = { catalogue: catalogues, node: nodes, measure: measures, actor: actors, target_group: targetGroups }[entityType];
  const [row] = (await db.select().from(table).where(eq(table.id, entityId))) as Row[];
  if (!row) return null;
  return normaliseSource(row[field] as string | null | undefined);
}
