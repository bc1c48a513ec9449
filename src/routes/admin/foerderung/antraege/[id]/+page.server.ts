import { error, redirect } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { can } from '$lib/server/auth/policy';
import { NotFoundError } from '$lib/server/editing/errors';
import {
  askQuery,
  getApplication,
  linkApplicationToMeasure,
  listLinkableMeasures,
  markComplete,
  measurePublicPath,
  programmeBudget,
  recordDecision,
  recordPayment,
} from '$lib/server/funding/processing';
import { berlinToday } from '$lib/server/funding/applications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'funding.read');
  const db = await getDb();
  let found;
  try {
    found = await guard(event, () => getApplication(db, user, event.params.id));
  } catch (e) {
    if (e instanceof NotFoundError) error(404, 'Antrag nicht gefunden');
    throw e;
  }
  const mayManage = can(user, 'funding.manage');
  const app = found.application;
  return {
    ...found,
    budget: await programmeBudget(db, user, app.programmeId, app.budgetYear),
    mayManage,
    measures: mayManage && app.state === 'bewilligt' ? await listLinkableMeasures(db, user) : [],
    linked: app.measureId ? await measurePublicPath(db, app.measureId) : null,
    today: berlinToday(new Date()),
    done: event.url.searchParams.get('ok'),
  };
};

const back = (id: string, what: string) => redirect(303, `/admin/foerderung/antraege/${id}?ok=${what}`);

export const actions: Actions = {
  rueckfrage: async (event) => {
    const user = requirePermission(event, 'funding.manage');
    const form = await event.request.formData();
    const question = String(form.get('question') ?? '');
    const result = await runAction(event, async () => askQuery(await getDb(), user, event.params.id, question), { data: { form: 'query', values: { question } as Record<string, string> } });
    if (isFailure(result)) return result;
    back(event.params.id, 'rueckfrage');
  },
  vollstaendig: async (event) => {
    const user = requirePermission(event, 'funding.manage');
    const result = await runAction(event, async () => markComplete(await getDb(), user, event.params.id), { data: { form: 'complete', values: {} as Record<string, string> } });
    if (isFailure(result)) return result;
    back(event.params.id, 'vollstaendig');
  },
  entscheiden: async (event) => {
    const user = requirePermission(event, 'funding.manage');
    const form = await event.request.formData();
    const values = {
      outcome: String(form.get('outcome') ?? ''),
      amount: String(form.get('amount') ?? ''),
      decidedOn: String(form.get('decidedOn') ?? ''),
      body: String(form.get('body') ?? ''),
      reasons: String(form.get('reasons') ?? ''),
    };
    const confirmBudget = form.get('confirmBudget') !== null;
    const result = await runAction(event, async () => recordDecision(await getDb(), user, event.params.id, { ...values, confirmBudget }), {
      data: { form: 'decide', values: values as Record<string, string> },
    });
    if (isFailure(result)) return result;
    back(event.params.id, 'entschieden');
  },
  zuordnen: async (event) => {
    const user = requirePermission(event, 'funding.manage');
    const form = await event.request.formData();
    const measureId = String(form.get('measureId') ?? '');
    const result = await runAction(event, async () => linkApplicationToMeasure(await getDb(), user, event.params.id, measureId), {
      data: { form: 'link', values: { measureId } as Record<string, string> },
    });
    if (isFailure(result)) return result;
    back(event.params.id, 'zugeordnet');
  },
  auszahlung: async (event) => {
    const user = requirePermission(event, 'funding.manage');
    const form = await event.request.formData();
    const payment = String(form.get('payment') ?? '');
    const result = await runAction(event, async () => recordPayment(await getDb(), user, event.params.id, payment), { data: { form: 'payment', values: { payment } as Record<string, string> } });
    if (isFailure(result)) return result;
    back(event.params.id, 'ausgezahlt');
  },
};
