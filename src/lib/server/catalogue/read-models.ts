/**
 * What the public pages read: plain serialisable objects, shaped for display, produced by
 * catalogue/queries.ts. Routes pass them to Svelte components unchanged.
 */
import type { CatalogueKind, NodeType } from '../db/schema';

export interface CatalogueSummary {
  id: string;
  slug: string;
  kind: CatalogueKind;
  title: string;
  subtitle: string | null;
  publisher: string | null;
  stand: string | null;
  /** Measures without gaps and without nested task areas. */
  measureCount: number;
  gapCount: number;
  /** Top-level structure nodes (Handlungsfelder, dimensions, chapters). */
  sectionCount: number;
}

export interface MeasureSummary {
  id: string;
  slug: string;
  number: string | null;
  title: string;
  isGap: boolean;
  isNew: boolean;
  directionInward: boolean;
  directionOutward: boolean;
  stateCode: string;
  /** Responsible actors' names, for list display. */
  responsible: string[];
}

export interface TreeNode {
  id: string;
  type: NodeType;
  code: string | null;
  title: string;
  body: string | null;
  slug: string;
  children: TreeNode[];
  measures: MeasureSummary[];
}

export interface CatalogueDetail {
  catalogue: CatalogueSummary & { description: string | null; extra: Record<string, unknown> };
  editions: { label: string; stand: string | null; sourceFile: string | null }[];
  tree: TreeNode[];
}

/**
 * Breadcrumbs from the server hold the catalogue and the structure path (document terms such as
 * "Handlungsfeld Bildung", "Leitziel A"); the page adds the home link and the measure itself
 * through the UI message catalogue. Node anchors on the catalogue page are the node slugs:
 * `/kataloge/{catalogue}#{node.slug}`.
 */
export interface Breadcrumb {
  label: string;
  href: string | null;
}

export interface ActorLink {
  id: string;
  slug: string;
  name: string;
  role: 'verantwortlich' | 'beteiligt';
  /** Wording as printed in the measure, when it differs from the actor's name. */
  wording: string | null;
}

export interface MeasureLink {
  id: string;
  slug: string;
  catalogueSlug: string;
  number: string | null;
  title: string;
  /** Where the linked measure sits, e.g. "Bildung › B1". */
  place: string | null;
}

export interface MeasurePlacement {
  nodeId: string;
  /** Path from the top node, e.g. ["Handlungsfeld Bildung", "Leitziel A", "Handlungsziel A1"]. */
  path: { type: NodeType; code: string | null; title: string; slug: string }[];
  number: string | null;
  isPrimary: boolean;
}

export interface MeasureDetail {
  id: string;
  slug: string;
  catalogue: { slug: string; title: string; kind: CatalogueKind; stand: string | null };
  number: string | null;
  title: string;
  description: string;
  goals: string | null;
  targetGroupText: string | null;
  statusText: string | null;
  state: { code: string; label: string };
  remarks: string | null;
  responsibleText: string | null;
  directionInward: boolean;
  directionOutward: boolean;
  isNew: boolean;
  isGap: boolean;
  /**
   * Kind-specific fields in display order; `key` is one of bedarf, massnahme, beteiligte,
   * vereinbarung, finanzierungsvorbehalt — the page labels it via the UI catalogue (`field.<key>`).
   */
  extraFields: { key: 'bedarf' | 'massnahme' | 'beteiligte' | 'vereinbarung' | 'finanzierungsvorbehalt'; value: string }[];
  lastReviewedAt: string | null;
  /** ISO timestamp of the last change ("Stand"). */
  updatedAt: string;
  source: { file: string; line: number; document: string | null } | null;
  breadcrumbs: Breadcrumb[];
  placements: MeasurePlacement[];
  actors: ActorLink[];
  targetGroups: { slug: string; name: string }[];
  referencesOut: (MeasureLink & { wording: string | null })[];
  referencesIn: (MeasureLink & { wording: string | null })[];
  /** Unresolved cross-references, wording as printed. */
  referencesUnresolved: string[];
  parent: MeasureLink | null;
  children: MeasureLink[];
  contacts: { unit: string | null; name: string | null; phone: string | null; email: string | null }[];
}
