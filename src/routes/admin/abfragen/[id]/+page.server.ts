/**
 * /admin/abfragen/[id]: who has answered a call for updates. Redaktion reminds those who have
 * not and closes the campaign; contributors see their own requests and open them to answer.
 */
import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/auth/policy';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission, requireUser } from '$lib/server/web/kit';
import { campaignDetail } from '$lib/server/campaigns/queries';
import { closeCampaign, remindUnanswered } from '$lib/server/campaigns/start-campaign';
import { campaignPath } from '$lib/server/campaigns/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'draft.read');
  const contributor = user.role === 'beitragende';
  const campaign = await campaignDetail(await getDb(), event.locals.municipality, event.params.id, contributor ? user.actorIds : null);
  if (!campaign || (contributor && !campaign.requestsList.length)) error(404, 'Diese Abfrage gibt es nicht.');
  const reminded = event.url.searchParams.get('erinnert');
  return {
    campaign,
    contributor,
    canManage: can(user, 'campaign.manage'),
    canAnswer: can(user, 'campaign.answer'),
    started: event.url.searchParams.has('gestartet'),
    reminded: reminded !== null && /^\d{1,6}$/.test(reminded) ? Number(reminded) : null,
    closed: event.url.searchParams.has('geschlossen'),
  };
};

export const actions: Actions = {
  remind: async (event) => {
    const user = requireUser(event);
    const result = await runAction(event, async () => remindUnanswered(await getDb(), user, event.params.id), { data: { action: 'remind' } });
    if (isFailure(result)) return result;
    redirect(303, `${campaignPath(event.params.id)}?erinnert=${result.people}`);
  },
  close: async (event) => {
    const user = requireUser(event);
    const result = await runAction(event, async () => closeCampaign(await getDb(), user, event.params.id), { data: { action: 'close' } });
    if (isFailure(result)) return result;
    redirect(303, `${campaignPath(event.params.id)}?geschlossen=1`);
  },
};
