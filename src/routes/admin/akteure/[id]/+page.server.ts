/** /admin/akteure/[id]: rename an actor, manage its spellings, merge it into another actor. */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission } from '$lib/server/web/kit';
import { addActorAlias } from '$lib/server/editing/vocabulary/add-actor-alias';
import { mergeActors } from '$lib/server/editing/vocabulary/merge-actors';
import { removeActorAlias } from '$lib/server/editing/vocabulary/remove-actor-alias';
import { renameActor } from '$lib/server/editing/vocabulary/rename-actor';
import { getActor, listActors } from '$lib/server/editing/vocabulary/vocabulary-queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'vocabulary.manage');
  const db = await getDb();
  const actor = await getActor(db, event.params.id);
  if (!actor) error(404, 'Akteur nicht gefunden');
  const others = (await listActors(db)).filter((a) => a.id !== actor.id).map((a) => ({ id: a.id, name: a.name }));
  return { actor, others, saved: event.url.searchParams.get('gespeichert') };
};

async function run(event: RequestEvent, action: string, fn: (form: FormData) => Promise<unknown>, values?: (form: FormData) => Record<string, string>) {
  requirePermission(event, 'vocabulary.manage');
  const form = await event.request.formData();
  const result = await runAction(event, async () => void (await fn(form)), { data: { action, values: values?.(form) ?? {} }, notFound: 'page' });
  return isFailure(result) ? result : null;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
  rename: async (event) => {
    const user = event.locals.user!;
    const values = (f: FormData) => ({ name: text(f, 'name'), kind: text(f, 'kind'), parentId: text(f, 'parentId'), description: text(f, 'description') });
    const failed = await run(event, 'rename', async (f) => renameActor(await getDb(), user, event.params.id, values(f) as Parameters<typeof renameActor>[3]), values);
    if (failed) return failed;
    redirect(303, `/admin/akteure/${event.params.id}?gespeichert=saved`);
  },
  addAlias: async (event) => {
    const user = event.locals.user!;
    const failed = await run(event, 'addAlias', async (f) => addActorAlias(await getDb(), user, event.params.id, text(f, 'alias')), (f) => ({ alias: text(f, 'alias') }));
    if (failed) return failed;
    redirect(303, `/admin/akteure/${event.params.id}?gespeichert=saved`);
  },
  removeAlias: async (event) => {
    const user = event.locals.user!;
    const failed = await run(event, 'removeAlias', async (f) => removeActorAlias(await getDb(), user, event.params.id, text(f, 'alias')));
    if (failed) return failed;
    redirect(303, `/admin/akteure/${event.params.id}?gespeichert=saved`);
  },
  merge: async (event) => {
    const user = event.locals.user!;
    let target = '';
    const failed = await run(
      event,
      'merge',
      async (f) => {
        target = text(f, 'targetId');
        return mergeActors(await getDb(), user, event.params.id, target);
      },
      (f) => ({ targetId: text(f, 'targetId') }),
    );
    if (failed) return failed;
    redirect(303, `/admin/akteure/${target}?gespeichert=merged`);
  },
};
