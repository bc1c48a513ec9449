/**
 * Each gap list as CSV, through the project's one CSV writer (util/csv.ts: UTF-8 with BOM, `;`,
 * formulas neutralised — the format German spreadsheets open and the audit log and measures
 * export use). Headers are German like those exports' (the CSV goes to the steering group and
 * to Herne's offices); every row carries the entity's ID and back-office path so it can be found
 * again.
 */
import { csvDocument } from '../util/csv';
import type { GapListName, GapLists } from './analysis';
import type { IncompleteMeasure } from './incomplete-measures';

interface Table<T> {
  header: readonly string[];
  row: (item: T) => readonly unknown[];
}

export const measurePath = (id: string) => `/admin/massnahmen/${id}`;
export const nodePath = (catalogue: string, id: string) => `/admin/struktur?katalog=${encodeURIComponent(catalogue)}&bearbeiten=${id}`;
export const actorPath = (id: string) => `/admin/akteure/${id}`;

const incomplete = (printedHeader: string): Table<IncompleteMeasure> => ({
  header: ['Katalog', 'Ort', 'Nummer', 'Titel', printedHeader, 'ID', 'Pfad'],
  row: (m) => [m.catalogue.title, m.placement, m.number, m.title, m.printed, m.measureId, measurePath(m.measureId)],
});

const TABLES: { [N in GapListName]: Table<GapLists[N][number]> } = {
  handlungsziele: {
    header: ['Katalog', 'Handlungsfeld', 'Leitziel', 'Handlungsziel', 'Ziel', 'Lücken-Einträge', 'ID', 'Pfad'],
    row: (g) => [g.catalogue.title, g.handlungsfeld, g.leitziel?.code ?? '', g.code, g.body ?? g.title, g.gapRecords, g.nodeId, nodePath(g.catalogue.slug, g.nodeId)],
  },
  luecken: {
    header: ['Katalog', 'Ort', 'Handlungsziel', 'Nummer', 'Text', 'Verantwortlich (gedruckt)', 'Status (gedruckt)', 'ID', 'Pfad'],
    row: (g) => [g.catalogue.title, g.placement, g.placementCode, g.number, g.title, g.responsibleText, g.statusText, g.measureId, measurePath(g.measureId)],
  },
  'dimensionen-aussen': {
    header: ['Katalog', 'Nummer', 'Dimension', 'Maßnahmen', 'nach innen', 'nach außen', 'ID', 'Pfad'],
    row: (d) => [d.catalogue.title, d.code, d.title, d.measures, d.inward, d.outward, d.nodeId, nodePath(d.catalogue.slug, d.nodeId)],
  },
  'dimensionen-innen': {
    header: ['Katalog', 'Nummer', 'Dimension', 'Maßnahmen', 'nach innen', 'nach außen', 'ID', 'Pfad'],
    row: (d) => [d.catalogue.title, d.code, d.title, d.measures, d.inward, d.outward, d.nodeId, nodePath(d.catalogue.slug, d.nodeId)],
  },
  aemter: {
    header: ['Katalog', 'Art', 'Einheit', 'Darüber', 'Archivierte Maßnahmen', 'ID', 'Pfad'],
    row: (o) => [o.catalogue.title, o.type === 'dezernat' ? 'Dezernat' : 'Organisationseinheit', o.title, o.parentTitle, o.archivedMeasures, o.nodeId, nodePath(o.catalogue.slug, o.nodeId)],
  },
  akteure: {
    header: ['Akteur', 'Maßnahmen', 'davon nie geprüft', 'Zuletzt geprüft', 'ID', 'Pfad'],
    row: (a) => [a.name, a.measures, a.neverReviewed, a.lastReviewedAt, a.actorId, actorPath(a.actorId)],
  },
  'ohne-zielgruppe': incomplete('Zielgruppe (gedruckt)'),
  'ohne-verantwortlich': incomplete('Verantwortlich (gedruckt)'),
  status: {
    header: ['Katalog', 'Ort', 'Nummer', 'Titel', 'Status (gedruckt)', 'ID', 'Pfad'],
    row: (m) => [m.catalogue.title, m.placement, m.number, m.title, m.statusText, m.measureId, measurePath(m.measureId)],
  },
};

export function gapListCsv<N extends GapListName>(name: N, rows: GapLists[N]): string {
  const table = TABLES[name] as Table<GapLists[N][number]>;
  return csvDocument(table.header, (rows as GapLists[N][number][]).map(table.row));
}

/** File name of a list's export: "lueckenanalyse-luecken-2026-12-04.csv", with the catalogue when filtered. */
export function gapCsvFilename(name: GapListName, catalogue: string, day: string): string {
  return `lueckenanalyse-${name}${catalogue ? `-${catalogue.replace(/[^a-z0-9-]/gi, '')}` : ''}-${day}.csv`;
}
