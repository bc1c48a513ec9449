/**
 * Gap records ("Lücken"): entries where the document records that no measure was formulated
 * for a Handlungsziel ("Es wurde keine explizite Maßnahme formuliert", "Eine Maßnahme wurde
 * nicht formuliert, da …"). The importer keeps them as measures with `is_gap` so their
 * Verantwortlich/Status survive; here they are listed as what they are: open tasks.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { placementColumns } from './placement';
import { measureBelowNode } from './subtree';
import { asText, catalogueInScope, type CatalogueRef, type GapScope, type Row } from './scope';

export interface GapRecord {
  measureId: string;
  number: string | null;
  title: string;
  /** "Handlungsfeld › A1". */
  placement: string | null;
  /** The Handlungsziel's code ("A1"). */
  placementCode: string | null;
  responsibleText: string | null;
  statusText: string | null;
  catalogue: CatalogueRef;
}

export async function gapRecords(db: Db, scope: GapScope): Promise<GapRecord[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select m.id, m.number, m.title, m.responsible_text, m.status_text, c.slug as catalogue_slug, c.title as catalogue_title,
          ${placementColumns('m')}
        from measures m join catalogues c on c.id = m.catalogue_id
        where m.is_gap and m.workflow_state <> 'archiviert' and ${catalogueInScope(scope, 'c')} and ${measureBelowNode(scope.node, 'm')}
        order by c.position, c.title, m.position, m.id`,
  );
  return rows.map((r) => ({
    measureId: String(r.id),
    number: asText(r.number),
    title: String(r.title),
    placement: asText(r.placement),
    placementCode: asText(r.placement_code),
    responsibleText: asText(r.responsible_text),
    statusText: asText(r.status_text),
    catalogue: { slug: String(r.catalogue_slug), title: String(r.catalogue_title) },
  }));
}
