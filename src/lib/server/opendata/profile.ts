/**
 * What the open-data records say about the publisher that is not in the database: the
 * municipality's official key (Amtlicher Gemeindeschlüssel, AGS) for DCAT-AP.de's political
 * geocoding, and the licence all content is published under.
 */

/** Datenlizenz Deutschland – Namensnennung – Version 2.0, as DCAT-AP.de names it. */
export const LICENCE = {
  uri: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
  id: 'dl-de-by-2.0',
  title: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
  url: 'https://www.govdata.de/dl-de/by-2-0',
} as const;

/** AGS of the municipalities Vielfalt knows (slug → 8 digits). */
const MUNICIPALITY_KEYS: Record<string, string> = {
  herne: '05916000',
};

export interface OpenDataProfile {
  /** Amtlicher Gemeindeschlüssel, or null when unknown (geocoding is then left out). */
  ags: string | null;
  /** Short place name for schema.org `areaServed` ("Herne" from "Stadt Herne"). */
  place: string;
}

export function openDataProfile(municipality: { slug: string; name: string }): OpenDataProfile {
  return {
    ags: MUNICIPALITY_KEYS[municipality.slug] ?? null,
    place: municipality.name.replace(/^(Stadt|Gemeinde|Kreisstadt|Hansestadt)\s+/i, '').trim() || municipality.name,
  };
}

/** DCAT-AP.de political geocoding URIs of a municipality (vocabulary `politicalGeocoding`). */
export function politicalGeocoding(ags: string): { uri: string; level: string } {
  return {
    uri: `http://dcat-ap.de/def/politicalGeocoding/municipalityKey/${ags}`,
    level: 'http://dcat-ap.de/def/politicalGeocoding/Level/municipality',
  };
}

/**
 * A functional mailbox for questions about the open data (`OPEN_DATA_CONTACT_EMAIL`, e.g.
 * daten@herne.de) for the DCAT contact point; unset → the contact point names the open-data page.
 */
export function contactEmailFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.OPEN_DATA_CONTACT_EMAIL?.trim();
  return value && /^[^\s@]+@[^\s@]+$/.test(value) ? value : null;
}
