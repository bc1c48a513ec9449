/**
 * Property tests (fast-check): whatever text arrives — NUL bytes, lone surrogates, over-long
 * fields, any Unicode — the input schemas of every form never throw and refuse exactly the text
 * PostgreSQL cannot store, with the German message at the field that holds it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createUserInput } from '../auth/users';
import { inviteInput, updateInput } from '../auth/user-admin';
import { ValidationError } from '../editing/errors';
import { fieldErrors } from '../validation/fields';
import { measureInput } from '../catalogue/measure-input';
import { actorInput, targetGroupInput } from '../editing/vocabulary/vocabulary-input';
import { nodeInput } from '../editing/nodes/node-input';
import { parseWith } from '../editing/parse-input';
import { suggestionInput } from '../suggestions/suggestion-input';
import { findUnstorableInput } from '../web/unstorable-input';
import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from './storable';

const RUNS = 10_000;
const UUID = '00000000-0000-4000-8000-000000000001';

/** Any UTF-16 text (lone surrogates and NUL included), short or over-long. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\uD800', '\uDC00', 'a', 'ß', ' ', '😀'), maxLength: 20 }),
  fc.string({ unit: 'grapheme', minLength: 290, maxLength: 400 }),
);

interface FormCase {
  name: string;
  /** Field → first German message, as the form shows them (empty when the input is valid). */
  errors: (input: Record<string, unknown>) => Record<string, string>;
  /** A valid input with `text` in one text field. */
  build: (text: string) => Record<string, unknown>;
  field: string;
}

/** Errors of a schema parsed directly (the use cases' `safeParse` + `fieldErrors`). */
const bySchema = (schema: z.ZodTypeAny) => (input: Record<string, unknown>) => {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
};

/** Errors of the vocabulary use cases' `parseWith` (which adds the storable check itself). */
const byParseWith = (schema: z.ZodTypeAny) => (input: Record<string, unknown>) => {
  try {
    parseWith(schema, input);
    return {};
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
};

const CASES: FormCase[] = [
  {
    name: 'measure',
    errors: bySchema(measureInput),
    build: (text) => ({ catalogueId: UUID, placements: [{ nodeId: UUID, number: null }], title: `Titel ${text}` }),
    field: 'title',
  },
  { name: 'suggestion', errors: bySchema(suggestionInput), build: (text) => ({ title: 'Titel', description: `Beschreibung ${text}` }), field: 'description' },
  { name: 'node', errors: byParseWith(nodeInput), build: (text) => ({ title: `Ziel ${text}` }), field: 'title' },
  { name: 'actor', errors: byParseWith(actorInput), build: (text) => ({ name: `Akteur ${text}` }), field: 'name' },
  { name: 'target group', errors: byParseWith(targetGroupInput), build: (text) => ({ name: `Gruppe ${text}` }), field: 'name' },
  { name: 'new user', errors: bySchema(createUserInput), build: (text) => ({ email: 'a@herne.de', role: 'redaktion', password: 'x', name: text }), field: 'name' },
  { name: 'invitation', errors: bySchema(inviteInput), build: (text) => ({ email: 'a@herne.de', role: 'redaktion', name: text }), field: 'name' },
  { name: 'account change', errors: bySchema(updateInput), build: (text) => ({ role: 'redaktion', name: text }), field: 'name' },
];

describe('every form refuses unstorable text at its field and never throws', () => {
  for (const { name, errors, build, field } of CASES) {
    it(name, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const found = errors(build(text));
          const unstorable = Object.entries(found).filter(([, message]) => message === UNSTORABLE_TEXT_MESSAGE);
          if (hasUnstorableText(text)) {
            // Refused at that field: with the storable message, or first with its length limit.
            expect(found[field], JSON.stringify(text)).toMatch(text.length > 150 ? /Zeichen/ : /nicht gespeichert werden/);
            expect(unstorable.map(([f]) => f)).toEqual(found[field] === UNSTORABLE_TEXT_MESSAGE ? [field] : []);
          } else {
            expect(unstorable).toEqual([]);
          }
          // Every refusal is a German message, never an exception.
          for (const message of Object.values(found)) expect(message).toMatch(/[äöüßÄÖÜ]|Bitte|Zeichen|Rolle/);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('the request-level safety net', () => {
  it('finds unstorable text in any form field, query parameter or JSON value, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, fc.constantFrom('form', 'query', 'json'), async (text, where) => {
        const url = new URL('http://x/vorschlagen');
        let request: Request;
        if (where === 'query') {
          url.searchParams.set('q', text);
          request = new Request(url, { method: 'GET' });
        } else if (where === 'form') {
          request = new Request(url, { method: 'POST', body: new URLSearchParams({ title: text }) });
        } else {
          request = new Request(url, { method: 'POST', body: JSON.stringify({ title: text }), headers: { 'content-type': 'application/json' } });
        }
        const found = await findUnstorableInput(request, url);
        // Over HTTP a lone surrogate becomes U+FFFD (UTF-8 cannot carry it); JSON keeps its escape.
        const expected = where === 'json' ? hasUnstorableText(text) : text.includes('\u0000');
        expect(found.length > 0, JSON.stringify(text)).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});
