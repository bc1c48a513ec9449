/**
 * /admin/abfragen: calls for updates (campaigns). Redaktion starts one per catalogue here;
 * contributors see the campaigns that ask their actors, the steering group reads them.
 */
import { redirect } from '@sveltejs/kit';
import { can } from '$lib/server/auth/policy';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission, requireUser } from '$lib/server/web/kit';
import { listCampaigns } from '$lib/server/campaigns/queries';
import { startCampaign } from '$lib/server/campaigns/start-campaign';
import { campaignPath } from '$lib/server/campaigns/paths';
import { addMonths, todayOf } from '$lib/server/review/due';
import { listSuggestableCatalogues } from '$lib/server/suggestions/submit-suggestion';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'draft.read');
  const db = await getDb();
  const contributor = user.role === 'beitragende';
  const canStart = can(user, 'campaign.manage');
  // The municipality's catalogues (the same list the suggestion form offers).
  const catalogues = canStart ? await listSuggestableCatalogues(db, event.locals.municipality) : [];
  return {
    campaigns: await listCampaigns(db, event.locals.municipality, contributor ? user.actorIds : null),
    contributor,
    canStart,
    catalogues: catalogues.map((c) => ({ id: String(c.id), title: String(c.title) })),
    // A month to answer is what the diversity catalogue's yearly call gives.
    defaultDeadline: addMonths(todayOf(new Date()), 1),
  };
};

export const actions: Actions = {
  start: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const values = {
      catalogueId: String(form.get('catalogueId') ?? ''),
      title: String(form.get('title') ?? ''),
      message: String(form.get('message') ?? ''),
      deadline: String(form.get('deadline') ?? ''),
    };
    const result = await runAction(event, async () => startCampaign(await getDb(), user, values, { municipality: event.locals.municipality }), {
      data: { values },
    });
    if (isFailure(result)) return result;
    redirect(303, `${campaignPath(result.id)}?gestartet=1`);
  },
};
