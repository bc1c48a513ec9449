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

/**
 * A SELECT of the ids of `nodeId` and every non-archived node below it (a sub-select, usable as
 * `x.node_id in (${nodeSubtree(id)})`): the Handlungsfeld scope of the steering report.
 */
export function nodeSubtree(nodeId: string): SQL {
  return sql`with recursive t(id) as (
      select n.id from nodes n where n.id = ${nodeId}
      union all
      select ch.id from nodes ch join t on ch.parent_id = t.id where ch.archived_at is null
    ) select id from t`;
}

/** The measure `alias` is placed under `nodeId` or below it; true when `nodeId` is empty. */
export function measureBelowNode(nodeId: string | null | undefined, alias = 'm'): SQL {
  if (!nodeId) return sql`true`;
  return sql`exists (select 1 from measure_nodes mn_s where mn_s.measure_id = ${sql.raw(alias)}.id and mn_s.node_id in (${nodeSubtree(nodeId)}))`;
}
