import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('CSV writer', () => {
  it('writes the spreadsheet dialect: BOM, semicolons, every field quoted, formulas neutralised', () => {
    expect(toCsv(['a', 'b'], [['x;y', '=SUMME(A1)'], [null, 'say "hi"']])).toBe('\uFEFF"a";"b"\r\n"x;y";"\'=SUMME(A1)"\r\n"";"say ""hi"""\r\n');
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) expect(csvField(`${lead}1`)).toBe(`"'${lead}1"`);
    expect(csvField(new Date('2026-01-02T03:04:05Z'))).toBe('"2026-01-02T03:04:05.000Z"');
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
  });

  it('writes plain RFC 4180 for programs: commas, no BOM, quotes only when needed, values unchanged', () => {
    expect(toCsv(['id', 'text'], [['1', 'a,b'], ['2', '+49 2323'], ['3', 'zwei\nZeilen'], ['4', ' rand ']], 'rfc4180')).toBe(
      'id,text\r\n1,"a,b"\r\n2,+49 2323\r\n3,"zwei\nZeilen"\r\n4," rand "\r\n',
    );
  });
});
