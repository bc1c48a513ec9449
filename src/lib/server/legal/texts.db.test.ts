import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { rolledBack } from '../../../../tests/helpers/seed';
import type { Db } from '../db/connection';
import { auditLog } from '../db/schema';
import { readContentVersion } from '../cache/content-version';
import { getLegalText, getLegalTexts, LegalTextInputError, MAX_LEGAL_TEXT_LENGTH, setLegalText } from './texts';

describeEachEngine('legal page texts', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.destroy();
  });
  const test = (name: string, body: (db: Db) => Promise<void>) => it(name, () => rolledBack(database.db, body));

  test('none until an administrator writes one; saving trims, audit-logs and moves the content version', async (db) => {
    expect(await getLegalTexts(db)).toEqual({ impressum: null, datenschutz: null, barrierefreiheit: null });
    const before = await readContentVersion(db);
    expect(await setLegalText(db, null, 'impressum', '  Stadt Herne\r\nFriedrich-Ebert-Platz 2\n\n- Tel. 02323 16-0  ')).toBe(
      'Stadt Herne\nFriedrich-Ebert-Platz 2\n\n- Tel. 02323 16-0',
    );
    expect(await getLegalText(db, 'impressum')).toBe('Stadt Herne\nFriedrich-Ebert-Platz 2\n\n- Tel. 02323 16-0');
    expect(await getLegalText(db, 'datenschutz')).toBeNull();
    expect(await readContentVersion(db)).toBeGreaterThan(before);
    const log = await db.select().from(auditLog).where(eq(auditLog.entityId, 'legal.impressum'));
    expect(log).toHaveLength(1);
    expect(log[0]!.action).toBe('settings.update');
  });

  test('an empty text removes it (the placeholder is shown again); an overlong one is refused', async (db) => {
    await setLegalText(db, null, 'datenschutz', 'Verantwortlich ist die Stadt Herne.');
    expect(await setLegalText(db, null, 'datenschutz', '   ')).toBeNull();
    expect(await getLegalText(db, 'datenschutz')).toBeNull();
    // The removed text stays in the audit log, so it can be put back.
    const log = await db.select().from(auditLog).where(eq(auditLog.entityId, 'legal.datenschutz'));
    expect(log.map((l) => l.details)).toContainEqual({ length: 0, previous: 'Verantwortlich ist die Stadt Herne.' });
    await expect(setLegalText(db, null, 'datenschutz', 'x'.repeat(MAX_LEGAL_TEXT_LENGTH + 1))).rejects.toBeInstanceOf(LegalTextInputError);
    expect(await getLegalText(db, 'datenschutz')).toBeNull();
  });
});
