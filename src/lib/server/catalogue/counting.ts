/**
 * One rule for counting measures, everywhere (home, catalogue list and header, sections, actors,
 * target groups, search facets): a measure counts when it is published and not a gap; the offers
 * and task areas a measure lists with their own Verantwortlich, Zielgruppe and Status (child
 * measures) count as measures too, because search finds them and their actors and target groups
 * list them. Catalogue trees show them under their measure. docs/architecture.md, "Counting".
 */
import { sql } from 'drizzle-orm';

/** The condition on a measures row aliased `m`. */
export const COUNTED_MEASURE_SQL = sql.raw(`m.workflow_state = 'veroeffentlicht' and not m.is_gap`);
