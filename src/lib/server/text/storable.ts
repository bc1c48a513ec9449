/**
 * Text that PostgreSQL can store. Its text type refuses the NUL character outright (an insert
 * fails with "invalid byte sequence"), and a lone UTF-16 surrogate — valid in a JavaScript string,
 * invalid in UTF-8 — would be replaced silently on the way to the database. Every input path
 * (forms, API, CLI, importers) checks with these helpers and answers with a clear message instead.
 */
import '../validation/german-errors';

// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// No `u` flag: it makes a regex see code points, and a lone surrogate must be matched as a unit.
const UNSTORABLE_UNITS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_UNITS_GLOBAL = new RegExp(UNSTORABLE_UNITS.source, 'g');

/** True when `text` holds a character PostgreSQL cannot store as given. */
export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE_UNITS.test(text);
}

/** The same text with every unstorable character replaced by U+FFFD (for audit and log details). */
export function toStorableText(text: string): string {
  return text.replace(UNSTORABLE_UNITS_GLOBAL, '\uFFFD');
}

/** Deeply replaces unstorable characters in the strings of a JSON-like value. */
export function toStorableValue<T>(value: T): T {
  if (typeof value === 'string') return toStorableText(value) as T;
  if (Array.isArray(value)) return value.map((v) => toStorableValue(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [toStorableText(k), toStorableValue(v)])) as T;
  }
  return value;
}

/** The German message shown wherever such input is refused. */
export const UNSTORABLE_TEXT_MESSAGE =
  'Die Eingabe enthält Zeichen, die nicht gespeichert werden können (z. B. ein Nullzeichen). Bitte entfernen Sie sie und versuchen Sie es erneut.';

/** The names of the fields of a form or parameter list whose name or value holds unstorable text. */
export function unstorableFields(entries: Iterable<[string, unknown]>): string[] {
  const names: string[] = [];
  for (const [name, value] of entries) {
    if ((typeof value === 'string' && hasUnstorableText(value)) || hasUnstorableText(name)) names.push(toStorableText(name));
  }
  return names;
}

/** Where in a JSON-like value unstorable text sits: the paths of the offending strings and keys. */
export function unstorablePaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return hasUnstorableText(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorablePaths(v, [...path, i]));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => (hasUnstorableText(k) ? [[...path, toStorableText(k)]] : unstorablePaths(v, [...path, k])));
  }
  return [];
}

interface RefinementContext {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}

/**
 * For a Zod schema's `.superRefine(refineStorable)`: an issue at every field holding text
 * PostgreSQL cannot store, so the form shows the German message next to that field.
 */
export function refineStorable(value: unknown, ctx: RefinementContext): void {
  for (const path of unstorablePaths(value)) ctx.addIssue({ code: 'custom', path, message: UNSTORABLE_TEXT_MESSAGE });
}
