import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { NotFoundError } from '$lib/server/editing/errors';
import { getProgrammeBySlug } from '$lib/server/funding/programmes';
import { submitApplication } from '$lib/server/funding/applications';
import { emptyApplicationForm, readApplicationForm } from '$lib/server/funding/application-input';
import { newSuggestionFormToken } from '$lib/server/suggestions/submit-suggestion';
import type { Actions, PageServerLoad } from './$types';

async function programmeOr404(slug: string, municipality: string) {
  try {
    return await getProgrammeBySlug(await getDb(), municipality, slug);
  } catch (e) {
    if (e instanceof NotFoundError) error(404, 'Förderprogramm nicht gefunden');
    throw e;
  }
}

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
  const p = await programmeOr404(params.programm, locals.municipality);
  // The form carries a fresh signed timestamp: never cached.
  setHeaders({ 'cache-control': 'no-store' });
  return {
    programme: {
      slug: p.slug,
      title: p.title,
      funder: p.funder,
      decidingBody: p.decidingBody,
      annualBudgetCents: p.annualBudgetCents,
      capCents: p.capCents,
      areas: p.areas,
      costTypes: p.costTypes,
      criteria: p.criteria,
      guidelines: p.guidelines,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      applicationDeadline: p.applicationDeadline,
      acceptsApplications: p.acceptsApplications,
      retentionDays: p.retentionDays,
      source: p.source,
    },
    values: emptyApplicationForm(),
    token: await newSuggestionFormToken(await getDb()),
  };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const db = await getDb();
    const programme = await programmeOr404(params.programm, locals.municipality);
    const submission = readApplicationForm(await request.formData());
    const result = await submitApplication(db, programme, submission, { clientAddress: getClientAddress() });
    if (result.status === 'created') redirect(303, `/foerderung/antrag/${result.token}?eingereicht=${encodeURIComponent(result.reference)}`);
    if (result.status === 'ignored') redirect(303, '/foerderung');
    // Everything typed comes back (never the honeypot), with a fresh timestamp.
    const token = await newSuggestionFormToken(db);
    if (result.status === 'invalid') return fail(400, { values: submission.values, errors: result.errors, message: null, token });
    return fail(400, { values: submission.values, errors: {} as Record<string, string>, message: result.message, token });
  },
};
