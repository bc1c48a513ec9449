/**
 * Measures whose status as printed (free text, `status_text`) matches no structured state: the
 * importer maps clear wordings ("Regelangebot", "in Planung" …) to the code list and leaves the
 * rest "unbekannt" (importers/plan/vocabulary.ts, state-report.ts). Those wait for an editor to
 * read the text and choose a state; once chosen, the measure leaves the list. Measures that print
 * no status at all are not listed here — there is nothing to match (the diversity catalogue
 * prints none).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { placementColumns } from './placement';
import { asText, catalogueInScope, countingMeasure, type CatalogueRef, type GapScope, type Row } from './scope';

/** The code of the structured state "no state known" (schema default of measures.state_code). */
export const UNKNOWN_STATE = 'unbekannt';

export interface UnmatchedStatus {
  measureId: string;
  number: string | null;
  title: string;
  placement: string | null;
  statusText: string;
  catalogue: CatalogueRef;
}

export async function unmatchedStatus(db: Db, scope: GapScope): Promise<UnmatchedStatus[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select m.id, m.number, m.title, m.status_text, c.slug as catalogue_slug, c.title as catalogue_title,
          ${placementColumns('m')}
        from measures m join catalogues c on c.id = m.catalogue_id
        where ${countingMeasure('m')} and ${catalogueInScope(scope, 'c')}
          and m.state_code = ${UNKNOWN_STATE} and nullif(trim(m.status_text), '') is not null
        order by c.position, c.title, m.position, m.id`,
  );
  return rows.map((r) => ({
    measureId: String(r.id),
    number: asText(r.number),
    title: String(r.title),
    placement: asText(r.placement),
    statusText: String(r.status_text),
    catalogue: { slug: String(r.catalogue_slug), title: String(r.catalogue_title) },
  }));
}
