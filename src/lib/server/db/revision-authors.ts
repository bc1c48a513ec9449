/**
 * Author labels the revision store records for changes no person made. Here, beside the schema,
 * because readers on every side need them: the revision store writes them, the catalogue's read
 * models ask whether a measure's text is still as imported.
 */
export const IMPORT_AUTHOR = 'Import';
