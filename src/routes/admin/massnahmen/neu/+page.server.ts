/** /admin/massnahmen/neu?katalog=…: a new measure (editors; contributors for their actors). */
import { error, redirect } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requireUser } from '$lib/server/web/kit';
import { can } from '$lib/server/auth/policy';
import { createMeasure } from '$lib/server/editing/measures/create-measure';
import { emptyFormValues, inputFromFormValues, measureFormFromData } from '$lib/server/editing/measures/form';
import { today } from '$lib/server/editing/measures/mark-reviewed';
import { editOptions, listCatalogueOptions } from '$lib/server/editing/measures/edit-context';
import type { Actions, PageServerLoad } from './$types';

function mayCreate(user: App.Locals['user']): boolean {
  return can(user, 'measure.create') || can(user, 'measure.create', { actorIds: user?.actorIds ?? [] });
}

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  if (!mayCreate(user)) error(403, 'Für diese Aktion fehlt Ihnen die Berechtigung.');
  const db = await getDb();
  const catalogues = await listCatalogueOptions(db);
  const catalogue = catalogues.find((c) => c.slug === event.url.searchParams.get('katalog')) ?? null;
  if (!catalogue) return { catalogues, catalogue: null, options: null, values: null, needsReview: user.role === 'beitragende', managesVocabulary: can(user, 'vocabulary.manage') };
  return {
    catalogues,
    catalogue,
    options: await editOptions(db, catalogue.id),
    values: emptyFormValues(catalogue.id, {
      actors: user.actorIds.map((actorId) => ({ actorId, role: 'verantwortlich' as const, wording: '' })),
    }),
    needsReview: user.role === 'beitragende',
    managesVocabulary: can(user, 'vocabulary.manage'),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const parsed = measureFormFromData(form);
    if (parsed.markReviewed) parsed.values.lastReviewedAt = today();
    const workflowState = parsed.intent === 'publish' ? 'veroeffentlicht' : parsed.intent === 'submit' ? 'in_pruefung' : 'entwurf';
    const created = await runAction(
      event,
      async () => createMeasure(await getDb(), user, inputFromFormValues(parsed.values), { comment: parsed.comment, workflowState }),
      { data: { values: parsed.values, comment: parsed.comment } },
    );
    if (isFailure(created)) return created;
    redirect(303, `/admin/massnahmen/${created.id}?gespeichert=${created.workflowState}`);
  },
};
