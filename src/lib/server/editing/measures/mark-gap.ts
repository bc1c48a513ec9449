/**
 * Marks a measure as a gap ("keine explizite Maßnahme formuliert") or as a measure again. A gap
 * has no involved actors: they are dropped when marking (the revision keeps them).
 */
import type { Db } from '../../db/connection';
import type { SessionUser } from '../../auth/policy';
import { parseMeasure } from './parse-measure';
import { saveFocusedEdit, type UpdateMeasureOptions, type UpdateMeasureResult } from './update-measure';

export async function markGap(
  db: Db,
  user: SessionUser,
  measureId: string,
  change: { version: number; isGap: boolean },
  options: UpdateMeasureOptions = {},
): Promise<UpdateMeasureResult> {
  return saveFocusedEdit(
    db,
    user,
    measureId,
    change.version,
    (current) =>
      parseMeasure({
        ...current,
        isGap: change.isGap,
        actors: change.isGap ? current.actors.filter((a) => a.role !== 'beteiligt') : current.actors,
      }),
    { comment: options.comment ?? (change.isGap ? 'Als Lücke markiert' : 'Nicht mehr als Lücke markiert'), intent: options.intent },
  );
}
