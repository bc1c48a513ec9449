import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { can } from '$lib/server/auth/policy';
import { listSuggestions, type SuggestionFilter } from '$lib/server/suggestions/moderation';
import { getRetentionDays, setRetentionDays } from '$lib/server/suggestions/settings';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'suggestion.moderate');
  const db = await getDb();
  const filter: SuggestionFilter = event.url.searchParams.get('status') === 'entschieden' ? 'entschieden' : 'neu';
  const page = Math.max(1, Number.parseInt(event.url.searchParams.get('seite') ?? '1', 10) || 1);
  const result = await guard(event, () => listSuggestions(db, user, { filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  const mayManageSettings = can(user, 'settings.manage');
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
    items: result.items,
    counts: result.counts,
    retentionDays: mayManageSettings ? await getRetentionDays(db) : null,
  };
};

export const actions: Actions = {
  /** Administrators: how long submitters' contact data is kept. */
  aufbewahrung: async (event) => {
    const user = requirePermission(event, 'settings.manage');
    const form = await event.request.formData();
    const value = String(form.get('retentionDays') ?? '');
    const result = await runAction(event, async () => setRetentionDays(await getDb(), user.id, value), { data: { retention: { value, saved: false } } });
    if (isFailure(result)) return result;
    return { retention: { value, saved: true } };
  },
};
