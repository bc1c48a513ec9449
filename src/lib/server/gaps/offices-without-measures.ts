/**
 * Offices without measures: Dezernat and office (Fachbereich, Stabsstelle: node type
 * `organisationseinheit`) nodes under which no counting measure hangs, at any depth. The
 * diversity catalogue asks every office each year what it does; an office left empty (all its
 * measures archived, or created in the structure and never filled) is the one to ask.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { belowCte } from './subtree';
import { asText, catalogueInScope, countingMeasure, type CatalogueRef, type GapScope, type Row } from './scope';

export interface OfficeWithoutMeasures {
  nodeId: string;
  type: 'dezernat' | 'organisationseinheit';
  title: string;
  /** The node above (the Dezernat of an office, the dimension of a Dezernat). */
  parentTitle: string | null;
  /** Measures below it that are archived (why it may be empty now). */
  archivedMeasures: number;
  catalogue: CatalogueRef;
}

export async function officesWithoutMeasures(db: Db, scope: GapScope): Promise<OfficeWithoutMeasures[]> {
  const roots = sql`select n.id from nodes n join catalogues c on c.id = n.catalogue_id
    where n.type in ('dezernat', 'organisationseinheit') and n.archived_at is null and ${catalogueInScope(scope, 'c')}`;
  const rows = await queryRows<Row>(
    db,
    sql`${belowCte(roots)}
        select o.id, o.type, o.title, p.title as parent_title, c.slug as catalogue_slug, c.title as catalogue_title,
          (count(distinct m.id) filter (where m.workflow_state = 'archiviert'))::int as archived_measures
        from nodes o
        join catalogues c on c.id = o.catalogue_id
        left join nodes p on p.id = o.parent_id
        join below b on b.root_id = o.id
        left join measure_nodes mn on mn.node_id = b.node_id
        left join measures m on m.id = mn.measure_id
        group by o.id, o.type, o.title, o.position, p.title, p.position, c.slug, c.title, c.position
        having count(distinct m.id) filter (where ${countingMeasure('m')}) = 0
        order by c.position, c.title, p.position, o.position, o.title`,
  );
  return rows.map((r) => ({
    nodeId: String(r.id),
    type: r.type === 'dezernat' ? 'dezernat' : 'organisationseinheit',
    title: String(r.title),
    parentTitle: asText(r.parent_title),
    archivedMeasures: Number(r.archived_measures ?? 0),
    catalogue: { slug: String(r.catalogue_slug), title: String(r.catalogue_title) },
  }));
}
