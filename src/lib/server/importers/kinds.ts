/**
 * The document kinds the importer knows. Each kind brings a cheap detector, a pure parser and
 * a converter to the kind-neutral import plan; everything after that is shared.
 */
import type { CatalogueKind } from '../db/schema';
import type { ImportPlan } from './plan/types';
import type { ParsedCatalogue, ParseResult, SourceFile } from './types';
import { looksLikeIntegrationskonzept, parseIntegrationskonzept } from './integrationskonzept/parse';
import { integrationskonzeptToPlan } from './integrationskonzept/to-plan';
import { looksLikeDiversity, parseDiversity } from './diversity/parse';
import { diversityToPlan } from './diversity/to-plan';
import { looksLikeVereinbarungen, parseVereinbarungen } from './vereinbarungen/parse';
import { vereinbarungenToPlan } from './vereinbarungen/to-plan';

export interface DocumentKind {
  kind: CatalogueKind;
  /** German name for reports. */
  label: string;
  looksLike(text: string): boolean;
  /** All files of this kind are parsed together (004 completes 000). */
  parse(files: SourceFile[]): ParseResult;
  toPlan(catalogue: ParsedCatalogue): ImportPlan;
}

export const DOCUMENT_KINDS: DocumentKind[] = [
  {
    kind: 'integrationskonzept',
    label: 'Integrationskonzept',
    looksLike: looksLikeIntegrationskonzept,
    parse: parseIntegrationskonzept,
    toPlan: (c) => integrationskonzeptToPlan(c as never),
  },
  {
    kind: 'diversity',
    label: 'Diversity-Maßnahmenkatalog',
    looksLike: looksLikeDiversity,
    parse: parseDiversity,
    toPlan: (c) => diversityToPlan(c as never),
  },
  {
    kind: 'vereinbarungen',
    label: 'Vereinbarungen',
    looksLike: looksLikeVereinbarungen,
    parse: parseVereinbarungen,
    toPlan: (c) => vereinbarungenToPlan(c as never),
  },
];

export function detectKind(text: string): DocumentKind | null {
  return DOCUMENT_KINDS.find((k) => k.looksLike(text)) ?? null;
}

/**
 * Documents we know and deliberately do not import, skipped with a note in the report instead of
 * failing the whole import. (The KI's annual review 002 was one; it is now imported by
 * ./jahresrueckblick as offers, events, networks and bodies.)
 */
export const REFERENCE_DOCUMENTS: { label: string; looksLike: (text: string) => boolean }[] = [];

export function detectReferenceDocument(text: string): string | null {
  return REFERENCE_DOCUMENTS.find((d) => d.looksLike(text))?.label ?? null;
}
