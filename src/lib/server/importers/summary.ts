/**
 * Counts per structure node for the import report: measures, gaps and cross-references of every
 * Handlungsfeld/Leitziel/Handlungsziel (or dimension, Dezernat, chapter), summed up the tree.
 */
import type { NodeType } from '../db/schema';
import type { ImportPlan } from './plan/types';

export interface NodeCount {
  type: NodeType;
  code: string | null;
  title: string;
  measures: number;
  gaps: number;
  references: number;
  children: NodeCount[];
}

export interface PlanSummary {
  kind: ImportPlan['kind'];
  title: string;
  /** Every measure that is not a gap, offers and task areas included (the one counting rule). */
  measures: number;
  /** Of those, offers and task areas printed within another measure. */
  subMeasures: number;
  gaps: number;
  references: number;
  resolvedReferences: number;
  contacts: number;
  tree: NodeCount[];
}

export function summarisePlan(plan: ImportPlan): PlanSummary {
  const counts = new Map<string, NodeCount>();
  for (const n of plan.nodes)
    counts.set(n.key, { type: n.type, code: n.code, title: n.title, measures: 0, gaps: 0, references: 0, children: [] });
  const roots: NodeCount[] = [];
  for (const n of plan.nodes) {
    const c = counts.get(n.key)!;
    const parent = n.parentKey ? counts.get(n.parentKey) : undefined;
    (parent ? parent.children : roots).push(c);
  }
  const parents = new Map(plan.nodes.map((n) => [n.key, n.parentKey]));
  for (const m of plan.measures) {
    // A measure counts once for every node it is placed under and for their ancestors (once each).
    const touched = new Set<string>();
    for (const p of m.placements) {
      for (let key: string | null | undefined = p.nodeKey; key; key = parents.get(key)) {
        if (touched.has(key)) continue;
        touched.add(key);
        const c = counts.get(key);
        if (!c) continue;
        if (m.isGap) c.gaps++;
        else c.measures++;
        c.references += m.references.length;
      }
    }
  }
  const all = plan.measures.flatMap((m) => m.references);
  return {
    kind: plan.kind,
    title: plan.title,
    measures: plan.measures.filter((m) => !m.isGap).length,
    subMeasures: plan.measures.filter((m) => !m.isGap && m.parentKey).length,
    gaps: plan.measures.filter((m) => m.isGap).length,
    references: all.length,
    resolvedReferences: all.filter((r) => r.toKey).length,
    contacts: plan.contacts.length,
    tree: roots,
  };
}

/** The text report: the counts tree, then every warning with file and line. */
export function formatTextReport(
  summaries: PlanSummary[],
  warnings: { datei: string; zeile: number; meldung: string }[],
): string {
  const lines: string[] = [];
  const walk = (nodes: NodeCount[], depth: number) => {
    for (const n of nodes) {
      const label = n.code && !n.title.includes(n.code) ? `${n.code} ${n.title}` : n.title;
      const parts = [`${n.measures} Maßnahmen`];
      if (n.gaps) parts.push(`${n.gaps} Lücken`);
      if (n.references) parts.push(`${n.references} Querverweise`);
      lines.push(`${'  '.repeat(depth)}- ${label}: ${parts.join(', ')}`);
      walk(n.children, depth + 1);
    }
  };
  for (const s of summaries) {
    lines.push(
      `${s.title}: ${s.measures} Maßnahmen${s.subMeasures ? ` (davon ${s.subMeasures} Aufgabenbereiche/Angebote innerhalb einer Maßnahme)` : ''}, ${s.gaps} Lücken, ${s.references} Querverweise (${s.resolvedReferences} aufgelöst)` +
        (s.contacts ? `, ${s.contacts} Kontakte` : ''),
    );
    walk(s.tree, 1);
    lines.push('');
  }
  lines.push(`${warnings.length} Hinweise:`);
  for (const w of warnings) lines.push(`  ${w.datei}:${w.zeile}: ${w.meldung}`);
  return lines.join('\n');
}
