/**
 * The columns of the measures table (CSV and XLSX), shared by export and import so a file
 * exported, edited in a spreadsheet and imported again lines up. Headers are part of the file
 * format (documented in docs/exports.md), so they are fixed German strings, not UI text.
 *
 * Editable columns map to a field of the editing use cases (measure-input.ts); the others give
 * context (where the measure sits, who is linked, its Stand) and are ignored on import.
 */
import type { EditableMeasure } from '../../catalogue/editable-measure';
import { placeLabel, type ExportMeasure, type ExportNode } from '../measures';

export type EditableColumnField =
  | 'number'
  | 'title'
  | 'description'
  | 'goals'
  | 'targetGroupText'
  | 'statusText'
  | 'stateCode'
  | 'remarks'
  | 'responsibleText'
  | 'directionInward'
  | 'directionOutward'
  | 'isNew'
  | 'lastReviewedAt';

export interface ColumnContext {
  nodes: Map<string, ExportNode>;
  /** Absolute public URL of a measure, for the "Adresse" column. */
  measureUrl: (m: ExportMeasure) => string;
}

export interface Column {
  header: string;
  /** The EditableMeasure field this column sets on import; undefined = read-only. */
  field?: EditableColumnField;
  kind: 'text' | 'boolean' | 'date' | 'integer';
  value: (m: ExportMeasure, ctx: ColumnContext) => string | number;
}

export const ID_HEADER = 'ID';
export const VERSION_HEADER = 'Version';

const yesNo = (b: boolean) => (b ? 'ja' : 'nein');
const list = (values: string[]) => values.join('; ');

export const COLUMNS: readonly Column[] = [
  { header: ID_HEADER, kind: 'text', value: (m) => m.id },
  { header: VERSION_HEADER, kind: 'integer', value: (m) => m.version },
  { header: 'Katalog', kind: 'text', value: (m) => m.catalogue.title },
  { header: 'Ort', kind: 'text', value: (m, c) => placeLabel(c.nodes, m.placements[0]?.nodeId) },
  { header: 'Nummer', field: 'number', kind: 'text', value: (m) => m.number ?? '' },
  { header: 'Titel', field: 'title', kind: 'text', value: (m) => m.title },
  { header: 'Beschreibung', field: 'description', kind: 'text', value: (m) => m.description },
  { header: 'Ziele', field: 'goals', kind: 'text', value: (m) => m.goals ?? '' },
  { header: 'Zielgruppe', field: 'targetGroupText', kind: 'text', value: (m) => m.targetGroupText ?? '' },
  { header: 'Zielgruppen (Verzeichnis)', kind: 'text', value: (m) => list(m.targetGroups) },
  { header: 'Status', field: 'statusText', kind: 'text', value: (m) => m.statusText ?? '' },
  { header: 'Umsetzungsstand', field: 'stateCode', kind: 'text', value: (m) => m.state.code },
  { header: 'Bemerkungen', field: 'remarks', kind: 'text', value: (m) => m.remarks ?? '' },
  { header: 'Verantwortlich', field: 'responsibleText', kind: 'text', value: (m) => m.responsibleText ?? '' },
  { header: 'Verantwortliche Akteure', kind: 'text', value: (m) => list(m.responsible) },
  { header: 'Beteiligte Akteure', kind: 'text', value: (m) => list(m.involved) },
  { header: 'Nach innen', field: 'directionInward', kind: 'boolean', value: (m) => yesNo(m.directionInward) },
  { header: 'Nach außen', field: 'directionOutward', kind: 'boolean', value: (m) => yesNo(m.directionOutward) },
  { header: 'Neu', field: 'isNew', kind: 'boolean', value: (m) => yesNo(m.isNew) },
  { header: 'Lücke', kind: 'boolean', value: (m) => yesNo(m.isGap) },
  { header: 'Zuletzt geprüft', field: 'lastReviewedAt', kind: 'date', value: (m) => m.lastReviewedAt ?? '' },
  { header: 'Querverweise', kind: 'text', value: (m) => list(m.references.map((r) => r.wording ?? '').filter(Boolean)) },
  { header: 'Stand', kind: 'text', value: (m) => m.updatedAt.slice(0, 10) },
  { header: 'Quelle', kind: 'text', value: (m) => (m.source ? `${m.source.file}, Zeile ${m.source.line}` : '') },
  { header: 'Adresse', kind: 'text', value: (m, c) => c.measureUrl(m) },
];

export const HEADERS = COLUMNS.map((c) => c.header);

/** The column values of one measure, in COLUMNS order. */
export function rowOf(m: ExportMeasure, ctx: ColumnContext): (string | number)[] {
  return COLUMNS.map((c) => c.value(m, ctx));
}

/** The current value of an editable field, as the file shows it (for the import preview). */
export function displayValue(field: EditableColumnField, editable: EditableMeasure): string {
  const value = editable[field];
  if (typeof value === 'boolean') return yesNo(value);
  return value == null ? '' : String(value);
}
