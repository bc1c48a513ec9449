/** Content translations (issue 14): see fields.ts (what), status.ts (the hash rule), overview.ts, save-translation.ts, xliff.ts. */
export * from './fields';
export * from './status';
export { loadSourceUnits, loadSourceText, type SourceUnit } from './sources';
export { loadTranslationOverview, loadCoverage, loadTranslations, type OverviewUnit, type TranslationOverview, type LanguageCoverage } from './overview';
export { saveTranslation, translationInput, type SaveTranslationResult, type TranslationInput } from './save-translation';
export { publishProposal, rejectProposal, listOpenProposals, type OpenProposal } from './proposals';
export { exportXliff, type ExportScope } from './export-xliff';
export { importXliff, type ImportXliffResult, type ImportProblem } from './import-xliff';
export { translationContext } from './context';
export { machineTranslatorFromEnv, libreTranslate, deepl, MachineTranslationError, type MachineTranslator } from './machine';
export { machineTranslate } from './machine-translate';
export { localizeRows, type LocalizedText, type LocalizedFields } from './localize';
