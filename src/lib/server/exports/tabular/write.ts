/**
 * Writes the measures table as CSV (util/csv.ts: UTF-8 with BOM, `;`, formulas neutralised) or
 * as XLSX (exceljs). In XLSX every cell is written as a typed value — text stays text, so a
 * leading "=" is never a formula and needs no apostrophe.
 */
import ExcelJS from 'exceljs';
import { csvDocument } from '../../util/csv';
import type { ExportSelection } from '../measures';
import { COLUMNS, HEADERS, rowOf, type ColumnContext } from './columns';

export type TabularContext = Omit<ColumnContext, 'nodes'>;

export function measuresCsv(selection: ExportSelection, ctx: TabularContext): string {
  const full: ColumnContext = { ...ctx, nodes: selection.nodes };
  return csvDocument(HEADERS, selection.measures.map((m) => rowOf(m, full)));
}

/** Column widths in characters: long texts wide, flags narrow. */
const WIDTH: Record<string, number> = { ID: 38, Titel: 50, Beschreibung: 80, Ort: 30, Katalog: 30 };

export async function measuresXlsx(selection: ExportSelection, ctx: TabularContext & { sheetName?: string }): Promise<Buffer> {
  const full: ColumnContext = { ...ctx, nodes: selection.nodes };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vielfalt';
  const sheet = workbook.addWorksheet((ctx.sheetName ?? 'Maßnahmen').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.header,
    width: WIDTH[c.header] ?? (c.kind === 'boolean' ? 12 : 24),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const m of selection.measures) sheet.addRow(rowOf(m, full));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
