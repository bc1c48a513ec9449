import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildHsdsTables, HSDS_COLUMNS, hsdsZip, serviceStatus, stableUuid } from './hsds';
import { buildOpenData, FIXTURE_IDS, ORIGIN } from './test-fixtures';

/** Minimal RFC 4180 reader for the checks (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Open Referral HSDS package', () => {
  const zip = unzipSync(hsdsZip(buildOpenData(), ORIGIN));
  const table = (name: string) => {
    const [header, ...rows] = parseCsv(strFromU8(zip[`${name}.csv`]!));
    return { header, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]]))) };
  };

  it('holds every table, the data package descriptor and a README', () => {
    expect(Object.keys(zip).sort()).toEqual(
      ['README.md', 'datapackage.json', ...Object.keys(HSDS_COLUMNS).map((t) => `${t}.csv`)].sort(),
    );
    const descriptor = JSON.parse(strFromU8(zip['datapackage.json']!));
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(descriptor.licenses[0].name).toBe('dl-de-by-2.0');
    for (const r of descriptor.resources) expect(r.schema.fields.map((f: { name: string }) => f.name)).toEqual(table(r.name).header);
    expect(strFromU8(zip['README.md']!)).toContain('assured_date');
  });

  it('writes the HSDS columns and fills assured_date from "zuletzt geprüft"', () => {
    const services = table('services');
    expect(services.header).toEqual([...HSDS_COLUMNS.services]);
    for (const column of ['id', 'organization_id', 'name', 'description', 'status', 'assured_date', 'last_modified'])
      expect(services.header).toContain(column);
    expect(services.rows.map((r) => [r.name, r.assured_date, r.status])).toEqual([
      ['Sprachkurse für Eltern', '2026-03-01', 'active'],
      ['Kinderbetreuung <während> der Kurse', '', 'active'],
      ['Flyer Vielfalt der Geschlechter', '2025-12-24', 'defunct'],
    ]);
    expect(services.rows[0]).toMatchObject({
      organization_id: FIXTURE_IDS.vhs,
      program_id: FIXTURE_IDS.ik,
      alternate_name: 'Maßnahme 3',
      url: `${ORIGIN}/kataloge/integrationskonzept/massnahme/sprachkurse`,
      eligibility_description: 'Mütter und Väter',
      assurer_email: '',
    });
    expect(services.rows[0]!.description).toContain('Stand der Umsetzung: Regelangebot');
    expect(table('organizations').header).toEqual([...HSDS_COLUMNS.organizations]);
    expect(table('contacts').header).toEqual([...HSDS_COLUMNS.contacts]);
  });

  it('links organizations, contacts, phones and target groups by UUIDs; values stay unchanged', () => {
    const orgs = table('organizations').rows;
    expect(orgs.map((o) => o.name)).toEqual(['Stadt Herne', 'Büro für Gleichstellung und Vielfalt', 'Volkshochschule Herne']);
    // City units hang under the municipality.
    expect(orgs[1]!.parent_organization_id).toBe(orgs[0]!.id);
    for (const t of Object.keys(HSDS_COLUMNS)) for (const r of table(t).rows) expect(r.id).toMatch(UUID);
    const [contact] = table('contacts').rows;
    expect(contact).toMatchObject({ organization_id: FIXTURE_IDS.bgv, title: 'Anlaufstelle', email: 'vielfalt@example.org' });
    // No formula guard in the data package: the number keeps its "+".
    expect(table('phones').rows).toEqual([expect.objectContaining({ contact_id: contact!.id, number: '+49 2323 16-2629', type: 'voice' })]);
    expect(table('attributes').rows.map((a) => [a.link_id, a.taxonomy_term_id, a.link_entity])).toEqual([
      ['50000000-0000-4000-8000-000000000001', FIXTURE_IDS.eltern, 'service'],
      ['50000000-0000-4000-8000-000000000002', FIXTURE_IDS.eltern, 'service'],
    ]);
  });

  it('falls back to the municipality as provider and keeps ids stable', () => {
    const data = buildOpenData();
    data.measures[0]!.actors = [];
    const tables = buildHsdsTables(data, ORIGIN);
    expect(tables.services[0]!.organization_id).toBe(tables.organizations[0]!.id);
    expect(stableUuid('a', 'b')).toBe(stableUuid('a', 'b'));
    expect(stableUuid('a', 'b')).not.toBe(stableUuid('a', 'c'));
    expect(serviceStatus('umgesetzt')).toBe('inactive');
    // Same data → same bytes.
    expect(hsdsZip(data, ORIGIN)).toEqual(hsdsZip(data, ORIGIN));
  });
});
