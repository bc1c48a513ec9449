/**
 * What the public pages read: plain serialisable objects, shaped for display, produced by
 * catalogue/queries.ts. Routes pass them to Svelte components unchanged.
 */
import type { MeasureStand } from './measure-stand';
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
  /** Offers and task areas printed within this measure (catalogue tree only). */
  children?: MeasureSummary[];
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
  /** A structure node's parts, so pages can name its type in the interface language. */
  node?: { type: NodeType; code: string | null; title: string };
}

export interface ActorLink {
  id: string;
  slug: string;
  name: string;
  /** Kind of actor (city unit, organisation, network), e.g. for schema.org types. */
  kind: 'organisation' | 'stadt' | 'netzwerk' | 'unbekannt';
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
  /** What the page shows as "Stand": the source edition's, or the publication date after an edit. */
  stand: MeasureStand;
  /** Where the measure was read from; `edition` is the catalogue edition of that file, when known. */
  source: { file: string; line: number; document: string | null; edition: string | null } | null;
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
  /**
   * Up to five related measures (same Handlungsziel or unit, same responsible actor, similar
   * title), without the ones already linked as cross-reference, parent or task area.
   */
  related: RelatedMeasure[];
}

// ---------------------------------------------------------------------------
// Browsing: home entry points, actors, target groups, organisation view
// ---------------------------------------------------------------------------

/** A top-level section of a catalogue (Handlungsfeld, dimension) as an entry point. */
export interface SectionEntry {
  catalogueSlug: string;
  slug: string;
  code: string | null;
  title: string;
  /** Published measures anywhere below the section (without gaps, each measure once). */
  measureCount: number;
}

export interface ActorSummary {
  slug: string;
  name: string;
  kind: 'organisation' | 'stadt' | 'netzwerk' | 'unbekannt';
  /** Published measures (without gaps) the actor is responsible for or involved in. */
  measureCount: number;
  /** Of those, the ones it is responsible for. */
  responsibleCount: number;
  /** Short spellings as printed ("FB 51", "VHS"); long printed cells are left out. */
  aliases: string[];
}

export interface TargetGroupSummary {
  slug: string;
  name: string;
  /** Published measures (without gaps) for this group. */
  measureCount: number;
}

export interface HomeEntryPoints {
  /** Handlungsfelder of the integration concept(s), in document order. */
  handlungsfelder: SectionEntry[];
  /** Diversity dimensions, in document order. */
  dimensions: SectionEntry[];
  /** Target groups, most used first. */
  targetGroups: TargetGroupSummary[];
  /** Responsible actors, most measures first. */
  actors: ActorSummary[];
  targetGroupTotal: number;
  actorTotal: number;
}

/** A measure listed on an actor's or a target group's page. */
export interface MeasureListEntry extends MeasureSummary {
  catalogueSlug: string;
  /** Where the measure sits in its catalogue, e.g. "Bildung › A › A1". */
  place: string | null;
}

export interface CatalogueGroup<T> {
  catalogue: { slug: string; title: string; kind: 'integrationskonzept' | 'diversity' | 'vereinbarungen' };
  measures: T[];
}

export interface ActorMeasure extends MeasureListEntry {
  /** The actor's roles in this measure (a measure may name it as both). */
  roles: ('verantwortlich' | 'beteiligt')[];
  /** Wording as printed in this measure, when it differs from the actor's name. */
  wording: string | null;
}

export interface ContactPoint {
  kind: 'person' | 'anlaufstelle';
  unit: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
}

export interface ActorDetail {
  slug: string;
  name: string;
  kind: ActorSummary['kind'];
  description: string | null;
  aliases: string[];
  parent: { slug: string; name: string } | null;
  children: { slug: string; name: string }[];
  /** Every published measure the actor is responsible for or involved in, grouped by catalogue. */
  groups: CatalogueGroup<ActorMeasure>[];
  measureCount: number;
  responsibleCount: number;
  /** Visible contacts only, as published. */
  contacts: ContactPoint[];
}

export interface TargetGroupDetail {
  slug: string;
  name: string;
  description: string | null;
  groups: CatalogueGroup<MeasureListEntry & { wording: string | null }>[];
  measureCount: number;
}

/** Diversity catalogue by organisation: Dezernat → unit → measures (each once, with its dimensions). */
export interface OrganisationView {
  dezernate: {
    slug: string;
    title: string;
    units: {
      slug: string;
      title: string;
      /** The actor page of the unit, when the unit is linked to an actor. */
      actorSlug: string | null;
      measures: (MeasureSummary & { dimensions: { slug: string; title: string }[] })[];
    }[];
  }[];
}

/** A measure suggested as related on the detail page, with why. */
export interface RelatedMeasure extends MeasureLink {
  /** Same Handlungsziel (or organisational unit), same responsible actor, similar title. */
  reasons: ('sameNode' | 'sameActor' | 'similarTitle')[];
}
