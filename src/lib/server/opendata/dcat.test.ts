import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { buildDcatCatalog, distributionPaths } from './dcat';
import { openDataProfile } from './profile';
import { buildOpenData, ORIGIN } from './test-fixtures';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const DCATDE = 'http://dcat-ap.de/def/dcatde/';

type Node = Record<string, { '@id'?: string; '@value'?: string }[]> & { '@id': string; '@type'?: string[] };

async function expanded(contactEmail?: string) {
  const data = buildOpenData();
  const record = buildDcatCatalog(data, { origin: ORIGIN, profile: openDataProfile(data.municipality), contactEmail });
  // Serialised and parsed as a harvester gets it; the context is inline, so nothing is fetched.
  const flat = (await jsonld.flatten(JSON.parse(JSON.stringify(record)) as jsonld.JsonLdDocument)) as unknown as Node[];
  const byId = new Map(flat.map((n) => [n['@id'], n]));
  const ofType = (t: string) => flat.filter((n) => n['@type']?.includes(t));
  return { record, flat, byId, ofType };
}

const values = (node: Node, property: string) => (node[property] ?? []).map((v) => v['@value'] ?? v['@id']);

describe('DCAT-AP.de catalogue record', () => {
  it('expands as JSON-LD into one catalog with a dataset per catalogue plus the HSDS package', async () => {
    const { ofType, record } = await expanded();
    expect(await jsonld.expand(JSON.parse(JSON.stringify(record)) as jsonld.JsonLdDocument)).not.toHaveLength(0);
    const [catalog, ...others] = ofType(`${DCAT}Catalog`);
    expect(others).toHaveLength(0);
    const datasets = ofType(`${DCAT}Dataset`);
    expect(datasets.map((d) => values(d, `${DCT}title`)[0])).toEqual(
      expect.arrayContaining(['Gesamtstädtisches Integrationskonzept', 'DIVERSITY bei der Stadtverwaltung Herne']),
    );
    expect(datasets).toHaveLength(3);
    expect(values(catalog!, `${DCAT}dataset`).sort()).toEqual(datasets.map((d) => d['@id']).sort());
  });

  it('has the mandatory properties of Catalog, Dataset, Distribution and Agent', async () => {
    const { ofType, byId } = await expanded();
    for (const node of [...ofType(`${DCAT}Catalog`), ...ofType(`${DCAT}Dataset`)]) {
      for (const p of ['title', 'description', 'publisher']) expect(values(node, `${DCT}${p}`), `${node['@id']} dct:${p}`).toHaveLength(1);
      const publisher = byId.get(values(node, `${DCT}publisher`)[0]!)!;
      expect(publisher['@type']).toContain(`${FOAF}Organization`);
      expect(values(publisher, `${FOAF}name`)).toEqual(['Stadt Herne']);
    }
    const distributions = ofType(`${DCAT}Distribution`);
    expect(distributions).toHaveLength(2 * 4 + 1);
    for (const d of distributions) {
      expect(values(d, `${DCAT}accessURL`)[0]).toMatch(/^https:\/\/vielfalt\.example\//);
      expect(values(d, `${DCT}license`)).toEqual(['http://dcat-ap.de/def/licenses/dl-by-de/2.0']);
    }
  });

  it('points the distributions to the CSV, XLSX, PDF exports and the JSON search API', async () => {
    const { byId } = await expanded();
    const dataset = byId.get(`${ORIGIN}/kataloge/integrationskonzept#datensatz`)!;
    const urls = values(dataset, `${DCAT}distribution`).map((id) => values(byId.get(id!)!, `${DCAT}downloadURL`)[0]);
    expect(urls).toEqual([
      `${ORIGIN}/kataloge/integrationskonzept/export.csv`,
      `${ORIGIN}/kataloge/integrationskonzept/export.xlsx`,
      `${ORIGIN}/api/v1/measures?katalog=integrationskonzept`,
      `${ORIGIN}/kataloge/integrationskonzept/export.pdf`,
    ]);
    const formats = values(dataset, `${DCAT}distribution`).map((id) => values(byId.get(id!)!, `${DCT}format`)[0]);
    expect(formats).toEqual(['CSV', 'XLSX', 'JSON', 'PDF'].map((f) => `http://publications.europa.eu/resource/authority/file-type/${f}`));
    expect(distributionPaths('a b').JSON).toBe('/api/v1/measures?katalog=a%20b');
  });

  it('geocodes Herne by its AGS and dates, themes and contact point each dataset', async () => {
    const { ofType, byId } = await expanded('daten@herne.example');
    for (const d of ofType(`${DCAT}Dataset`)) {
      expect(values(d, `${DCATDE}politicalGeocodingURI`)).toEqual(['http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05916000']);
      expect(values(d, `${DCATDE}politicalGeocodingLevelURI`)).toEqual(['http://dcat-ap.de/def/politicalGeocoding/Level/municipality']);
      expect(values(d, `${DCAT}theme`)).toContain('http://publications.europa.eu/resource/authority/data-theme/SOCI');
      expect(d[`${DCT}issued`]![0]).toMatchObject({ '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' });
      expect(values(d, `${DCT}modified`)).toHaveLength(1);
      const contact = byId.get(values(d, `${DCAT}contactPoint`)[0]!)!;
      expect(values(contact, 'http://www.w3.org/2006/vcard/ns#hasEmail')).toEqual(['mailto:daten@herne.example']);
    }
    const ik = byId.get(`${ORIGIN}/kataloge/integrationskonzept#datensatz`)!;
    expect(values(ik, `${DCT}modified`)).toEqual(['2026-04-02T08:30:00.000Z']);
    expect(values(ik, `${DCAT}keyword`)).toContain('Bildung');
  });

  it('leaves geocoding out for a municipality without a known key', async () => {
    const data = buildOpenData();
    data.municipality = { ...data.municipality, slug: 'musterstadt', name: 'Stadt Musterstadt' };
    const record = JSON.stringify(buildDcatCatalog(data, { origin: ORIGIN, profile: openDataProfile(data.municipality) }));
    expect(record).not.toContain('politicalGeocoding');
    expect(record).toContain('Stadt Musterstadt');
  });
});
