import { describe, expect, it } from 'vitest';
import { formatHeader } from './format';
import { checkBackup, RestoreRefusedError } from './restore';

const migrations = [
  { idx: 0, tag: '0000_a', when: 1 },
  { idx: 1, tag: '0001_b', when: 2 },
];
const dump = (schemaVersion: string, schemaIndex: number) =>
  `${formatHeader({ format: 'vielfalt-backup/1', schemaVersion, schemaIndex, createdAt: '2026-12-03T16:00:00.000Z', engine: 'postgres' }).join('\n')}\nBEGIN;\nCOMMIT;\n`;

describe('checking a backup against the app’s migrations', () => {
  it('accepts the latest schema', () => {
    expect(checkBackup(dump('0001_b', 1), migrations).schemaVersion).toBe('0001_b');
  });
  it('refuses a newer or unknown schema and an older one, in German', () => {
    expect(() => checkBackup(dump('0002_c', 2), migrations)).toThrow(RestoreRefusedError);
    expect(() => checkBackup(dump('0002_c', 2), migrations)).toThrow(/neueren Datenbankschema \(0002_c\).*neueste Migration: 0001_b/);
    expect(() => checkBackup(dump('0001_x', 1), migrations)).toThrow(/neueren Datenbankschema/);
    expect(() => checkBackup(dump('0000_a', 0), migrations)).toThrow(/älteren Schema 0000_a/);
  });
});
