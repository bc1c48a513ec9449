import { error, redirect } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { can } from '$lib/server/auth/policy';
import { NotFoundError } from '$lib/server/editing/errors';
import { addMeasureFunding, measureFundingRecords, removeMeasureFunding } from '$lib/server/funding/measure-funding';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'funding.read');
  try {
    const found = await guard(event, async () => measureFundingRecords(await getDb(), user, event.params.id));
    return { ...found, mayManage: can(user, 'funding.manage'), done: event.url.searchParams.get('ok') };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, 'Maßnahme nicht gefunden');
    throw e;
  }
};

export const actions: Actions = {
  hinzufuegen: async (event) => {
    const user = requirePermission(event, 'funding.manage');
    const form = await event.request.formData();
    const text = (k: string) => String(form.get(k) ?? '');
    const values = {
      funder: text('funder'),
      programmeId: text('programmeId'),
      amount: text('amount'),
      securedUntil: text('securedUntil'),
      renewal: text('renewal'),
      caveat: text('caveat'),
    };
    const input = { ...values, dependsOnFunding: form.get('dependsOnFunding') !== null, isPublic: form.get('isPublic') !== null };
    const result = await runAction(event, async () => addMeasureFunding(await getDb(), user, event.params.id, input), { data: { values: values as Record<string, string> } });
    if (isFailure(result)) return result;
    redirect(303, `/admin/foerderung/massnahme/${event.params.id}?ok=hinzugefuegt`);
  },
  entfernen: async (event) => {
    const user = requirePermission(event, 'funding.manage');
    const form = await event.request.formData();
    const fundingId = String(form.get('fundingId') ?? '');
    const result = await runAction(event, async () => removeMeasureFunding(await getDb(), user, event.params.id, fundingId), { data: { values: {} as Record<string, string> } });
    if (isFailure(result)) return result;
    redirect(303, `/admin/foerderung/massnahme/${event.params.id}?ok=entfernt`);
  },
};
