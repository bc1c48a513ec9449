/**
 * The applicant's private link: status, queries and answers, the decision. The token names one
 * application; an unknown token is a 404 like any missing page.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { answerQuery, applicationByToken } from '$lib/server/funding/applications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store' });
  const view = await applicationByToken(await getDb(), params.token);
  if (!view) error(404, 'Dieser Link ist ungültig.');
  return {
    application: view,
    submitted: url.searchParams.has('eingereicht'),
    answered: url.searchParams.has('beantwortet'),
    link: `${url.origin}${url.pathname}`,
  };
};

export const actions: Actions = {
  antworten: async ({ params, request }) => {
    const form = await request.formData();
    const answer = String(form.get('answer') ?? '');
    const result = await answerQuery(await getDb(), params.token, answer);
    if (result.status === 'notFound') error(404, 'Dieser Link ist ungültig.');
    if (result.status === 'invalid') return fail(400, { answer, errors: result.errors });
    redirect(303, `/foerderung/antrag/${params.token}?beantwortet=1`);
  },
};
