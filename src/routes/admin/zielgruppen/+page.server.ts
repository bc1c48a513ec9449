/** /admin/zielgruppen: the target group vocabulary — list, create, rename (vocabulary.manage). */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission } from '$lib/server/web/kit';
import { createTargetGroup } from '$lib/server/editing/vocabulary/create-target-group';
import { renameTargetGroup } from '$lib/server/editing/vocabulary/rename-target-group';
import { listTargetGroups } from '$lib/server/editing/vocabulary/vocabulary-queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'vocabulary.manage');
  return { groups: await listTargetGroups(await getDb()), saved: event.url.searchParams.get('gespeichert'), edit: event.url.searchParams.get('bearbeiten') };
};

async function submit(event: RequestEvent, action: 'create' | 'rename') {
  const user = requirePermission(event, 'vocabulary.manage');
  const form = await event.request.formData();
  const values = { id: String(form.get('id') ?? ''), name: String(form.get('name') ?? ''), description: String(form.get('description') ?? '') };
  const result = await runAction(
    event,
    async () => {
      const db = await getDb();
      const input = { name: values.name, description: values.description };
      return action === 'create' ? createTargetGroup(db, user, input, { municipality: event.locals.municipality }) : renameTargetGroup(db, user, values.id, input);
    },
    { data: { action, values } },
  );
  if (isFailure(result)) return result;
  redirect(303, `/admin/zielgruppen?gespeichert=${action === 'create' ? 'created' : 'saved'}`);
}

export const actions: Actions = {
  create: (event) => submit(event, 'create'),
  rename: (event) => submit(event, 'rename'),
};
