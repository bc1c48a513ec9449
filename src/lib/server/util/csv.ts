/**
 * CSV for Excel and LibreOffice, as German users open it: UTF-8 with BOM, semicolons (the
 * separator German Excel expects), CRLF line ends, every field quoted. Used by the audit log
 * export and the measures export (exports/tabular), and read back by the measures import.
 */

/** Leading characters a spreadsheet would run as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: always quoted (quotes doubled), and a leading =, +, -, @, tab or CR is
 * neutralised with an apostrophe so spreadsheets do not run it as a formula.
 */
export function csvField(value: unknown): string {
  return `"${neutraliseFormula(plain(value)).replace(/"/g, '""')}"`;
}

function plain(value: unknown): string {
  return value == null ? '' : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Prefixes text that a spreadsheet would run as a formula with an apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `neutraliseFormula` on import, so an exported "- Punkt" comes back unchanged. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A whole CSV document: BOM, header line, rows, CRLF. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [header.map(csvField).join(';')];
  for (const row of rows) lines.push(row.map(csvField).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Plain RFC 4180 CSV for programs (data packages such as HSDS): commas, no BOM, CRLF, quoted only
 * when needed, values unchanged — a formula guard would corrupt data such as "+49 2323 …".
 */
export function plainCsvDocument(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const field = (value: unknown) => {
    const s = plain(value);
    return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A parsed record with the 1-based line of the file it starts on (for error messages). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses CSV as spreadsheets write it (RFC 4180: quoted fields may contain separators, quotes
 * and line breaks). The separator is detected from the header line (`;`, `,` or tab), since
 * a spreadsheet may save with another one than we exported. A leading BOM is dropped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const separator = detectSeparator(src);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === separator) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

function detectSeparator(text: string): string {
  const end = text.search(/\r?\n/);
  const header = end < 0 ? text : text.slice(0, end);
  const count = (c: string) => header.split(c).length - 1;
  return [';', ',', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ';');
}
