/**
 * Open Referral HSDS (3.x) tabular data package: the published measures as services, the
 * actors responsible for them as organizations, the catalogues as programs, the visible
 * contacts as contacts and phones, and the target groups as a taxonomy linked by attributes.
 * `assured_date` is the date the measure was last reviewed ("zuletzt geprüft"). Locations are
 * not part of the package: the catalogues record no addresses.
 *
 * Every file is plain RFC 4180 CSV (comma, UTF-8 without BOM) through the project's one CSV
 * writer; datapackage.json describes the tables (Frictionless Tabular Data Package).
 */
import { strToU8, zipSync } from 'fflate';
import { measureHref, actorHref, catalogueHref } from '../../components/paths';
import { plainCsvDocument } from '../util/csv';
import { sha256 } from '../text/hash';
import type { OpenDataSet, OpenMeasure } from './model';
import { LICENCE } from './profile';

/** Columns per table, in HSDS order (3.x field names). */
export const HSDS_COLUMNS = {
  organizations: ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'uri', 'parent_organization_id'],
  programs: ['id', 'organization_id', 'name', 'alternate_name', 'description'],
  services: [
    'id',
    'organization_id',
    'program_id',
    'name',
    'alternate_name',
    'description',
    'url',
    'email',
    'status',
    'eligibility_description',
    'alert',
    'assured_date',
    'assurer_email',
    'last_modified',
  ],
  contacts: ['id', 'organization_id', 'service_id', 'name', 'title', 'department', 'email'],
  phones: ['id', 'organization_id', 'contact_id', 'number', 'type', 'description'],
  taxonomies: ['id', 'name', 'description', 'uri', 'version'],
  taxonomy_terms: ['id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'taxonomy_id', 'language'],
  attributes: ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value', 'label'],
} as const;

export type HsdsTable = keyof typeof HSDS_COLUMNS;
type Row<T extends HsdsTable> = Record<(typeof HSDS_COLUMNS)[T][number], string | null>;
export type HsdsTables = { [T in HsdsTable]: Row<T>[] };

/** A UUID derived from a name (HSDS ids are UUIDs; derived rows need stable ones). */
export function stableUuid(...parts: string[]): string {
  const h = sha256(`vielfalt:${parts.join(':')}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Structured state → HSDS service status (active, inactive, defunct). */
export function serviceStatus(stateCode: string): 'active' | 'inactive' | 'defunct' {
  if (stateCode === 'eingestellt') return 'defunct';
  if (stateCode === 'umgesetzt') return 'inactive';
  return 'active';
}

function serviceDescription(m: OpenMeasure): string {
  const parts = [m.description.trim()];
  if (m.goals?.trim()) parts.push(`Ziele: ${m.goals.trim()}`);
  if (m.statusText?.trim()) parts.push(`Stand der Umsetzung: ${m.statusText.trim()}`);
  if (m.remarks?.trim()) parts.push(`Bemerkungen: ${m.remarks.trim()}`);
  return parts.filter(Boolean).join('\n\n');
}

export function buildHsdsTables(data: OpenDataSet, origin: string): HsdsTables {
  const url = (path: string) => new URL(path, origin).toString();
  const town = data.municipality;
  // The municipality itself: publisher of the catalogues (programs) and fallback provider.
  const townOrgId = stableUuid('municipality', town.id);
  const actorIds = new Set(data.actors.map((a) => a.id));

  const organizations: Row<'organizations'>[] = [
    { id: townOrgId, name: town.name, alternate_name: null, description: `${town.name}, Herausgeberin der Maßnahmenkataloge.`, email: null, website: url('/'), uri: null, parent_organization_id: null },
    ...data.actors.map((a) => ({
      id: a.id,
      name: a.name,
      alternate_name: a.aliases.join('; ') || null,
      // description is required by HSDS: the actor's own, else what it is.
      description: a.description?.trim() || `Akteur in den Maßnahmenkatalogen (${town.name}).`,
      email: null,
      website: url(actorHref(a.slug)),
      uri: null,
      parent_organization_id: a.parentId ?? (a.kind === 'stadt' ? townOrgId : null),
    })),
  ];

  const programs: Row<'programs'>[] = data.catalogues.map((c) => ({
    id: c.id,
    organization_id: townOrgId,
    name: c.title,
    alternate_name: c.subtitle,
    description: [c.publisher ? `Herausgegeben von: ${c.publisher}.` : null, c.stand ? `Stand: ${c.stand}.` : null, url(catalogueHref(c.slug))]
      .filter(Boolean)
      .join(' '),
  }));

  const services: Row<'services'>[] = data.measures.map((m) => {
    const provider = m.actors.find((a) => a.role === 'verantwortlich' && actorIds.has(a.id)) ?? m.actors.find((a) => actorIds.has(a.id));
    return {
      id: m.id,
      organization_id: provider?.id ?? townOrgId,
      program_id: m.catalogueId,
      name: m.title,
      alternate_name: m.number ? `Maßnahme ${m.number}` : null,
      description: serviceDescription(m),
      url: url(measureHref(m.catalogueSlug, m.slug)),
      email: null,
      status: serviceStatus(m.state.code),
      eligibility_description: m.targetGroupText?.trim() || (m.targetGroups.length ? m.targetGroups.map((g) => g.name).join(', ') : null),
      alert: null,
      assured_date: m.lastReviewedAt,
      // Never a person's address: who reviewed is not published.
      assurer_email: null,
      last_modified: m.updatedAt,
    };
  });

  const contacts: Row<'contacts'>[] = [];
  const phones: Row<'phones'>[] = [];
  for (const c of data.contacts) {
    if (!actorIds.has(c.actorId)) continue;
    contacts.push({
      id: c.id,
      organization_id: c.actorId,
      service_id: null,
      name: c.kind === 'person' ? c.name : (c.name ?? c.unit),
      title: c.kind === 'person' ? 'Ansprechperson' : 'Anlaufstelle',
      department: c.unit,
      email: c.email,
    });
    if (c.phone?.trim())
      phones.push({ id: stableUuid('phone', c.id), organization_id: c.actorId, contact_id: c.id, number: c.phone.trim(), type: 'voice', description: null });
  }

  const taxonomyId = stableUuid('taxonomy', town.id, 'zielgruppen');
  const terms = new Map<string, Row<'taxonomy_terms'>>();
  const attributes: Row<'attributes'>[] = [];
  for (const m of data.measures)
    for (const g of m.targetGroups) {
      if (!terms.has(g.id))
        terms.set(g.id, { id: g.id, code: g.slug, name: g.name, description: null, parent_id: null, taxonomy: 'Zielgruppen', taxonomy_id: taxonomyId, language: 'de' });
      attributes.push({ id: stableUuid('attribute', m.id, g.id), link_id: m.id, taxonomy_term_id: g.id, link_type: 'audience', link_entity: 'service', value: null, label: g.name });
    }

  return {
    organizations,
    programs,
    services,
    contacts,
    phones,
    taxonomies: [{ id: taxonomyId, name: 'Zielgruppen', description: `Zielgruppen der Maßnahmenkataloge (${town.name})`, uri: url('/zielgruppen'), version: null }],
    taxonomy_terms: [...terms.values()].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'de')),
    attributes,
  };
}

const FOREIGN_KEYS: Partial<Record<HsdsTable, { fields: string; reference: { resource: HsdsTable; fields: string } }[]>> = {
  organizations: [{ fields: 'parent_organization_id', reference: { resource: 'organizations', fields: 'id' } }],
  programs: [{ fields: 'organization_id', reference: { resource: 'organizations', fields: 'id' } }],
  services: [
    { fields: 'organization_id', reference: { resource: 'organizations', fields: 'id' } },
    { fields: 'program_id', reference: { resource: 'programs', fields: 'id' } },
  ],
  contacts: [{ fields: 'organization_id', reference: { resource: 'organizations', fields: 'id' } }],
  phones: [{ fields: 'contact_id', reference: { resource: 'contacts', fields: 'id' } }],
  taxonomy_terms: [{ fields: 'taxonomy_id', reference: { resource: 'taxonomies', fields: 'id' } }],
  attributes: [{ fields: 'taxonomy_term_id', reference: { resource: 'taxonomy_terms', fields: 'id' } }],
};

const DATE_FIELDS = new Set(['assured_date']);
const DATETIME_FIELDS = new Set(['last_modified']);

export function datapackageDescriptor(data: OpenDataSet, origin: string): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: `vielfalt-${data.municipality.slug}-hsds`,
    title: `Angebote, Akteure und Anlaufstellen – ${data.municipality.name} (Open Referral HSDS)`,
    homepage: new URL('/offene-daten', origin).toString(),
    version: data.modified.slice(0, 10),
    created: data.modified,
    licenses: [{ name: LICENCE.id, title: LICENCE.title, path: LICENCE.url }],
    sources: [{ title: data.municipality.name, path: new URL('/', origin).toString() }],
    resources: (Object.keys(HSDS_COLUMNS) as HsdsTable[]).map((table) => ({
      name: table,
      path: `${table}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', header: true },
      schema: {
        fields: HSDS_COLUMNS[table].map((name) => ({
          name,
          type: DATE_FIELDS.has(name) ? 'date' : DATETIME_FIELDS.has(name) ? 'datetime' : 'string',
          ...(name === 'id' || name.endsWith('_id') ? { format: 'uuid' } : {}),
        })),
        primaryKey: 'id',
        ...(FOREIGN_KEYS[table] ? { foreignKeys: FOREIGN_KEYS[table] } : {}),
      },
    })),
  };
}

export function hsdsReadme(data: OpenDataSet, origin: string): string {
  const url = (path: string) => new URL(path, origin).toString();
  return `# Angebote, Akteure und Anlaufstellen – ${data.municipality.name}

Open-Referral-Datenpaket (Human Services Data Specification, HSDS 3.x, tabellarisch) aus den
Maßnahmenkatalogen zu Integration und Vielfalt. Stand: ${data.modified}.
Quelle und aktuelle Fassung: ${url('/offene-daten')}

## Lizenz

${LICENCE.title} (${LICENCE.url}).
Namensnennung: „${data.municipality.name}“ mit Verweis auf ${url('/')}.

## Dateien

| Datei | Inhalt |
| --- | --- |
| organizations.csv | verantwortliche und beteiligte Stellen (Akteure); dazu die Stadt selbst |
| programs.csv | die Maßnahmenkataloge |
| services.csv | die veröffentlichten Maßnahmen (ohne Lücken) |
| contacts.csv | veröffentlichte Anlaufstellen und Ansprechpersonen der Akteure |
| phones.csv | Telefonnummern dieser Kontakte |
| taxonomies.csv, taxonomy_terms.csv, attributes.csv | Zielgruppen und ihre Zuordnung zu den Maßnahmen |
| datapackage.json | Beschreibung der Tabellen (Frictionless Tabular Data Package) |

Alle Dateien sind CSV nach RFC 4180: UTF-8 ohne BOM, Komma als Trennzeichen, Kopfzeile.
Zum Öffnen in einer Tabellenkalkulation bitte den Import mit „UTF-8“ und „Komma“ wählen;
Werte werden nicht verändert (z. B. Telefonnummern mit „+“).

## Zuordnung

- services.assured_date: Datum der letzten Prüfung der Maßnahme („zuletzt geprüft“), leer wenn nie geprüft.
- services.last_modified: Stand der Maßnahme (letzte veröffentlichte Änderung).
- services.status: „active“ (geplant, laufend, dauerhaft, unbekannt), „inactive“ (umgesetzt), „defunct“ (eingestellt).
- services.organization_id: die erste verantwortliche Stelle; weitere stehen auf der Seite der Maßnahme (services.url).
- services.eligibility_description: die Zielgruppe, wie gedruckt.
- contacts: nur Kontakte, die zur Veröffentlichung freigegeben sind (wie auf den Akteursseiten).
- locations: nicht enthalten, die Kataloge enthalten keine Adressen.
`;
}

/** The ZIP: every table, datapackage.json and README.md. */
export function hsdsZip(data: OpenDataSet, origin: string): Uint8Array<ArrayBuffer> {
  const tables = buildHsdsTables(data, origin);
  const files: Record<string, Uint8Array> = {
    'README.md': strToU8(hsdsReadme(data, origin)),
    'datapackage.json': strToU8(`${JSON.stringify(datapackageDescriptor(data, origin), null, 2)}\n`),
  };
  for (const table of Object.keys(HSDS_COLUMNS) as HsdsTable[]) {
    const columns = HSDS_COLUMNS[table];
    const rows = (tables[table] as Record<string, string | null>[]).map((r) => columns.map((c) => r[c]));
    files[`${table}.csv`] = strToU8(plainCsvDocument(columns, rows));
  }
  // Fixed timestamps: the same data gives the same bytes (ETag-friendly).
  // ZIP dates start in 1980.
  const mtime = new Date(Math.max(Date.parse(data.modified), Date.UTC(1980, 0, 2)));
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { mtime }]])), { level: 6 });
}
