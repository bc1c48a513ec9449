import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { describeEachEngine } from '../../../../tests/helpers/db';
import { seededDatabase } from '../../../../tests/helpers/seed';
import { auditLog, translations } from '../db/schema';
import { ForbiddenError } from '../auth/policy';
import { unitId } from './fields';
import { exportXliff } from './export-xliff';
import { importXliff } from './import-xliff';
import { loadTranslationOverview } from './overview';
import { saveTranslation } from './save-translation';
import { loadMeasureSnapshots } from '../catalogue/snapshot';
import { editableFromSnapshot } from '../catalogue/editable-measure';
import { updateMeasure } from '../editing/measures/update-measure';

/** Fills the <target> of one unit in an exported file, as a translation tool would. */
function translateUnit(file: string, id: string, target: string): string {
  const start = file.indexOf(`<unit id="${id}"`);
  expect(start).toBeGreaterThan(0);
  const end = file.indexOf('</segment>', start);
  return `${file.slice(0, end)}  <target>${target}</target>\n      ${file.slice(end)}`;
}

describeEachEngine('XLIFF 2.0 round trip', (engine) => {
  const { s, test } = seededDatabase(engine);
  const title = () => unitId({ entityType: 'measure', entityId: s.measures.m1, field: 'title' });
  const description = () => unitId({ entityType: 'measure', entityId: s.measures.m1, field: 'description' });

  test('export → translate two units → import → two fields aktuell', async (db) => {
    const exported = await exportXliff(db, s.users.redaktion, s.catalogueId, 'en', 'offen');
    expect(exported.filename).toMatch(/^[a-z0-9-]+-en-offen\.xlf$/);
    // Valid XLIFF 2.0 shape.
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(exported.body);
    expect(doc.xliff).toMatchObject({ '@_version': '2.0', '@_srcLang': 'de', '@_trgLang': 'en', '@_xmlns': 'urn:oasis:names:tc:xliff:document:2.0' });
    const before = await loadTranslationOverview(db, s.catalogueId, 'en');
    expect(exported.count).toBe(before.total);
    let file = translateUnit(exported.body, title(), 'Language support in day-care centres');
    file = translateUnit(file, description(), 'Day-care centres offer language support &amp; more.');
    const result = await importXliff(db, s.users.redaktion, s.catalogueId, 'en', file);
    expect(result).toMatchObject({ status: 'imported', updated: [title(), description()], unchanged: [] });
    const after = await loadTranslationOverview(db, s.catalogueId, 'en');
    expect(after.counts.aktuell).toBe(2);
    expect(after.units.filter((u) => u.status === 'aktuell').map((u) => u.id)).toEqual([title(), description()]);
    expect(after.units.find((u) => u.id === description())!.translation!.value).toBe('Day-care centres offer language support & more.');
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'translation.import'))).toHaveLength(1);
    // "Only what needs work": the two current units are no longer exported.
    const open = await exportXliff(db, s.users.redaktion, s.catalogueId, 'en', 'offen');
    expect(open.count).toBe(before.total - 2);
    expect(open.body).not.toContain(`<unit id="${title()}"`);
    const all = await exportXliff(db, s.users.redaktion, s.catalogueId, 'en', 'alle');
    expect(all.body).toContain('<target xml:space="preserve">Language support in day-care centres</target>');
  });

  test('a wrong source hash or an unknown id refuses the whole file, naming the unit', async (db) => {
    const exported = (await exportXliff(db, s.users.redaktion, s.catalogueId, 'en', 'alle')).body;
    let file = translateUnit(exported, title(), 'Language support');
    file = translateUnit(file, description(), 'Some text');
    // Wrong hash on the description unit.
    const start = file.indexOf(`<unit id="${description()}"`);
    const hashAt = file.indexOf('vielfalt:source-hash">', start) + 'vielfalt:source-hash">'.length;
    const wrongHash = file.slice(0, hashAt) + '0'.repeat(64) + file.slice(hashAt + 64);
    const refused = await importXliff(db, s.users.redaktion, s.catalogueId, 'en', wrongHash);
    expect(refused).toEqual({ status: 'refused', errors: [{ unit: description(), message: expect.stringContaining('Falsche Prüfsumme') }] });
    // Unknown id.
    const unknown = `measure:00000000-0000-4000-8000-000000000000:title`;
    const withUnknown = file.replace(`<unit id="${description()}"`, `<unit id="${unknown}"`);
    const refused2 = await importXliff(db, s.users.redaktion, s.catalogueId, 'en', withUnknown);
    expect(refused2).toEqual({ status: 'refused', errors: [{ unit: unknown, message: expect.stringContaining('Unbekannte Kennung') }] });
    // Nothing was written, also not the valid title unit.
    expect(await db.select().from(translations)).toEqual([]);
    // Wrong target language, DOCTYPE, malformed XML, wrong version: refused for the file.
    expect(await importXliff(db, s.users.redaktion, s.catalogueId, 'fr', file)).toMatchObject({ status: 'refused', errors: [{ unit: null, message: expect.stringContaining('Zielsprache') }] });
    expect(await importXliff(db, s.users.redaktion, s.catalogueId, 'en', file.replace('<xliff', '<!DOCTYPE x [<!ENTITY a "b">]><xliff'))).toMatchObject({ status: 'refused' });
    expect(await importXliff(db, s.users.redaktion, s.catalogueId, 'en', '<xliff version="2.0"><file>')).toMatchObject({ status: 'refused' });
    expect(await importXliff(db, s.users.redaktion, s.catalogueId, 'en', file.replace('version="2.0"', 'version="1.2"'))).toMatchObject({
      status: 'refused',
      errors: [{ unit: null, message: expect.stringContaining('1.2') }],
    });
    expect(await db.select().from(translations)).toEqual([]);
  });

  test('a German change after the export refuses that unit; contributors cannot import', async (db) => {
    const exported = (await exportXliff(db, s.users.redaktion, s.catalogueId, 'en', 'alle')).body;
    const file = translateUnit(exported, title(), 'Language support');
    await expect(importXliff(db, s.users.beitragende, s.catalogueId, 'en', file)).rejects.toBeInstanceOf(ForbiddenError);
    // Re-import of a file with an existing, equal translation changes nothing.
    const overview = await loadTranslationOverview(db, s.catalogueId, 'en');
    const unit = overview.units.find((u) => u.id === title())!;
    await saveTranslation(db, s.users.redaktion, s.catalogueId, { unit: unit.id, lang: 'en', value: 'Language support', sourceHash: unit.hash });
    expect(await importXliff(db, s.users.redaktion, s.catalogueId, 'en', file)).toMatchObject({ status: 'imported', updated: [], unchanged: [title()] });
    // The German title changes after the export: that unit is refused by name.
    const m1 = (await loadMeasureSnapshots(db, [s.measures.m1])).get(s.measures.m1)!;
    await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...editableFromSnapshot(m1), version: m1.version, title: 'Sprachförderung in allen Kitas' });
    expect(await importXliff(db, s.users.redaktion, s.catalogueId, 'en', file)).toEqual({
      status: 'refused',
      errors: [{ unit: title(), message: expect.stringContaining('seit dem Export geändert') }],
    });
  });
});
