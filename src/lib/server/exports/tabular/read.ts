/**
 * Reads an uploaded measures table (CSV or XLSX) into header + rows with their line numbers
 * as the spreadsheet shows them (line 1 is the header), for the import.
 */
import ExcelJS from 'exceljs';
import { parseCsv, restoreFormula } from '../../util/csv';

export interface TableRow {
  line: number;
  cells: string[];
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

export class TableReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TableReadError';
  }
}

/**
 * Largest accepted upload: the confirm step posts the file back (base64), which must stay
 * under the server's BODY_SIZE_LIMIT (10 MB in scripts/start.js). Herne's largest catalogue
 * exports to well under 1 MB.
 */
export const MAX_TABLE_BYTES = 5 * 1024 * 1024;

const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": a ZIP container

export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (!bytes.length) throw new TableReadError('Die Datei ist leer.');
  if (bytes.length > MAX_TABLE_BYTES) throw new TableReadError('Die Datei ist zu groß (höchstens 5 MB).');
  return isXlsx(bytes) ? readXlsx(bytes) : readCsvBytes(bytes);
}

function readCsvBytes(bytes: Uint8Array): Table {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TableReadError('Die Datei ist keine UTF-8-Textdatei. Bitte speichern Sie sie als „CSV UTF-8“ oder als Excel-Arbeitsmappe (XLSX).');
  }
  const records = parseCsv(text);
  const [head, ...rest] = records;
  if (!head) throw new TableReadError('Die Datei enthält keine Kopfzeile.');
  return {
    header: head.fields.map((h) => h.trim()),
    rows: rest.map((r) => ({ line: r.line, cells: r.fields.map(restoreFormula) })),
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return value.result == null ? '' : String(value.result);
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new TableReadError('Die Excel-Datei kann nicht gelesen werden.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new TableReadError('Die Excel-Datei enthält kein Tabellenblatt mit Daten.');
  const width = sheet.getRow(1).cellCount;
  const rowCells = (n: number) => Array.from({ length: width }, (_, i) => cellText(sheet.getRow(n).getCell(i + 1).value));
  const header = rowCells(1).map((h) => h.trim());
  const rows: TableRow[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const cells = rowCells(n);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: n, cells });
  }
  return { header, rows };
}
