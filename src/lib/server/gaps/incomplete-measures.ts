/**
 * Measures with a field missing that the catalogue promises for every entry: a target group
 * (Zielgruppe, from the controlled vocabulary — what the public search filters by) or a
 * responsible actor (Verantwortlich — whom to ask, who gets the review reminders). The printed
 * wording is shown beside it: often the document printed one that was not linked yet, and the
 * editor only has to link it.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { placementColumns } from './placement';
import { asText, catalogueInScope, countingMeasure, type CatalogueRef, type GapScope, type Row } from './scope';

export interface IncompleteMeasure {
  measureId: string;
  number: string | null;
  title: string;
  placement: string | null;
  /** What the document printed in the missing field ("Zielgruppe" or "Verantwortlich" cell), if anything. */
  printed: string | null;
  catalogue: CatalogueRef;
}

async function measuresWhere(db: Db, scope: GapScope, missing: SQL, printed: SQL): Promise<IncompleteMeasure[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select m.id, m.number, m.title, ${printed} as printed, c.slug as catalogue_slug, c.title as catalogue_title,
          ${placementColumns('m')}
        from measures m join catalogues c on c.id = m.catalogue_id
        where ${countingMeasure('m')} and ${catalogueInScope(scope, 'c')} and ${missing}
        order by c.position, c.title, m.position, m.id`,
  );
  return rows.map((r) => ({
    measureId: String(r.id),
    number: asText(r.number),
    title: String(r.title),
    placement: asText(r.placement),
    printed: asText(r.printed),
    catalogue: { slug: String(r.catalogue_slug), title: String(r.catalogue_title) },
  }));
}

/** Measures linked to no target group of the vocabulary. */
export function measuresWithoutTargetGroup(db: Db, scope: GapScope): Promise<IncompleteMeasure[]> {
  return measuresWhere(db, scope, sql`not exists (select 1 from measure_target_groups mt where mt.measure_id = m.id)`, sql`nullif(trim(m.target_group_text), '')`);
}

/** Measures with no responsible actor linked (involved actors, "beteiligt", are not responsible). */
export function measuresWithoutResponsible(db: Db, scope: GapScope): Promise<IncompleteMeasure[]> {
  return measuresWhere(
    db,
    scope,
    sql`not exists (select 1 from measure_actors ma where ma.measure_id = m.id and ma.role = 'verantwortlich')`,
    sql`nullif(trim(m.responsible_text), '')`,
  );
}
