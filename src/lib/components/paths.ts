/** URLs of the public pages (one place, so routes can move). */
export function catalogueHref(catalogueSlug: string): string {
  return `/kataloge/${encodeURIComponent(catalogueSlug)}`;
}

export function measureHref(catalogueSlug: string, measureSlug: string): string {
  return `${catalogueHref(catalogueSlug)}/massnahme/${encodeURIComponent(measureSlug)}`;
}

export const SEARCH_PATH = '/suche';

export const ACTORS_PATH = '/akteure';
export const TARGET_GROUPS_PATH = '/zielgruppen';
/** "Maßnahme vorschlagen" (the suggestion form). */
export const SUGGEST_PATH = '/vorschlagen';

export function actorHref(actorSlug: string): string {
  return `${ACTORS_PATH}/${encodeURIComponent(actorSlug)}`;
}

export function targetGroupHref(groupSlug: string): string {
  return `${TARGET_GROUPS_PATH}/${encodeURIComponent(groupSlug)}`;
}

/** A section of a catalogue page (node anchors are node slugs). */
export function sectionHref(catalogueSlug: string, nodeSlug: string): string {
  return `${catalogueHref(catalogueSlug)}#${encodeURIComponent(nodeSlug)}`;
}

/** The diversity catalogue's alternative view by Dezernat and office. */
export const ORGANISATION_VIEW = 'organisation';
export const VIEW_PARAM = 'ansicht';

/** A frozen edition of a catalogue (stable URL) and its measure pages. */
export function editionHref(catalogueSlug: string, editionSlug: string): string {
  return `${catalogueHref(catalogueSlug)}/ausgaben/${encodeURIComponent(editionSlug)}`;
}

export function editionMeasureHref(catalogueSlug: string, editionSlug: string, measureSlug: string): string {
  return `${editionHref(catalogueSlug, editionSlug)}/massnahme/${encodeURIComponent(measureSlug)}`;
}

/** "Was ist neu": comparison of two editions (`bis` may be "aktuell", today's published state). */
export function comparisonHref(catalogueSlug: string, from?: string, to?: string): string {
  const query = from && to ? `?von=${encodeURIComponent(from)}&bis=${encodeURIComponent(to)}` : '';
  return `${catalogueHref(catalogueSlug)}/vergleich${query}`;
}

/** Public page URLs the API links to (server-side presenters get them from here). */
export const API_PATHS = {
  catalogue: catalogueHref,
  measure: measureHref,
  edition: editionHref,
  actor: actorHref,
  targetGroup: targetGroupHref,
  section: sectionHref,
};

/** Atom feeds of published changes: per catalogue, per search (same query as /suche), all. */
export function catalogueFeedHref(catalogueSlug: string): string {
  return `${catalogueHref(catalogueSlug)}/feed.atom`;
}

export const SEARCH_FEED_PATH = `${SEARCH_PATH}/feed.atom`;
export const ALL_FEED_PATH = '/feed.atom';

// Events, offers, networks and the annual review (issue 17).
export const EVENTS_PATH = '/veranstaltungen';
export const EVENTS_ICAL_PATH = '/veranstaltungen/kalender.ics';
export const OFFERS_PATH = '/angebote';
export const NETWORKS_PATH = '/netzwerke';
export const eventHref = (slug: string) => `${EVENTS_PATH}/${encodeURIComponent(slug)}`;
export const networkHref = (slug: string) => `${NETWORKS_PATH}/${encodeURIComponent(slug)}`;
export const yearReviewHref = (year: number) => `/jahresrueckblick/${year}`;
