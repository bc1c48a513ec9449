/**
 * Diversity dimensions without outward ("nach außen": citizens) or without inward ("nach
 * innen": staff, the administration itself) measures. The diversity catalogue prints the
 * direction as two columns of its tables; the importer stores them as `direction_outward` /
 * `direction_inward` on the measure, and the dimension as a node of type `dimension` with the
 * measures below it (under Dezernat and office nodes). A dimension with no counting measure at
 * all lacks both directions and appears in both lists.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { belowCte } from './subtree';
import { asText, catalogueInScope, countingMeasure, type CatalogueRef, type GapScope, type Row } from './scope';

export interface DimensionCoverage {
  nodeId: string;
  /** Number as printed ("5"). */
  code: string | null;
  title: string;
  /** Counting measures below the dimension, and how many of them point inward / outward. */
  measures: number;
  inward: number;
  outward: number;
  catalogue: CatalogueRef;
}

export interface DimensionGaps {
  withoutOutward: DimensionCoverage[];
  withoutInward: DimensionCoverage[];
}

/** Every dimension with its direction counts (one statement). */
export async function dimensionCoverage(db: Db, scope: GapScope): Promise<DimensionCoverage[]> {
  const roots = sql`select n.id from nodes n join catalogues c on c.id = n.catalogue_id
    where n.type = 'dimension' and n.archived_at is null and ${catalogueInScope(scope, 'c')}`;
  const rows = await queryRows<Row>(
    db,
    sql`${belowCte(roots)}
        select d.id, d.code, d.title, c.slug as catalogue_slug, c.title as catalogue_title,
          count(distinct m.id)::int as measures,
          (count(distinct m.id) filter (where m.direction_inward))::int as inward,
          (count(distinct m.id) filter (where m.direction_outward))::int as outward
        from nodes d
        join catalogues c on c.id = d.catalogue_id
        join below b on b.root_id = d.id
        left join measure_nodes mn on mn.node_id = b.node_id
        left join measures m on m.id = mn.measure_id and ${countingMeasure('m')}
        group by d.id, d.code, d.title, d.position, c.slug, c.title, c.position
        order by c.position, c.title, d.position, d.code`,
  );
  return rows.map((r) => ({
    nodeId: String(r.id),
    code: asText(r.code),
    title: String(r.title),
    measures: Number(r.measures ?? 0),
    inward: Number(r.inward ?? 0),
    outward: Number(r.outward ?? 0),
    catalogue: { slug: String(r.catalogue_slug), title: String(r.catalogue_title) },
  }));
}

/** The dimensions lacking a direction, as the two lists of the analysis. */
export async function dimensionGaps(db: Db, scope: GapScope): Promise<DimensionGaps> {
  const all = await dimensionCoverage(db, scope);
  return { withoutOutward: all.filter((d) => d.outward === 0), withoutInward: all.filter((d) => d.inward === 0) };
}
