/**
 * A frozen edition (Ausgabe) as a print document: its own tree and texts as frozen, laid out by
 * the same `cataloguePrintDocument` as the live catalogue, so an edition prints like the
 * catalogue did on the day it was frozen.
 */
import type { EditionContent, EditionMeasure } from '../editions/content';
import type { FrozenEdition } from '../editions/editions';
import { editionTree } from '../editions/views';
import type { ExportMeasure, ExportNode, ExportSelection } from './measures';
import { cataloguePrintDocument, type PrintDocument, type PrintOptions } from './print-document';

function nodesOf(content: EditionContent): Map<string, ExportNode> {
  const nodes = new Map<string, ExportNode>();
  const walk = (list: EditionContent['tree'], parentId: string | null) => {
    for (const n of list) {
      nodes.set(n.id, { id: n.id, parentId, type: n.type, code: n.code, title: n.title, slug: n.slug });
      walk(n.children, n.id);
    }
  };
  walk(content.tree, null);
  return nodes;
}

function exportMeasure(m: EditionMeasure, content: EditionContent): ExportMeasure {
  const names = (role: string) => m.actors.filter((a) => a.role === role).map((a) => a.name);
  return {
    id: m.id,
    slug: m.slug,
    number: m.number,
    title: m.title,
    description: m.description,
    goals: m.goals,
    targetGroupText: m.targetGroupText,
    statusText: m.statusText,
    state: m.state,
    remarks: m.remarks,
    responsibleText: m.responsibleText,
    directionInward: m.directionInward,
    directionOutward: m.directionOutward,
    isNew: m.isNew,
    isGap: m.isGap,
    lastReviewedAt: m.lastReviewedAt,
    updatedAt: m.updatedAt,
    version: 0,
    catalogue: { id: content.catalogue.id, slug: content.catalogue.slug, title: content.catalogue.title },
    extra: Object.fromEntries(m.extraFields.map((f) => [f.key, f.value])),
    source: null,
    parentId: m.parentMeasureId,
    placements: [...m.placements].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary)).map(({ nodeId, number, isPrimary }) => ({ nodeId, number, isPrimary })),
    responsible: names('verantwortlich'),
    involved: names('beteiligt'),
    targetGroups: m.targetGroups.map((g) => g.name),
    references: m.references.map((r) => ({ toId: r.toMeasureId, wording: r.wording })),
  };
}

/** The edition's measures in the shape the tables and the print read. */
export function editionSelection(content: EditionContent): ExportSelection {
  return { measures: content.measures.map((m) => exportMeasure(m, content)), nodes: nodesOf(content) };
}

export function editionPrintDocument({ edition, content }: FrozenEdition, o: PrintOptions): PrintDocument {
  const selection = editionSelection(content);
  const document = cataloguePrintDocument(
    {
      catalogue: {
        title: content.catalogue.title,
        subtitle: content.catalogue.subtitle,
        publisher: content.catalogue.publisher,
        stand: edition.stand,
        description: edition.foreword ?? content.catalogue.description,
      },
      tree: editionTree(content),
    },
    selection,
    o,
  );
  return { ...document, selection: edition.label };
}
