/**
 * Import of an edited measures table (the columns of columns.ts): a preview of what changes,
 * field by field, and then exactly the changed measures are updated through the editing use
 * case (saveMeasure: authorisation, optimistic locking, a revision each) in ONE transaction.
 *
 * Reported by line, and then nothing is written: unknown or missing columns, bad values, rows
 * without a known measure, a measure listed twice, and conflicts — the measure was changed
 * after the export (the row's Version is older) and the row differs from today's state.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/connection';
import { authorize, type SessionUser } from '../../auth/policy';
import { loadMeasureSnapshots } from '../../catalogue/snapshot';
import { editableFromSnapshot, type EditableMeasure } from '../../catalogue/editable-measure';
import { isUuid } from '../../text/uuid';
import { parseMeasure } from '../../editing/measures/parse-measure';
import { ValidationError } from '../../editing/errors';
import { saveMeasure } from '../../editing/measures/update-measure';
import { inTransaction } from '../../db/transaction';
import { COLUMNS, displayValue, ID_HEADER, VERSION_HEADER, type Column, type EditableColumnField } from './columns';
import type { Table } from './read';

export interface FieldChange {
  column: string;
  field: EditableColumnField;
  before: string;
  after: string;
}

export interface RowChange {
  line: number;
  measureId: string;
  title: string;
  version: number;
  changes: FieldChange[];
}

export interface ImportProblem {
  /** Line in the file (1 = header). */
  line: number;
  column?: string;
  message: string;
}

export interface ImportPreview {
  changes: RowChange[];
  problems: ImportProblem[];
  /** Rows that match today's state. */
  unchanged: number;
  rows: number;
}

const FIELD_LABEL: Record<string, string> = {
  title: 'Titel',
  number: 'Nummer',
  description: 'Beschreibung',
  goals: 'Ziele',
  targetGroupText: 'Zielgruppe',
  statusText: 'Status',
  stateCode: 'Umsetzungsstand',
  remarks: 'Bemerkungen',
  responsibleText: 'Verantwortlich',
  lastReviewedAt: 'Zuletzt geprüft',
};

const TRUE = new Set(['ja', 'j', 'x', '1', 'wahr', 'true', 'yes']);
const FALSE = new Set(['nein', 'n', '', '0', 'falsch', 'false', 'no']);

/** A cell as the field's value; a German message when it cannot be read. */
function parseCell(column: Column, raw: string): { value: unknown } | { error: string } {
  const text = raw.replace(/\r\n/g, '\n');
  switch (column.kind) {
    case 'boolean': {
      const v = text.trim().toLowerCase();
      if (TRUE.has(v)) return { value: true };
      if (FALSE.has(v)) return { value: false };
      return { error: `„${raw}“ ist kein Ja/Nein-Wert (erlaubt: ja, nein).` };
    }
    case 'date': {
      const v = text.trim();
      if (!v) return { value: null };
      const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
      const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : v;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(iso))) return { error: `„${raw}“ ist kein Datum (JJJJ-MM-TT oder TT.MM.JJJJ).` };
      return { value: iso };
    }
    default:
      return { value: column.field === 'title' || column.field === 'description' ? text.trim() : text.trim() === '' ? null : text.trim() };
  }
}

interface PlannedRow {
  line: number;
  id: string;
  version: number;
  next: EditableMeasure;
  change: RowChange;
}

async function plan(db: Db, table: Table): Promise<{ preview: ImportPreview; planned: PlannedRow[] }> {
  const problems: ImportProblem[] = [];
  const known = new Map(COLUMNS.map((c) => [c.header.toLowerCase(), c]));
  const columns: (Column | null)[] = table.header.map((h) => known.get(h.toLowerCase()) ?? null);
  table.header.forEach((h, i) => {
    if (!columns[i] && h !== '') problems.push({ line: 1, column: h, message: `Unbekannte Spalte „${h}“. Erlaubt sind die Spalten des Exports (siehe Spaltenübersicht).` });
  });
  const indexOf = (header: string) => columns.findIndex((c) => c?.header === header);
  const idAt = indexOf(ID_HEADER);
  const versionAt = indexOf(VERSION_HEADER);
  if (idAt < 0) problems.push({ line: 1, column: ID_HEADER, message: 'Die Spalte „ID“ fehlt: ohne sie kann keine Zeile einer Maßnahme zugeordnet werden.' });
  if (versionAt < 0) problems.push({ line: 1, column: VERSION_HEADER, message: 'Die Spalte „Version“ fehlt: ohne sie lassen sich neuere Änderungen nicht erkennen.' });
  if (problems.length) return { preview: { changes: [], problems, unchanged: 0, rows: table.rows.length }, planned: [] };

  const ids = table.rows.map((r) => (r.cells[idAt] ?? '').trim()).filter(isUuid);
  const snapshots = await loadMeasureSnapshots(db, [...new Set(ids)]);
  const states = new Set((await queryRows<{ code: string }>(db, sql`select code from measure_states`)).map((s) => s.code));

  const planned: PlannedRow[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  for (const row of table.rows) {
    const id = (row.cells[idAt] ?? '').trim();
    const snapshot = isUuid(id) ? snapshots.get(id) : undefined;
    if (!snapshot || snapshot.workflowState === 'archiviert') {
      problems.push({ line: row.line, column: ID_HEADER, message: id ? `Keine Maßnahme mit der ID „${id}“ (oder sie ist archiviert).` : 'Die ID fehlt.' });
      continue;
    }
    if (seen.has(id)) {
      problems.push({ line: row.line, column: ID_HEADER, message: `Die Maßnahme steht schon in Zeile ${seen.get(id)}.` });
      continue;
    }
    seen.set(id, row.line);
    const versionText = (row.cells[versionAt] ?? '').trim();
    const version = /^\d+$/.test(versionText) ? Number(versionText) : NaN;
    if (!Number.isInteger(version)) {
      problems.push({ line: row.line, column: VERSION_HEADER, message: `„${versionText}“ ist keine Versionsnummer.` });
      continue;
    }

    const current = editableFromSnapshot(snapshot);
    const next: EditableMeasure = { ...current };
    const changes: FieldChange[] = [];
    let bad = false;
    columns.forEach((column, i) => {
      if (!column?.field) return;
      const parsed = parseCell(column, row.cells[i] ?? '');
      if ('error' in parsed) {
        problems.push({ line: row.line, column: column.header, message: parsed.error });
        bad = true;
        return;
      }
      if (column.field === 'stateCode' && !states.has(String(parsed.value ?? ''))) {
        problems.push({ line: row.line, column: column.header, message: `Unbekannter Umsetzungsstand „${row.cells[i]}“ (erlaubt: ${[...states].join(', ')}).` });
        bad = true;
        return;
      }
      (next as Record<string, unknown>)[column.field] = column.field === 'stateCode' ? String(parsed.value) : parsed.value;
      const before = displayValue(column.field, current);
      const after = displayValue(column.field, next);
      if (before !== after) changes.push({ column: column.header, field: column.field, before, after });
    });
    if (bad) continue;
    if (!changes.length) {
      unchanged++;
      continue;
    }
    try {
      parseMeasure(next);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      for (const [field, message] of Object.entries(e.fields))
        problems.push({ line: row.line, column: FIELD_LABEL[field] ?? field, message });
      continue;
    }
    if (version !== snapshot.version) {
      problems.push({
        line: row.line,
        column: VERSION_HEADER,
        message: `Konflikt: „${snapshot.title}“ wurde nach dem Export geändert (Version ${version} in der Datei, jetzt ${snapshot.version}). Bitte exportieren Sie neu und übertragen Sie Ihre Änderung.`,
      });
      continue;
    }
    const change: RowChange = { line: row.line, measureId: id, title: snapshot.title, version, changes };
    planned.push({ line: row.line, id, version, next, change });
  }
  problems.sort((a, b) => a.line - b.line);
  return { preview: { changes: planned.map((p) => p.change), problems, unchanged, rows: table.rows.length }, planned };
}

/** What an import would change; writes nothing. */
export async function previewTableImport(db: Db, user: SessionUser | null, table: Table): Promise<ImportPreview> {
  authorize(user, 'measure.import');
  return (await plan(db, table)).preview;
}

export type ImportResult = { status: 'imported'; updated: number; preview: ImportPreview } | { status: 'rejected'; preview: ImportPreview };

class Rejected extends Error {
  constructor(readonly preview: ImportPreview) {
    super('Import abgelehnt');
  }
}

/**
 * Applies the import: planned again inside the transaction (so a change since the preview is
 * seen), and any problem — including a conflict from the use case — rolls everything back.
 */
export async function applyTableImport(db: Db, user: SessionUser | null, table: Table, options: { comment?: string } = {}): Promise<ImportResult> {
  const editor = authorize(user, 'measure.import');
  try {
    return await inTransaction(db, async (tx) => {
      const { preview, planned } = await plan(tx, table);
      if (preview.problems.length) throw new Rejected(preview);
      for (const row of planned) {
        const result = await saveMeasure(tx, editor, row.id, { version: row.version, build: () => parseMeasure(row.next) }, {
          intent: 'publish',
          comment: options.comment?.trim() || `Tabellenimport (Zeile ${row.line})`,
        });
        if (result.status === 'conflict')
          throw new Rejected({ ...preview, problems: [{ line: row.line, column: VERSION_HEADER, message: `Konflikt: „${row.change.title}“ wurde inzwischen geändert.` }] });
      }
      return { status: 'imported' as const, updated: planned.length, preview };
    });
  } catch (e) {
    if (e instanceof Rejected) return { status: 'rejected', preview: e.preview };
    throw e;
  }
}
