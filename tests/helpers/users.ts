/** Test data for the auth module's database tests (not used by the app). */
import type { Db } from '../../src/lib/server/db/connection';
import { actors, municipalities } from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/policy';
import { createUser, loadSessionUser } from '../../src/lib/server/auth/users';

export const PASSWORD = 'Grüne Bäume am Kanal 2026';

let counter = 0;

export async function makeActor(db: Db, name = `Akteur ${++counter}`): Promise<string> {
  let [m] = await db.select({ id: municipalities.id }).from(municipalities).limit(1);
  if (!m) [m] = await db.insert(municipalities).values({ slug: 'herne', name: 'Herne' }).returning({ id: municipalities.id });
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const [a] = await db.insert(actors).values({ municipalityId: m!.id, name, slug }).returning({ id: actors.id });
  return a!.id;
}

export async function makeUser(
  db: Db,
  role: SessionUser['role'],
  options: { email?: string; actorIds?: string[]; password?: string } = {},
): Promise<SessionUser> {
  const email = options.email ?? `${role}-${++counter}@herne.de`;
  const { id } = await createUser(db, { email, role, password: options.password ?? PASSWORD, actorIds: options.actorIds }, { label: 'Test' });
  return (await loadSessionUser(db, id))!;
}
