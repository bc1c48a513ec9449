import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { getRetentionDays } from '$lib/server/suggestions/settings';
import { listSuggestableCatalogues, newSuggestionFormToken, submitSuggestion } from '$lib/server/suggestions/submit-suggestion';
import { EMPTY_SUGGESTION_FORM, readSuggestionForm } from '$lib/server/suggestions/suggestion-input';
import { SUGGEST_THANKS_PATH } from '$lib/components/suggest/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, setHeaders, locals }) => {
  const db = await getDb();
  const catalogues = await listSuggestableCatalogues(db, locals.municipality);
  const preselected = catalogues.find((c) => c.slug === url.searchParams.get('katalog'))?.id ?? '';
  // The form carries a fresh signed timestamp: never serve it from a cache.
  setHeaders({ 'cache-control': 'no-store' });
  return {
    catalogues: catalogues.map(({ id, title }) => ({ id, title })),
    values: { ...EMPTY_SUGGESTION_FORM, catalogueId: preselected },
    token: await newSuggestionFormToken(db),
    retentionDays: await getRetentionDays(db),
  };
};

export const actions: Actions = {
  default: async ({ request, getClientAddress, locals }) => {
    const db = await getDb();
    const submission = readSuggestionForm(await request.formData());
    const result = await submitSuggestion(db, submission, { clientAddress: getClientAddress(), municipality: locals.municipality });
    if (result.status === 'created' || result.status === 'ignored') redirect(303, SUGGEST_THANKS_PATH);
    // Everything typed comes back (never the honeypot), with a fresh timestamp for the next try.
    const token = await newSuggestionFormToken(db);
    if (result.status === 'invalid') return fail(400, { values: submission.values, errors: result.errors, message: null, token });
    return fail(result.reason === 'rateLimited' ? 429 : 400, {
      values: submission.values,
      errors: {} as Record<string, string>,
      message: result.message,
      token,
    });
  },
};
