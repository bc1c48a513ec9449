/** /admin/akteure: actors with their spellings; create an actor (vocabulary.manage). */
import { redirect } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission } from '$lib/server/web/kit';
import { createActor } from '$lib/server/editing/vocabulary/create-actor';
import { listActors } from '$lib/server/editing/vocabulary/vocabulary-queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'vocabulary.manage');
  const q = event.url.searchParams.get('q') ?? '';
  const db = await getDb();
  const [list, all] = await Promise.all([listActors(db, q), q ? listActors(db) : null]);
  return { q, actors: list, parents: (all ?? list).map((a) => ({ id: a.id, name: a.name })) };
};

export const actions: Actions = {
  create: async (event) => {
    const user = requirePermission(event, 'vocabulary.manage');
    const form = await event.request.formData();
    const values = {
      name: String(form.get('name') ?? ''),
      kind: String(form.get('kind') ?? 'unbekannt'),
      parentId: String(form.get('parentId') ?? ''),
      description: String(form.get('description') ?? ''),
    };
    const created = await runAction(event, async () => createActor(await getDb(), user, values as Parameters<typeof createActor>[2], { municipality: event.locals.municipality }), { data: { values } });
    if (isFailure(created)) return created;
    redirect(303, `/admin/akteure/${created.id}?gespeichert=created`);
  },
};
