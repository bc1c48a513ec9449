import { readSourceFile } from '../lib/server/importers/read-source';
import { importSources, parseSources } from '../lib/server/importers/pipeline';
import { formatTextReport, summarisePlan } from '../lib/server/importers/summary';
import { CliError, withDatabase } from './context';

export interface ImportCommandOptions {
  dryRun?: boolean;
  format: string;
  /** Municipality (tenant) slug; the CLI's option has the default. */
  municipality: string;
}

function progress(message: string) {
  // Progress goes to the terminal only: stdout stays clean for --format json.
  if (process.stderr.isTTY) process.stderr.write(`… ${message}\n`);
}

export async function importCommand(files: string[], options: ImportCommandOptions): Promise<void> {
  if (options.format !== 'json' && options.format !== 'text')
    throw new CliError(`Unbekanntes Format „${options.format}“: erlaubt sind json und text.`, 2);
  const sources = files.map(readSourceFile);

  if (options.dryRun) {
    const parsed = parseSources(sources, progress);
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify({ catalogues: parsed.catalogues, jahresrueckblicke: parsed.reviews, warnings: parsed.warnings }, null, 2)}\n`);
    } else {
      const reviews = parsed.reviews.map(
        (r) =>
          `${r.titel}: ${r.veranstaltungen.length} Veranstaltungen, ${r.angebote.length} Angebote, ${r.netzwerke.length} Netzwerke, ` +
          `${r.gremien.length} Gremien (${r.gremien.reduce((n, g) => n + g.sitzungen.length, 0)} Sitzungen), ${r.kontakte.length} Kontakte, ` +
          `${r.nichtKlassifiziert.length} nicht klassifiziert`,
      );
      process.stdout.write(`Probelauf – nichts wurde gespeichert.\n\n${[formatTextReport(parsed.plans.map(summarisePlan), parsed.warnings), ...reviews].join('\n')}\n`);
    }
    return;
  }

  const report = await withDatabase((database) =>
    importSources(database, sources, { municipality: options.municipality, onProgress: progress }),
  );
  if (options.format === 'json') {
    process.stdout.write(
      `${JSON.stringify({ catalogues: report.catalogues, jahresrueckblicke: report.reviews, warnings: report.warnings, outcomes: report.outcomes, reviewOutcomes: report.reviewOutcomes }, null, 2)}\n`,
    );
    return;
  }
  const lines = [formatTextReport(report.summaries, report.warnings), '', 'Ergebnis:'];
  for (const o of report.outcomes) {
    lines.push(
      `  ${o.catalogue.title}: ${o.measures.created} neu, ${o.measures.updated} geändert, ${o.measures.unchanged} unverändert` +
        (o.conflicts.length ? `, ${o.conflicts.length} Konflikte` : '') +
        (o.missing.length ? `, ${o.missing.length} nicht mehr in der Quelle` : ''),
    );
    for (const c of o.conflicts)
      lines.push(`    Konflikt: ${c.number ? `Maßnahme ${c.number} ` : ''}„${c.title}“ wurde seit dem letzten Import in Vielfalt bearbeitet und nicht überschrieben.`);
    for (const m of o.missing) lines.push(`    Nicht mehr in der Quelle (nicht gelöscht): ${m.number ? `Maßnahme ${m.number} ` : ''}„${m.title}“`);
  }
  for (const r of report.reviewOutcomes) {
    const n = (c: { created: number; updated: number; unchanged: number }) => `${c.created} neu, ${c.updated} geändert, ${c.unchanged} unverändert`;
    lines.push(`  ${r.titel}: Veranstaltungen ${n(r.events)}; Angebote ${n(r.offers)}; Netzwerke und Gremien ${n(r.networks)}; Kontakte ${n(r.contacts)}`);
    for (const c of r.conflicts) lines.push(`    Konflikt: „${c.title}“ wurde seit dem letzten Import in Vielfalt bearbeitet und nicht überschrieben.`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
