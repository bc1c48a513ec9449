/**
 * Property tests (fast-check) of the legal texts' validation: any value is either refused with
 * the German input error, or written (here: reaches a database stand-in that refuses every
 * use) as text PostgreSQL can store, of at most MAX_LEGAL_TEXT_LENGTH characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, anyValue, isGermanMessage } from '../../../../tests/helpers/fuzz-inputs';
import type { Db } from '../db/connection';
import { hasUnstorableText } from '../text/storable';
import { isLegalPage, LEGAL_PAGES, LegalTextInputError, MAX_LEGAL_TEXT_LENGTH, setLegalText } from './texts';

/** Inputs (part of the forms area's > 10,000). */
const RUNS = 1_000;

class DatabaseReached extends Error {}
const database = new Proxy(() => undefined, {
  get: () => {
    throw new DatabaseReached();
  },
}) as unknown as Db;

describe('legal texts (property): refused in German, or stored as storable text within the limit', () => {
  it('setLegalText on any value', async () => {
    const longText = fc.integer({ min: MAX_LEGAL_TEXT_LENGTH - 3, max: MAX_LEGAL_TEXT_LENGTH + 3 }).chain((n) =>
      fc.tuple(fc.constantFrom('a', ' ', '\r\n', '\u0000'), fc.constantFrom('', ' ', '\r\n')).map(([fill, edge]) => `${edge}${fill.repeat(n)}${edge}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...LEGAL_PAGES), fc.oneof({ arbitrary: anyValue, weight: 9 }, { arbitrary: longText, weight: 1 }), async (page, value) => {
        expect(isLegalPage(page)).toBe(true);
        try {
          await setLegalText(database, null, page, value);
          expect.unreachable('the database stand-in refuses every use');
        } catch (error) {
          if (error instanceof LegalTextInputError) {
            expect(isGermanMessage(error.message)).toBe(true);
            return;
          }
          if (!(error instanceof DatabaseReached)) throw error;
          const text = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
          expect(text.length).toBeLessThanOrEqual(MAX_LEGAL_TEXT_LENGTH);
          expect(hasUnstorableText(text), JSON.stringify(text.slice(0, 40))).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a NUL character is refused at the field, not sent to the database (found by fuzzing)', async () => {
    await expect(setLegalText(database, null, 'impressum', 'Stadt Herne\u0000')).rejects.toThrow(LegalTextInputError);
    await expect(setLegalText(database, null, 'impressum', 'Stadt Herne\u0000')).rejects.toThrow(/nicht gespeichert werden/);
  });

  it('isLegalPage accepts exactly the legal pages', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, anyValue), (value) => {
        expect(isLegalPage(value)).toBe((LEGAL_PAGES as readonly unknown[]).includes(value));
      }),
      { numRuns: 200 },
    );
  });
});
