/**
 * Moves a measure to another place in the structure (Handlungsziel, dimension …) and adds or
 * removes placements. A change like any other: same locking and workflow as updateMeasure.
 */
import type { Db } from '../../db/connection';
import type { SessionUser } from '../../auth/policy';
import { ValidationError } from '../errors';
import { parseMeasure } from './parse-measure';
import { saveFocusedEdit, type UpdateMeasureOptions, type UpdateMeasureResult } from './update-measure';

export interface MoveMeasureInput {
  version: number;
  /** Replace the placement under `from` by one under `to` (keeps its primary flag and number unless `number` is given). */
  from?: string;
  to?: string;
  number?: string | null;
  /** Further placements to add (with `number`), and placements to remove. */
  add?: string[];
  remove?: string[];
}

export async function moveMeasure(
  db: Db,
  user: SessionUser,
  measureId: string,
  move: MoveMeasureInput,
  options: UpdateMeasureOptions = {},
): Promise<UpdateMeasureResult> {
  return saveFocusedEdit(
    db,
    user,
    measureId,
    move.version,
    (current) => {
      let placements = current.placements.map((p) => ({ ...p }));
      if (move.from && move.to) {
        const i = placements.findIndex((p) => p.nodeId === move.from);
        if (i < 0) throw new ValidationError({ from: 'Die Maßnahme ist dort nicht eingeordnet.' });
        placements[i] = { nodeId: move.to, number: move.number !== undefined ? move.number : placements[i]!.number };
      }
      for (const nodeId of move.add ?? []) placements.push({ nodeId, number: move.number ?? null });
      const removed = new Set(move.remove ?? []);
      placements = placements.filter((p) => !removed.has(p.nodeId));
      return parseMeasure({ ...current, placements });
    },
    { comment: options.comment ?? 'Einordnung geändert', intent: options.intent },
  );
}
