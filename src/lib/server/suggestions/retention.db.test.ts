import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import type { Db } from '../db/connection';
import { auditLog, outbox, settings, suggestions } from '../db/schema';
import { ensureMunicipality } from '../catalogue/municipality';
import { rolledBack } from '../../../../tests/helpers/seed';
import { runMaintenance } from './maintenance';
import { purgeExpiredSuggestionContacts } from './retention';
import { getRetentionDays, RetentionInputError, setRetentionDays } from './settings';

const NOW = new Date('2026-11-23T10:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

describeEachEngine('retention of submitters’ contact data', (engine) => {
  let database: TestDatabase;
  let municipalityId: string;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    municipalityId = await ensureMunicipality(database.db, 'herne');
  });
  afterAll(async () => {
    await database.destroy();
  });
  const test = (name: string, body: (db: Db) => Promise<void>) => it(name, () => rolledBack(database.db, body));

  async function suggest(db: Db, title: string, purgeAfter: Date | null, contact = true) {
    const [row] = await db
      .insert(suggestions)
      .values({
        municipalityId,
        title,
        description: 'Beschreibung des Vorschlags',
        contactName: contact ? 'Erika Muster' : null,
        contactEmail: contact ? 'erika@example.de' : null,
        consentAt: contact ? days(-200) : null,
        purgeAfter,
      })
      .returning({ id: suggestions.id });
    return row!.id;
  }

  test('deletes contact data whose period has passed, keeps the suggestion and everything else', async (db) => {
    const expired = await suggest(db, 'abgelaufen', days(-1));
    const exactly = await suggest(db, 'genau jetzt', NOW);
    const current = await suggest(db, 'noch gültig', days(1));
    const noDate = await suggest(db, 'ohne Datum', null);
    expect(await purgeExpiredSuggestionContacts(db, NOW)).toBe(2);
    const rows = new Map((await db.select().from(suggestions)).map((r) => [r.id, r]));
    for (const id of [expired, exactly]) {
      expect(rows.get(id)).toMatchObject({ contactName: null, contactEmail: null, purgeAfter: null, description: 'Beschreibung des Vorschlags' });
      expect(rows.get(id)!.consentAt).not.toBeNull();
    }
    for (const id of [current, noDate]) expect(rows.get(id)).toMatchObject({ contactName: 'Erika Muster', contactEmail: 'erika@example.de' });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'suggestion.contactsPurged'));
    expect(entry!.details).toEqual({ count: 2 });
    expect(JSON.stringify(entry)).not.toContain('erika');
    // Idempotent: a second run finds nothing.
    expect(await purgeExpiredSuggestionContacts(db, NOW)).toBe(0);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'suggestion.contactsPurged'))).toHaveLength(1);
  });

  test('the period is a setting: 180 days by default, administrators set 1 to 3650', async (db) => {
    expect(await getRetentionDays(db)).toBe(180);
    await setRetentionDays(db, null, '90');
    expect(await getRetentionDays(db)).toBe(90);
    for (const bad of ['0', '-5', '3651', 'abc', '1.5', '']) await expect(setRetentionDays(db, null, bad)).rejects.toBeInstanceOf(RetentionInputError);
    expect(await getRetentionDays(db)).toBe(90);
    // A broken stored value falls back to the default.
    await db.update(settings).set({ value: 'kaputt' }).where(eq(settings.key, 'suggestions.retentionDays'));
    expect(await getRetentionDays(db)).toBe(180);
  });

  test('a maintenance run purges and leaves mail queued without SMTP', async (db) => {
    const previous = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      await suggest(db, 'abgelaufen', days(-1));
      await db.insert(outbox).values({ recipient: 'redaktion@herne.de', subject: 'Betreff', body: 'Text' });
      const report = await runMaintenance(db, { now: NOW });
      expect(report).toEqual({ purgedContacts: 1, reminders: { people: 0, reminders: 0 }, mail: { configured: false, sent: 0, failed: 0, pending: 1 } });
    } finally {
      if (previous !== undefined) process.env.SMTP_URL = previous;
    }
  });
});
