/**
 * The back office of funding (Projektbüro: `funding.manage`; the deciding body reads with
 * `funding.read`): the applications, queries to the applicant, completeness, the decision of
 * the deciding body, and linking an approved application to a measure.
 *
 * Budget rule: a decision locks the programme's row (`select … for update`) before it adds up
 * what is committed in the budget year, so two decisions at once are serialised and can never
 * overspend together. All amounts are integer cents.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { queryRows } from '../db';
import {
  catalogues,
  fundingApplications,
  fundingDecisions,
  fundingMessages,
  fundingProgrammes,
  measureFunding,
  measures,
  type FundingDecisionOutcome,
} from '../db/schema';
import { authorize, type SessionUser } from '../auth/policy';
import { recordAudit } from '../auth/audit';
import { NotFoundError, ValidationError, WorkflowError } from '../editing/errors';
import { hasUnstorableText } from '../text/storable';
import { inTransaction } from '../db/transaction';
import { bumpContentVersion } from '../cache/content-version';
import { formatCents, parseEuroToCents } from '../../money';

/** Share of the budget from which a decision asks for confirmation. */
export const BUDGET_WARNING_SHARE = 0.9;

export async function listApplications(db: Db, user: SessionUser | null, programmeId: string, year: number) {
  authorize(user, 'funding.read');
  return db
    .select({
      id: fundingApplications.id,
      reference: fundingApplications.reference,
      title: fundingApplications.title,
      organisation: fundingApplications.organisation,
      area: fundingApplications.area,
      state: fundingApplications.state,
      requestedCents: fundingApplications.requestedCents,
      approvedCents: fundingApplications.approvedCents,
      createdAt: fundingApplications.createdAt,
    })
    .from(fundingApplications)
    .where(and(eq(fundingApplications.programmeId, programmeId), eq(fundingApplications.budgetYear, year)))
    .orderBy(desc(fundingApplications.createdAt));
}

export async function getApplication(db: Db, user: SessionUser | null, id: string) {
  authorize(user, 'funding.read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError('Der Antrag');
  const [app] = await db.select().from(fundingApplications).where(eq(fundingApplications.id, id));
  if (!app) throw new NotFoundError('Der Antrag');
  const [programme] = await db.select().from(fundingProgrammes).where(eq(fundingProgrammes.id, app.programmeId));
  const messages = await db.select().from(fundingMessages).where(eq(fundingMessages.applicationId, id)).orderBy(asc(fundingMessages.createdAt));
  const [decision] = await db.select().from(fundingDecisions).where(eq(fundingDecisions.applicationId, id));
  const { accessTokenHash: _hash, ...rest } = app;
  return { application: rest, programme: programme!, messages, decision: decision ?? null };
}

async function lockApplication(tx: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError('Der Antrag');
  await tx.execute(sql`select id from funding_applications where id = ${id} for update`);
  const [app] = await tx.select().from(fundingApplications).where(eq(fundingApplications.id, id));
  if (!app) throw new NotFoundError('Der Antrag');
  return app;
}

const DECIDED = new Set(['bewilligt', 'abgelehnt']);

/** A query to the applicant (completeness check): the application waits for the answer. */
export async function askQuery(db: Db, user: SessionUser, id: string, body: string, now = new Date()): Promise<void> {
  authorize(user, 'funding.manage');
  const text = body.trim();
  if (text.length < 5) throw new ValidationError({ question: 'Bitte formulieren Sie die Rückfrage (mindestens 5 Zeichen).' });
  if (text.length > 10_000 || hasUnstorableText(text)) throw new ValidationError({ question: 'Die Rückfrage ist zu lang oder enthält nicht speicherbare Zeichen.' });
  await inTransaction(db, async (tx) => {
    const app = await lockApplication(tx, id);
    if (DECIDED.has(app.state)) throw new WorkflowError('Über diesen Antrag ist bereits entschieden.');
    await tx.insert(fundingMessages).values({ applicationId: id, kind: 'rueckfrage', body: text, authorId: user.id, createdAt: now });
    await tx.update(fundingApplications).set({ state: 'rueckfrage', updatedAt: now }).where(eq(fundingApplications.id, id));
    await recordAudit(tx, { action: 'funding.application.query', userId: user.id, entityType: 'funding_application', entityId: id });
  });
}

/** The project office has checked the application: complete, ready for the deciding body. */
export async function markComplete(db: Db, user: SessionUser, id: string, now = new Date()): Promise<void> {
  authorize(user, 'funding.manage');
  await inTransaction(db, async (tx) => {
    const app = await lockApplication(tx, id);
    if (app.state !== 'eingegangen') throw new WorkflowError(app.state === 'rueckfrage' ? 'Eine Rückfrage ist noch offen.' : 'Der Antrag ist nicht mehr in Prüfung.');
    await tx.update(fundingApplications).set({ state: 'vollstaendig', updatedAt: now }).where(eq(fundingApplications.id, id));
    await recordAudit(tx, { action: 'funding.application.complete', userId: user.id, entityType: 'funding_application', entityId: id });
  });
}

export interface BudgetLine {
  programmeId: string;
  year: number;
  availableCents: number;
  committedCents: number;
  paidCents: number;
  remainingCents: number;
}

async function budgetOf(db: Db, programmeId: string, annualBudgetCents: number, year: number): Promise<BudgetLine> {
  const [row] = await queryRows<{ committed: string | number; paid: string | number }>(
    db,
    sql`select coalesce(sum(approved_cents), 0)::bigint as committed, coalesce(sum(paid_cents), 0)::bigint as paid
        from funding_applications where programme_id = ${programmeId} and budget_year = ${year} and state = 'bewilligt'`,
  );
  const committedCents = Number(row!.committed);
  const paidCents = Number(row!.paid);
  return { programmeId, year, availableCents: annualBudgetCents, committedCents, paidCents, remainingCents: annualBudgetCents - committedCents };
}

/** Budget of a programme in a year: available, committed, paid, remaining (cents). */
export async function programmeBudget(db: Db, user: SessionUser | null, programmeId: string, year: number): Promise<BudgetLine> {
  authorize(user, 'funding.read');
  const [p] = await db.select().from(fundingProgrammes).where(eq(fundingProgrammes.id, programmeId));
  if (!p) throw new NotFoundError('Das Förderprogramm');
  return budgetOf(db, programmeId, p.annualBudgetCents, year);
}

export interface DecisionInput {
  outcome: string;
  /** For an approval with a different amount: euros as typed. */
  amount?: string;
  decidedOn: string;
  body: string;
  reasons: string;
  /** The decision-maker saw the budget warning and confirms. */
  confirmBudget?: boolean;
}

export type DecisionResult = { outcome: FundingDecisionOutcome; amountCents: number | null; budget: BudgetLine };

/** Records the deciding body's decision; approvals commit budget (hard stop at the budget). */
export async function recordDecision(db: Db, user: SessionUser, id: string, input: DecisionInput, now = new Date()): Promise<DecisionResult> {
  authorize(user, 'funding.manage');
  const errors: Record<string, string> = {};
  const outcome = (['bewilligt', 'bewilligt_abweichend', 'abgelehnt'] as const).find((o) => o === input.outcome);
  if (!outcome) errors.outcome = 'Bitte wählen Sie die Entscheidung.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.decidedOn.trim()) || Number.isNaN(Date.parse(input.decidedOn.trim())))
    errors.decidedOn = 'Bitte geben Sie das Datum der Sitzung an.';
  const body = input.body.trim();
  if (!body) errors.body = 'Bitte nennen Sie das entscheidende Gremium.';
  const reasons = input.reasons.trim();
  if (outcome !== 'bewilligt' && reasons.length < 5) errors.reasons = 'Bitte begründen Sie die Entscheidung (mindestens 5 Zeichen).';
  if (body.length > 300 || reasons.length > 10_000 || hasUnstorableText(body + reasons)) errors.reasons ??= 'Der Text ist zu lang oder enthält nicht speicherbare Zeichen.';
  let differentCents: number | null = null;
  if (outcome === 'bewilligt_abweichend') {
    differentCents = parseEuroToCents(input.amount ?? '');
    if (differentCents == null || differentCents <= 0) errors.amount = 'Bitte geben Sie den bewilligten Betrag in Euro an, z. B. 3.500,00.';
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);

  return inTransaction(db, async (tx) => {
    const app = await lockApplication(tx, id);
    // The programme's row is the budget's lock: decisions of one programme run one at a time.
    await tx.execute(sql`select id from funding_programmes where id = ${app.programmeId} for update`);
    const [programme] = await tx.select().from(fundingProgrammes).where(eq(fundingProgrammes.id, app.programmeId));
    if (DECIDED.has(app.state)) throw new WorkflowError('Über diesen Antrag ist bereits entschieden.');
    if (app.state !== 'vollstaendig') throw new WorkflowError('Der Antrag ist noch nicht als vollständig geprüft markiert.');

    const amountCents = outcome === 'abgelehnt' ? null : outcome === 'bewilligt' ? app.requestedCents : differentCents!;
    const before = await budgetOf(tx, programme!.id, programme!.annualBudgetCents, app.budgetYear);
    if (amountCents != null) {
      if (outcome === 'bewilligt_abweichend' && amountCents >= app.requestedCents)
        throw new ValidationError({ amount: `Ein abweichender Betrag muss unter dem beantragten Betrag von ${formatCents(app.requestedCents)} liegen.` });
      if (programme!.capCents != null && amountCents > programme!.capCents)
        throw new ValidationError({ amount: `Die Förderhöchstgrenze je Maßnahme beträgt ${formatCents(programme!.capCents)}.` });
      const after = before.committedCents + amountCents;
      if (after > before.availableCents)
        throw new WorkflowError(
          `Das Budget ${app.budgetYear} reicht nicht: verfügbar ${formatCents(before.remainingCents)}, beantragt ${formatCents(amountCents)}. Die Bewilligung wurde nicht gespeichert.`,
        );
      if (after > before.availableCents * BUDGET_WARNING_SHARE && !input.confirmBudget)
        throw new ValidationError({
          confirmBudget: `Nach dieser Bewilligung sind ${formatCents(after)} von ${formatCents(before.availableCents)} des Budgets ${app.budgetYear} gebunden (Rest ${formatCents(before.availableCents - after)}). Bitte bestätigen Sie die Entscheidung.`,
        });
    }
    await tx.insert(fundingDecisions).values({
      applicationId: id,
      outcome: outcome!,
      amountCents,
      body,
      decidedOn: input.decidedOn.trim(),
      reasons,
      recordedBy: user.id,
      createdAt: now,
    });
    await tx
      .update(fundingApplications)
      .set({ state: amountCents == null ? 'abgelehnt' : 'bewilligt', approvedCents: amountCents, updatedAt: now })
      .where(eq(fundingApplications.id, id));
    await recordAudit(tx, {
      action: 'funding.application.decide',
      userId: user.id,
      entityType: 'funding_application',
      entityId: id,
      details: { outcome, amountCents, decidedOn: input.decidedOn.trim(), body },
    });
    const budget = await budgetOf(tx, programme!.id, programme!.annualBudgetCents, app.budgetYear);
    return { outcome: outcome!, amountCents, budget };
  });
}

/** An approved application funds an existing measure: its funding shows on the measure. */
export async function linkApplicationToMeasure(db: Db, user: SessionUser, id: string, measureId: string, now = new Date()): Promise<void> {
  authorize(user, 'funding.manage');
  if (!/^[0-9a-f-]{36}$/i.test(measureId)) throw new ValidationError({ measureId: 'Bitte wählen Sie eine Maßnahme.' });
  await inTransaction(db, async (tx) => {
    const app = await lockApplication(tx, id);
    if (app.state !== 'bewilligt') throw new WorkflowError('Nur bewilligte Anträge können einer Maßnahme zugeordnet werden.');
    const [measure] = await tx.select({ id: measures.id }).from(measures).where(eq(measures.id, measureId));
    if (!measure) throw new ValidationError({ measureId: 'Diese Maßnahme gibt es nicht.' });
    const [programme] = await tx.select().from(fundingProgrammes).where(eq(fundingProgrammes.id, app.programmeId));
    const values = {
      measureId,
      programmeId: app.programmeId,
      applicationId: id,
      funder: programme!.funder,
      amountCents: app.approvedCents,
      securedUntil: app.periodEnd,
      dependsOnFunding: false,
      isPublic: true,
      updatedAt: now,
    };
    await tx.insert(measureFunding).values(values).onConflictDoUpdate({ target: measureFunding.applicationId, set: values });
    await tx.update(fundingApplications).set({ measureId, updatedAt: now }).where(eq(fundingApplications.id, id));
    // The public measure page shows the funding: cached pages must be rendered again.
    await bumpContentVersion(tx);
    await recordAudit(tx, { action: 'funding.application.link', userId: user.id, entityType: 'funding_application', entityId: id, details: { measureId } });
  });
}

/** Records a payment (Auszahlung) on an approved application; never more than approved. */
export async function recordPayment(db: Db, user: SessionUser, id: string, amount: string, now = new Date()): Promise<void> {
  authorize(user, 'funding.manage');
  const cents = parseEuroToCents(amount);
  if (cents == null || cents <= 0) throw new ValidationError({ payment: 'Bitte geben Sie den ausgezahlten Betrag in Euro an.' });
  await inTransaction(db, async (tx) => {
    const app = await lockApplication(tx, id);
    if (app.state !== 'bewilligt') throw new WorkflowError('Nur bewilligte Anträge können ausgezahlt werden.');
    if (app.paidCents + cents > app.approvedCents!)
      throw new ValidationError({ payment: `Ausgezahlt würden ${formatCents(app.paidCents + cents)} – mehr als bewilligt (${formatCents(app.approvedCents!)}).` });
    await tx.update(fundingApplications).set({ paidCents: app.paidCents + cents, updatedAt: now }).where(eq(fundingApplications.id, id));
    await recordAudit(tx, { action: 'funding.application.payment', userId: user.id, entityType: 'funding_application', entityId: id, details: { amountCents: cents } });
  });
}

/** Published measures an approved application can be linked to, grouped by catalogue. */
export async function listLinkableMeasures(db: Db, user: SessionUser | null) {
  authorize(user, 'funding.manage');
  const rows = await db
    .select({ id: measures.id, number: measures.number, title: measures.title, catalogueTitle: catalogues.title })
    .from(measures)
    .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
    .where(and(eq(measures.workflowState, 'veroeffentlicht'), eq(measures.isGap, false)))
    .orderBy(asc(catalogues.position), asc(catalogues.title), asc(measures.position));
  const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const r of rows) {
    const g = groups.get(r.catalogueTitle) ?? { label: r.catalogueTitle, options: [] };
    g.options.push({ value: r.id, label: `${r.number ? `${r.number} ` : ''}${r.title}`.slice(0, 160) });
    groups.set(r.catalogueTitle, g);
  }
  return [...groups.values()];
}

/** Where the public sees a measure (for the link after linking). */
export async function measurePublicPath(db: Db, measureId: string): Promise<{ title: string; path: string } | null> {
  const [row] = await db
    .select({ title: measures.title, slug: measures.slug, catalogueSlug: catalogues.slug })
    .from(measures)
    .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
    .where(eq(measures.id, measureId));
  return row ? { title: row.title, path: `/kataloge/${row.catalogueSlug}/massnahme/${row.slug}` } : null;
}
