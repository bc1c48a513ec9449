/** Editions (Ausgaben): frozen catalogue contents, their pages and "Was ist neu". */
export { buildPublishedContent, type EditionContent, type EditionMeasure, type EditionNode } from './content';
export { compareContents, markNew, measureTexts, COMPARED_FIELDS, type EditionComparison, type ChangedMeasure, type MeasureRef, type ComparedField } from './compare';
export {
  CURRENT,
  catalogueEditions,
  compareEditions,
  findEdition,
  formatStand,
  freezeEdition,
  freezeInput,
  getEditionContent,
  listEditions,
  type ComparisonView,
  type EditionMeta,
  type FreezeInput,
  type FrozenEdition,
} from './editions';
