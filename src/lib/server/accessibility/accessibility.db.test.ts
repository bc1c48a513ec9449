/**
 * BITV NRW (issue 14, point 6) on both engines: barrier reports from the public — protected
 * like suggestions, stored, administrators and Redaktion notified without the reporter's
 * contact data, moderated, contact data purged after retention — and the statement's review date.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachEngine } from '../../../../tests/helpers/db';
import type { Db } from '../db/connection';
import { auditLog, barrierReports, notifications, outbox } from '../db/schema';
import { seededDatabase } from '../../../../tests/helpers/seed';
import { ForbiddenError } from '../auth/policy';
import { ValidationError, WorkflowError } from '../editing/errors';
import { issueFormToken } from '../suggestions/form-token';
import { getFormSecret } from '../suggestions/settings';
import { setLegalText } from '../legal/texts';
import { readContentVersion } from '../cache/content-version';
import { BARRIER_RATE_LIMIT, listBarrierReports, purgeExpiredBarrierContacts, resolveBarrierReport, submitBarrierReport } from './barrier-reports';
import { EMPTY_BARRIER_FORM, readBarrierForm, reportedPageFrom, type BarrierFormValues } from './barrier-input';
import { getAccessibilityStatement, setStatementReviewedOn } from './statement';

const T0 = new Date('2026-11-23T10:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describeEachEngine('accessibility: barrier reports and statement', (engine) => {
  const { s, test } = seededDatabase(engine);

  async function submission(db: Db, values: Partial<BarrierFormValues> = {}, honeypot = '') {
    return {
      values: { ...EMPTY_BARRIER_FORM, pageUrl: '/kataloge/integrationskonzept', description: 'Die Tabelle der Maßnahmen lässt sich mit dem Screenreader nicht lesen.', ...values },
      honeypot,
      token: issueFormToken(await getFormSecret(db), T0),
    };
  }
  const ctx = (seconds = 10, clientAddress = '203.0.113.9') => ({ clientAddress, now: later(seconds), municipality: 'herne' });

  test('a report is stored; administrators and Redaktion are told, without the contact data', async (db) => {
    const result = await submitBarrierReport(db, await submission(db, { contactName: 'Erika Muster', contactEmail: 'erika@example.de', consent: true }), ctx());
    expect(result.status).toBe('created');
    const [row] = await db.select().from(barrierReports);
    expect(row).toMatchObject({ state: 'neu', pageUrl: '/kataloge/integrationskonzept', contactName: 'Erika Muster', contactEmail: 'erika@example.de' });
    expect(row!.purgeAfter!.toISOString()).toBe(new Date(later(10).getTime() + 180 * 86_400_000).toISOString());
    const sent = await db.select().from(notifications).where(eq(notifications.kind, 'barrier.new'));
    expect(sent.map((n) => n.userId).sort()).toEqual([s.users.admin.id, s.users.redaktion.id].sort());
    expect(sent[0]!.body).toContain('/kataloge/integrationskonzept');
    const everything = JSON.stringify([sent, await db.select().from(outbox)]);
    expect(everything).not.toContain('Erika');
    expect(everything).not.toContain('erika@example.de');
  });

  test('bad input gets German messages at the fields, bots and floods are refused, nothing is stored', async (db) => {
    expect(await submitBarrierReport(db, await submission(db, { description: 'kaputt' }), ctx())).toEqual({
      status: 'invalid',
      errors: { description: expect.stringMatching(/^Bitte beschreiben Sie die Barriere \(mindestens 10 Zeichen\)/) },
    });
    expect(await submitBarrierReport(db, await submission(db, { contactEmail: 'erika@example.de' }), ctx())).toEqual({
      status: 'invalid',
      errors: { consent: expect.stringMatching(/stimmen Sie der Verarbeitung/) },
    });
    expect(await submitBarrierReport(db, await submission(db, {}, 'https://spam.example'), ctx())).toEqual({ status: 'ignored' });
    expect(await submitBarrierReport(db, await submission(db), ctx(1))).toMatchObject({ status: 'refused', reason: 'tooFast' });
    expect(await db.select().from(barrierReports)).toEqual([]);
    for (let i = 0; i < BARRIER_RATE_LIMIT.limit; i++) expect((await submitBarrierReport(db, await submission(db), ctx(10 + i))).status).toBe('created');
    expect(await submitBarrierReport(db, await submission(db), ctx(30))).toMatchObject({ status: 'refused', reason: 'rateLimited', message: expect.stringContaining('Ihre Angaben sind erhalten geblieben') });
    // Another client is not affected.
    expect((await submitBarrierReport(db, await submission(db), ctx(31, '198.51.100.4'))).status).toBe('created');
  });

  test('moderators list and resolve reports (audited); others may not; contact data is purged after retention', async (db) => {
    await submitBarrierReport(db, await submission(db, { contactEmail: 'erika@example.de', consent: true }), ctx());
    await expect(listBarrierReports(db, s.users.beitragende, 'herne')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listBarrierReports(db, s.users.lesend, 'herne')).rejects.toBeInstanceOf(ForbiddenError);
    const [report] = await listBarrierReports(db, s.users.redaktion, 'herne');
    expect(report).toMatchObject({ state: 'neu', contactEmail: 'erika@example.de' });
    await expect(resolveBarrierReport(db, s.users.beitragende, report!.id, 'Behoben')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resolveBarrierReport(db, s.users.redaktion, report!.id, '')).rejects.toBeInstanceOf(ValidationError);
    await resolveBarrierReport(db, s.users.redaktion, report!.id, 'Tabelle mit Überschriften versehen, Antwort per E-Mail', later(60));
    await expect(resolveBarrierReport(db, s.users.admin, report!.id, 'Nochmal')).rejects.toBeInstanceOf(WorkflowError);
    expect((await listBarrierReports(db, s.users.admin, 'herne'))[0]).toMatchObject({ state: 'erledigt', resolution: 'Tabelle mit Überschriften versehen, Antwort per E-Mail', resolvedBy: 'Rita Redaktion' });
    expect((await db.select().from(auditLog).where(eq(auditLog.action, 'barrier.resolve'))).length).toBe(1);

    expect(await purgeExpiredBarrierContacts(db, later(179 * 86_400))).toBe(0);
    expect(await purgeExpiredBarrierContacts(db, later(181 * 86_400))).toBe(1);
    const [row] = await db.select().from(barrierReports);
    expect(row).toMatchObject({ contactName: null, contactEmail: null, purgeAfter: null, description: expect.stringContaining('Screenreader') });
  });

  test('the statement: text and review date from the administration; the date is validated and moves the page cache on', async (db) => {
    expect(await getAccessibilityStatement(db)).toEqual({ text: null, reviewedOn: null });
    await expect(setStatementReviewedOn(db, s.users.redaktion, '2026-11-01')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setStatementReviewedOn(db, s.users.admin, '2026-02-30', T0)).rejects.toMatchObject({ fields: { reviewedOn: expect.stringContaining('Datum') } });
    await expect(setStatementReviewedOn(db, s.users.admin, '2026-12-24', T0)).rejects.toMatchObject({ fields: { reviewedOn: expect.stringContaining('Zukunft') } });
    const before = await readContentVersion(db);
    await setStatementReviewedOn(db, s.users.admin, '2026-11-01', T0);
    await setLegalText(db, s.users.admin.id, 'barrierefreiheit', 'Diese Website ist teilweise barrierefrei.');
    expect(await getAccessibilityStatement(db)).toEqual({ text: 'Diese Website ist teilweise barrierefrei.', reviewedOn: '2026-11-01' });
    expect(await readContentVersion(db)).toBeGreaterThan(before);
  });
});

describe('barrier form helpers', () => {
  it('reads the posted form and accepts only this site\'s paths as the reported page', () => {
    const form = new FormData();
    form.set('pageUrl', '/suche');
    form.set('description', 'x');
    form.set('consent', 'on');
    form.set('website', '');
    form.set('formToken', 't');
    expect(readBarrierForm(form)).toEqual({ values: { pageUrl: '/suche', description: 'x', contactName: '', contactEmail: '', consent: true }, honeypot: '', token: 't' });
    expect(reportedPageFrom('/kataloge/integrationskonzept?ansicht=liste')).toBe('/kataloge/integrationskonzept?ansicht=liste');
    expect(reportedPageFrom('https://evil.example/')).toBe('');
    expect(reportedPageFrom('//evil.example/')).toBe('');
    expect(reportedPageFrom(null)).toBe('');
  });
});
