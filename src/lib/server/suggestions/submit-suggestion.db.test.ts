import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachEngine } from '../../../../tests/helpers/db';
import type { Db } from '../db/connection';
import { notifications, outbox, settings, suggestions } from '../db/schema';
import { seededDatabase } from '../../../../tests/helpers/seed';
import { issueFormToken } from './form-token';
import { getFormSecret } from './settings';
import { rateLimitMessage, submitSuggestion, SUGGESTION_RATE_LIMIT } from './submit-suggestion';
import { EMPTY_SUGGESTION_FORM, readSuggestionForm, type SuggestionFormValues, type SuggestionSubmission } from './suggestion-input';

const T0 = new Date('2026-11-23T10:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describeEachEngine('submitting a suggestion', (engine) => {
  const { s, test } = seededDatabase(engine);

  async function submission(db: Db, values: Partial<SuggestionFormValues> = {}, extra: Partial<SuggestionSubmission> = {}) {
    return {
      values: { ...EMPTY_SUGGESTION_FORM, title: 'Sprachcafé im Stadtteilzentrum', description: 'Jeden Dienstag treffen sich Menschen zum Deutschsprechen.', ...values },
      honeypot: '',
      token: issueFormToken(await getFormSecret(db), T0),
      ...extra,
    };
  }
  const ctx = (seconds = 10, clientAddress = '203.0.113.7') => ({ clientAddress, now: later(seconds), municipality: 'herne' });

  test('stores a valid suggestion and tells the Redaktion without contact data', async (db) => {
    const result = await submitSuggestion(
      db,
      await submission(db, { catalogueId: s.catalogueId, contactName: 'Erika Muster', contactEmail: 'erika@example.de', consent: true }),
      ctx(),
    );
    expect(result.status).toBe('created');
    const [row] = await db.select().from(suggestions);
    expect(row).toMatchObject({ state: 'neu', catalogueId: s.catalogueId, contactName: 'Erika Muster', contactEmail: 'erika@example.de' });
    expect(row!.consentAt!.toISOString()).toBe(later(10).toISOString());
    // Retention: 180 days from receipt unless configured otherwise.
    expect(row!.purgeAfter!.toISOString()).toBe(new Date(later(10).getTime() + 180 * 86_400_000).toISOString());
    const sent = await db.select().from(notifications).where(eq(notifications.kind, 'suggestion.new'));
    expect(sent.map((n) => n.userId).sort()).toEqual([s.users.admin.id, s.users.redaktion.id].sort());
    expect(sent[0]!.link).toBe(`/admin/vorschlaege/${row!.id}`);
    const mails = await db.select().from(outbox);
    expect(mails.map((m) => m.recipient).sort()).toEqual(['admin@herne.de', 'redaktion@herne.de']);
    const everything = JSON.stringify([sent, mails]);
    expect(everything).not.toContain('Erika');
    expect(everything).not.toContain('erika@example.de');
  });

  test('without contact data: no consent needed, nothing to purge', async (db) => {
    const result = await submitSuggestion(db, await submission(db), ctx());
    expect(result.status).toBe('created');
    const [row] = await db.select().from(suggestions);
    expect(row).toMatchObject({ contactName: null, contactEmail: null, consentAt: null, purgeAfter: null, catalogueId: null });
  });

  test('contact data needs explicit consent; the message sits at the consent field', async (db) => {
    const result = await submitSuggestion(db, await submission(db, { contactEmail: 'erika@example.de' }), ctx());
    expect(result).toEqual({ status: 'invalid', errors: { consent: expect.stringMatching(/stimmen Sie der Verarbeitung/) } });
    const nameOnly = await submitSuggestion(db, await submission(db, { contactName: 'Erika' }), ctx());
    expect(nameOnly.status).toBe('invalid');
    expect(await db.select().from(suggestions)).toEqual([]);
  });

  test('German messages per field for missing or malformed input', async (db) => {
    const result = await submitSuggestion(
      db,
      await submission(db, { title: ' ', description: 'kurz', contactEmail: 'keine-adresse', consent: true, catalogueId: 'nope' }),
      ctx(),
    );
    if (result.status !== 'invalid') throw new Error(result.status);
    expect(Object.keys(result.errors).sort()).toEqual(['catalogueId', 'contactEmail', 'description', 'title']);
    expect(result.errors.title).toMatch(/Titel/);
    expect(result.errors.contactEmail).toMatch(/gültige E-Mail-Adresse/);
    // A well-formed id of a catalogue that does not exist.
    const unknown = await submitSuggestion(db, await submission(db, { catalogueId: '00000000-0000-4000-8000-000000000000' }), ctx());
    expect(unknown).toEqual({ status: 'invalid', errors: { catalogueId: expect.stringMatching(/Katalog/) } });
  });

  test('a filled honeypot is dropped silently', async (db) => {
    const result = await submitSuggestion(db, await submission(db, {}, { honeypot: 'https://spam.example' }), ctx());
    expect(result).toEqual({ status: 'ignored' });
    expect(await db.select().from(suggestions)).toEqual([]);
    expect(await db.select().from(notifications)).toEqual([]);
  });

  test('time check: too fast, older than a day, or forged tokens are refused with a German message', async (db) => {
    const fast = await submitSuggestion(db, await submission(db), ctx(1));
    expect(fast).toMatchObject({ status: 'refused', reason: 'tooFast', message: expect.stringMatching(/sehr schnell/) });
    const old = await submitSuggestion(db, await submission(db), ctx(25 * 3600));
    expect(old).toMatchObject({ status: 'refused', reason: 'expired', message: expect.stringMatching(/einen Tag/) });
    const forged = await submitSuggestion(db, await submission(db, {}, { token: issueFormToken('falsches-geheimnis', T0) }), ctx());
    expect(forged).toMatchObject({ status: 'refused', reason: 'invalid' });
    const missing = await submitSuggestion(db, await submission(db, {}, { token: '' }), ctx());
    expect(missing).toMatchObject({ status: 'refused', reason: 'invalid' });
    expect(await db.select().from(suggestions)).toEqual([]);
    // Exactly at the limits it passes.
    expect((await submitSuggestion(db, await submission(db), ctx(3))).status).toBe('created');
  });

  test('rate limit: five per hour and client, then a German message with the minutes to wait', async (db) => {
    const results = [];
    for (let i = 0; i < SUGGESTION_RATE_LIMIT.limit + 1; i++) results.push(await submitSuggestion(db, await submission(db), ctx(10 + i)));
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'created', 'created', 'created', 'refused']);
    expect(results[5]).toMatchObject({ reason: 'rateLimited', message: expect.stringMatching(/in 60 Minuten/) });
    // Another client is not affected; the address is stored only as a keyed hash.
    expect((await submitSuggestion(db, await submission(db), ctx(20, '198.51.100.1'))).status).toBe('created');
    const keys = await db.execute(sql`select key from rate_limits`);
    expect(JSON.stringify(keys)).not.toContain('203.0.113.7');
    // Invalid input does not count.
    for (let i = 0; i < 6; i++) await submitSuggestion(db, await submission(db, { title: '' }), ctx(30, '192.0.2.9'));
    expect((await submitSuggestion(db, await submission(db), ctx(30, '192.0.2.9'))).status).toBe('created');
  });

  it('rate limit message speaks of one minute or several', () => {
    expect(rateLimitMessage(30)).toMatch(/in 1 Minute /);
    expect(rateLimitMessage(125)).toMatch(/in 3 Minuten/);
  });

  test('the form secret is generated once and kept in settings', async (db) => {
    const previous = process.env.VIELFALT_SECRET;
    delete process.env.VIELFALT_SECRET;
    try {
      const first = await getFormSecret(db);
      expect(first.length).toBeGreaterThanOrEqual(40);
      const [row] = await db.select().from(settings).where(eq(settings.key, 'suggestions.formSecret'));
      expect(row!.value).toBe(first);
      expect(await getFormSecret(db)).toBe(first);
    } finally {
      if (previous !== undefined) process.env.VIELFALT_SECRET = previous;
    }
  });

  it('reads the posted form: strings, the consent checkbox, honeypot and token', () => {
    const form = new FormData();
    form.set('title', 'T');
    form.set('consent', 'ja');
    form.set('website', 'x');
    form.set('formToken', 'tok');
    const read = readSuggestionForm(form);
    expect(read.values).toMatchObject({ title: 'T', description: '', consent: true });
    expect(read.honeypot).toBe('x');
    expect(read.token).toBe('tok');
  });
});
