/**
 * The Vielfalt backup format: a plain PostgreSQL SQL file holding data only (the schema comes
 * from the migrations). A header of `-- key: value` comment lines names the format, the schema
 * version and the creation time; every string literal is written on one line (E'' escapes for
 * newlines and backslashes), so a line ending in `;` ends a statement. psql can run the file
 * into a freshly migrated database; `vielfalt restore` checks the header first.
 */

export const BACKUP_FORMAT = 'vielfalt-backup/1';
export const FIRST_LINE = '-- Vielfalt-Datensicherung (PostgreSQL-SQL, nur Daten; Schema aus den Migrationen)';

/** Uploaded files: the app keeps none on disk (imports are read and stored in the database). */
export const UPLOADS_NOTE = 'keine – die Anwendung speichert hochgeladene Dateien nicht auf der Festplatte, alle Daten liegen in der Datenbank';

export interface BackupHeader {
  format: string;
  /** Tag of the last applied migration, e.g. 0006_content_version. */
  schemaVersion: string;
  /** Its index in drizzle/meta/_journal.json. */
  schemaIndex: number;
  createdAt: string;
  engine: string;
}

export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFormatError';
  }
}

export function formatHeader(header: BackupHeader): string[] {
  return [
    FIRST_LINE,
    `-- format: ${header.format}`,
    `-- schema-version: ${header.schemaVersion}`,
    `-- schema-index: ${header.schemaIndex}`,
    `-- created-at: ${header.createdAt}`,
    `-- engine: ${header.engine}`,
    `-- uploads: ${UPLOADS_NOTE}`,
    '-- Wiederherstellen: npx vielfalt restore DATEI (oder psql -v ON_ERROR_STOP=1 -f DATEI in eine frisch migrierte, leere Datenbank)',
  ];
}

/** Reads the header from the first lines of a file; throws BackupFormatError for anything else. */
export function parseHeader(text: string): BackupHeader {
  const lines = text.slice(0, 4096).split('\n');
  if (lines[0] !== FIRST_LINE) throw new BackupFormatError('Die Datei ist keine Vielfalt-Datensicherung (Kopfzeile fehlt).');
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const match = /^-- ([a-z-]+): (.*)$/.exec(line);
    if (!match) break;
    fields.set(match[1]!, match[2]!);
  }
  const format = fields.get('format');
  if (format !== BACKUP_FORMAT) {
    throw new BackupFormatError(`Unbekanntes Sicherungsformat „${format ?? '(keins)'}“; erwartet wird ${BACKUP_FORMAT}.`);
  }
  const schemaVersion = fields.get('schema-version');
  const schemaIndex = Number(fields.get('schema-index'));
  const createdAt = fields.get('created-at');
  if (!schemaVersion || !Number.isInteger(schemaIndex) || schemaIndex < 0 || !createdAt) {
    throw new BackupFormatError('Die Kopfzeilen der Datensicherung sind unvollständig (Schema-Version oder Zeitpunkt fehlt).');
  }
  return { format, schemaVersion, schemaIndex, createdAt, engine: fields.get('engine') ?? '' };
}

/** A double-quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A SQL literal for a value in PostgreSQL's text form (or NULL), always on one line: plain
 * '…' when it has no backslash or control character, otherwise an E'…' string with escapes.
 */
export function quoteLiteral(value: string | null): string {
  if (value === null) return 'NULL';
  if (!/[\\\u0000-\u001f\u007f]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "''";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `E'${out}'`;
}

/**
 * Splits a dump into its statements: comment and blank lines are dropped, lines are joined
 * until one ends in `;` (string literals never span lines in this format).
 */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (current.length === 0 && (line.startsWith('--') || line.trim() === '')) continue;
    current.push(line);
    if (line.endsWith(';')) {
      statements.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length > 0) throw new BackupFormatError('Die Datensicherung ist unvollständig (letzte Anweisung ohne Abschluss).');
  return statements;
}
