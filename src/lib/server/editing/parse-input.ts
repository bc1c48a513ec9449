import type { z } from 'zod';
import { fieldErrors } from '../validation/fields';
import { ValidationError } from './errors';
import { refineStorable } from '../text/storable';

/** Parses input with a schema; a failure becomes a ValidationError with one German message per field. */
export function parseWith<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.superRefine(refineStorable).safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  return parsed.data;
}
