/** Checks that what a measure state refers to exists and belongs to its catalogue and municipality. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { actors, catalogues, measureStates, nodes, revisions, targetGroups } from '../../db/schema';
import type { EditableMeasure } from '../../catalogue/editable-measure';
import { isUuid } from '../../text/uuid';
import { ValidationError } from '../errors';

/**
 * Actors merged into others (vocabulary) keep a revision with `mergedInto`: old states and
 * pending change requests that still name them are mapped to the actor they live on in.
 */
async function mapMergedActors(tx: Db, input: EditableMeasure, municipalityId: string): Promise<EditableMeasure> {
  const ids = [...new Set(input.actors.map((a) => a.actorId))];
  if (!ids.length) return input;
  const existing = new Set(
    (await tx.select({ id: actors.id }).from(actors).where(and(inArray(actors.id, ids), eq(actors.municipalityId, municipalityId)))).map(
      (r) => r.id,
    ),
  );
  const missing = ids.filter((id) => !existing.has(id));
  if (!missing.length) return input;
  const rows = await tx
    .select({ entityId: revisions.entityId, mergedInto: sql<string | null>`${revisions.state}->>'mergedInto'` })
    .from(revisions)
    .where(and(eq(revisions.entityType, 'actor'), sql`${revisions.state}->>'mergedInto' is not null`));
  const mergedInto = new Map(rows.map((r) => [r.entityId, r.mergedInto!]));
  const resolve = (id: string) => {
    let current = id;
    for (let i = 0; i < 10 && mergedInto.has(current); i++) current = mergedInto.get(current)!;
    return current;
  };
  const seen = new Set<string>();
  return {
    ...input,
    actors: input.actors
      .map((a) => ({ ...a, actorId: resolve(a.actorId) }))
      .filter((a) => {
        const key = `${a.actorId}/${a.role}`;
        return !seen.has(key) && Boolean(seen.add(key));
      }),
  };
}

/**
 * Checks that everything the state refers to exists: the catalogue, its (not archived) nodes,
 * the municipality's actors and target groups, the state code. Returns the state with merged
 * actors mapped, or throws a ValidationError with German messages per field.
 */
export async function checkReferences(
  tx: Db,
  input: EditableMeasure,
  options: { allowNodeIds?: Iterable<string>; allowArchivedNodes?: boolean } = {},
): Promise<{ input: EditableMeasure; municipalityId: string }> {
  const [catalogue] = isUuid(input.catalogueId)
    ? await tx.select({ id: catalogues.id, municipalityId: catalogues.municipalityId }).from(catalogues).where(eq(catalogues.id, input.catalogueId))
    : [];
  if (!catalogue) throw new ValidationError({ catalogueId: 'Unbekannter Katalog.' });
  const mapped = await mapMergedActors(tx, input, catalogue.municipalityId);
  const errors: Record<string, string> = {};
  const allowed = new Set(options.allowNodeIds ?? []);

  const nodeIds = mapped.placements.map((p) => p.nodeId);
  const nodeRows = nodeIds.length
    ? await tx
        .select({ id: nodes.id, archivedAt: nodes.archivedAt })
        .from(nodes)
        .where(and(inArray(nodes.id, nodeIds), eq(nodes.catalogueId, catalogue.id)))
    : [];
  const nodeById = new Map(nodeRows.map((n) => [n.id, n]));
  mapped.placements.forEach((p, i) => {
    const node = nodeById.get(p.nodeId);
    if (!node) errors[`placements.${i}.nodeId`] ??= 'Dieser Bereich gehört nicht zum Katalog der Maßnahme.';
    else if (node.archivedAt && !options.allowArchivedNodes && !allowed.has(p.nodeId))
      errors[`placements.${i}.nodeId`] ??= 'Dieser Bereich ist archiviert.';
  });

  const actorIds = mapped.actors.map((a) => a.actorId);
  const actorRows = actorIds.length
    ? await tx
        .select({ id: actors.id })
        .from(actors)
        .where(and(inArray(actors.id, actorIds), eq(actors.municipalityId, catalogue.municipalityId)))
    : [];
  const knownActors = new Set(actorRows.map((a) => a.id));
  mapped.actors.forEach((a, i) => {
    if (!knownActors.has(a.actorId)) errors[`actors.${i}.actorId`] ??= 'Unbekannter Akteur.';
  });

  const groupRows = mapped.targetGroupIds.length
    ? await tx
        .select({ id: targetGroups.id })
        .from(targetGroups)
        .where(and(inArray(targetGroups.id, mapped.targetGroupIds), eq(targetGroups.municipalityId, catalogue.municipalityId)))
    : [];
  if (groupRows.length !== mapped.targetGroupIds.length) errors.targetGroupIds = 'Unbekannte Zielgruppe.';

  const [state] = await tx.select({ code: measureStates.code }).from(measureStates).where(eq(measureStates.code, mapped.stateCode));
  if (!state) errors.stateCode = 'Unbekannter Umsetzungsstand.';

  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { input: mapped, municipalityId: catalogue.municipalityId };
}
