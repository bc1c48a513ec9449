/**
 * Answering a request of a call for updates, and Redaktion dealing with the answers.
 *
 * Per measure of the request: "unverändert" is the review itself — the same one-click
 * confirmation as on the due list (review/confirm.ts: "zuletzt geprüft" today, a revision
 * without content change, audited) — and needs nothing more from Redaktion. "geändert" (what
 * changed), "eingestellt" (since when, why) and new measures wait in the review queue
 * (/admin/pruefung) until an editor marks them dealt with, saying what was done (edited,
 * archived, created …). Answering again replaces an answer and reopens it. The request counts
 * as answered once every measure of it has an answer.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { measures, updateAnswers, updateCampaigns, updateRequests } from '../db/schema';
import { authorize, type SessionUser } from '../auth/policy';
import { recordAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { isUuid } from '../text/uuid';
import { NotFoundError, ValidationError, WorkflowError } from '../editing/errors';
import { notify } from '../notifications/notify';
import { createTranslator } from '../../i18n';
import { confirmUnchanged, CONFIRMED_UNCHANGED_COMMENT } from '../review/confirm';
import { answerFieldName, requestAnswerInput, type RequestAnswerInput } from './campaign-input';
import { OPEN_ANSWERS_PATH } from './paths';

export interface AnswerResult {
  /** Answers recorded or changed by this submission. */
  saved: number;
  /** Of them "unverändert": confirmed as reviewed. */
  confirmed: number;
  /** Waiting for Redaktion (changed, discontinued, new). */
  forReview: number;
  /** Every measure of the request has an answer now. */
  complete: boolean;
}

export async function answerRequest(
  db: Db,
  user: SessionUser,
  requestId: string,
  raw: RequestAnswerInput,
  options: { now?: Date; keys?: { answers: string[]; newMeasures: number[] } } = {},
): Promise<AnswerResult> {
  const now = options.now ?? new Date();
  const keys = options.keys ?? { answers: raw.answers.map((a) => a.measureId), newMeasures: raw.newMeasures.map((_, i) => i) };
  // Who may answer at all first (the steering group may not, whatever the request), then for this actor.
  authorize(user, 'campaign.answer', { actorIds: user.actorIds });
  return inTransaction(db, async (tx) => {
    if (!isUuid(requestId)) throw new NotFoundError('Die Anfrage');
    const [row] = await tx
      .select({ request: updateRequests, campaign: updateCampaigns })
      .from(updateRequests)
      .innerJoin(updateCampaigns, eq(updateCampaigns.id, updateRequests.campaignId))
      .where(eq(updateRequests.id, requestId))
      .for('update', { of: updateRequests });
    if (!row) throw new NotFoundError('Die Anfrage');
    authorize(user, 'campaign.answer', { actorIds: [row.request.actorId] });
    if (row.campaign.closedAt) throw new WorkflowError('Diese Abfrage ist abgeschlossen; Antworten sind nicht mehr möglich.');

    const parsed = requestAnswerInput.safeParse(raw);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[answerFieldName(issue.path, keys)] ??= issue.message;
      throw new ValidationError(fields);
    }
    const input = parsed.data;
    const asked = new Set(row.request.measureIds);
    const foreign = input.answers.findIndex((a) => !asked.has(a.measureId));
    if (foreign >= 0) throw new ValidationError({ [answerFieldName(['answers', foreign, 'kind'], keys)]: 'Diese Maßnahme gehört nicht zu dieser Anfrage.' });
    if (!input.answers.length && !input.newMeasures.length)
      throw new ValidationError({ _: 'Bitte beantworten Sie mindestens eine Maßnahme oder melden Sie eine neue.' });

    const previous = new Map(
      (await tx.select().from(updateAnswers).where(and(eq(updateAnswers.requestId, requestId)))).filter((a) => a.measureId).map((a) => [a.measureId!, a]),
    );
    const states = new Map(
      input.answers.length
        ? (
            await tx
              .select({ id: measures.id, workflowState: measures.workflowState, isGap: measures.isGap })
              .from(measures)
              .where(sql`${measures.id} in (${sql.join(input.answers.map((a) => sql`${a.measureId}::uuid`), sql`, `)})`)
          ).map((m) => [m.id, m])
        : [],
    );
    let saved = 0;
    let confirmed = 0;
    let forReview = 0;
    for (const answer of input.answers) {
      const before = previous.get(answer.measureId);
      if (before && before.kind === answer.kind && (before.note ?? null) === answer.note) continue; // resubmitted as it was
      const unchanged = answer.kind === 'unveraendert';
      const values = {
        kind: answer.kind,
        note: answer.note,
        answeredBy: user.id,
        answeredAt: now,
        resolvedAt: unchanged ? now : null,
        resolvedBy: unchanged ? user.id : null,
        resolution: unchanged ? CONFIRMED_UNCHANGED_COMMENT : null,
      };
      if (before) await tx.update(updateAnswers).set(values).where(eq(updateAnswers.id, before.id));
      else await tx.insert(updateAnswers).values({ requestId, measureId: answer.measureId, ...values });
      saved++;
      const state = states.get(answer.measureId);
      // Only what is under review can be confirmed; an answer about a measure archived meanwhile is kept as given.
      if (unchanged && state?.workflowState === 'veroeffentlicht' && !state.isGap) {
        await confirmUnchanged(tx, user, answer.measureId, { now });
        confirmed++;
      }
      if (!unchanged) forReview++;
    }
    if (input.newMeasures.length) {
      await tx.insert(updateAnswers).values(
        input.newMeasures.map((n) => ({ requestId, measureId: null, kind: 'neu' as const, title: n.title, note: n.note, answeredBy: user.id, answeredAt: now })),
      );
      saved += input.newMeasures.length;
      forReview += input.newMeasures.length;
    }
    const [coverage] = await queryRows<{ answered: number }>(
      tx,
      sql`select count(*)::int as answered from update_answers where request_id = ${requestId}::uuid and measure_id is not null`,
    );
    const complete = Number(coverage?.answered ?? 0) >= asked.size;
    await tx
      .update(updateRequests)
      .set({ answeredAt: complete ? (row.request.answeredAt ?? now) : null, answeredBy: complete ? (row.request.answeredBy ?? user.id) : null })
      .where(eq(updateRequests.id, requestId));
    await recordAudit(tx, {
      userId: user.id,
      action: 'campaign.answer',
      entityType: 'update_request',
      entityId: requestId,
      details: { campaign: row.campaign.title, saved, confirmed, forReview, complete },
      at: now,
    });
    if (forReview) {
      const t = createTranslator('de');
      await notify(tx, {
        roles: ['redaktion'],
        kind: 'campaign.answer',
        title: t('admin.campaigns.mail.answerSubject', { title: row.campaign.title, count: forReview }),
        link: OPEN_ANSWERS_PATH,
        email: false,
      });
    }
    return { saved, confirmed, forReview, complete };
  });
}

/** Redaktion has dealt with an answer (edited, archived, created the measure …): it leaves the queue. */
export async function resolveAnswer(db: Db, user: SessionUser, answerId: string, resolution: unknown, options: { now?: Date } = {}): Promise<void> {
  authorize(user, 'measure.publish');
  const text = String(resolution ?? '').trim();
  if (text.length > 2_000) throw new ValidationError({ resolution: 'Höchstens 2000 Zeichen.' });
  const now = options.now ?? new Date();
  await inTransaction(db, async (tx) => {
    if (!isUuid(answerId)) throw new NotFoundError('Die Antwort');
    const [answer] = await tx
      .update(updateAnswers)
      .set({ resolvedAt: now, resolvedBy: user.id, resolution: text || null })
      .where(and(eq(updateAnswers.id, answerId), isNull(updateAnswers.resolvedAt)))
      .returning();
    if (!answer) {
      const [exists] = await tx.select({ id: updateAnswers.id }).from(updateAnswers).where(eq(updateAnswers.id, answerId));
      if (!exists) throw new NotFoundError('Die Antwort');
      throw new WorkflowError('Diese Antwort wurde bereits erledigt.');
    }
    await recordAudit(tx, {
      userId: user.id,
      action: 'campaign.answer.resolve',
      entityType: 'update_answer',
      entityId: answerId,
      details: { kind: answer.kind, measureId: answer.measureId, title: answer.title, resolution: text || null },
      at: now,
    });
  });
}
