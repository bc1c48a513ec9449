/**
 * The "print document": a plain, serialisable description of what a printed catalogue shows —
 * cover (title, publisher, Stand), foreword, the hierarchy of sections and every measure with
 * all its fields, cross-references and a Stand/Quelle line. The PDF renderer (exports/pdf)
 * takes only this, so a frozen edition can be printed the same way as today's catalogue.
 *
 * Built from the published read model for a selection: a whole catalogue, one top-level node
 * (Handlungsfeld, dimension) with its subtree, or the measures of a search view (grouped by
 * catalogue and top-level node, in the search's order).
 */
import type { CatalogueDetail, TreeNode } from '../catalogue/read-models';
import { nodeLabel } from '../catalogue/queries';
import { EXTRA_FIELD_KEYS } from '../catalogue/queries';
import type { Translate } from '../../i18n/translator';
import { formatDate } from '../../i18n/format';
import { nodePath, placeLabel, type ExportMeasure, type ExportSelection } from './measures';

export interface PrintText {
  text: string;
  /** Set when the text is mostly in a right-to-left script (Arabic, Farsi). */
  dir?: 'rtl';
}

export interface PrintField {
  label: string;
  value: PrintText;
}

export interface PrintReference {
  text: string;
  /** Anchor of the target inside this document; null when it is not printed here. */
  anchor: string | null;
}

export interface PrintMeasure {
  anchor: string;
  /** "Maßnahme 3.2" or the gap label. */
  label: string;
  title: PrintText;
  isNew: boolean;
  isGap: boolean;
  description: PrintText | null;
  fields: PrintField[];
  references: PrintReference[];
  /** "Stand: 2. Dezember 2026 · Quelle: 000-….txt, Zeile 120". */
  standLine: string;
}

export interface PrintSection {
  anchor: string;
  /** 1 = Handlungsfeld / dimension / catalogue, 2 = Leitziel, 3 = Handlungsziel … */
  level: number;
  heading: string;
  body: PrintText | null;
  measures: PrintMeasure[];
  sections: PrintSection[];
}

export interface PrintDocument {
  lang: string;
  title: string;
  subtitle: string | null;
  publisher: string | null;
  stand: string | null;
  /** What was selected, when not the whole catalogue ("Handlungsfeld Bildung", "Suche: Kita"). */
  selection: string | null;
  foreword: PrintText | null;
  /** Date the document was produced (long form). */
  generated: string;
  labels: {
    publisher: string;
    stand: string;
    toc: string;
    foreword: string;
    page: string;
    pageOf: string;
    newMarker: string;
    references: string;
    generated: string;
  };
  sections: PrintSection[];
  /** Measures printed (without gaps), for checks. */
  measureCount: number;
}

const RTL_SCRIPT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g;
const LETTER = /\p{L}/gu;

/** Marks text whose letters are mostly Hebrew/Arabic script as right-to-left. */
export function printText(text: string): PrintText {
  const rtl = text.match(RTL_SCRIPT)?.length ?? 0;
  const letters = text.match(LETTER)?.length ?? 0;
  return rtl > 0 && rtl * 2 >= letters ? { text, dir: 'rtl' } : { text };
}

const optionalText = (value: string | null | undefined): PrintText | null => (value && value.trim() ? printText(value) : null);

export interface PrintOptions {
  t: Translate;
  locale?: string;
  /** Now, injectable for tests. */
  now?: Date;
}

function labels(t: Translate) {
  return {
    publisher: t('catalogue.publisher'),
    stand: t('catalogue.stand'),
    toc: t('catalogue.toc'),
    foreword: t('catalogue.foreword'),
    page: t('export.pdf.page'),
    pageOf: t('export.pdf.pageOf'),
    newMarker: t('measure.new'),
    references: t('measure.references'),
    generated: t('export.pdf.generated'),
  };
}

const measureAnchor = (id: string) => `m-${id}`;

function buildMeasure(m: ExportMeasure, number: string | null, printed: Set<string>, selection: ExportSelection, o: PrintOptions): PrintMeasure {
  const { t } = o;
  const locale = o.locale ?? 'de';
  const fields: PrintField[] = [];
  const add = (label: string, value: string | null | undefined) => {
    // Some documents repeat the label in the cell ("Ziele: …"): print it once.
    const repeated = value?.trimStart().toLocaleLowerCase('de-DE').startsWith(`${label.toLocaleLowerCase('de-DE')}:`);
    const text = optionalText(repeated ? value!.trimStart().slice(label.length + 1).trimStart() : value);
    if (text) fields.push({ label, value: text });
  };
  add(t('measure.goals'), m.goals);
  add(t('measure.targetGroup'), m.targetGroupText ?? (m.targetGroups.length ? m.targetGroups.join(', ') : null));
  add(t('measure.responsible'), m.responsibleText ?? (m.responsible.length ? m.responsible.join(', ') : null));
  add(t('measure.involved'), m.involved.length ? m.involved.join(', ') : null);
  for (const key of EXTRA_FIELD_KEYS) {
    const value = m.extra[key];
    add(t(`field.${key}`), Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : null);
  }
  if (!m.isGap) add(t('measure.state'), m.state.label);
  add(t('measure.status'), m.statusText);
  add(t('measure.remarks'), m.remarks);
  const directions = [m.directionInward && t('measure.directionInward'), m.directionOutward && t('measure.directionOutward')].filter(Boolean);
  add(t('measure.direction'), directions.length ? directions.join(', ') : null);

  const byId = new Map(selection.measures.map((x) => [x.id, x]));
  const references: PrintReference[] = m.references.map((r) => {
    const target = r.toId ? byId.get(r.toId) : undefined;
    const text =
      r.wording ??
      (target ? `${target.number ? `${t('measure.numbered', { number: target.number })}: ` : ''}${target.title} (${placeLabel(selection.nodes, target.placements[0]?.nodeId)})` : '');
    return { text, anchor: r.toId && printed.has(r.toId) ? measureAnchor(r.toId) : null };
  });

  const stand = `${t('measure.stand')}: ${formatDate(m.updatedAt, locale)}`;
  const source = m.source
    ? ` · ${t('measure.source')}: ${m.source.document ? `${m.source.document}, ` : ''}${m.source.file}, ${t('measure.sourceLine', { line: m.source.line })}`
    : '';
  const reviewed = m.lastReviewedAt ? ` · ${t('measure.lastReviewed')}: ${formatDate(m.lastReviewedAt, locale)}` : '';

  return {
    anchor: measureAnchor(m.id),
    label: m.isGap ? t('measure.gap') : number ? t('measure.numbered', { number }) : t('measure.label'),
    title: m.isGap ? { text: t('measure.gapText') } : printText(m.title),
    isNew: m.isNew,
    isGap: m.isGap,
    description: optionalText(m.description),
    fields,
    references,
    standLine: `${stand}${reviewed}${source}`,
  };
}

function baseDocument(o: PrintOptions, head: Pick<PrintDocument, 'title' | 'subtitle' | 'publisher' | 'stand' | 'selection' | 'foreword'>): Omit<PrintDocument, 'sections' | 'measureCount'> {
  return { lang: 'de', ...head, generated: formatDate(o.now ?? new Date(), o.locale ?? 'de'), labels: labels(o.t) };
}

function countMeasures(sections: PrintSection[]): number {
  return sections.reduce((n, s) => n + s.measures.filter((m) => !m.isGap).length + countMeasures(s.sections), 0);
}

/** Finds a top-level node (or any node) by id or slug. */
export function findNode(tree: TreeNode[], key: string): TreeNode | null {
  for (const n of tree) {
    if (n.id === key || n.slug === key) return n;
    const below = findNode(n.children, key);
    if (below) return below;
  }
  return null;
}

/**
 * A catalogue, or one node of it (`node`), in document order. `selection` must hold the
 * catalogue's published measures (loadExportSelection with its id).
 */
/** What the print needs of a catalogue: its head and its tree (the live read model, or an edition's). */
export interface PrintableCatalogue {
  catalogue: Pick<CatalogueDetail['catalogue'], 'title' | 'subtitle' | 'publisher' | 'stand' | 'description'>;
  tree: TreeNode[];
}

export function cataloguePrintDocument(detail: PrintableCatalogue, selection: ExportSelection, o: PrintOptions & { node?: TreeNode | null }): PrintDocument {
  const byId = new Map(selection.measures.map((m) => [m.id, m]));
  const roots = o.node ? [o.node] : detail.tree;
  const printed = new Set<string>();
  const collect = (nodes: TreeNode[]) => {
    for (const n of nodes) {
      for (const m of n.measures) printed.add(m.id);
      collect(n.children);
    }
  };
  collect(roots);
  const seen = new Set<string>();
  const section = (n: TreeNode, level: number): PrintSection => ({
    anchor: `n-${n.id}`,
    level,
    heading: nodeLabel(n),
    body: optionalText(n.body),
    measures: n.measures.flatMap((summary) => {
      const m = byId.get(summary.id);
      // The same measure under several dimensions is printed once, later places link to it.
      if (!m || seen.has(m.id)) return [];
      seen.add(m.id);
      return [buildMeasure(m, summary.number, printed, selection, o)];
    }),
    sections: n.children.map((c) => section(c, level + 1)),
  });
  const sections = roots.map((n) => section(n, 1));
  const c = detail.catalogue;
  return {
    ...baseDocument(o, {
      title: c.title,
      subtitle: c.subtitle,
      publisher: c.publisher,
      stand: c.stand,
      selection: o.node ? nodeLabel(o.node) : null,
      foreword: o.node ? null : optionalText(c.description),
    }),
    sections,
    measureCount: countMeasures(sections),
  };
}

/**
 * The measures of a search view, grouped by catalogue and then by their primary top-level
 * node, each group in the order of the search result.
 */
export function searchPrintDocument(selection: ExportSelection, o: PrintOptions & { title: string; description: string | null }): PrintDocument {
  const printed = new Set(selection.measures.map((m) => m.id));
  const catalogues = new Map<string, PrintSection>();
  const groups = new Map<string, PrintSection>();
  for (const m of selection.measures) {
    let cat = catalogues.get(m.catalogue.id);
    if (!cat) {
      cat = { anchor: `c-${m.catalogue.id}`, level: 1, heading: m.catalogue.title, body: null, measures: [], sections: [] };
      catalogues.set(m.catalogue.id, cat);
    }
    const primary = m.placements[0];
    const top = nodePath(selection.nodes, primary?.nodeId)[0];
    let target = cat;
    if (top) {
      let group = groups.get(top.id);
      if (!group) {
        group = { anchor: `n-${top.id}`, level: 2, heading: nodeLabel(top), body: null, measures: [], sections: [] };
        groups.set(top.id, group);
        cat.sections.push(group);
      }
      target = group;
    }
    target.measures.push(buildMeasure(m, primary?.number ?? m.number, printed, selection, o));
  }
  const sections = [...catalogues.values()];
  return {
    ...baseDocument(o, { title: o.title, subtitle: null, publisher: null, stand: null, selection: o.description, foreword: null }),
    sections,
    measureCount: countMeasures(sections),
  };
}
