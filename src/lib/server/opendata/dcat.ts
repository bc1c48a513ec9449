/**
 * The DCAT-AP.de catalogue record (JSON-LD) that GovData and other harvesters read: one
 * `dcat:Catalog` for the municipality's catalogues, one `dcat:Dataset` per catalogue with the
 * distributions CSV, XLSX, JSON (search API) and PDF, and one dataset for the Open Referral
 * package. Mandatory properties of DCAT-AP.de (3.0): Catalog and Dataset dct:title,
 * dct:description, dct:publisher; Distribution dcat:accessURL, dct:license; Agent foaf:name.
 * The recommended ones (contact point, theme, political geocoding, issued/modified) are set too.
 *
 * The context is inline (no remote @context), so consumers expand it without fetching.
 */
import { catalogueHref } from '../../components/paths';
import type { OpenCatalogue, OpenDataSet } from './model';
import { LICENCE, politicalGeocoding, type OpenDataProfile } from './profile';

export const DCAT_PATH = '/opendata/dcat.jsonld';
export const HSDS_PATH = '/opendata/hsds.zip';
export const INTEGREAT_PATH = '/opendata/integreat.json';
export const OPEN_DATA_PAGE = '/offene-daten';

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  dcatap: 'http://data.europa.eu/r5r/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const EU = 'http://publications.europa.eu/resource/authority';
/** EU data themes: "Bevölkerung und Gesellschaft", "Regierung und öffentlicher Sektor". */
const THEMES = [`${EU}/data-theme/SOCI`, `${EU}/data-theme/GOVE`];
const GERMAN = `${EU}/language/DEU`;

/** Distribution formats: EU file-type vocabulary and IANA media types. */
const FORMATS = {
  CSV: { fileType: 'CSV', mediaType: 'text/csv' },
  XLSX: { fileType: 'XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  JSON: { fileType: 'JSON', mediaType: 'application/json' },
  PDF: { fileType: 'PDF', mediaType: 'application/pdf' },
  ZIP: { fileType: 'ZIP', mediaType: 'application/zip' },
} as const;
type Format = keyof typeof FORMATS;

export interface DcatOptions {
  origin: string;
  profile: OpenDataProfile;
  /** A functional mailbox for questions about the data (never a person's address), if configured. */
  contactEmail?: string | null;
}

const id = (iri: string) => ({ '@id': iri });
const dateTime = (value: string) => ({ '@value': value, '@type': 'xsd:dateTime' });
const de = (value: string) => ({ '@value': value, '@language': 'de' });

/** Distribution paths of a catalogue (PDF, CSV, XLSX exports; JSON through the search API). */
export function distributionPaths(slug: string): Record<Exclude<Format, 'ZIP'>, string> {
  const base = catalogueHref(slug);
  return {
    CSV: `${base}/export.csv`,
    XLSX: `${base}/export.xlsx`,
    JSON: `/api/v1/measures?katalog=${encodeURIComponent(slug)}`,
    PDF: `${base}/export.pdf`,
  };
}

const FORMAT_TITLES: Record<Format, string> = {
  CSV: 'Tabelle (CSV, UTF-8, Semikolon)',
  XLSX: 'Tabelle (Excel, XLSX)',
  JSON: 'Maschinenlesbar (JSON, Such-API)',
  PDF: 'Druckfassung (PDF)',
  ZIP: 'Open Referral HSDS (ZIP mit CSV-Dateien)',
};

export function buildDcatCatalog(data: OpenDataSet, options: DcatOptions): Record<string, unknown> {
  const { origin, profile } = options;
  const url = (path: string) => new URL(path, origin).toString();
  const publisherId = `${url(OPEN_DATA_PAGE)}#herausgeber`;
  const contactId = `${url(OPEN_DATA_PAGE)}#kontakt`;
  const town = data.municipality.name;
  const geo = profile.ags ? politicalGeocoding(profile.ags) : null;
  const attribution = `${town}${' '}(${url('/')})`;

  const distribution = (datasetIri: string, format: Format, path: string, modified: string) => ({
    '@id': `${datasetIri}-${format.toLowerCase()}`,
    '@type': 'dcat:Distribution',
    'dct:title': de(FORMAT_TITLES[format]),
    'dcat:accessURL': id(url(path)),
    'dcat:downloadURL': id(url(path)),
    'dct:license': id(LICENCE.uri),
    'dcatde:licenseAttributionByText': de(attribution),
    'dct:format': id(`${EU}/file-type/${FORMATS[format].fileType}`),
    'dcat:mediaType': id(`https://www.iana.org/assignments/media-types/${FORMATS[format].mediaType}`),
    'dct:modified': dateTime(modified),
  });

  const common = (modified: string, issued: string) => ({
    'dct:publisher': id(publisherId),
    'dcat:contactPoint': id(contactId),
    'dcat:theme': THEMES.map(id),
    'dct:language': id(GERMAN),
    'dct:issued': dateTime(issued),
    'dct:modified': dateTime(modified),
    'dct:accessRights': id(`${EU}/access-right/PUBLIC`),
    ...(geo
      ? {
          'dcatde:politicalGeocodingURI': id(geo.uri),
          'dcatde:politicalGeocodingLevelURI': id(geo.level),
          'dct:spatial': id(geo.uri),
        }
      : {}),
  });

  const datasetOf = (c: OpenCatalogue) => {
    const iri = `${url(catalogueHref(c.slug))}#datensatz`;
    const paths = distributionPaths(c.slug);
    return {
      '@id': iri,
      '@type': 'dcat:Dataset',
      'dct:identifier': iri,
      'dct:title': de(c.title),
      'dct:description': de(datasetDescription(c, town)),
      'dcat:keyword': datasetKeywords(c).map(de),
      'dcat:landingPage': id(url(catalogueHref(c.slug))),
      ...(c.edition || c.stand ? { 'dcat:version': c.edition ?? c.stand } : {}),
      ...common(c.modified, c.issued),
      'dcat:distribution': (Object.keys(paths) as (keyof typeof paths)[]).map((f) => distribution(iri, f, paths[f], c.modified)),
    };
  };

  const issued = data.catalogues.map((c) => c.issued).sort()[0] ?? data.modified;
  const hsdsIri = `${url(OPEN_DATA_PAGE)}#hsds`;
  const hsds = {
    '@id': hsdsIri,
    '@type': 'dcat:Dataset',
    'dct:identifier': hsdsIri,
    'dct:title': de(`Angebote, Akteure und Anlaufstellen – ${town} (Open Referral HSDS)`),
    'dct:description': de(
      `Alle veröffentlichten Maßnahmen der Maßnahmenkataloge als Angebote (services) mit den verantwortlichen Stellen (organizations), ` +
        `Zielgruppen und den veröffentlichten Anlaufstellen (contacts) im tabellarischen Format der Human Services Data Specification.`,
    ),
    'dcat:keyword': ['Integration', 'Vielfalt', 'Beratung', 'Open Referral'].map(de),
    'dcat:landingPage': id(url(OPEN_DATA_PAGE)),
    'dct:conformsTo': id('https://docs.openreferral.org/en/latest/hsds/'),
    ...common(data.modified, issued),
    'dcat:distribution': [distribution(hsdsIri, 'ZIP', HSDS_PATH, data.modified)],
  };

  return {
    '@context': DCAT_CONTEXT,
    '@graph': [
      {
        '@id': `${url(DCAT_PATH)}#katalog`,
        '@type': 'dcat:Catalog',
        'dct:title': de(`Maßnahmenkataloge Integration und Vielfalt – ${town}`),
        'dct:description': de(
          `Offene Daten der Maßnahmenkataloge zu Integration und Vielfalt: das Integrationskonzept, der Diversity-Maßnahmenkatalog ` +
            `und weitere Kataloge mit ihren Maßnahmen, Verantwortlichen und Zielgruppen.`,
        ),
        'dct:publisher': id(publisherId),
        'foaf:homepage': id(url(OPEN_DATA_PAGE)),
        'dct:language': id(GERMAN),
        'dct:license': id(LICENCE.uri),
        'dcat:themeTaxonomy': id(`${EU}/data-theme`),
        'dct:issued': dateTime(issued),
        'dct:modified': dateTime(data.modified),
        ...(geo ? { 'dct:spatial': id(geo.uri) } : {}),
        'dcat:dataset': [...data.catalogues.map(datasetOf), hsds],
      },
      {
        '@id': publisherId,
        '@type': 'foaf:Organization',
        'foaf:name': town,
        'foaf:homepage': id(url('/')),
      },
      {
        '@id': contactId,
        '@type': 'vcard:Organization',
        'vcard:fn': `${town} – Redaktion der Maßnahmenkataloge`,
        'vcard:hasURL': id(url(OPEN_DATA_PAGE)),
        ...(options.contactEmail ? { 'vcard:hasEmail': id(`mailto:${options.contactEmail}`) } : {}),
      },
    ],
  };
}

function datasetDescription(c: OpenCatalogue, town: string): string {
  const intro = [c.subtitle, c.publisher ? `Herausgegeben von: ${c.publisher}.` : null, c.stand ? `Stand: ${c.stand}.` : null]
    .filter(Boolean)
    .join(' ');
  const body = c.description?.trim();
  const base = `Maßnahmen des Katalogs „${c.title}“ (${town}) mit Verantwortlichen, Zielgruppen, Status und Stand.`;
  // dct:description is mandatory: always at least the generated sentence; long forewords are cut.
  return [base, intro, body && body.length > 1200 ? `${body.slice(0, 1200).trimEnd()} …` : body].filter(Boolean).join('\n\n');
}

function datasetKeywords(c: OpenCatalogue): string[] {
  const byKind: Record<OpenCatalogue['kind'], string[]> = {
    integrationskonzept: ['Integration', 'Integrationskonzept'],
    diversity: ['Vielfalt', 'Diversity', 'Gleichstellung'],
    vereinbarungen: ['Integration', 'Vereinbarungen'],
  };
  return [...new Set([...byKind[c.kind], 'Maßnahmen', ...c.sections.map((s) => s.title)])];
}
