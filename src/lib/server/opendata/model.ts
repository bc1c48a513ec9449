/**
 * The published content of one municipality as the open-data exports read it: plain objects,
 * loaded once by load.ts and mapped by the pure functions of dcat.ts, hsds.ts and integreat.ts.
 * Only published measures (no gaps), the actors they name and contacts marked visible.
 */
import type { ActorKind, ActorRole, NodeType } from '../db/schema';
import type { CatalogueSummary } from '../catalogue/read-models';

/** A catalogue with the fields of its public summary, its foreword, edition and dates. */
export interface OpenCatalogue extends Pick<CatalogueSummary, 'id' | 'slug' | 'kind' | 'title' | 'subtitle' | 'publisher' | 'stand'> {
  description: string | null;
  /** Label of the newest edition ("3. Auflage"), if any. */
  edition: string | null;
  /** ISO timestamps: created, and the newest change of the catalogue or one of its published measures. */
  issued: string;
  modified: string;
  /** Top-level sections (Handlungsfelder, dimensions, chapters) in document order. */
  sections: { id: string; slug: string; type: NodeType; code: string | null; title: string }[];
}

export interface OpenMeasure {
  id: string;
  slug: string;
  catalogueId: string;
  catalogueSlug: string;
  /** Task areas nested in a measure point to it. */
  parentId: string | null;
  number: string | null;
  title: string;
  description: string;
  goals: string | null;
  targetGroupText: string | null;
  statusText: string | null;
  state: { code: string; label: string };
  remarks: string | null;
  isNew: boolean;
  directionInward: boolean;
  directionOutward: boolean;
  /** Top-level section of the primary placement, and the place label ("Bildung › A › A1"). */
  sectionId: string | null;
  place: string | null;
  /** Date (YYYY-MM-DD) of the last review ("zuletzt geprüft"), if any. */
  lastReviewedAt: string | null;
  createdAt: string;
  /** The public "Stand" of the measure. */
  updatedAt: string;
  /** Linked actors in printed order, responsible ones first. */
  actors: { id: string; role: ActorRole }[];
  targetGroups: { id: string; slug: string; name: string }[];
}

export interface OpenActor {
  id: string;
  slug: string;
  name: string;
  kind: ActorKind;
  description: string | null;
  parentId: string | null;
  /** Short spellings worth showing ("FB 51"). */
  aliases: string[];
}

/** A contact marked visible (published); `kind` tells a person from a contact point. */
export interface OpenContact {
  id: string;
  actorId: string;
  kind: 'person' | 'anlaufstelle';
  unit: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
}

export interface OpenDataSet {
  municipality: { id: string; slug: string; name: string };
  catalogues: OpenCatalogue[];
  measures: OpenMeasure[];
  actors: OpenActor[];
  contacts: OpenContact[];
  /** Newest change of anything in the set (ISO), for Last-Modified and dct:modified. */
  modified: string;
}

/** Where the exports point to: the site's origin and the public URLs built from it. */
export interface SiteUrls {
  origin: string;
}
