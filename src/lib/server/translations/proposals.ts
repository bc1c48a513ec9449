/**
 * Deciding contributors' translation proposals (editors): publishing writes the translation
 * (revision, audit `translation.publish`) unless the German text changed since the proposal —
 * then it is refused, the proposal would be outdated on arrival; rejecting keeps it as history.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { translationProposals, users } from '../db/schema';
import { authorize, type SessionUser } from '../auth/policy';
import { recordAudit } from '../auth/audit';
import { notify } from '../notifications/notify';
import { inTransaction } from '../db/transaction';
import { NotFoundError, WorkflowError } from '../editing/errors';
import { isUuid } from '../text/uuid';
import { isTranslatableEntity, isTranslatableField, unitId } from './fields';
import { loadSourceText } from './sources';
import { sourceHash } from './status';
import { writeTranslation } from './write-translation';

async function loadOpenProposal(tx: Db, id: string) {
  const [row] = isUuid(id) ? await tx.select().from(translationProposals).where(eq(translationProposals.id, id)).for('update') : [];
  if (!row) throw new NotFoundError('Der Übersetzungsvorschlag');
  if (row.state !== 'in_pruefung') throw new WorkflowError('Über diesen Vorschlag wurde bereits entschieden.');
  if (!isTranslatableEntity(row.entityType) || !isTranslatableField(row.entityType, row.field)) throw new WorkflowError('Dieses Feld kann nicht übersetzt werden.');
  return { ...row, entityType: row.entityType, field: row.field };
}

export async function publishProposal(db: Db, user: SessionUser, id: string, comment?: string | null): Promise<void> {
  authorize(user, 'translation.publish');
  await inTransaction(db, async (tx) => {
    const p = await loadOpenProposal(tx, id);
    const german = await loadSourceText(tx, p.entityType, p.entityId, p.field);
    if (german === null || sourceHash(german) !== p.sourceHash)
      throw new WorkflowError('Der deutsche Text wurde seit dem Vorschlag geändert. Bitte lehnen Sie ihn ab oder übersetzen Sie neu.');
    await writeTranslation(tx, {
      entityType: p.entityType,
      entityId: p.entityId,
      field: p.field,
      lang: p.lang,
      value: p.value,
      sourceHash: p.sourceHash,
      sourceText: german,
      machine: p.machine,
      authorId: p.authorId ?? user.id,
      comment: comment?.trim() ? `Übersetzung (${p.lang}) geprüft: ${comment.trim()}` : `Übersetzung (${p.lang}) geprüft und veröffentlicht`,
    });
    await tx
      .update(translationProposals)
      .set({ state: 'veroeffentlicht', reviewerId: user.id, reviewComment: comment?.trim() || null, decidedAt: new Date() })
      .where(eq(translationProposals.id, p.id));
    await recordAudit(tx, { userId: user.id, action: 'translation.publish', entityType: p.entityType, entityId: p.entityId, details: { field: p.field, lang: p.lang, proposalId: p.id } });
    if (p.authorId && p.authorId !== user.id)
      await notify(tx, { userIds: [p.authorId], kind: 'translation.published', title: `Ihre Übersetzung (${p.lang}) wurde veröffentlicht`, body: null, link: null });
  });
}

export async function rejectProposal(db: Db, user: SessionUser, id: string, comment?: string | null): Promise<void> {
  authorize(user, 'translation.publish');
  await inTransaction(db, async (tx) => {
    const p = await loadOpenProposal(tx, id);
    await tx
      .update(translationProposals)
      .set({ state: 'abgelehnt', reviewerId: user.id, reviewComment: comment?.trim() || null, decidedAt: new Date() })
      .where(eq(translationProposals.id, p.id));
    await recordAudit(tx, { userId: user.id, action: 'translation.reject', entityType: p.entityType, entityId: p.entityId, details: { field: p.field, lang: p.lang, proposalId: p.id } });
  });
}

export interface OpenProposal {
  id: string;
  unit: string;
  lang: string;
  value: string;
  machine: boolean;
  author: string | null;
  createdAt: string;
}

export async function listOpenProposals(db: Db, catalogueId: string, lang: string): Promise<OpenProposal[]> {
  const rows = await db
    .select({ p: translationProposals, name: users.name, email: users.email })
    .from(translationProposals)
    .leftJoin(users, eq(users.id, translationProposals.authorId))
    .where(and(eq(translationProposals.catalogueId, catalogueId), eq(translationProposals.lang, lang), eq(translationProposals.state, 'in_pruefung')))
    .orderBy(desc(translationProposals.createdAt));
  return rows
    .filter((r) => isTranslatableEntity(r.p.entityType) && isTranslatableField(r.p.entityType, r.p.field))
    .map((r) => ({
      id: r.p.id,
      unit: unitId({ entityType: r.p.entityType as never, entityId: r.p.entityId, field: r.p.field as never }),
      lang: r.p.lang,
      value: r.p.value,
      machine: r.p.machine,
      author: r.name ?? r.email ?? null,
      createdAt: r.p.createdAt.toISOString(),
    }));
}
