/**
 * /admin/ausgaben?katalog=…: the frozen editions of a catalogue and the form that freezes the
 * next one (edition.freeze: Redaktion and Administration).
 */
import { fail, redirect } from '@sveltejs/kit';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { actionFailure } from '$lib/server/editing/action-errors';
import { listCatalogueOptions } from '$lib/server/editing/measures/edit-context';
import { freezeEdition, listEditions } from '$lib/server/editions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'edition.freeze');
  const db = await getDb();
  const catalogues = await listCatalogueOptions(db);
  const catalogue = catalogues.find((c) => c.slug === event.url.searchParams.get('katalog')) ?? catalogues[0] ?? null;
  return {
    catalogues,
    catalogue,
    editions: catalogue ? await listEditions(db, catalogue.id) : [],
    frozen: event.url.searchParams.get('eingefroren'),
  };
};

export const actions: Actions = {
  freeze: async (event) => {
    const user = requirePermission(event, 'edition.freeze');
    const form = await event.request.formData();
    const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    let label: string;
    try {
      const edition = await guard(event, async () =>
        freezeEdition(await getDb(), user, {
          catalogueId: values.catalogueId ?? '',
          label: values.label ?? '',
          standDate: values.standDate ?? '',
          foreword: values.foreword,
          note: values.note,
        }),
      );
      label = edition.label;
    } catch (e) {
      const failure = actionFailure(e);
      if (!failure) throw e;
      return fail(failure.status, { values, errors: failure.errors, message: failure.message });
    }
    redirect(303, `/admin/ausgaben?katalog=${encodeURIComponent(values.katalog ?? '')}&eingefroren=${encodeURIComponent(label)}`);
  },
};
