/**
 * Collapsible top-level sections of a catalogue page (Handlungsfelder, dimensions) without
 * JavaScript: each is a <details>, closed unless the URL asks for it. `?alle=1` opens all of
 * them (and is where "alle aufklappen" links to), `?offen=<slug>` opens one (links to a node
 * inside a section carry it, so the target is visible in every browser, not only in those that
 * open a <details> around a fragment target). Print styles show closed sections' content too.
 *
 * Pure functions (no SvelteKit): the route passes its URL parameters, the components the hrefs.
 */
export const ALL_SECTIONS_PARAM = 'alle';
export const OPEN_SECTION_PARAM = 'offen';

interface Node {
  slug: string;
  children: readonly Node[];
}

export interface SectionState {
  /** Every section open (?alle=1). */
  all: boolean;
  /** Slugs of the top-level sections rendered open. */
  open: string[];
}

/** Which top-level sections are open, from the query string; unknown slugs are ignored. */
export function sectionState(tree: readonly Node[], params: URLSearchParams): SectionState {
  const all = ['1', 'ja', 'true'].includes(params.get(ALL_SECTIONS_PARAM) ?? '');
  if (all) return { all, open: tree.map((n) => n.slug) };
  const wanted = new Set(params.getAll(OPEN_SECTION_PARAM));
  return { all, open: tree.filter((n) => wanted.has(n.slug)).map((n) => n.slug) };
}

/** The top-level section that holds the node with this slug (itself if it is one), or null. */
export function topSectionOf(tree: readonly Node[], slug: string): string | null {
  const holds = (node: Node): boolean => node.slug === slug || node.children.some(holds);
  return tree.find(holds)?.slug ?? null;
}

/**
 * Link to a node on the catalogue page: a top-level section is its heading (visible even when
 * closed), a node inside one opens that section first (`?offen=…#node`). With every section
 * open already, the fragment is enough.
 */
export function nodeHref(base: string, tree: readonly Node[], slug: string, state?: SectionState): string {
  const top = topSectionOf(tree, slug);
  if (!top || top === slug || state?.all || state?.open.includes(top)) return `${base}#${slug}`;
  return `${base}?${OPEN_SECTION_PARAM}=${encodeURIComponent(top)}#${slug}`;
}

/** Link for the breadcrumbs of a measure: its structure path, top-level section first. */
export function pathHref(base: string, path: readonly { slug: string }[], index: number): string {
  const step = path[index]!;
  if (index === 0) return `${base}#${step.slug}`;
  return `${base}?${OPEN_SECTION_PARAM}=${encodeURIComponent(path[0]!.slug)}#${step.slug}`;
}

/** Links for the table of contents (nodes down to `maxDepth` levels), by slug. */
export function tocHrefs(base: string, tree: readonly Node[], state: SectionState, maxDepth = 2): Record<string, string> {
  const hrefs: Record<string, string> = {};
  const walk = (nodes: readonly Node[], depth: number) => {
    if (depth >= maxDepth) return;
    for (const node of nodes) {
      hrefs[node.slug] = nodeHref(base, tree, node.slug, state);
      walk(node.children, depth + 1);
    }
  };
  walk(tree, 0);
  return hrefs;
}
