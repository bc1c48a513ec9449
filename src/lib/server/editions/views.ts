/**
 * Edition content shaped for the public pages: the tree in the read-model shape the live
 * catalogue page uses (so the same components render it), and one measure with the names of
 * what it points to.
 */
import type { MeasureSummary, TreeNode } from '../catalogue/read-models';
import type { EditionContent, EditionMeasure, EditionNode } from './content';

export function editionTree(content: EditionContent): TreeNode[] {
  const byId = new Map(content.measures.map((m) => [m.id, m]));
  const summary = (id: string, number: string | null): MeasureSummary[] => {
    const m = byId.get(id);
    if (!m) return [];
    return [
      {
        id: m.id,
        slug: m.slug,
        number: number ?? m.number,
        title: m.title,
        isGap: m.isGap,
        isNew: m.isNew,
        directionInward: m.directionInward,
        directionOutward: m.directionOutward,
        stateCode: m.state.code,
        responsible: m.actors.filter((a) => a.role === 'verantwortlich').map((a) => a.name),
      },
    ];
  };
  const toTree = (node: EditionNode): TreeNode => ({
    id: node.id,
    type: node.type,
    code: node.code,
    title: node.title,
    body: node.body,
    slug: node.slug,
    children: node.children.map(toTree),
    measures: node.measures.flatMap((m) => summary(m.id, m.number)),
  });
  return content.tree.map(toTree);
}

export interface EditionMeasureView {
  measure: EditionMeasure;
  /** Resolved cross-references and nesting, as slugs of this edition. */
  references: { wording: string | null; target: { slug: string; number: string | null; title: string } | null }[];
  parent: { slug: string; number: string | null; title: string } | null;
  children: { slug: string; number: string | null; title: string }[];
}

export function editionMeasure(content: EditionContent, slug: string): EditionMeasureView | null {
  const measure = content.measures.find((m) => m.slug === slug);
  if (!measure) return null;
  const byId = new Map(content.measures.map((m) => [m.id, m]));
  const link = (m: EditionMeasure | undefined) => (m ? { slug: m.slug, number: m.number, title: m.title } : null);
  return {
    measure,
    references: measure.references.map((r) => ({ wording: r.wording, target: r.toMeasureId ? link(byId.get(r.toMeasureId)) : null })),
    parent: measure.parentMeasureId ? link(byId.get(measure.parentMeasureId)) : null,
    children: content.measures.filter((m) => m.parentMeasureId === measure.id).map((m) => link(m)!),
  };
}
