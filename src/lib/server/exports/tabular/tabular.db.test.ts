import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../../tests/helpers/db';
import type { Db } from '../../db/connection';
import { measures, revisions } from '../../db/schema';
import { ForbiddenError } from '../../auth/policy';
import { parseCsv } from '../../util/csv';
import { rolledBack, seed, type Seed } from '../../../../../tests/helpers/seed';
import { loadExportSelection } from '../measures';
import { BULLET_TEXT, exportPlan, FORMULA_REMARK, FORMULA_TITLE } from '../test-fixtures';
import { HEADERS } from './columns';
import { applyTableImport, previewTableImport } from './import';
import { readTable } from './read';
import { measuresCsv, measuresXlsx } from './write';

const ctx = { measureUrl: (m: { slug: string }) => `https://vielfalt.example/m/${m.slug}` };
const bytes = (text: string) => new TextEncoder().encode(text);

async function exportCsv(db: Db, catalogueId: string): Promise<string> {
  return measuresCsv(await loadExportSelection(db, { catalogueIds: [catalogueId] }), ctx);
}

/** Sets one cell (by header) of the data row whose column "Titel" is `title`. */
function editCsv(csv: string, title: string, header: string, value: string): string {
  const records = parseCsv(csv);
  const head = records[0]!.fields;
  const col = head.indexOf(header);
  const row = records.find((r) => r.fields[head.indexOf('Titel')] === title)!;
  row.fields[col] = value;
  const quote = (f: string) => `"${f.replace(/"/g, '""')}"`;
  return `\uFEFF${records.map((r) => r.fields.map(quote).join(';')).join('\r\n')}\r\n`;
}

async function revisionCount(db: Db, id: string): Promise<number> {
  return (await db.select().from(revisions).where(and(eq(revisions.entityType, 'measure'), eq(revisions.entityId, id)))).length;
}

describeEachEngine('CSV/XLSX export and import', (engine) => {
  let database: TestDatabase;
  let s: Seed;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    s = await seed(database.db, exportPlan());
  });
  afterAll(async () => {
    await database.destroy();
  });
  const test = (name: string, body: (db: Db) => Promise<void>) => it(name, () => rolledBack(database.db, body));

  test('CSV for German Excel: BOM, semicolons, every published measure, formulas neutralised', async (db) => {
    const csv = await exportCsv(db, s.catalogueId);
    expect(csv.startsWith('\uFEFF"ID";"Version";')).toBe(true);
    const records = parseCsv(csv);
    expect(records[0]!.fields).toEqual(HEADERS);
    const published = await db.select().from(measures).where(eq(measures.workflowState, 'veroeffentlicht'));
    expect(records.length - 1).toBe(published.length);
    // A title starting with "=", a remark with "+", a text with "-" are not run as formulas.
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""Klick"")"`);
    expect(csv).toContain(`"'${FORMULA_REMARK}"`);
    expect(csv).not.toMatch(/;"=/);
    // …and read back unchanged.
    const table = await readTable(bytes(csv));
    const titleAt = table.header.indexOf('Titel');
    expect(table.rows.map((r) => r.cells[titleAt])).toContain(FORMULA_TITLE);
    expect(table.rows.map((r) => r.cells[table.header.indexOf('Beschreibung')])).toContain(BULLET_TEXT);
  });

  test('round trip: export → change two cells → import → exactly two revisions', async (db) => {
    const csv = await exportCsv(db, s.catalogueId);
    const edited = editCsv(editCsv(csv, 'Sprachförderung in Kitas', 'Status', 'läuft seit 2020 in allen Kitas'), 'Elterncafés', 'Nach außen', 'ja');
    const before = { m1: await revisionCount(db, s.measures.m1), m2: await revisionCount(db, s.measures.m2) };
    const allBefore = (await db.select().from(revisions)).length;

    const table = await readTable(bytes(edited));
    const preview = await previewTableImport(db, s.users.redaktion, table);
    expect(preview.problems).toEqual([]);
    expect(preview.changes.map((c) => ({ title: c.title, changes: c.changes }))).toEqual([
      { title: 'Sprachförderung in Kitas', changes: [{ column: 'Status', field: 'statusText', before: 'Regelangebot', after: 'läuft seit 2020 in allen Kitas' }] },
      { title: 'Elterncafés', changes: [{ column: 'Nach außen', field: 'directionOutward', before: 'nein', after: 'ja' }] },
    ]);
    expect(preview.unchanged).toBe(preview.rows - 2);
    // The preview writes nothing.
    expect((await db.select().from(revisions)).length).toBe(allBefore);

    const result = await applyTableImport(db, s.users.redaktion, table);
    expect(result).toMatchObject({ status: 'imported', updated: 2 });
    expect((await db.select().from(revisions)).length).toBe(allBefore + 2);
    expect(await revisionCount(db, s.measures.m1)).toBe(before.m1 + 1);
    expect(await revisionCount(db, s.measures.m2)).toBe(before.m2 + 1);
    const [m1] = await db.select().from(measures).where(eq(measures.id, s.measures.m1));
    expect(m1).toMatchObject({ statusText: 'läuft seit 2020 in allen Kitas', version: 2 });
    const [m2] = await db.select().from(measures).where(eq(measures.id, s.measures.m2));
    expect(m2).toMatchObject({ directionOutward: true, version: 2 });

    // The same file again changes nothing (its rows now match)…
    expect(await applyTableImport(db, s.users.redaktion, table)).toMatchObject({ status: 'imported', updated: 0 });
    // …but the old export with another change to a measure edited since is a conflict, by line.
    const stale = await readTable(bytes(editCsv(csv, 'Sprachförderung in Kitas', 'Bemerkungen', 'veraltet')));
    const staleLine = stale.rows.find((r) => r.cells[stale.header.indexOf('Titel')] === 'Sprachförderung in Kitas')!.line;
    const conflict = await applyTableImport(db, s.users.redaktion, stale);
    expect(conflict.status).toBe('rejected');
    // Both rows of the old file: m1 (changed since) and m2, whose old values would undo today's edit.
    expect(conflict.preview.problems.map((p) => p.column)).toEqual(['Version', 'Version']);
    expect(conflict.preview.problems.every((p) => p.message.startsWith('Konflikt'))).toBe(true);
    expect(conflict.preview.problems.find((p) => p.line === staleLine)!.message).toMatch(/^Konflikt: „Sprachförderung in Kitas“ wurde nach dem Export geändert \(Version 1 in der Datei, jetzt 2\)/);
    expect((await db.select().from(revisions)).length).toBe(allBefore + 2);
  });

  test('a bad row changes nothing and names its line', async (db) => {
    const csv = await exportCsv(db, s.catalogueId);
    let edited = editCsv(csv, 'Sprachförderung in Kitas', 'Status', 'geändert');
    edited = editCsv(edited, 'Elterncafés', 'Nach innen', 'vielleicht');
    const table = await readTable(bytes(edited));
    const badLine = table.rows.find((r) => r.cells[table.header.indexOf('Titel')] === 'Elterncafés')!.line;
    const allBefore = (await db.select().from(revisions)).length;
    const result = await applyTableImport(db, s.users.redaktion, table);
    expect(result.status).toBe('rejected');
    expect(result.preview.problems).toEqual([{ line: badLine, column: 'Nach innen', message: '„vielleicht“ ist kein Ja/Nein-Wert (erlaubt: ja, nein).' }]);
    expect((await db.select().from(revisions)).length).toBe(allBefore);
    const [m1] = await db.select().from(measures).where(eq(measures.id, s.measures.m1));
    expect(m1!.statusText).toBe('Regelangebot');
  });

  test('unknown columns, unknown ids, bad state codes and an empty title are reported by line', async (db) => {
    const csv = await exportCsv(db, s.catalogueId);
    let edited = editCsv(csv, 'Sprachförderung in Kitas', 'Umsetzungsstand', 'fertig');
    edited = editCsv(edited, 'Elterncafés', 'Titel', '');
    edited = edited.replace('"ID";', '"ID";"Farbe";').replace(/\r\n"([0-9a-f-]{36})";/g, '\r\n"$1";"rot";');
    const table = await readTable(bytes(edited));
    const preview = await previewTableImport(db, s.users.redaktion, table);
    const messages = preview.problems.map((p) => `${p.line}:${p.column}`);
    expect(messages[0]).toBe('1:Farbe');
    expect(preview.problems.length).toBe(1);

    const withoutColumn = await readTable(bytes(editCsv(editCsv(csv, 'Sprachförderung in Kitas', 'Umsetzungsstand', 'fertig'), 'Elterncafés', 'Titel', '')));
    const rows = await previewTableImport(db, s.users.redaktion, withoutColumn);
    expect(rows.problems.map((p) => p.column)).toEqual(expect.arrayContaining(['Umsetzungsstand', 'Titel']));
    expect(rows.problems.every((p) => p.line > 1)).toBe(true);
    expect(rows.changes).toEqual([]);
  });

  test('XLSX: same columns, typed text (no formula), and it imports too', async (db) => {
    const selection = await loadExportSelection(db, { catalogueIds: [s.catalogueId] });
    const xlsx = await measuresXlsx(selection, ctx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    const titleCol = HEADERS.indexOf('Titel') + 1;
    const cells = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(titleCol));
    const formulaCell = cells.find((c) => c.value === FORMULA_TITLE)!;
    expect(formulaCell.type).toBe(ExcelJS.ValueType.String);
    // Edit one cell and import the workbook.
    const statusCol = HEADERS.indexOf('Status') + 1;
    const row = cells.find((c) => c.value === 'Sprachförderung in Kitas')!.row;
    sheet.getRow(Number(row)).getCell(statusCol).value = 'aus Excel geändert';
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await applyTableImport(db, s.users.redaktion, await readTable(edited));
    expect(result).toMatchObject({ status: 'imported', updated: 1 });
  });

  test('only Redaktion and Administration may import', async (db) => {
    const table = await readTable(bytes(await exportCsv(db, s.catalogueId)));
    await expect(previewTableImport(db, s.users.beitragende, table)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyTableImport(db, s.users.lesend, table)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(previewTableImport(db, s.users.admin, table)).resolves.toMatchObject({ problems: [] });
  });
});
