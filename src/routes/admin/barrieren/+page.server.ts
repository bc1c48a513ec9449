/** /admin/barrieren: barriers reported by the public (BITV feedback), moderated by Redaktion and Administration. */
import { redirect } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission, requireUser } from '$lib/server/web/kit';
import { listBarrierReports, resolveBarrierReport } from '$lib/server/accessibility/barrier-reports';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'suggestion.moderate');
  return { reports: await listBarrierReports(await getDb(), user, event.locals.municipality), resolved: event.url.searchParams.has('erledigt') };
};

export const actions: Actions = {
  resolve: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const resolution = String(form.get('resolution') ?? '');
    const result = await runAction(event, async () => resolveBarrierReport(await getDb(), user, id, resolution), { data: { id, resolution } });
    if (isFailure(result)) return result;
    redirect(303, '/admin/barrieren?erledigt=1');
  },
};
