/**
 * Merges a duplicate actor into another: links of measures, structure nodes, contacts,
 * sub-units, contributor scopes and spellings move to the target; the duplicate's name becomes
 * an alias of the target. The duplicate's row is removed, its last revision records
 * `mergedInto` (so old states naming it can still be restored), and every measure whose links
 * changed gets a revision.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { actorAliases, actors, contacts, measureActors, nodes, userActorScopes } from '../../db/schema';
import { authorize, type SessionUser } from '../../auth/policy';
import { loadMeasureSnapshots } from '../../catalogue/snapshot';
import { recordRevisions } from '../../revisions/record';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../../auth/audit';
import { isUuid } from '../../text/uuid';
import { inTransaction } from '../../db/transaction';

export async function mergeActors(db: Db, user: SessionUser, sourceId: string, targetId: string): Promise<{ measures: number }> {
  authorize(user, 'vocabulary.manage');
  if (!isUuid(targetId)) throw new ValidationError({ targetId: 'Bitte wählen Sie einen Akteur.' });
  if (sourceId === targetId) throw new ValidationError({ targetId: 'Bitte wählen Sie einen anderen Akteur.' });
  return inTransaction(db, async (tx) => {
    const rows = isUuid(sourceId) && isUuid(targetId) ? await tx.select().from(actors).where(inArray(actors.id, [sourceId, targetId])).for('update') : [];
    const source = rows.find((r) => r.id === sourceId);
    const target = rows.find((r) => r.id === targetId);
    if (!source) throw new NotFoundError('Der Akteur');
    if (!target || target.municipalityId !== source.municipalityId) throw new ValidationError({ targetId: 'Unbekannter Akteur.' });

    const affected = (await tx.select({ id: measureActors.measureId }).from(measureActors).where(eq(measureActors.actorId, sourceId))).map((r) => r.id);
    await tx.execute(sql`insert into ${measureActors} (measure_id, actor_id, role, wording, position)
      select measure_id, ${targetId}, role, wording, position from ${measureActors} where actor_id = ${sourceId}
      on conflict do nothing`);
    await tx.delete(measureActors).where(eq(measureActors.actorId, sourceId));
    await tx.update(nodes).set({ actorId: targetId }).where(eq(nodes.actorId, sourceId));
    await tx.update(contacts).set({ actorId: targetId }).where(eq(contacts.actorId, sourceId));
    await tx.update(actors).set({ parentId: targetId === source.parentId ? target.parentId : targetId }).where(eq(actors.parentId, sourceId));
    await tx.execute(sql`insert into ${userActorScopes} (user_id, actor_id)
      select user_id, ${targetId} from ${userActorScopes} where actor_id = ${sourceId} on conflict do nothing`);
    await tx.delete(userActorScopes).where(eq(userActorScopes.actorId, sourceId));
    await moveUpdateRequests(tx, sourceId, targetId);
    await moveDirectoryLinks(tx, sourceId, targetId);
    const aliases = await tx.select({ alias: actorAliases.alias }).from(actorAliases).where(eq(actorAliases.actorId, sourceId));
    const moved = [...new Set([source.name, ...aliases.map((a) => a.alias)])].filter((a) => a.toLowerCase() !== target.name.toLowerCase());
    if (moved.length) await tx.insert(actorAliases).values(moved.map((alias) => ({ actorId: targetId, alias }))).onConflictDoNothing();
    await tx.delete(actorAliases).where(eq(actorAliases.actorId, sourceId));
    await tx.delete(actors).where(and(eq(actors.id, sourceId)));

    const comment = `Akteur „${source.name}“ mit „${target.name}“ zusammengeführt`;
    const snapshots = await loadMeasureSnapshots(tx, affected);
    await recordRevisions(tx, [
      { entityType: 'actor', entityId: sourceId, state: { ...source, mergedInto: targetId }, authorId: user.id, comment },
      { entityType: 'actor', entityId: targetId, state: { ...target, aliases: moved }, authorId: user.id, comment },
      ...[...snapshots].map(([id, state]) => ({ entityType: 'measure' as const, entityId: id, state, authorId: user.id, comment })),
    ]);
    await recordAudit(tx, { userId: user.id, action: 'vocabulary.mergeActors', entityType: 'actor', entityId: targetId, details: { sourceId, sourceName: source.name, measures: affected.length } });
    return { measures: new Set(affected).size };
  });
}

/**
 * Requests of calls for updates follow the merge: where the target was not asked in that
 * campaign the source's request becomes the target's; where both were asked, the source's
 * measures and answers join the target's request (the target's answer wins for a measure both
 * answered) and the source's request goes.
 */
async function moveUpdateRequests(tx: Db, sourceId: string, targetId: string): Promise<void> {
  await tx.execute(sql`update update_requests set actor_id = ${targetId}::uuid where actor_id = ${sourceId}::uuid
    and campaign_id not in (select campaign_id from update_requests where actor_id = ${targetId}::uuid)`);
  const both = sql`select s.id as source_request, t.id as target_request from update_requests s
    join update_requests t on t.campaign_id = s.campaign_id and t.actor_id = ${targetId}::uuid where s.actor_id = ${sourceId}::uuid`;
  await tx.execute(sql`update update_answers a set request_id = p.target_request from (${both}) p
    where a.request_id = p.source_request and (a.measure_id is null or not exists
      (select 1 from update_answers b where b.request_id = p.target_request and b.measure_id = a.measure_id))`);
  await tx.execute(sql`delete from update_answers a using (${both}) p where a.request_id = p.source_request`);
  await tx.execute(sql`update update_requests t set measure_ids = (select jsonb_agg(distinct v) from
      (select jsonb_array_elements_text(t.measure_ids) as v union select jsonb_array_elements_text(s.measure_ids)) u),
      recipients = greatest(t.recipients, s.recipients)
    from update_requests s where s.actor_id = ${sourceId}::uuid and t.campaign_id = s.campaign_id and t.actor_id = ${targetId}::uuid`);
  await tx.execute(sql`delete from update_requests where actor_id = ${sourceId}::uuid`);
}

/** Offers, events and networks (issue 17) name actors too: their links follow the merge (duplicates dropped). */
async function moveDirectoryLinks(tx: Db, sourceId: string, targetId: string): Promise<void> {
  for (const [table, key] of [
    ['offer_actors', 'offer_id'],
    ['event_actors', 'event_id'],
  ] as const) {
    await tx.execute(sql`insert into ${sql.raw(table)} (${sql.raw(key)}, actor_id, role, wording, position)
      select ${sql.raw(key)}, ${targetId}::uuid, role, wording, position from ${sql.raw(table)} where actor_id = ${sourceId}::uuid on conflict do nothing`);
    await tx.execute(sql`delete from ${sql.raw(table)} where actor_id = ${sourceId}::uuid`);
  }
  await tx.execute(sql`insert into network_members (network_id, actor_id, role, position)
    select network_id, ${targetId}::uuid, role, position from network_members where actor_id = ${sourceId}::uuid on conflict do nothing`);
  await tx.execute(sql`delete from network_members where actor_id = ${sourceId}::uuid`);
  await tx.execute(sql`update networks set actor_id = ${targetId}::uuid where actor_id = ${sourceId}::uuid`);
  await tx.execute(sql`update networks set lead_actor_id = ${targetId}::uuid where lead_actor_id = ${sourceId}::uuid`);
}
