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
