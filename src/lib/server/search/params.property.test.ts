/**
 * Property tests (fast-check) of the search's query side: any query string, any typed query and
 * any lexicon resolution — the parser never throws and keeps its promises: the state is within
 * its bounds, every refusal is a German message naming the parameter, canonical URLs parse back
 * to the same state, tokens are few, unique and lower-case, and the tsquery text is well-formed
 * (quoted lexemes, balanced parentheses, `&`/`|` between terms) whatever the lexemes contain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIRECTIONS, FACETS } from './facets';
import type { ResolvedWord } from './lexicon';
import { effectiveSort, MAX_PAGE, MAX_PAGE_SIZE, parseSearchParams, SORTS, toQueryString, type SearchState } from './params';
import { MAX_QUERY_LENGTH, MAX_TOKENS, normaliseQuery, tokenizeQuery } from './tokenize';
import { buildQuery, lexeme, suggestQuery } from './tsquery';

/** Inputs per property; this area's total is their sum (> 10,000). */
const RUNS = { params: 4_000, roundTrip: 1_500, tokenize: 3_000, tsquery: 2_500, suggest: 1_000 };

const PARAM_NAMES = ['q', ...FACETS.map((f) => f.name), 'sort', 'seite', 'page', 'limit', 'luecken'];

/** Any text, weighted towards what the parameters and the tokeniser react to. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom('a', 'Ä', 'ß', '1', '.', ',', '-', '*', ':', '/', '(', ')', ' ', '\t', '\u0000', '\u00ad', '„', '–', 'innen', "'", '\\', '&', '|', '!'),
    maxLength: 30,
  }),
  fc.constantFrom('ja', '1', 'true', 'on', 'innen', 'aussen', 'relevanz', 'nummer', 'aenderung', '0', '500', '501', '2.5', '1e2', ' 3 ', '-1', 'Infinity', '0x10', ''),
  fc.stringMatching(/^[a-z0-9-]{1,20}(,[a-z0-9-]{1,20}){0,3}$/),
  fc.string({ unit: 'grapheme', minLength: 150, maxLength: 1_200 }),
);

/** A query string: known and unknown parameter names, repeated or not. */
const anyParams = fc
  .array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...PARAM_NAMES), weight: 5 }, { arbitrary: fc.string({ maxLength: 8 }), weight: 1 }), anyText), {
    maxLength: 12,
  })
  .map((entries) => new URLSearchParams(entries));

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/;
const LIST_NAMES = FACETS.map((f) => f.name).filter((n) => n !== 'richtung' && n !== 'neu');

describe('parseSearchParams (property)', () => {
  it('never throws; the state is within bounds and every error is a German message for a known parameter', () => {
    fc.assert(
      fc.property(anyParams, fc.boolean(), (params, api) => {
        const result = parseSearchParams(params, { api });
        const { state } = result;
        expect(state.q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        expect(state.q).toBe(normaliseQuery(state.q));
        expect(state.q).not.toMatch(/[\u0000-\u001f\u007f]|\s\s|^\s|\s$/);
        for (const name of LIST_NAMES) {
          const values = state[name];
          expect(values.length).toBeLessThanOrEqual(30);
          expect(new Set(values).size).toBe(values.length);
          for (const v of values) expect(v).toMatch(SLUG);
        }
        for (const r of state.richtung) expect(DIRECTIONS).toContain(r);
        expect(state.sort === null || SORTS.includes(state.sort)).toBe(true);
        expect(Number.isInteger(state.seite) && state.seite >= 1 && state.seite <= MAX_PAGE).toBe(true);
        expect(Number.isInteger(state.limit) && state.limit >= 1 && state.limit <= MAX_PAGE_SIZE).toBe(true);
        if (!api) expect(state.limit).toBe(10);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const { param, message } of result.errors) {
          expect(PARAM_NAMES).toContain(param);
          if (!api) expect(['page', 'limit']).not.toContain(param);
          expect(message.startsWith('Ungültiger Wert ')).toBe(true);
          expect(message).toContain(`für „${param}“: `);
          expect(message).toMatch(/(?:sein|Zeichen|Werte|Bindestriche|„[^“]*“)\.$/);
        }
      }),
      { numRuns: RUNS.params },
    );
  });

  it('the canonical query string of a parsed state parses back to the same state, without errors', () => {
    fc.assert(
      fc.property(anyParams, fc.boolean(), (params, api) => {
        const { state } = parseSearchParams(params, { api });
        const again = parseSearchParams(new URLSearchParams(toQueryString(state, { seite: state.seite }, { api })), { api });
        expect(again.ok ? [] : again.errors).toEqual([]);
        // The canonical URL leaves the default sort out: the sort used is the same.
        const used = (s: SearchState) => ({ ...s, sort: effectiveSort(s) });
        expect(used(again.state)).toEqual(used(state));
      }),
      { numRuns: RUNS.roundTrip },
    );
  });
});

describe('tokenizeQuery (property)', () => {
  it('never throws; at most MAX_TOKENS unique lower-case tokens, only the last one a prefix', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const tokens = tokenizeQuery(raw);
        expect(tokens.length).toBeLessThanOrEqual(MAX_TOKENS);
        expect(new Set(tokens.map((t) => `${t.kind}:${t.text}`)).size).toBe(tokens.length);
        tokens.forEach((token, i) => {
          expect(token.text).toBe(token.text.toLocaleLowerCase('de-DE'));
          expect(token.text).toMatch(token.kind === 'number' ? /^(?:\d|[a-z]\d)[\d.]*$/ : /^[\p{L}\p{N}]+$/u);
          // Single letters are dropped (the module counts UTF-16 units, so one astral letter stays).
          if (token.kind === 'word') expect(token.text.length).toBeGreaterThanOrEqual(2);
          if (token.prefix) expect([i, token.kind]).toEqual([tokens.length - 1, 'word']);
        });
        expect(tokenizeQuery(normaliseQuery(raw)).map((t) => t.text)).toEqual(tokens.map((t) => t.text));
      }),
      { numRuns: RUNS.tokenize },
    );
  });
});

// ------------------------------------------------------------------------------------------
// tsquery syntax
// ------------------------------------------------------------------------------------------

/**
 * Parses tsquery text in the subset `buildQuery` promises: quoted lexemes (`''` and `\` escape,
 * optional `:*`), `( … )`, and `&` / `|` between terms. Returns the lexemes, or throws.
 */
function parseTsquery(text: string): string[] {
  let i = 0;
  const lexemes: string[] = [];
  const fail = (what: string): never => {
    throw new Error(`${what} at ${i} in ${JSON.stringify(text)}`);
  };
  const spaces = () => {
    while (text[i] === ' ') i++;
  };
  const term = () => {
    spaces();
    if (text[i] === '(') {
      i++;
      expression();
      spaces();
      if (text[i] !== ')') fail('expected )');
      i++;
      return;
    }
    if (text[i] !== "'") fail('expected a quoted lexeme');
    i++;
    let value = '';
    for (;;) {
      if (i >= text.length) fail('unterminated lexeme');
      if (text[i] === '\\' && i + 1 < text.length) {
        value += text[i + 1];
        i += 2;
      } else if (text[i] === "'" && text[i + 1] === "'") {
        value += "'";
        i += 2;
      } else if (text[i] === "'") {
        i++;
        break;
      } else value += text[i++];
    }
    if (text.startsWith(':*', i)) i += 2;
    lexemes.push(value);
  };
  const expression = () => {
    term();
    for (;;) {
      spaces();
      if (text[i] !== '&' && text[i] !== '|') return;
      i++;
      term();
    }
  };
  expression();
  spaces();
  if (i !== text.length) fail('trailing text');
  return lexemes;
}

/** Lexeme text from the lexicon: anything, including tsquery syntax and quotes. */
const lexemeText = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'ö', '1', '.', "'", '\\', '&', '|', '!', '(', ')', ':', '*', ' ', '<->'), minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
);

const candidate = fc.record({ word: fc.string({ maxLength: 10 }), stem: lexemeText, similarity: fc.double({ min: 0, max: 1, noNaN: true }), ndoc: fc.nat() });

/** Tokens of a query and a resolution of its words, as the lexicon could return it. */
const tokensAndResolution = fc.string({ maxLength: 60 }).chain((raw) => {
  const tokens = tokenizeQuery(raw);
  const words = tokens.filter((t) => t.kind === 'word').map((t) => t.text);
  // Joined neighbours ("summer" + "school") may be resolved too.
  const joined = words.slice(1).map((w, i) => words[i] + w);
  const resolution = (word: string): fc.Arbitrary<ResolvedWord> =>
    fc.record({
      word: fc.constant(word),
      stem: fc.oneof(fc.constant(''), lexemeText),
      known: fc.boolean(),
      exact: fc.boolean(),
      foldStems: fc.array(lexemeText, { maxLength: 2 }),
      prefixStems: fc.array(lexemeText, { maxLength: 4 }),
      similar: fc.array(candidate, { maxLength: 4 }),
      compound: fc.option(fc.record({ head: lexemeText, tails: fc.array(lexemeText, { maxLength: 3 }) })),
    });
  return fc.tuple(fc.constant(raw), fc.constant(tokens), fc.subarray([...words, ...joined]).chain((ws) => fc.tuple(...ws.map(resolution))));
});

describe('buildQuery (property)', () => {
  it('lexeme() quotes any text so that it reads back unchanged', () => {
    fc.assert(
      fc.property(lexemeText, fc.boolean(), (text, prefix) => {
        expect(parseTsquery(lexeme(text, prefix))).toEqual([text]);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws; full, strict and any are well-formed tsquery text with one group per term', () => {
    fc.assert(
      fc.property(tokensAndResolution, ([, tokens, resolved]) => {
        const built = buildQuery(tokens, resolved);
        for (const text of [built.full, built.strict, built.any]) if (text !== null) parseTsquery(text);
        expect(built.full === null).toBe(built.termCount === 0);
        expect(built.any === null).toBe(built.termCount < 2);
        if (built.strict !== null) expect(built.full).not.toBeNull();
        expect(built.numbers).toEqual(tokens.filter((t) => t.kind === 'number').map((t) => t.text));
        expect(built.termCount).toBeLessThanOrEqual(tokens.length);
      }),
      { numRuns: RUNS.tsquery },
    );
  });

  it('suggestQuery never throws and only proposes a different text', () => {
    fc.assert(
      fc.property(tokensAndResolution, ([raw, , resolved]) => {
        const suggestion = suggestQuery(raw, resolved);
        if (suggestion !== null) expect(suggestion).not.toBe(raw);
      }),
      { numRuns: RUNS.suggest },
    );
  });
});
