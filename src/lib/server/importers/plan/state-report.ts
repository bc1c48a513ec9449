/**
 * The importer's report on the structured state (Umsetzungsstand): every measure whose printed
 * status could not be mapped to the code list is listed, so an editor can set it; catalogues that
 * print no status at all get one line instead of one per measure.
 */
import type { ImportWarning } from '../types';
import type { ImportPlan, PlannedMeasure } from './types';

const excerpt = (text: string, max = 80) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max).replace(/\s+\S*$/, '')} …` : flat;
};

function label(m: PlannedMeasure): string {
  return m.number ? `Maßnahme ${m.number} („${excerpt(m.title, 50)}“)` : `„${excerpt(m.title, 50)}“`;
}

export function stateWarnings(plans: ImportPlan[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (const plan of plans) {
    const unmapped = plan.measures.filter((m) => !m.isGap && m.stateCode === 'unbekannt');
    const withoutStatus = unmapped.filter((m) => !m.statusText?.trim());
    if (withoutStatus.length && withoutStatus.length === plan.measures.filter((m) => !m.isGap).length) {
      warnings.push({
        datei: plan.edition.sourceFile ?? '-',
        zeile: 1,
        code: 'state-not-printed',
        meldung: `${plan.title}: kein Status gedruckt; Umsetzungsstand aller ${withoutStatus.length} Einträge „unbekannt“.`,
      });
      continue;
    }
    for (const m of unmapped)
      warnings.push({
        datei: m.source?.file ?? plan.edition.sourceFile ?? '-',
        zeile: m.source?.line ?? 1,
        code: 'state-unmapped',
        meldung: m.statusText?.trim()
          ? `${label(m)}: Status „${excerpt(m.statusText)}“ keinem Umsetzungsstand eindeutig zuzuordnen; „unbekannt“ übernommen.`
          : `${label(m)}: kein Status gedruckt; Umsetzungsstand „unbekannt“.`,
      });
  }
  return warnings;
}
