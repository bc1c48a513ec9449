/** "Als geprüft markieren": sets "zuletzt geprüft" to today (city time zone). A change like any other. */
import type { Db } from '../../db/connection';
import type { SessionUser } from '../../auth/policy';
import { isoDate } from '../../../i18n/format';
import { parseMeasure } from './parse-measure';
import { saveFocusedEdit, type UpdateMeasureOptions, type UpdateMeasureResult } from './update-measure';

export function today(): string {
  return isoDate(new Date());
}

export async function markReviewed(
  db: Db,
  user: SessionUser,
  measureId: string,
  change: { version: number; date?: string },
  options: UpdateMeasureOptions = {},
): Promise<UpdateMeasureResult> {
  return saveFocusedEdit(
    db,
    user,
    measureId,
    change.version,
    (current) => parseMeasure({ ...current, lastReviewedAt: change.date ?? today() }),
    { comment: options.comment ?? 'Als geprüft markiert', intent: options.intent },
  );
}
