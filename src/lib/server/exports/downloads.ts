/**
 * The public downloads: a whole catalogue, one of its nodes (Handlungsfeld, dimension) or a
 * search view as PDF, CSV or XLSX. Routes call these and only turn the result into a response.
 */
import type { Db } from '../db/connection';
import { getCatalogueDetail } from '../catalogue/queries';
import type { Translate } from '../../i18n/translator';
import { activeFilters, searchMeasures, type SearchState } from '../search';
import { loadExportSelection, type ExportMeasure, type ExportSelection } from './measures';
import { cataloguePrintDocument, findNode, searchPrintDocument, type PrintDocument } from './print-document';
import { findEdition } from '../editions/editions';
import { editionPrintDocument, editionSelection } from './edition-print';
import { renderPdf } from './pdf/render';
import { measuresCsv, measuresXlsx } from './tabular/write';

export const EXPORT_FORMATS = ['pdf', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Upper bound of a search download (the whole search space of a city fits easily). */
export const MAX_EXPORT_MEASURES = 20_000;

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface DownloadOptions {
  t: Translate;
  locale?: string;
  /** Origin for the "Adresse" column, e.g. https://vielfalt.herne.de. */
  origin: string;
  municipality: string;
}

export interface Download {
  body: Buffer | string;
  contentType: string;
  /** File name without extension. */
  name: string;
  measures: number;
  pages?: number;
}

function measureUrl(origin: string) {
  return (m: ExportMeasure) => `${origin}/kataloge/${encodeURIComponent(m.catalogue.slug)}/massnahme/${encodeURIComponent(m.slug)}`;
}

async function write(format: ExportFormat, selection: ExportSelection, print: () => PrintDocument, name: string, o: DownloadOptions): Promise<Download> {
  if (format === 'pdf') {
    const rendered = await renderPdf(print());
    return { body: rendered.pdf, contentType: CONTENT_TYPES.pdf, name, measures: selection.measures.length, pages: rendered.pages };
  }
  const ctx = { measureUrl: measureUrl(o.origin) };
  const body = format === 'csv' ? measuresCsv(selection, ctx) : await measuresXlsx(selection, ctx);
  return { body, contentType: CONTENT_TYPES[format], name, measures: selection.measures.length };
}

export type CatalogueDownloadResult = { status: 'ok'; download: Download } | { status: 'notFound'; what: 'catalogue' | 'node' };

/** A catalogue, or one node of it (`node`: id or slug). */
export async function downloadCatalogue(
  db: Db,
  catalogueSlug: string,
  format: ExportFormat,
  o: DownloadOptions & { node?: string | null },
): Promise<CatalogueDownloadResult> {
  const detail = await getCatalogueDetail(db, catalogueSlug, o.municipality);
  if (!detail) return { status: 'notFound', what: 'catalogue' };
  const node = o.node ? findNode(detail.tree, o.node) : null;
  if (o.node && !node) return { status: 'notFound', what: 'node' };
  let selection = await loadExportSelection(db, { catalogueIds: [detail.catalogue.id] });
  if (node && format !== 'pdf') {
    const below = new Set<string>();
    const walk = (n: typeof node) => {
      below.add(n.id);
      n.children.forEach(walk);
    };
    walk(node);
    selection = { ...selection, measures: selection.measures.filter((m) => m.placements.some((p) => below.has(p.nodeId))) };
  }
  const name = node ? `${detail.catalogue.slug}-${node.slug}` : detail.catalogue.slug;
  const download = await write(format, selection, () => cataloguePrintDocument(detail, selection, { ...o, node }), name, o);
  return { status: 'ok', download };
}

/** A frozen edition as it was frozen: PDF, or its measures as CSV/XLSX. */
export async function downloadEdition(
  db: Db,
  catalogueSlug: string,
  editionSlug: string,
  format: ExportFormat,
  o: DownloadOptions,
): Promise<{ status: 'ok'; download: Download } | { status: 'notFound' }> {
  const frozen = await findEdition(db, catalogueSlug, editionSlug, o.municipality);
  if (!frozen) return { status: 'notFound' };
  const selection = editionSelection(frozen.content);
  const name = `${frozen.content.catalogue.slug}-${frozen.edition.slug}`;
  return { status: 'ok', download: await write(format, selection, () => editionPrintDocument(frozen, o), name, o) };
}

/** Describes a search view for the cover ("Suche: „Kita“ · Filter: …"). */
function describeSearch(state: SearchState, t: Translate): string {
  const parts: string[] = [];
  if (state.q) parts.push(t('export.searchQuery', { q: state.q }));
  const filters = activeFilters(state).map(([facet, values]) => `${t(`search.facet.${facet}`)} ${values.join(', ')}`);
  if (filters.length) parts.push(t('export.searchFilters', { filters: filters.join('; ') }));
  return parts.length ? parts.join(' · ') : t('export.searchAll');
}

export type SearchDownloadResult = { status: 'ok'; download: Download } | { status: 'tooMany'; total: number };

/** Every measure of a search view (all pages), in the view's order. */
export async function downloadSearch(db: Db, state: SearchState, format: ExportFormat, o: DownloadOptions): Promise<SearchDownloadResult> {
  const result = await searchMeasures(db, { ...state, seite: 1, limit: MAX_EXPORT_MEASURES }, { municipality: o.municipality });
  if (result.total > MAX_EXPORT_MEASURES) return { status: 'tooMany', total: result.total };
  const ids = result.items.map((i) => i.id);
  const selection = await loadExportSelection(db, { measureIds: ids });
  const download = await write(
    format,
    selection,
    () => searchPrintDocument(selection, { ...o, title: o.t('export.searchTitle'), description: describeSearch(state, o.t) }),
    'suche',
    o,
  );
  return { status: 'ok', download };
}
