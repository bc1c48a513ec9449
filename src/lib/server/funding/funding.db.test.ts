/**
 * Funding on both engines (issue 16): the public application against the programme's rules,
 * the private link, queries, decisions with the budget enforced under concurrency (parallel
 * transactions on separate connections on PostgreSQL), exact cents, rejections that leave the
 * budget alone, linking to a measure, retention, and the seed import (Verfügungsfonds from 001,
 * twelve funding caveats).
 */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine, type Engine } from '../../../../tests/helpers/db';
import { seed, type Seed } from '../../../../tests/helpers/seed';
import { buildPlan } from '../../../../tests/helpers/factories';
import { openDatabase, type Database, type Db } from '../db/connection';
import { auditLog, fundingApplications, fundingDecisions, fundingProgrammes, measureFunding, measures, revisions } from '../db/schema';
import { ForbiddenError } from '../auth/policy';
import { ValidationError, WorkflowError } from '../editing/errors';
import { importSources } from '../importers/pipeline';
import { readSourceFile } from '../importers/read-source';
import { issueFormToken } from '../suggestions/form-token';
import { getFormSecret } from '../suggestions/settings';
import { emptyApplicationForm, type ApplicationFormValues } from './application-input';
import { answerQuery, applicationByToken, submitApplication } from './applications';
import { addMeasureFunding, countDependingOnFunding, fundingEndingWithin, publicFundingOf, removeMeasureFunding } from './measure-funding';
import { askQuery, linkApplicationToMeasure, markComplete, programmeBudget, recordDecision } from './processing';
import { getProgrammeBySlug, updateProgrammeTexts, type Programme } from './programmes';
import { fundingReport, fundingReportCsv } from './reports';
import { purgeExpiredApplicantData } from './retention';

const T0 = new Date('2026-03-02T10:00:00Z');
const later = new Date(T0.getTime() + 30_000);

async function programme(db: Db, s: Seed, budget = 1_000_000, cap: number | null = 500_000): Promise<Programme> {
  const [row] = await db
    .insert(fundingProgrammes)
    .values({
      municipalityId: s.municipalityId,
      slug: `fonds-${Math.random().toString(36).slice(2, 8)}`,
      title: 'Testfonds',
      funder: 'Stadt Herne',
      decidingBody: 'Lenkungsgruppe',
      annualBudgetCents: budget,
      capCents: cap,
      areas: ['Schulprojekte', 'Gesellschaftliche Teilhabe'],
      costTypes: [
        { code: 'honorare', label: 'Honorare' },
        { code: 'sachkosten', label: 'Sachkosten' },
      ],
    })
    .returning();
  return row!;
}

function form(overrides: Partial<ApplicationFormValues> = {}, lines: [string, string, string][] = [['honorare', 'Kursleitung', '3.000,00']]): ApplicationFormValues {
  const values = emptyApplicationForm();
  lines.forEach(([costType, description, amount], i) => (values.costLines[i] = { costType, description, amount }));
  return {
    ...values,
    organisation: 'Ensemble GbR',
    contactName: 'Erika Muster',
    contactEmail: 'erika@example.de',
    consent: true,
    title: 'Tanzprojekt für junge Menschen',
    description: 'Ein Tanzprojekt für junge Menschen mit Fluchterfahrung ab 8 Jahren, wöchentlich.',
    area: 'Gesellschaftliche Teilhabe',
    targetGroup: 'Kinder und Jugendliche mit Fluchterfahrung',
    periodStart: '2026-04-01',
    periodEnd: '2026-12-31',
    requested: '3.000,00',
    ...overrides,
  };
}

async function submit(db: Db, p: Programme, values: ApplicationFormValues) {
  const token = issueFormToken(await getFormSecret(db), T0);
  return submitApplication(db, p, { values, honeypot: '', token }, { clientAddress: `198.51.100.${Math.floor(Math.random() * 200)}`, now: later });
}

/** A complete application (submitted, checked) asking for `euros`. */
async function completeApplication(db: Db, s: Seed, p: Programme, euros: string): Promise<string> {
  const result = await submit(db, p, form({ requested: euros }, [['sachkosten', 'Material', euros]]));
  if (result.status !== 'created') throw new Error(JSON.stringify(result));
  await markComplete(db, s.users.redaktion, result.id);
  return result.id;
}

const decide = (euros?: string) => ({
  outcome: euros ? 'bewilligt_abweichend' : 'bewilligt',
  amount: euros,
  decidedOn: '2026-05-06',
  body: 'Lenkungsgruppe',
  reasons: 'Entspricht den Richtlinien.',
  confirmBudget: true,
});

async function setUp(engine: Engine) {
  const database = await createTestDatabase(engine);
  const s = await seed(database.db, buildPlan());
  return { database, s };
}

describeEachEngine('funding', (engine) => {
  it('an application over the cap is refused with a German message; corrected, it gets a reference and a private link', async () => {
    const { database, s } = await setUp(engine);
    try {
      const db = database.db;
      const p = await programme(db, s);
      const over = await submit(db, p, form({ requested: '6.000,00' }, [['honorare', 'Kursleitung', '6.000,00']]));
      expect(over).toEqual({
        status: 'invalid',
        errors: { requested: 'Der beantragte Betrag von 6.000,00 € übersteigt die Förderhöchstgrenze von 5.000,00 € je Maßnahme. Bitte beantragen Sie höchstens 5.000,00 €.' },
      });
      const ineligible = await submit(db, p, form({}, [['personal', 'Stelle', '3.000,00']]));
      expect(ineligible.status === 'invalid' && ineligible.errors.costType0).toMatch(/nicht förderfähig. Förderfähig sind: Honorare, Sachkosten/);
      const late = await submit(db, { ...p, applicationDeadline: '2026-02-28' }, form());
      expect(late.status === 'invalid' && late.errors.form).toBe('Die Antragsfrist ist am 28.02.2026 abgelaufen. Anträge können nicht mehr eingereicht werden.');
      expect(await db.select().from(fundingApplications)).toEqual([]);

      const ok = await submit(db, p, form());
      expect(ok.status).toBe('created');
      if (ok.status !== 'created') return;
      expect(ok.reference).toMatch(/^[A-Z]{2,3}-2026-\d{6}$/);
      const [row] = await db.select().from(fundingApplications);
      expect(row).toMatchObject({ requestedCents: 300_000, budgetYear: 2026, state: 'eingegangen', contactEmail: 'erika@example.de' });
      expect(row!.accessTokenHash).not.toContain(ok.token);
      // The link opens this application only; a guessed one opens nothing.
      expect((await applicationByToken(db, ok.token))!.id).toBe(ok.id);
      expect(await applicationByToken(db, ok.token.slice(0, -2) + 'xx')).toBeNull();
      expect(await applicationByToken(db, '../../etc')).toBeNull();

      // Query and answer through the link.
      await expect(askQuery(db, s.users.lesend, ok.id, 'Bitte Kostenplan erläutern.')).rejects.toBeInstanceOf(ForbiddenError);
      await askQuery(db, s.users.redaktion, ok.id, 'Bitte erläutern Sie die Honorarsätze.');
      await expect(markComplete(db, s.users.redaktion, ok.id)).rejects.toBeInstanceOf(WorkflowError);
      expect(await answerQuery(db, 'falsch-falsch-falsch-falsch', 'Antwort')).toEqual({ status: 'notFound' });
      expect(await answerQuery(db, ok.token, 'Die Kursleitung erhält 40 € je Stunde.')).toEqual({ status: 'answered' });
      const view = await applicationByToken(db, ok.token);
      expect(view!.messages.map((m) => m.kind)).toEqual(['rueckfrage', 'antwort']);
      expect(view!.state).toBe('eingegangen');
    } finally {
      await database.destroy();
    }
  });

  it('decisions: a lower amount commits exactly that; a rejection leaves the budget unchanged; cents add exactly', async () => {
    const { database, s } = await setUp(engine);
    try {
      const db = database.db;
      const p = await programme(db, s, 1_000_000);
      const a = await completeApplication(db, s, p, '3.000,00');
      const b = await completeApplication(db, s, p, '1.234,56');
      const c = await completeApplication(db, s, p, '2.345,67');
      const budget = () => programmeBudget(db, s.users.lesend, p.id, 2026);
      expect(await budget()).toEqual({ programmeId: p.id, year: 2026, availableCents: 1_000_000, committedCents: 0, paidCents: 0, remainingCents: 1_000_000 });

      await expect(recordDecision(db, s.users.lesend, a, decide('2.500,00'))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(recordDecision(db, s.users.redaktion, a, decide('3.500,00'))).rejects.toThrow(/unter dem beantragten Betrag/);
      const r = await recordDecision(db, s.users.redaktion, a, decide('2.500,00'));
      expect(r).toMatchObject({ outcome: 'bewilligt_abweichend', amountCents: 250_000, budget: { committedCents: 250_000, remainingCents: 750_000 } });
      await expect(recordDecision(db, s.users.redaktion, a, decide())).rejects.toThrow('Über diesen Antrag ist bereits entschieden.');

      const rejected = await recordDecision(db, s.users.redaktion, b, { ...decide(), outcome: 'abgelehnt', reasons: 'Kein neuer Ansatz.' });
      expect(rejected.budget.committedCents).toBe(250_000);
      expect(await budget()).toMatchObject({ committedCents: 250_000, remainingCents: 750_000 });

      await recordDecision(db, s.users.redaktion, c, decide());
      // 2.500,00 + 2.345,67 = 4.845,67 exactly.
      expect(await budget()).toMatchObject({ committedCents: 484_567, remainingCents: 515_433 });
      const [decision] = await db.select().from(fundingDecisions).where(eq(fundingDecisions.applicationId, b));
      expect(decision).toMatchObject({ outcome: 'abgelehnt', amountCents: null, body: 'Lenkungsgruppe', decidedOn: '2026-05-06', reasons: 'Kein neuer Ansatz.' });
      expect((await db.select().from(auditLog).where(eq(auditLog.action, 'funding.application.decide'))).length).toBe(3);

      const report = await fundingReport(db, s.users.lesend, p.id, 2026);
      expect(report.totalCents).toBe(484_567);
      expect(report.byOrganisation).toEqual([{ organisation: 'Ensemble GbR', count: 2, cents: 484_567 }]);
      expect(fundingReportCsv(report)).toContain('"2345,67"');

      // Linked to a measure: the public page shows the funding; the ending list finds it.
      await linkApplicationToMeasure(db, s.users.redaktion, a, s.measures.m1);
      expect(await publicFundingOf(db, s.measures.m1)).toEqual([
        expect.objectContaining({ funder: 'Stadt Herne', programmeTitle: 'Testfonds', amountCents: 250_000, securedUntil: '2026-12-31', dependsOnFunding: false }),
      ]);
      expect((await fundingEndingWithin(db, s.users.lesend, 12, '2026-06-01')).map((m) => m.measureId)).toEqual([s.measures.m1]);
      expect(await fundingEndingWithin(db, s.users.lesend, 3, '2026-06-01')).toEqual([]);
    } finally {
      await database.destroy();
    }
  });

  it('a warning before a decision nears the budget, a hard stop beyond it, and the cap', async () => {
    const { database, s } = await setUp(engine);
    try {
      const db = database.db;
      const p = await programme(db, s, 500_000, null);
      const a = await completeApplication(db, s, p, '4.600,00');
      const b = await completeApplication(db, s, p, '500,00');
      const warned = recordDecision(db, s.users.redaktion, a, { ...decide(), confirmBudget: false });
      await expect(warned).rejects.toBeInstanceOf(ValidationError);
      await expect(warned).rejects.toThrow('Nach dieser Bewilligung sind 4.600,00 € von 5.000,00 € des Budgets 2026 gebunden (Rest 400,00 €). Bitte bestätigen Sie die Entscheidung.');
      await recordDecision(db, s.users.redaktion, a, decide());
      await expect(recordDecision(db, s.users.redaktion, b, decide())).rejects.toThrow(
        'Das Budget 2026 reicht nicht: verfügbar 400,00 €, beantragt 500,00 €. Die Bewilligung wurde nicht gespeichert.',
      );
      expect(await programmeBudget(db, s.users.redaktion, p.id, 2026)).toMatchObject({ committedCents: 460_000, remainingCents: 40_000 });
      const [row] = await db.select().from(fundingApplications).where(eq(fundingApplications.id, b));
      expect(row!.state).toBe('vollstaendig');
    } finally {
      await database.destroy();
    }
  });

  it('parallel decisions on separate connections can never overspend the budget together', async () => {
    const { database, s } = await setUp(engine);
    const others: Database[] = [];
    try {
      const db = database.db;
      const p = await programme(db, s, 1_000_000);
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push(await completeApplication(db, s, p, '3.000,00'));
      if (database.url) for (let i = 0; i < 3; i++) others.push(await openDatabase({ engine: 'postgres', url: database.url }));
      const connections = [db, ...others.map((o) => o.db)];
      const results = await Promise.allSettled(ids.map((id, i) => recordDecision(connections[i % connections.length]!, s.users.redaktion, id, decide())));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect(refused[0]!.reason).toBeInstanceOf(WorkflowError);
      expect(String(refused[0]!.reason.message)).toMatch(/^Das Budget 2026 reicht nicht: verfügbar 1.000,00 €/);
      expect(await programmeBudget(db, s.users.redaktion, p.id, 2026)).toMatchObject({ committedCents: 900_000, remainingCents: 100_000 });
    } finally {
      for (const o of others) await o.close();
      await database.destroy();
    }
  });

  it("applicants' personal data is deleted after the funding period plus the retention days", async () => {
    const { database, s } = await setUp(engine);
    try {
      const db = database.db;
      const p = await programme(db, s);
      const ok = await submit(db, p, form());
      if (ok.status !== 'created') throw new Error('not created');
      expect(await purgeExpiredApplicantData(db, new Date('2027-12-30T00:00:00Z'))).toBe(0);
      expect(await purgeExpiredApplicantData(db, new Date('2028-01-01T00:00:00Z'))).toBe(1);
      const [row] = await db.select().from(fundingApplications);
      expect(row).toMatchObject({ contactName: null, contactEmail: null, organisation: 'Ensemble GbR', title: 'Tanzprojekt für junge Menschen' });
    } finally {
      await database.destroy();
    }
  });

  it('guidelines are editable by the programme administrators only, versioned and audited', async () => {
    const { database, s } = await setUp(engine);
    try {
      const db = database.db;
      const p = await programme(db, s);
      const input = { guidelines: 'Neue Richtlinien 2027.', criteria: 'Neuer Ansatz\n\nNachhaltigkeit ', applicationDeadline: '2027-03-31', acceptsApplications: true, version: 1 };
      await expect(updateProgrammeTexts(db, s.users.lesend, p.id, input)).rejects.toBeInstanceOf(ForbiddenError);
      const saved = await updateProgrammeTexts(db, s.users.redaktion, p.id, { ...input, comment: 'Beschluss der Lenkungsgruppe' });
      expect(saved).toMatchObject({ version: 2, guidelines: 'Neue Richtlinien 2027.', criteria: ['Neuer Ansatz', 'Nachhaltigkeit'], applicationDeadline: '2027-03-31' });
      // A stale version is a conflict, not an overwrite.
      await expect(updateProgrammeTexts(db, s.users.redaktion, p.id, { ...input, guidelines: 'Alt' })).rejects.toThrow(/inzwischen von jemand anderem geändert/);
      const history = await db.select().from(revisions).where(eq(revisions.entityId, p.id));
      expect(history.map((r) => [r.entityType, r.comment, (r.state as { version: number }).version])).toEqual([['funding_programme', 'Beschluss der Lenkungsgruppe', 2]]);
      expect((await db.select().from(auditLog).where(eq(auditLog.action, 'funding.programme.update'))).map((a) => a.userId)).toEqual([s.users.redaktion.id]);
      // The deadline now refuses late applications.
      expect((await submit(db, saved, form())).status).toBe('created');
      const afterDeadline = await submitApplication(db, saved, { values: form(), honeypot: '', token: issueFormToken(await getFormSecret(db), new Date('2027-04-01T10:00:00Z')) }, { clientAddress: '198.51.100.1', now: new Date('2027-04-01T10:00:30Z') });
      expect(afterDeadline).toEqual({ status: 'invalid', errors: { form: 'Die Antragsfrist ist am 31.03.2027 abgelaufen. Anträge können nicht mehr eingereicht werden.' } });
    } finally {
      await database.destroy();
    }
  });

  it('funding of an external programme on a measure: public or internal, feeding the ending list, removable', async () => {
    const { database, s } = await setUp(engine);
    try {
      const db = database.db;
      const input = { funder: 'RAG-Stiftung', programmeId: '', amount: '12.000,50', securedUntil: '2027-07-31', renewal: 'jährlich', dependsOnFunding: true, caveat: 'Eine Fortführung ist von Fördermitteln abhängig.', isPublic: true };
      await expect(addMeasureFunding(db, s.users.lesend, s.measures.m2, input)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(addMeasureFunding(db, s.users.redaktion, s.measures.m2, { ...input, amount: '12,345' })).rejects.toBeInstanceOf(ValidationError);
      const id = await addMeasureFunding(db, s.users.redaktion, s.measures.m2, input);
      await addMeasureFunding(db, s.users.redaktion, s.measures.m2, { ...input, funder: 'Interne Mittel', isPublic: false });
      expect(await publicFundingOf(db, s.measures.m2)).toEqual([
        { funder: 'RAG-Stiftung', programmeTitle: null, programmeSlug: null, amountCents: 1_200_050, securedUntil: '2027-07-31', renewal: 'jährlich', dependsOnFunding: true, caveat: 'Eine Fortführung ist von Fördermitteln abhängig.' },
      ]);
      expect((await fundingEndingWithin(db, s.users.lesend, 8, '2026-12-08')).map((m) => m.funder).sort()).toEqual(['Interne Mittel', 'RAG-Stiftung']);
      await removeMeasureFunding(db, s.users.redaktion, s.measures.m2, id);
      await expect(removeMeasureFunding(db, s.users.redaktion, s.measures.m1, id)).rejects.toThrow(/nicht gefunden/);
      expect(await publicFundingOf(db, s.measures.m2)).toEqual([]);
    } finally {
      await database.destroy();
    }
  });

  it('the seed import creates the Verfügungsfonds from 001 and marks the twelve funding caveats', async () => {
    const database = await createTestDatabase(engine);
    try {
      const files = [readSourceFile('data/sources/herne/001_f19880d6793d593d.txt')];
      await importSources(database, files, { municipality: 'herne' });
      const db = database.db;
      const p = await getProgrammeBySlug(db, 'herne', 'verfuegungsfonds');
      expect(p).toMatchObject({
        title: 'Verfügungsfonds „Integration von Neuzugewanderten“',
        annualBudgetCents: 16_000_000,
        capCents: 500_000,
        decidingBody: 'Lenkungsgruppe des Projekts „Integration von Neuzugewanderten“',
        source: { file: '001_f19880d6793d593d.txt', line: 884 },
      });
      expect(p.areas).toHaveLength(6);
      expect(p.criteria).toHaveLength(3);
      expect(await countDependingOnFunding(db)).toBe(12);
      const caveats = await db.select({ caveat: measureFunding.caveat, extra: measures.extra }).from(measureFunding).innerJoin(measures, eq(measures.id, measureFunding.measureId));
      expect(caveats.every((c) => c.caveat === (c.extra as { finanzierungsvorbehalt: string }).finanzierungsvorbehalt)).toBe(true);
      expect(caveats.filter((c) => /abhängig von Fördermitteln/.test(c.caveat ?? ''))).not.toHaveLength(0);
      // A second import changes nothing.
      await importSources(database, files, { municipality: 'herne' });
      expect(await countDependingOnFunding(db)).toBe(12);
      expect(await db.select().from(fundingProgrammes)).toHaveLength(1);
    } finally {
      await database.destroy();
    }
  }, 120_000);
});
