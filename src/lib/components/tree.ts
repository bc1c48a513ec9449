/** Helpers for rendering a catalogue's structure tree. */
import type { NodeType } from '$lib/server/db/schema';
import type { TreeNode } from '$lib/server/catalogue/read-models';

export function countNodes(tree: readonly TreeNode[]): number {
  return tree.reduce((sum, node) => sum + 1 + countNodes(node.children), 0);
}

/** Measures in a node and all nodes below it (gaps are not measures). */
export function countMeasures(node: TreeNode): number {
  return node.measures.filter((m) => !m.isGap).length + node.children.reduce((sum, child) => sum + countMeasures(child), 0);
}

/** Top-level sections are h2 (the page's h1 is the catalogue), nested ones one level deeper. */
export function headingLevel(depth: number): 2 | 3 | 4 | 5 | 6 {
  return Math.min(2 + depth, 6) as 2 | 3 | 4 | 5 | 6;
}

export function headingClass(level: number): string {
  if (level <= 2) return 'kern-heading-large';
  if (level === 3) return 'kern-heading-medium';
  return 'kern-heading-small';
}

/**
 * Whether the type label ("Leitziel A") adds something to the title: not when the title
 * already starts with the type's German name (e.g. a Dezernat titled "Dezernat I").
 */
export function showsTypeLabel(node: { type: NodeType; title: string }): boolean {
  return !node.title.trim().toLowerCase().startsWith(node.type);
}

/**
 * Short form of a placement path: "Bildung › Leitziel A › Handlungsziel A1". Coded steps use
 * type label + code; uncoded ones (Handlungsfeld, Dezernat …) their title.
 */
export function pathLabel(
  path: readonly { type: NodeType; code: string | null; title: string }[],
  typeLabel: (type: NodeType) => string,
): string {
  return path.map((step) => (step.code ? `${typeLabel(step.type)} ${step.code}` : step.title)).join(' › ');
}

/**
 * A structure node in a breadcrumb trail, in the interface language where it is interface text:
 * "Leitziel A" → "الهدف الرئيسي A" (type translated, code neutral); "Handlungsfeld Bildung" →
 * translated type as `prefix` plus the German title (`lang: 'de'`); other nodes (dimensions,
 * Dezernate …) are named by their German title alone, as in the document.
 */
export function nodeCrumb(
  node: { type: NodeType; code: string | null; title: string },
  typeLabel: (type: NodeType) => string,
  contentLang: string,
): { label: string; prefix?: string; lang?: string } {
  if ((node.type === 'leitziel' || node.type === 'handlungsziel') && node.code) return { label: `${typeLabel(node.type)} ${node.code}` };
  if (node.type === 'handlungsfeld' && showsTypeLabel(node)) return { prefix: typeLabel(node.type), label: node.title, lang: contentLang };
  return { label: node.title, lang: contentLang };
}
