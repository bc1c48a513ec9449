/**
 * Measures below a node, at any depth: in the diversity catalogue a measure hangs under the
 * office (organisationseinheit) below a Dezernat below a dimension, or directly under the
 * Dezernat or dimension. One recursive CTE maps every root node of interest to all its
 * descendants, so "measures of this dimension/office" is one join — not a query per node.
 */
import { sql, type SQL } from 'drizzle-orm';

/**
 * `with recursive below(root_id, node_id)`: every node of `roots` (a SELECT of node ids) paired
 * with itself and each non-archived descendant.
 */
export function belowCte(roots: SQL): SQL {
  return sql`with recursive below(root_id, node_id) as (
      select r.id, r.id from (${roots}) r
      union all
      select b.root_id, ch.id from below b join nodes ch on ch.parent_id = b.node_id where ch.archived_at is null
    )`;
}
