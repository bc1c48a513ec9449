/** Shared by the structure and vocabulary use cases: revisions of plain rows, municipality. */
import type { Db } from '../db/connection';
import { ensureMunicipality } from '../catalogue/municipality';
import { recordRevisions, type EntityType } from '../revisions/record';

export async function recordRowRevision(
  tx: Db,
  entityType: EntityType,
  row: { id: string } & Record<string, unknown>,
  authorId: string,
  comment: string,
): Promise<void> {
  await recordRevisions(tx, [{ entityType, entityId: row.id, state: row, authorId, comment }]);
}

/** The tenant: the given one, or the default municipality (Herne). */
export async function municipalityOf(tx: Db, municipalityId?: string): Promise<string> {
  return municipalityId ?? ensureMunicipality(tx);
}
