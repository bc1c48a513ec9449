/**
 * Property tests (fast-check) of the back office's form validation: any posted measure form
 * (FormData with any fields, rows, values and files) and any object handed to the use cases'
 * parsers either yields valid values or a ValidationError whose every field message is German
 * — never another exception. Covers the measure form (measureFormFromData →
 * inputFromFormValues → parseMeasure) and the node and vocabulary inputs (parseWith).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { anyObjectWith, anyText, anyValue, isGermanMessage } from '../../../../../tests/helpers/fuzz-inputs';
import { hasUnstorableText } from '../../text/storable';
import { ValidationError } from '../errors';
import { newNodeInput, nodeInput } from '../nodes/node-input';
import { parseWith } from '../parse-input';
import { actorInput, aliasInput, targetGroupInput } from '../vocabulary/vocabulary-input';
import { EXTRA_FORM_KEYS, inputFromFormValues, measureFormFromData } from './form';
import { parseMeasure } from './parse-measure';

/** Inputs per property; this area's total (with the suggestion, account and settings forms) is > 10,000. */
const RUNS = { measureForm: 2_500, measureObject: 1_500, vocabulary: 1_500 };

const FIELDS = [
  'catalogueId', 'version', 'title', 'number', 'description', 'goals', 'targetGroupText', 'statusText', 'stateCode', 'remarks',
  'responsibleText', 'directionInward', 'directionOutward', 'isNew', 'isGap', 'lastReviewedAt', 'targetGroupIds', 'primaryPlacement',
  'comment', 'intent', 'markReviewed', ...EXTRA_FORM_KEYS.map((k) => `extra.${k}`),
];

/** A field name: a known one, a row field (`placements.3.nodeId`), or anything. */
const fieldName = fc.oneof(
  { arbitrary: fc.constantFrom(...FIELDS), weight: 6 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('placements', 'actors'), fc.oneof(fc.nat({ max: 3 }).map(String), fc.constantFrom('1000', '-1', 'x', '007')), fc.constantFrom('nodeId', 'number', 'actorId', 'role', 'wording', 'remove', 'x'))
      .map(([prefix, n, field]) => `${prefix}.${n}.${field}`),
    weight: 4,
  },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);

/** A posted form: fields repeated or not, string values or files. */
const anyForm = fc
  .array(fc.tuple(fieldName, fc.oneof({ arbitrary: anyText, weight: 9 }, { arbitrary: fc.constant(null), weight: 1 })), { maxLength: 25 })
  .map((entries) => {
    const form = new FormData();
    for (const [name, value] of entries) {
      if (value === null) form.append(name, new Blob(['datei']), 'datei.txt');
      else form.append(name, value);
    }
    return form;
  });

/** Runs a parser: its valid value, or the field messages of its ValidationError. */
function outcome<T>(parse: () => T): { value: T } | { fields: Record<string, string> } {
  try {
    return { value: parse() };
  } catch (error) {
    if (error instanceof ValidationError) return { fields: error.fields };
    throw error;
  }
}

function expectGermanFields(fields: Record<string, string>, input: unknown): void {
  expect(Object.keys(fields).length).toBeGreaterThan(0);
  for (const [field, message] of Object.entries(fields)) expect(isGermanMessage(message), `${field}: ${message} (input ${String(JSON.stringify(input))})`).toBe(true);
}

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

describe('measure form (property): any posted form is valid or refused field by field in German', () => {
  it('measureFormFromData → inputFromFormValues → parseMeasure', () => {
    fc.assert(
      fc.property(anyForm, fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 3 }), (form, baseExtra) => {
        const parsed = measureFormFromData(form);
        expect(parsed.values.version === null || (Number.isInteger(parsed.values.version) && parsed.values.version > 0)).toBe(true);
        expect([undefined, 'publish', 'submit', 'draft']).toContain(parsed.intent);
        const result = outcome(() => parseMeasure(inputFromFormValues(parsed.values, baseExtra)));
        if ('fields' in result) return expectGermanFields(result.fields, [...form.entries()].map(([k, v]) => [k, String(v)]));
        // Valid: a title of 3–300 characters, at least one place, nothing PostgreSQL cannot store.
        const { value } = result;
        expect(value.title.length).toBeGreaterThanOrEqual(3);
        expect(value.title.length).toBeLessThanOrEqual(300);
        expect(value.placements.length).toBeGreaterThan(0);
        expect(new Set(value.placements.map((p) => p.nodeId)).size).toBe(value.placements.length);
        for (const text of strings(value)) expect(hasUnstorableText(text)).toBe(false);
      }),
      { numRuns: RUNS.measureForm },
    );
  });

  it('parseMeasure on any object (API bodies, CLI): valid or German field errors', () => {
    const placement = fc.oneof(anyValue, anyObjectWith(['nodeId', 'number']));
    const actor = fc.oneof(anyValue, anyObjectWith(['actorId', 'role', 'wording']));
    const measure = fc.oneof(
      anyObjectWith(['catalogueId', 'title', 'description', 'stateCode', 'isGap', 'directionInward', 'extra', 'lastReviewedAt', 'number', 'goals']),
      fc.record(
        {
          catalogueId: fc.oneof(fc.uuid(), anyValue),
          title: anyValue,
          placements: fc.oneof(fc.array(placement, { maxLength: 3 }), anyValue),
          actors: fc.oneof(fc.array(actor, { maxLength: 3 }), anyValue),
          targetGroupIds: fc.oneof(fc.array(fc.oneof(fc.uuid(), anyValue), { maxLength: 3 }), anyValue),
          isGap: anyValue,
          lastReviewedAt: anyValue,
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(measure, (input) => {
        const result = outcome(() => parseMeasure(input));
        if ('fields' in result) expectGermanFields(result.fields, input);
      }),
      { numRuns: RUNS.measureObject },
    );
  });
});

describe('regression found by fuzzing', () => {
  it('a measure object with missing fields or wrong types gets German messages, not Zod\'s English defaults', () => {
    const result = outcome(() => parseMeasure({ title: 5, placements: 'x' }));
    expect(result).toEqual({ fields: expect.objectContaining({ catalogueId: expect.stringMatching(/^Ungültige Eingabe/), title: expect.stringMatching(/^Ungültige Eingabe/) }) });
  });
});

describe('node and vocabulary inputs (property): parseWith gives valid values or German field errors', () => {
  const CASES: [string, z.ZodTypeAny, fc.Arbitrary<unknown>][] = [
    ['node', nodeInput, anyObjectWith(['title', 'code', 'body'])],
    ['new node', newNodeInput, anyObjectWith(['title', 'catalogueId', 'parentId', 'type', 'code'])],
    ['actor', actorInput, anyObjectWith(['name', 'kind', 'description'])],
    ['alias', aliasInput, anyValue],
    ['target group', targetGroupInput, anyObjectWith(['name', 'description'])],
  ];
  for (const [name, schema, input] of CASES) {
    it(name, () => {
      fc.assert(
        fc.property(fc.oneof(input, anyValue), (value) => {
          const result = outcome(() => parseWith(schema, value));
          if ('fields' in result) expectGermanFields(result.fields, value);
          else for (const text of strings(result.value)) expect(hasUnstorableText(text)).toBe(false);
        }),
        { numRuns: RUNS.vocabulary / CASES.length },
      );
    });
  }
});
