/**
 * Where a measure stands, for the lists that show measures: its primary placement (the place it
 * was first listed), as "Handlungsfeld › A1" (integration concept: Handlungsfeld › Leitziel ›
 * Handlungsziel) or "Dimension › Office" (diversity: Dimension › Dezernat › office). A SQL
 * fragment rather than a second query, so every measure list stays one statement.
 */
import { sql, type SQL } from 'drizzle-orm';

/** Selects `placement` (text) and `placement_code` (the node's code, e.g. "A1") for the measure alias. */
export function placementColumns(alias = 'm'): SQL {
  const m = sql.raw(alias);
  const primary = sql`from measure_nodes mn join nodes n on n.id = mn.node_id
      left join nodes p on p.id = n.parent_id
      left join nodes gp on gp.id = p.parent_id
      where mn.measure_id = ${m}.id order by mn.is_primary desc, mn.position, n.position limit 1`;
  // The top of the (at most three-level) path names the field or dimension; the node itself its
  // code when it has one ("A1"), else its title (an office).
  return sql`(select concat_ws(' › ', coalesce(gp.title, p.title), coalesce(nullif(n.code, ''), n.title)) ${primary}) as placement,
    (select n.code ${primary}) as placement_code`;
}
