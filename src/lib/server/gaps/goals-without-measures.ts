/**
 * Handlungsziele without any measure: the first question of the steering group ("what is
 * missing?"). A Handlungsziel whose only entries are gap records ("Es wurde keine explizite
 * Maßnahme formuliert") is listed too — the gap says in the document's own words that nothing
 * was formulated — and the row says how many gap records it holds, so the two cases stay
 * distinguishable. Archived measures do not count; drafts and measures in review do (someone is
 * working on the goal).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { nodeSubtree } from './subtree';
import { asText, catalogueInScope, countingMeasure, type CatalogueRef, type GapScope, type Row } from './scope';

export interface GoalWithoutMeasures {
  nodeId: string;
  /** "A1" as printed. */
  code: string | null;
  title: string;
  /** Goal text. */
  body: string | null;
  leitziel: { code: string | null; title: string } | null;
  handlungsfeld: string | null;
  /** Gap records placed under the Handlungsziel. */
  gapRecords: number;
  catalogue: CatalogueRef;
}

export async function goalsWithoutMeasures(db: Db, scope: GapScope): Promise<GoalWithoutMeasures[]> {
  // One statement: the Leitziel and Handlungsfeld are the parent and grandparent nodes.
  const rows = await queryRows<Row>(
    db,
    sql`select n.id, n.code, n.title, n.body, lz.code as lz_code, lz.title as lz_title, hf.title as hf_title,
          c.slug as catalogue_slug, c.title as catalogue_title,
          (select count(*)::int from measure_nodes mn join measures m on m.id = mn.measure_id
            where mn.node_id = n.id and m.is_gap and m.workflow_state <> 'archiviert') as gap_records
        from nodes n
        join catalogues c on c.id = n.catalogue_id
        left join nodes lz on lz.id = n.parent_id and lz.type = 'leitziel'
        left join nodes hf on hf.id = coalesce(lz.parent_id, n.parent_id) and hf.type = 'handlungsfeld'
        where n.type = 'handlungsziel' and n.archived_at is null and ${catalogueInScope(scope, 'c')}
          and ${scope.node ? sql`n.id in (${nodeSubtree(scope.node)})` : sql`true`}
          and not exists (select 1 from measure_nodes mn join measures m on m.id = mn.measure_id
                          where mn.node_id = n.id and ${countingMeasure('m')})
        order by c.position, c.title, hf.position, lz.position, n.position, n.code`,
  );
  return rows.map((r) => ({
    nodeId: String(r.id),
    code: asText(r.code),
    title: String(r.title),
    body: asText(r.body),
    leitziel: r.lz_title == null ? null : { code: asText(r.lz_code), title: String(r.lz_title) },
    handlungsfeld: asText(r.hf_title),
    gapRecords: Number(r.gap_records ?? 0),
    catalogue: { slug: String(r.catalogue_slug), title: String(r.catalogue_title) },
  }));
}
