import { describe, expect, it } from 'vitest';
import { BackupFormatError, formatHeader, parseHeader, quoteIdent, quoteLiteral, splitStatements } from './format';

describe('backup format', () => {
  it('quotes literals on one line, escaping quotes, backslashes and control characters', () => {
    expect(quoteLiteral(null)).toBe('NULL');
    expect(quoteLiteral("O'Brien")).toBe("'O''Brien'");
    expect(quoteLiteral('{"a": "b\\"c"}')).toBe(`E'{"a": "b\\\\"c"}'`);
    expect(quoteLiteral("a\nb\r\tc\u0001'")).toBe("E'a\\nb\\r\\tc\\x01'''");
    expect(quoteLiteral('\\x00ff')).toBe("E'\\\\x00ff'");
    expect(quoteLiteral('2026-12-03 15:49:13.123456+00')).toBe("'2026-12-03 15:49:13.123456+00'");
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });

  it('splits statements at lines ending in a semicolon, skipping comments', () => {
    const text = `-- kopf\n\nBEGIN;\nINSERT INTO "t" ("a") VALUES\n('x;'),\n(E'y\\n;');\nCOMMIT;\n`;
    expect(splitStatements(text)).toEqual(['BEGIN;', `INSERT INTO "t" ("a") VALUES\n('x;'),\n(E'y\\n;');`, 'COMMIT;']);
    expect(() => splitStatements('INSERT INTO t VALUES\n(1),\n')).toThrow(BackupFormatError);
  });

  it('reads back the header it writes and rejects other files', () => {
    const header = { format: 'vielfalt-backup/1', schemaVersion: '0006_content_version', schemaIndex: 6, createdAt: '2026-12-03T16:00:00.000Z', engine: 'pglite' };
    expect(parseHeader(`${formatHeader(header).join('\n')}\nBEGIN;\n`)).toEqual(header);
    expect(() => parseHeader('--\n-- PostgreSQL database dump\n')).toThrow(/keine Vielfalt-Datensicherung/);
    expect(() => parseHeader(formatHeader({ ...header, format: 'vielfalt-backup/9' }).join('\n'))).toThrow(/Unbekanntes Sicherungsformat/);
  });
});
