/**
 * Property tests (fast-check) of the public suggestion form and the retention setting: any
 * posted form or object is valid or refused with German field messages, never an exception;
 * the retention period is stored only as a whole number of days within its bounds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyObjectWith, anyText, anyValue, isGermanMessage } from '../../../../tests/helpers/fuzz-inputs';
import type { Db } from '../db/connection';
import { hasUnstorableText } from '../text/storable';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, RetentionInputError, setRetentionDays } from './settings';
import { HONEYPOT_FIELD, readSuggestionForm, suggestionFieldErrors, suggestionInput, TOKEN_FIELD } from './suggestion-input';

/** Inputs per property (part of the forms area's > 10,000). */
const RUNS = { form: 1_500, object: 1_000, retention: 500 };

const FIELDS = ['title', 'description', 'catalogueId', 'responsibleText', 'targetGroupText', 'contactName', 'contactEmail', 'consent', HONEYPOT_FIELD, TOKEN_FIELD];

/** Thrown by the database stand-in: validation passed, the value would be written. */
class DatabaseReached extends Error {}
const database = new Proxy(() => undefined, {
  get: () => {
    throw new DatabaseReached();
  },
}) as unknown as Db;

const anyForm = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 })), fc.oneof({ arbitrary: anyText, weight: 9 }, { arbitrary: fc.constant(null), weight: 1 })), { maxLength: 14 })
  .map((entries) => {
    const form = new FormData();
    for (const [name, value] of entries) form.append(name, value === null ? new Blob(['x']) : value);
    return form;
  });

function checkSuggestion(input: unknown): void {
  const result = suggestionInput.safeParse(input);
  if (!result.success) {
    const fields = suggestionFieldErrors(result.error);
    expect(Object.keys(fields).length).toBeGreaterThan(0);
    for (const [field, message] of Object.entries(fields)) expect(isGermanMessage(message), `${field}: ${message}`).toBe(true);
    return;
  }
  const value = result.data;
  expect(value.title.length).toBeGreaterThanOrEqual(3);
  expect(value.description.length).toBeGreaterThanOrEqual(10);
  if (value.contactName || value.contactEmail) expect(value.consent).toBe(true);
  for (const text of Object.values(value)) if (typeof text === 'string') expect(hasUnstorableText(text)).toBe(false);
}

describe('suggestion form (property): valid, or German messages per field', () => {
  it('any posted form', () => {
    fc.assert(
      fc.property(anyForm, (form) => {
        const { values, honeypot, token } = readSuggestionForm(form);
        expect(typeof honeypot).toBe('string');
        expect(typeof token).toBe('string');
        checkSuggestion(values);
      }),
      { numRuns: RUNS.form },
    );
  });

  it('any object', () => {
    fc.assert(fc.property(fc.oneof(anyObjectWith(FIELDS), anyValue), checkSuggestion), { numRuns: RUNS.object });
  });
});

describe('retention setting (property): a whole number of days in bounds, or the German input error', () => {
  it('any value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyValue, fc.integer({ min: -10, max: 4000 }), fc.integer({ min: -10, max: 4000 }).map(String)), async (value) => {
        try {
          await setRetentionDays(database, null, value);
          expect.unreachable('the database stand-in refuses every use');
        } catch (error) {
          if (error instanceof RetentionInputError) {
            expect(isGermanMessage(error.message)).toBe(true);
            return;
          }
          if (!(error instanceof DatabaseReached)) throw error;
          const days = typeof value === 'string' ? Number(value) : value;
          expect(Number.isInteger(days) && (days as number) >= MIN_RETENTION_DAYS && (days as number) <= MAX_RETENTION_DAYS, String(value)).toBe(true);
        }
      }),
      { numRuns: RUNS.retention },
    );
  });
});
