/** URLs of the public pages (one place, so routes can move). */
export function catalogueHref(catalogueSlug: string): string {
  return `/kataloge/${encodeURIComponent(catalogueSlug)}`;
}

export function measureHref(catalogueSlug: string, measureSlug: string): string {
  return `${catalogueHref(catalogueSlug)}/massnahme/${encodeURIComponent(measureSlug)}`;
}

export const SEARCH_PATH = '/suche';
