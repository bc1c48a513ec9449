import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, neutraliseFormula, parseCsv, plainCsvDocument, restoreFormula } from './csv';

describe('CSV', () => {
  it('writes plain RFC 4180 for programs: commas, no BOM, quotes only when needed, values unchanged', () => {
    expect(plainCsvDocument(['id', 'text'], [['1', 'a,b'], ['2', '+49 2323'], ['3', 'zwei\nZeilen'], ['4', ' rand '], ['5', null]])).toBe(
      'id,text\r\n1,"a,b"\r\n2,+49 2323\r\n3,"zwei\nZeilen"\r\n4," rand "\r\n5,\r\n',
    );
  });

  it('neutralises formula starts and restores them on import', () => {
    for (const text of ['=1+1', '+49 2323', '-5', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(restoreFormula(neutraliseFormula(text))).toBe(text);
    }
    expect(neutraliseFormula('Kita')).toBe('Kita');
    // An apostrophe the author typed stays.
    expect(restoreFormula("'s Gravenhage")).toBe("'s Gravenhage");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('reads what it writes: quotes, separators and line breaks inside fields, with line numbers', () => {
    const doc = csvDocument(['A', 'B'], [['x;y', 'zwei\nZeilen'], ['say "hi"', '-1']]);
    const records = parseCsv(doc);
    expect(records).toEqual([
      { line: 1, fields: ['A', 'B'] },
      { line: 2, fields: ['x;y', 'zwei\nZeilen'] },
      { line: 4, fields: ['say "hi"', "'-1"] },
    ]);
  });

  it('accepts comma- or tab-separated files as spreadsheets save them, and unquoted fields', () => {
    expect(parseCsv('ID,Titel\r\n1,Kita\r\n').map((r) => r.fields)).toEqual([['ID', 'Titel'], ['1', 'Kita']]);
    expect(parseCsv('ID\tTitel\n1\tKita').map((r) => r.fields)).toEqual([['ID', 'Titel'], ['1', 'Kita']]);
    expect(parseCsv('\uFEFFID;Titel\n\n1;"a ""b"""\n').map((r) => r.fields)).toEqual([['ID', 'Titel'], ['1', 'a "b"']]);
  });
});
