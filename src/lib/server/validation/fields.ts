/** Zod building blocks shared by the input schemas (German messages) and their error mapping for forms. */
import { z } from 'zod';
import './german-errors';

/** Trimmed text of at most `max` characters; empty or missing becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Höchstens ${max} Zeichen.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** A uuid chosen in a form; empty or missing becomes null. */
export const optionalUuid = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(z.string().uuid('Unbekannter Eintrag.').nullable())
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** Field → first German message, for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}
