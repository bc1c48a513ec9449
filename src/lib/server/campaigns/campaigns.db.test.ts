/**
 * The yearly call for updates on both engines (issue 15, point 2): Redaktion starts a campaign
 * for a catalogue; every actor answering for its measures gets one request, every person bound
 * to such an actor one message; answers flow into the review (unchanged = reviewed) and the
 * review queue (changed / discontinued / new) and the campaign shows who has answered.
 */
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabaseEachTest } from '../../../../tests/helpers/db';
import { seed, type Seed } from '../../../../tests/helpers/seed';
import { buildPlan } from '../../../../tests/helpers/factories';
import type { Db } from '../db/connection';
import { actors, auditLog, measureActors, measures, outbox, revisions, updateAnswers, updateRequests } from '../db/schema';
import { ForbiddenError } from '../auth/policy';
import { ValidationError, WorkflowError } from '../editing/errors';
import { mergeActors } from '../editing/vocabulary/merge-actors';
import { loadMyTasks } from '../dashboard/my-tasks';
import { closeCampaign, remindUnanswered, startCampaign } from './start-campaign';
import { answerRequest, resolveAnswer } from './answer-request';
import { campaignDetail, listOpenAnswers, requestForAnswer } from './queries';

const NOW = new Date('2027-03-01T09:00:00Z');
const input = (s: Seed) => ({ catalogueId: s.catalogueId, title: 'Jährliche Abfrage 2027', message: 'Bitte bis Ende März.', deadline: '2027-03-31' });

/** m2 also answered for by the Jobcenter (contributor "fremd"); m1 also by the VHS, which nobody can sign in for. */
async function widen(db: Db, s: Seed): Promise<string> {
  const [vhs] = await db.insert(actors).values({ municipalityId: s.municipalityId, name: 'VHS Herne', slug: 'vhs-herne', kind: 'organisation' }).returning();
  await db.insert(measureActors).values([
    { measureId: s.measures.m2, actorId: s.otherActorId, role: 'verantwortlich', wording: 'Jobcenter', position: 9 },
    { measureId: s.measures.m1, actorId: vhs!.id, role: 'verantwortlich', wording: 'VHS', position: 9 },
  ]);
  return vhs!.id;
}

const requestOf = async (db: Db, campaignId: string, actorId: string) =>
  (await db.select().from(updateRequests).where(and(eq(updateRequests.campaignId, campaignId), eq(updateRequests.actorId, actorId))))[0]!;

describeEachEngine('call for updates', (engine) => {
  const database = freshDatabaseEachTest(engine);

  it('starts one request per answering actor and one message per person; only one open campaign per catalogue', async () => {
    const db = database.db;
    const s = await seed(db, buildPlan());
    const vhs = await widen(db, s);
    await expect(startCampaign(db, s.users.beitragende, input(s), { municipality: 'herne', now: NOW })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startCampaign(db, s.users.redaktion, { ...input(s), deadline: '2027-03-01' }, { municipality: 'herne', now: NOW })).rejects.toMatchObject({
      fields: { deadline: 'Die Antwortfrist muss nach dem heutigen Tag liegen.' },
    });
    await expect(startCampaign(db, s.users.redaktion, { ...input(s), title: '' }, { municipality: 'herne', now: NOW })).rejects.toBeInstanceOf(ValidationError);

    const started = await startCampaign(db, s.users.redaktion, input(s), { municipality: 'herne', now: NOW });
    expect(started).toMatchObject({ requests: 3, people: 2, unreachable: 1 });
    // The gap record is not asked about; each actor gets exactly its own measures.
    expect((await requestOf(db, started.id, s.actorId)).measureIds.sort()).toEqual([s.measures.m1, s.measures.m2].sort());
    expect((await requestOf(db, started.id, s.otherActorId)).measureIds).toEqual([s.measures.m2]);
    expect(await requestOf(db, started.id, vhs)).toMatchObject({ measureIds: [s.measures.m1], recipients: 0 });

    const mails = await db.select().from(outbox);
    expect(mails.map((m) => m.recipient).sort()).toEqual(['fb51@herne.de', 'jobcenter@herne.de']);
    const toContributor = mails.find((m) => m.recipient === 'fb51@herne.de')!;
    const own = await requestOf(db, started.id, s.actorId);
    expect(toContributor.subject).toBe('[Vielfalt] Abfrage „Jährliche Abfrage 2027“: Bitte prüfen Sie Ihre Maßnahmen im Katalog „Gesamtstädtisches Integrationskonzept“');
    expect(toContributor.body).toContain('bis zum 31.03.2027');
    expect(toContributor.body).toContain('Bitte bis Ende März.');
    expect(toContributor.body).toContain('Fachbereich Kinder-Jugend-Familie: 2 Maßnahmen');
    expect(toContributor.body).toContain(`/admin/abfragen/${started.id}/${own.id}`);
    expect(toContributor.body).not.toContain('Jobcenter');

    await expect(startCampaign(db, s.users.redaktion, input(s), { municipality: 'herne', now: NOW })).rejects.toBeInstanceOf(WorkflowError);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'campaign.start'));
    expect(audit!.details).toMatchObject({ requests: 3, people: 2, unreachable: 1 });
    // The contributor's tasks list the open request.
    expect((await loadMyTasks(db, s.users.beitragende, NOW)).campaigns).toEqual([
      expect.objectContaining({ campaignId: started.id, requestId: own.id, actorName: 'Fachbereich Kinder-Jugend-Familie' }),
    ]);
  });

  it('answers flow into the review and the review queue; invalid answers change nothing; the campaign shows who answered', async () => {
    const db = database.db;
    const s = await seed(db, buildPlan());
    await widen(db, s);
    const { id } = await startCampaign(db, s.users.redaktion, input(s), { municipality: 'herne', now: NOW });
    const own = await requestOf(db, id, s.actorId);
    const later = new Date('2027-03-05T10:00:00Z');

    // Someone bound to another actor cannot answer this request; a measure not asked about is refused.
    await expect(answerRequest(db, s.users.fremd, own.id, { answers: [{ measureId: s.measures.m1, kind: 'unveraendert' }], newMeasures: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      answerRequest(db, s.users.beitragende, own.id, { answers: [{ measureId: s.measures.gap, kind: 'unveraendert' }], newMeasures: [] }),
    ).rejects.toMatchObject({ fields: { [`answer.${s.measures.gap}`]: 'Diese Maßnahme gehört nicht zu dieser Anfrage.' } });
    // "geändert" without saying what: the field is named, and the valid "unverändert" beside it is not saved either.
    await expect(
      answerRequest(db, s.users.beitragende, own.id, {
        answers: [
          { measureId: s.measures.m1, kind: 'unveraendert' },
          { measureId: s.measures.m2, kind: 'geaendert', note: ' ' },
        ],
        newMeasures: [],
      }),
    ).rejects.toMatchObject({ fields: { [`note.${s.measures.m2}`]: 'Bitte beschreiben Sie kurz, was sich geändert hat.' } });
    expect(await db.select().from(updateAnswers)).toEqual([]);
    expect((await db.select().from(measures).where(eq(measures.id, s.measures.m1)))[0]!.lastReviewedAt).toBe('2019-10-01'); // as imported

    // Partly answered: m1 unchanged → reviewed today, with the revision of a review.
    expect(
      await answerRequest(db, s.users.beitragende, own.id, { answers: [{ measureId: s.measures.m1, kind: 'unveraendert' }], newMeasures: [] }, { now: later }),
    ).toEqual({ saved: 1, confirmed: 1, forReview: 0, complete: false });
    const [m1] = await db.select().from(measures).where(eq(measures.id, s.measures.m1));
    expect(m1).toMatchObject({ lastReviewedAt: '2027-03-05', lastReviewedBy: s.users.beitragende.id });
    const m1Revisions = await db.select().from(revisions).where(and(eq(revisions.entityType, 'measure'), eq(revisions.entityId, s.measures.m1)));
    expect(m1Revisions.at(-1)!.comment).toBe('Geprüft, unverändert');
    let detail = (await campaignDetail(db, 'herne', id))!;
    expect(detail.answered).toBe(0);
    expect(detail.requestsList.find((r) => r.actorId === s.actorId)).toMatchObject({ answeredMeasures: 1, answeredAt: null });

    // The rest: m2 changed, one new measure; resubmitting m1 unchanged does not review it twice.
    expect(
      await answerRequest(
        db,
        s.users.beitragende,
        own.id,
        {
          answers: [
            { measureId: s.measures.m1, kind: 'unveraendert' },
            { measureId: s.measures.m2, kind: 'geaendert', note: 'Findet jetzt monatlich statt.' },
          ],
          newMeasures: [{ title: 'Sprachcafé im Stadtteilzentrum', note: 'Seit Januar 2027 jeden Dienstag.' }],
        },
        { now: later },
      ),
    ).toEqual({ saved: 2, confirmed: 0, forReview: 2, complete: true });
    expect(await db.select().from(revisions).where(and(eq(revisions.entityType, 'measure'), eq(revisions.entityId, s.measures.m1)))).toHaveLength(m1Revisions.length);
    // m2 changed: not confirmed as reviewed, waiting for Redaktion with the note.
    expect((await db.select().from(measures).where(eq(measures.id, s.measures.m2)))[0]!.lastReviewedAt).toBe('2019-10-01');
    const open = await listOpenAnswers(db, 'herne');
    expect(open.map((a) => [a.kind, a.measureId, a.title, a.note])).toEqual([
      ['geaendert', s.measures.m2, null, 'Findet jetzt monatlich statt.'],
      ['neu', null, 'Sprachcafé im Stadtteilzentrum', 'Seit Januar 2027 jeden Dienstag.'],
    ]);
    detail = (await campaignDetail(db, 'herne', id))!;
    expect(detail).toMatchObject({ requests: 3, answered: 1, openAnswers: 2 });
    expect(detail.requestsList.find((r) => r.actorId === s.actorId)).toMatchObject({
      answeredMeasures: 2,
      byKind: { unveraendert: 1, geaendert: 1, eingestellt: 0, neu: 1 },
      answeredAt: later.toISOString(),
    });
    // A contributor sees only their own requests of the campaign.
    expect((await campaignDetail(db, 'herne', id, s.users.beitragende.actorIds))!.requestsList.map((r) => r.actorId)).toEqual([s.actorId]);
    const page = (await requestForAnswer(db, 'herne', id, own.id))!;
    expect(page.measures.map((m) => m.answer?.kind)).toEqual(['unveraendert', 'geaendert']);
    expect(page.newMeasures.map((n) => n.title)).toEqual(['Sprachcafé im Stadtteilzentrum']);
    expect((await loadMyTasks(db, s.users.beitragende, later)).campaigns).toEqual([]);

    // Redaktion deals with the answers: they leave the queue, once.
    await expect(resolveAnswer(db, s.users.beitragende, open[0]!.id, '')).rejects.toBeInstanceOf(ForbiddenError);
    await resolveAnswer(db, s.users.redaktion, open[0]!.id, 'Maßnahme geändert');
    await expect(resolveAnswer(db, s.users.redaktion, open[0]!.id, '')).rejects.toBeInstanceOf(WorkflowError);
    expect((await listOpenAnswers(db, 'herne')).map((a) => a.kind)).toEqual(['neu']);
    expect((await db.select().from(auditLog).where(eq(auditLog.action, 'campaign.answer.resolve')))[0]!.details).toMatchObject({ resolution: 'Maßnahme geändert' });

    // Answering again reopens: discontinued now.
    await answerRequest(db, s.users.beitragende, own.id, { answers: [{ measureId: s.measures.m2, kind: 'eingestellt', note: 'Seit Februar eingestellt.' }], newMeasures: [] }, { now: new Date('2027-03-06T08:00:00Z') });
    expect((await listOpenAnswers(db, 'herne')).map((a) => a.kind)).toEqual(['neu', 'eingestellt']);
  });

  it('reminds only those who have not answered; a closed campaign takes no answers', async () => {
    const db = database.db;
    const s = await seed(db, buildPlan());
    await widen(db, s);
    const { id } = await startCampaign(db, s.users.redaktion, input(s), { municipality: 'herne', now: NOW });
    const own = await requestOf(db, id, s.actorId);
    await answerRequest(db, s.users.beitragende, own.id, {
      answers: [
        { measureId: s.measures.m1, kind: 'unveraendert' },
        { measureId: s.measures.m2, kind: 'unveraendert' },
      ],
      newMeasures: [],
    });
    await db.delete(outbox);
    await expect(remindUnanswered(db, s.users.beitragende, id)).rejects.toBeInstanceOf(ForbiddenError);
    // The Jobcenter's contributor has not answered; the VHS has nobody to remind.
    expect(await remindUnanswered(db, s.users.redaktion, id)).toEqual({ requests: 1, people: 1 });
    const mails = await db.select().from(outbox);
    expect(mails.map((m) => [m.recipient, m.subject])).toEqual([['jobcenter@herne.de', '[Vielfalt] Erinnerung – Abfrage „Jährliche Abfrage 2027“ (Gesamtstädtisches Integrationskonzept)']]);

    await closeCampaign(db, s.users.redaktion, id);
    await expect(closeCampaign(db, s.users.redaktion, id)).rejects.toBeInstanceOf(WorkflowError);
    const other = await requestOf(db, id, s.otherActorId);
    await expect(answerRequest(db, s.users.fremd, other.id, { answers: [{ measureId: s.measures.m2, kind: 'unveraendert' }], newMeasures: [] })).rejects.toBeInstanceOf(WorkflowError);
    // Closed: a new campaign for the catalogue may start.
    await expect(startCampaign(db, s.users.redaktion, { ...input(s), title: 'Nachfrage' }, { municipality: 'herne', now: NOW })).resolves.toMatchObject({ requests: 3 });
  });

  it('merging actors carries their requests and answers over', async () => {
    const db = database.db;
    const s = await seed(db, buildPlan());
    const vhs = await widen(db, s);
    const { id } = await startCampaign(db, s.users.redaktion, input(s), { municipality: 'herne', now: NOW });
    await answerRequest(db, s.users.redaktion, (await requestOf(db, id, vhs)).id, {
      answers: [{ measureId: s.measures.m1, kind: 'geaendert', note: 'Neue Kursorte.' }],
      newMeasures: [],
    });
    // Both the Jobcenter and the VHS were asked: merged, the Jobcenter's request holds both measures and the answer.
    await mergeActors(db, s.users.redaktion, vhs, s.otherActorId);
    const requests = await db.select().from(updateRequests).where(eq(updateRequests.campaignId, id));
    expect(requests.map((r) => r.actorId).sort()).toEqual([s.actorId, s.otherActorId].sort());
    const merged = requests.find((r) => r.actorId === s.otherActorId)!;
    expect([...merged.measureIds].sort()).toEqual([s.measures.m1, s.measures.m2].sort());
    const answers = await db.select().from(updateAnswers);
    expect(answers.map((a) => [a.requestId, a.measureId, a.kind])).toEqual([[merged.id, s.measures.m1, 'geaendert']]);
    expect(await db.select().from(actors).where(eq(actors.id, vhs))).toEqual([]);
  });
});
