/**
 * XLIFF 2.0 files for translation agencies (pure: no database). One <file> per catalogue, one
 * <unit> per translatable field, id = the unit id ("measure:<uuid>:title", an NMTOKEN), the
 * hash of the German source in a note of category "vielfalt:source-hash" — the import checks
 * it, so a translation of an older German text is never taken for a current one.
 */
import { XMLParser } from 'fast-xml-parser';
import type { TranslationStatus } from './status';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const HASH_NOTE = 'vielfalt:source-hash';

export interface XliffUnitOut {
  id: string;
  context: string;
  source: string;
  hash: string;
  status: TranslationStatus;
  /** Existing translation (also an outdated one, as a starting point). */
  target: string | null;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const xml = (text: string) =>
  // Characters XML 1.0 cannot carry at all are dropped (they cannot be in stored text anyway).
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);

export function buildXliff(options: { catalogueSlug: string; catalogueTitle: string; lang: string; units: XliffUnitOut[] }): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="de" trgLang="${xml(options.lang)}">`,
    `  <file id="${xml(`catalogue-${options.catalogueSlug}`.replace(/[^A-Za-z0-9._:-]/g, '-'))}" original="${xml(options.catalogueTitle)}">`,
  ];
  for (const u of options.units) {
    const state = u.status === 'aktuell' ? 'reviewed' : u.status === 'maschinell' ? 'translated' : 'initial';
    lines.push(
      `    <unit id="${xml(u.id)}" name="${xml(u.context)}">`,
      '      <notes>',
      `        <note category="${HASH_NOTE}">${u.hash}</note>`,
      `        <note category="vielfalt:status">${u.status}</note>`,
      '      </notes>',
      `      <segment state="${state}">`,
      `        <source xml:space="preserve">${xml(u.source)}</source>`,
      ...(u.target != null ? [`        <target xml:space="preserve">${xml(u.target)}</target>`] : []),
      '      </segment>',
      '    </unit>',
    );
  }
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}

export interface XliffUnitIn {
  id: string;
  hash: string | null;
  source: string;
  /** Null: no target (not translated in this file). */
  target: string | null;
}

export interface ParsedXliff {
  srcLang: string | null;
  trgLang: string | null;
  units: XliffUnitIn[];
  /** Problems found while reading (unit id or null for the file). */
  errors: { unit: string | null; message: string }[];
}

type Node = Record<string, unknown>;

/** Text content of an element; null when it holds markup (inline codes are not supported). */
function textOf(value: unknown): string | null {
  if (value == null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object') {
    const keys = Object.keys(value as Node).filter((k) => !k.startsWith('@_'));
    if (keys.every((k) => k === '#text')) return String((value as Node)['#text'] ?? '');
  }
  return null;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function parseXliff(text: string): ParsedXliff {
  const result: ParsedXliff = { srcLang: null, trgLang: null, units: [], errors: [] };
  // No document type declarations: no entities to expand, nothing to fetch.
  if (/<!DOCTYPE/i.test(text)) {
    result.errors.push({ unit: null, message: 'Die Datei enthält eine DOCTYPE-Deklaration; sie wird aus Sicherheitsgründen nicht gelesen.' });
    return result;
  }
  let doc: Node;
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: true,
      htmlEntities: false,
      isArray: (name) => ['file', 'unit', 'segment', 'note', 'ignorable'].includes(name),
    }).parse(text, true) as Node;
  } catch (error) {
    result.errors.push({ unit: null, message: `Die Datei ist kein wohlgeformtes XML: ${(error as Error).message}` });
    return result;
  }
  const root = doc.xliff as Node | undefined;
  if (!root || typeof root !== 'object') {
    result.errors.push({ unit: null, message: 'Die Datei ist keine XLIFF-Datei (kein <xliff>-Element).' });
    return result;
  }
  const version = String(root['@_version'] ?? '');
  if (!version.startsWith('2.')) result.errors.push({ unit: null, message: `XLIFF-Version „${version || '?'}“ wird nicht unterstützt (erwartet: 2.x).` });
  result.srcLang = (root['@_srcLang'] as string | undefined) ?? null;
  result.trgLang = (root['@_trgLang'] as string | undefined) ?? null;
  const seen = new Set<string>();
  for (const file of asArray(root.file as Node[] | undefined)) {
    for (const unit of asArray(file.unit as Node[] | undefined)) {
      const id = String(unit['@_id'] ?? '').trim();
      if (!id) {
        result.errors.push({ unit: null, message: 'Eine Einheit hat keine Kennung (id).' });
        continue;
      }
      if (seen.has(id)) {
        result.errors.push({ unit: id, message: 'Die Einheit kommt mehrfach vor.' });
        continue;
      }
      seen.add(id);
      const notes = asArray(((unit.notes as Node | undefined)?.note as Node[] | undefined) ?? []);
      const hashNote = notes.find((n) => n['@_category'] === HASH_NOTE);
      const hash = hashNote ? (textOf(hashNote)?.trim() ?? null) : null;
      let source = '';
      let target: string | null = null;
      let markup = false;
      for (const segment of [...asArray(unit.segment as Node[] | undefined), ...asArray(unit.ignorable as Node[] | undefined)]) {
        const s = textOf(segment.source);
        if (s === null) markup = true;
        else source += s;
        if (segment.target !== undefined) {
          const t = textOf(segment.target);
          if (t === null) markup = true;
          else target = (target ?? '') + t;
        }
      }
      if (markup) {
        result.errors.push({ unit: id, message: 'Die Einheit enthält Inline-Markup; erwartet wird reiner Text.' });
        continue;
      }
      result.units.push({ id, hash, source, target });
    }
  }
  return result;
}
