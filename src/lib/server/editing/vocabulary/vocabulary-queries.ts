/** Read side of the vocabulary pages: actors (with spellings and measure counts) and target groups. */
import { asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { actorAliases, actors, measureActors, measureTargetGroups, targetGroups, type ActorKind } from '../../db/schema';
import { isUuid } from '../../text/uuid';

export interface ActorListItem {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  measures: number;
}

export async function listActors(db: Db, q = ''): Promise<ActorListItem[]> {
  const text = q.trim().slice(0, 200);
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({
      id: actors.id,
      name: actors.name,
      kind: actors.kind,
      aliases: sql<string[]>`coalesce((select array_agg(a.alias order by a.alias) from ${actorAliases} a where a.actor_id = actors.id), '{}')`,
      measures: sql<number>`(select count(distinct ma.measure_id)::int from ${measureActors} ma where ma.actor_id = actors.id)`,
    })
    .from(actors)
    .where(
      text
        ? or(
            ilike(actors.name, pattern),
            sql`exists (select 1 from ${actorAliases} a where a.actor_id = actors.id and a.alias ilike ${pattern})`,
          )
        : undefined,
    )
    .orderBy(asc(actors.name));
  return rows.map((r) => ({ ...r, aliases: r.aliases ?? [], measures: Number(r.measures) }));
}

export interface ActorDetail extends ActorListItem {
  slug: string;
  parentId: string | null;
  description: string | null;
}

export async function getActor(db: Db, id: string): Promise<ActorDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(actors).where(eq(actors.id, id));
  if (!row) return null;
  const [aliases, [count]] = await Promise.all([
    db.select({ alias: actorAliases.alias }).from(actorAliases).where(eq(actorAliases.actorId, id)).orderBy(asc(actorAliases.alias)),
    db.select({ n: sql<number>`count(distinct ${measureActors.measureId})::int` }).from(measureActors).where(eq(measureActors.actorId, id)),
  ]);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    parentId: row.parentId,
    description: row.description,
    aliases: aliases.map((a) => a.alias),
    measures: Number(count?.n ?? 0),
  };
}

export async function listTargetGroups(db: Db) {
  const rows = await db
    .select({
      id: targetGroups.id,
      name: targetGroups.name,
      slug: targetGroups.slug,
      description: targetGroups.description,
      measures: sql<number>`(select count(*)::int from ${measureTargetGroups} m where m.target_group_id = target_groups.id)`,
    })
    .from(targetGroups)
    .orderBy(asc(targetGroups.name));
  return rows.map((r) => ({ ...r, measures: Number(r.measures) }));
}
