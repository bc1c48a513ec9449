/**
 * The project's one CSV writer. Two dialects:
 * - `excel` (default): what German Excel and LibreOffice open directly — UTF-8 with BOM,
 *   semicolons, CRLF, every field quoted, and cells that a spreadsheet would run as a formula
 *   (leading =, +, -, @, tab, CR) neutralised with an apostrophe.
 * - `rfc4180`: plain CSV for programs (data packages): comma, no BOM, CRLF, quoted only when
 *   needed, values unchanged (a guard would corrupt data such as "+49 2323 …").
 */
export type CsvDialect = 'excel' | 'rfc4180';

function text(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One field in the given dialect (see the module comment). */
export function csvField(value: unknown, dialect: CsvDialect = 'excel'): string {
  let s = text(value);
  if (dialect === 'excel') {
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return `"${s.replace(/"/g, '""')}"`;
  }
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file: header line, then one line per row (values in header order). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], dialect: CsvDialect = 'excel'): string {
  const separator = dialect === 'excel' ? ';' : ',';
  const lines = [header, ...rows].map((row) => row.map((v) => csvField(v, dialect)).join(separator));
  return `${dialect === 'excel' ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
