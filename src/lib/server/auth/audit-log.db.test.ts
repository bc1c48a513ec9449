import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabaseEachTest } from '../../../../tests/helpers/db';
import { auditLog } from '../db/schema';
import { recordAudit } from './audit';
import { csvField } from '../util/csv';
import { auditCsv, auditQueryString, exportAudit, listAudit, parseAuditQuery } from './audit-log';
import { ForbiddenError } from './policy';
import { makeUser } from '../../../../tests/helpers/users';

describeEachEngine('audit log', (engine) => {
  const database = freshDatabaseEachTest(engine);

  it('keeps an entry whose details hold text PostgreSQL cannot store, with U+FFFD in its place', async () => {
    const { db } = database;
    await recordAudit(db, { action: 'login.failure', actorLabel: 'x\u0000', details: { email: 'a\u0000b@x.de', list: ['\ud800'] } });
    const [row] = await db.select().from(auditLog).where(eq(auditLog.action, 'login.failure'));
    expect(row!.details).toEqual({ email: 'a\ufffdb@x.de', list: ['\ufffd'] });
    expect(row!.actorLabel).toBe('x\ufffd');
  });

  it('filters by action, user and calendar days in Berlin time, newest first, paged', async () => {
    const { db } = database;
    const admin = await makeUser(db, 'admin');
    const other = await makeUser(db, 'redaktion');
    // 23:30 UTC on 9 March is 00:30 on 10 March in Berlin.
    await recordAudit(db, { action: 'login.success', userId: other.id, at: new Date('2025-03-09T23:30:00Z') });
    await recordAudit(db, { action: 'login.success', userId: admin.id, at: new Date('2025-03-09T22:30:00Z') });
    await recordAudit(db, { action: 'user.role.change', userId: admin.id, at: new Date('2025-03-11T10:00:00Z') });
    const base = (await db.select().from(auditLog)).length;

    const q = (s: string) => parseAuditQuery(new URLSearchParams(s)).filter;
    const day = await listAudit(db, admin, q('von=2025-03-10&bis=2025-03-10'));
    expect(day.rows.map((r) => r.userEmail)).toEqual([other.email]);
    const logins = await listAudit(db, admin, q('aktion=login.success'));
    expect(logins.total).toBe(2);
    expect(logins.rows[0]!.at.getTime()).toBeGreaterThan(logins.rows[1]!.at.getTime());
    const byUser = await listAudit(db, admin, q(`benutzer=${admin.id}&aktion=user.role.change`));
    expect(byUser.rows.map((r) => r.action)).toEqual(['user.role.change']);

    const paged = await listAudit(db, admin, q(''), 2, 2);
    expect(paged).toMatchObject({ total: base, page: 2, pages: Math.ceil(base / 2) });
    expect(paged.rows).toHaveLength(2);
  });

  it('reports invalid filter values and keeps the rest', () => {
    const parsed = parseAuditQuery(new URLSearchParams('von=2026-02-30&bis=gestern&benutzer=x&aktion=logout&seite=-3'));
    expect(parsed.filter).toEqual({ action: 'logout', userId: null, from: null, to: null });
    expect(Object.keys(parsed.errors).sort()).toEqual(['benutzer', 'bis', 'von']);
    expect(parsed.page).toBe(1);
    expect(auditQueryString(parsed.filter, { seite: 2 })).toBe('?aktion=logout&seite=2');
  });

  it('is readable by administrators only', async () => {
    const { db } = database;
    const editor = await makeUser(db, 'redaktion');
    await expect(listAudit(db, editor, parseAuditQuery(new URLSearchParams()).filter)).rejects.toThrow(ForbiddenError);
    await expect(exportAudit(db, editor, parseAuditQuery(new URLSearchParams()).filter)).rejects.toThrow(ForbiddenError);
  });

  it('exports CSV with BOM, semicolons, quoting and formula protection; the export is logged', async () => {
    const { db } = database;
    const admin = await makeUser(db, 'admin');
    await recordAudit(db, {
      action: 'test.quote',
      actorLabel: '=HYPERLINK("x")',
      details: { text: 'Er sagte "Hallo"; dann\nging er' },
      at: new Date('2026-11-23T09:15:00Z'),
    });
    const { csv, count } = await exportAudit(db, admin, parseAuditQuery(new URLSearchParams('aktion=test.quote')).filter);
    expect(count).toBe(1);
    expect(csv.startsWith('\uFEFF"Zeitpunkt";"Aktion";"Benutzer"')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      `"2026-11-23 10:15:00";"test.quote";"";"'=HYPERLINK(""x"")";"";"";"{""text"":""Er sagte \\""Hallo\\""; dann\\nging er""}"`,
    );
    const [logged] = await db.select().from(auditLog).where(eq(auditLog.action, 'audit.export'));
    expect(logged).toMatchObject({ userId: admin.id, details: { filter: { action: 'test.quote' }, rows: 1 } });
  });

  it('quotes fields', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('zeile1\nzeile2')).toBe('"zeile1\nzeile2"');
    expect(csvField('-5')).toBe(`"'-5"`);
    expect(csvField(null)).toBe('""');
    expect(auditCsv([]).endsWith('"Details"\r\n')).toBe(true);
  });
});
