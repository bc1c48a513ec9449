/**
 * /admin/api-schluessel: the signed-in user's personal API tokens — create (shown once, in the
 * action's answer only, never in a URL), list, revoke. Every signed-in user may have tokens;
 * they act with the owner's role (policy.ts decides each call).
 */
import { fail } from '@sveltejs/kit';
import { getDb, requireUser } from '$lib/server/web/kit';
import { actionFailure } from '$lib/server/editing/action-errors';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/api/tokens';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  // The admin layout already sends `cache-control: private, no-store`.
  const user = requireUser(event);
  return { tokens: await listApiTokens(await getDb(), user) };
};

export const actions: Actions = {
  create: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const name = String(form.get('name') ?? '');
    try {
      const { token, summary } = await createApiToken(await getDb(), user, { name });
      return { action: 'create' as const, token, name: summary.name };
    } catch (e) {
      const failure = actionFailure(e);
      if (!failure) throw e;
      return fail(failure.status, { action: 'create' as const, values: { name }, errors: failure.errors, message: failure.message });
    }
  },
  revoke: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    try {
      await revokeApiToken(await getDb(), user, String(form.get('id') ?? ''));
      return { action: 'revoke' as const, revoked: true };
    } catch (e) {
      const failure = actionFailure(e);
      if (!failure) throw e;
      return fail(failure.status, { action: 'revoke' as const, values: {}, errors: failure.errors, message: failure.message });
    }
  },
};
