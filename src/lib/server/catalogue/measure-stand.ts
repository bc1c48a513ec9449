/**
 * The "Stand" a measure page shows. Imported wording is as current as the document it came
 * from, so until someone edits the measure its Stand is the source edition's ("Oktober 2019"),
 * not the day of the import; after an edit (the latest revision is not the importer's) it is the
 * date the change was published (`updated_at`). Uses existing columns: the measure's source
 * file, the edition imported from that file, and the revision log.
 */
import { sql } from 'drizzle-orm';
import { IMPORT_AUTHOR } from '../db/revision-authors';

export type MeasureStand =
  /** Text as imported: the Stand printed in the source edition. */
  | { kind: 'edition'; stand: string }
  /** Changed in the app: the publication date (ISO timestamp). */
  | { kind: 'published'; date: string };

/** Its two inputs as one SQL select list item each (`imported`, `stand`), for a caller's statement. */
export function measureStandColumns(row: { id: string; catalogueId: string; source: { file: string } | null }) {
  return sql`(select r.author_id is null and r.author_label = ${IMPORT_AUTHOR} from revisions r
      where r.entity_type = 'measure' and r.entity_id = ${row.id} order by r.id desc limit 1) as stand_imported,
    (select e.stand from editions e
      where e.catalogue_id = ${row.catalogueId} and e.source_file = ${row.source?.file ?? null} and e.stand is not null
      order by e.created_at limit 1) as stand_edition`;
}

/** The Stand from what `measureStandColumns` selected. */
export function toMeasureStand(
  row: { source: { file: string } | null; updatedAt: Date },
  found: { stand_imported: boolean | null; stand_edition: string | null },
): MeasureStand {
  const published: MeasureStand = { kind: 'published', date: row.updatedAt.toISOString() };
  if (!row.source?.file) return published;
  // A measure without any revision was never edited either (e.g. written by an older importer).
  const imported = found.stand_imported ?? true;
  return imported && found.stand_edition ? { kind: 'edition', stand: found.stand_edition } : published;
}
