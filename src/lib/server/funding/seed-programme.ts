/**
 * The Verfügungsfonds of a project report (001, section "5. Verfügungsfonds"), read from the
 * text as printed: budget per year, cap per measure, deciding body, the areas funded and the
 * criteria of the guidelines, with the source line. Pure: the pipeline writes the result.
 */
import type { FundingCostType, SourceRef } from '../db/schema';
import { parseEuroToCents } from '../../money';

/** A source document as the importers read it (name and text). */
export interface SourceText {
  name: string;
  text: string;
}

export interface SeedProgramme {
  slug: string;
  title: string;
  funder: string;
  decidingBody: string;
  annualBudgetCents: number;
  capCents: number;
  areas: string[];
  criteria: string[];
  costTypes: FundingCostType[];
  guidelines: string;
  source: SourceRef;
}

/** Cost types named by the report ("Öffentlichkeitsarbeit, Veranstaltungen, Sitzungen und Informationsmaterial") plus project costs. */
const COST_TYPES: FundingCostType[] = [
  { code: 'honorare', label: 'Honorare' },
  { code: 'sachkosten', label: 'Sachkosten und Material' },
  { code: 'oeffentlichkeitsarbeit', label: 'Öffentlichkeitsarbeit und Informationsmaterial' },
  { code: 'veranstaltungen', label: 'Veranstaltungen und Sitzungen' },
];

const clean = (s: string) => s.replace(/\*\*/g, '').replace(/\\\*/g, '*').trim();

/** Finds the Verfügungsfonds section; null when the file has none. */
export function readVerfuegungsfonds(file: SourceText): SeedProgramme | null {
  const lines = file.text.split(/\r?\n/);
  // The heading whose section names the budget (a table of contents repeats the heading).
  for (let start = 0; start < lines.length; start++) {
    if (!/^#{1,3}\s*(?:\*\*)?\d+\.\s*Verfügungsfonds/.test(lines[start]!)) continue;
    let end = lines.findIndex((l, i) => i > start && /^#{1,3}\s/.test(l));
    if (end < 0) end = lines.length;
    const found = readSection(file, lines.slice(start, end), start);
    if (found) return found;
  }
  return null;
}

function readSection(file: SourceText, section: string[], start: number): SeedProgramme | null {
  const text = section.join('\n');
  const budget = /jährlich\s+([\d.]+(?:,\d{2})?)\s*€/.exec(text);
  const cap = /maximal\s+([\d.]+(?:,\d{2})?)\s*€/.exec(text);
  if (!budget || !cap) return null;
  const annualBudgetCents = parseEuroToCents(budget[1]!);
  const capCents = parseEuroToCents(cap[1]!);
  if (annualBudgetCents == null || capCents == null) return null;

  const body = /Entscheidung über die Förderung einer Maßnahme wurde von der (.+?) getroffen/.exec(text)?.[1] ?? 'Lenkungsgruppe';
  const projectName = /„([^“]+)“/.exec(body)?.[1] ?? null;
  const areas = section
    .filter((l) => /^-\s+\*\*/.test(l))
    .map((l) => clean(l.replace(/^-\s+/, '')).replace(/,?\s*z\.\s?B\.?$/, '').trim())
    .filter(Boolean);

  const criteria: string[] = [];
  if (/Zielgruppe der Geflüchteten im Fokus/.test(text)) criteria.push('Die Zielgruppe der Geflüchteten steht im Fokus der Maßnahme.');
  if (/neuer Ansatz zur Integrationsförderung/.test(text)) criteria.push('Die Maßnahme verfolgt einen neuen Ansatz zur Integrationsförderung.');
  if (/Beitrag zu einer nachhaltigen Integration/.test(text)) criteria.push('Die Maßnahme leistet einen Beitrag zu einer nachhaltigen Integration.');

  const paragraphs = section
    .slice(1)
    .filter((l) => l.trim() && !/^\s*-/.test(l))
    .slice(0, 2)
    .map(clean);
  const applicants = /Anträge konnten (.+?) gestellt werden\./.exec(text)?.[0] ?? '';
  return {
    slug: 'verfuegungsfonds',
    title: `Verfügungsfonds${projectName ? ` „${projectName}“` : ''}`,
    funder: 'Stadt Herne (Haushaltsmittel)',
    decidingBody: clean(body),
    annualBudgetCents,
    capCents,
    areas,
    criteria,
    costTypes: COST_TYPES,
    guidelines: [paragraphs[0] ?? '', applicants].filter(Boolean).join('\n\n'),
    source: { file: file.name, line: start + 1, document: 'Projektbericht „Integration von Neuzugewanderten“' },
  };
}
