/**
 * One import pipeline for every document kind: decode → detect → parse (pure) → plan → write
 * in one transaction. A dry run stops before writing. Used by the CLI and by first start.
 */
import { auditLog, importRuns, type CatalogueKind } from '../db/schema';
import type { Database } from '../db/connection';
import { ensureMunicipality } from '../catalogue/municipality';
import { sha256 } from '../text/hash';
import { DOCUMENT_KINDS, detectKind, detectReferenceDocument } from './kinds';
import { writeImportPlan, type WriteOutcome } from './plan/write';
import type { ImportPlan } from './plan/types';
import { ImportError, type ImportWarning, type ParsedCatalogue, type SourceFile } from './types';
import { summarisePlan, type PlanSummary } from './summary';
import { unifyPlanActors } from './actors/unify';
import { stateWarnings } from './plan/state-report';
import { inTransaction } from '../db/transaction';
import type { StoredImportReport } from './last-report';
import { looksLikeJahresrueckblick, parseJahresrueckblick } from './jahresrueckblick/parse';
import type { JahresrueckblickDocument } from './jahresrueckblick/types';
import { writeJahresrueckblick, type ReviewWriteOutcome } from './jahresrueckblick/write';
import { readVerfuegungsfonds } from '../funding/seed-programme';
import { upsertSeedProgramme } from '../funding/programmes';
import { mapFundingCaveats } from '../funding/measure-funding';

export interface ParsedSources {
  files: { name: string; kind: CatalogueKind | 'jahresrueckblick'; sha256: string }[];
  /** Files recognised as reference material, not imported. */
  skipped: { name: string; reason: string }[];
  catalogues: ParsedCatalogue[];
  /** Annual reviews (002): offers, events, networks, bodies and contact points. */
  reviews: JahresrueckblickDocument[];
  plans: ImportPlan[];
  warnings: ImportWarning[];
}

export interface ImportReport extends Omit<ParsedSources, 'plans'> {
  dryRun: boolean;
  summaries: PlanSummary[];
  outcomes: WriteOutcome[];
  reviewOutcomes: ReviewWriteOutcome[];
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Municipality (tenant) slug the catalogues belong to. */
  municipality: string;
  onProgress?: (message: string) => void;
}

/** Parses and plans without touching a database. Throws ImportError for unreadable or unknown files. */
export function parseSources(files: SourceFile[], onProgress?: (message: string) => void): ParsedSources {
  if (!files.length) throw new ImportError('Keine Dateien angegeben.', '-');
  const byKind = new Map<CatalogueKind, SourceFile[]>();
  const fileInfo: ParsedSources['files'] = [];
  const skipped: ParsedSources['skipped'] = [];
  const warnings: ImportWarning[] = [];
  const reviews: JahresrueckblickDocument[] = [];
  for (const file of files) {
    if (looksLikeJahresrueckblick(file.text)) {
      onProgress?.(`Lese Jahresrückblick: ${file.name}`);
      const result = parseJahresrueckblick(file);
      reviews.push(result.document);
      warnings.push(...result.warnings);
      fileInfo.push({ name: file.name, kind: 'jahresrueckblick', sha256: sha256(file.text) });
      continue;
    }
    const kind = detectKind(file.text);
    const reference = kind ? null : detectReferenceDocument(file.text);
    if (reference) {
      const reason = `${reference}: Referenzmaterial ohne Maßnahmenkatalog – nicht importiert.`;
      skipped.push({ name: file.name, reason });
      warnings.push({ datei: file.name, zeile: 1, meldung: reason, code: 'skipped-document' });
      continue;
    }
    if (!kind)
      throw new ImportError(
        'Unbekannte Dokumentart: weder Integrationskonzept noch Diversity-Katalog noch Projektbericht mit Vereinbarungen.',
        file.name,
        1,
      );
    byKind.set(kind.kind, [...(byKind.get(kind.kind) ?? []), file]);
    fileInfo.push({ name: file.name, kind: kind.kind, sha256: sha256(file.text) });
  }
  if (!fileInfo.length) throw new ImportError('Keine der Dateien enthält einen Maßnahmenkatalog oder Jahresrückblick.', files[0]!.name, 1);
  const catalogues: ParsedCatalogue[] = [];
  const plans: ImportPlan[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const kindFiles = byKind.get(kind.kind);
    if (!kindFiles) continue;
    onProgress?.(`Lese ${kind.label}: ${kindFiles.map((f) => f.name).join(', ')}`);
    const result = kind.parse(kindFiles);
    catalogues.push(...result.catalogues);
    warnings.push(...result.warnings);
    plans.push(...result.catalogues.map((c) => kind.toPlan(c)));
  }
  warnings.push(...stateWarnings(plans));
  // One actor vocabulary across the documents of this import.
  return { files: fileInfo, skipped, catalogues, reviews, plans: unifyPlanActors(plans), warnings };
}

export async function importSources(database: Database, files: SourceFile[], options: ImportOptions): Promise<ImportReport> {
  const parsed = parseSources(files, options.onProgress);
  const summaries = parsed.plans.map(summarisePlan);
  const base = { files: parsed.files, skipped: parsed.skipped, catalogues: parsed.catalogues, reviews: parsed.reviews, warnings: parsed.warnings, summaries };
  if (options.dryRun) return { ...base, dryRun: true, outcomes: [], reviewOutcomes: [] };

  const reviewOutcomes: ReviewWriteOutcome[] = [];
  const outcomes = await inTransaction(database.db, async (tx) => {
    const municipalityId = await ensureMunicipality(tx, options.municipality);
    const results: WriteOutcome[] = [];
    for (const plan of parsed.plans) {
      options.onProgress?.(`Schreibe ${plan.title} (${plan.measures.length} Einträge) …`);
      results.push(
        await writeImportPlan(tx, plan, {
          municipalityId,
          comment: `Import aus ${plan.edition.sourceFile ?? 'Quelldokument'}`,
        }),
      );
    }
    // Catalogues first: an offer may name the measures it implements.
    for (const review of parsed.reviews) {
      options.onProgress?.(`Schreibe ${review.titel} …`);
      reviewOutcomes.push(await writeJahresrueckblick(tx, review, { municipalityId, comment: `Import aus ${review.quelle.datei}` }));
    }
    // Funding (issue 16): the Verfügungsfonds a project report describes, and its agreements'
    // funding caveats as "abhängig von Fördermitteln" on their measures.
    const vereinbarungen = new Set(parsed.files.filter((f) => f.kind === 'vereinbarungen').map((f) => f.name));
    for (const file of files.filter((f) => vereinbarungen.has(f.name))) {
      const programme = readVerfuegungsfonds(file);
      if (programme) await upsertSeedProgramme(tx, municipalityId, programme);
    }
    await mapFundingCaveats(tx, municipalityId);
    const summary = {
      catalogues: results.map((r) => ({ slug: r.catalogue.slug, title: r.catalogue.title, ...r.measures, conflicts: r.conflicts.length })),
      reviews: reviewOutcomes.map((r) => ({
        title: r.titel,
        offers: r.offers,
        events: r.events,
        networks: r.networks,
        contacts: r.contacts,
        conflicts: r.conflicts.length,
      })),
      warnings: parsed.warnings.length,
    };
    // The run keeps the whole report, so the back office can show what was skipped and why.
    const report: StoredImportReport = {
      warnings: parsed.warnings,
      skipped: parsed.skipped,
      conflicts: [
        ...results.flatMap((r) => r.conflicts.map((c) => ({ catalogue: r.catalogue.title, ...c }))),
        ...reviewOutcomes.flatMap((r) => r.conflicts.map((c) => ({ catalogue: r.titel, key: c.key, title: c.title, number: null }))),
      ],
    };
    await tx.insert(importRuns).values({ files: parsed.files.map(({ name, sha256 }) => ({ name, sha256 })), summary: { ...summary, report } });
    await tx.insert(auditLog).values({ actorLabel: 'Import', action: 'import', details: summary });
    return results;
  });
  return { ...base, dryRun: false, outcomes, reviewOutcomes };
}
