/**
 * /admin/import: update measures from an edited CSV/XLSX export (measure.import: Redaktion,
 * Administration). Two steps without JavaScript: "vorschau" reads the upload and shows the
 * changes field by field (nothing written); "uebernehmen" posts the same file back (carried in
 * a hidden field) and applies it in one transaction — re-checked, so edits made in between
 * are reported as conflicts.
 */
import { fail } from '@sveltejs/kit';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { listCatalogues } from '$lib/server/catalogue/queries';
import { applyTableImport, previewTableImport } from '$lib/server/exports/tabular/import';
import { MAX_TABLE_BYTES, readTable, TableReadError } from '$lib/server/exports/tabular/read';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'measure.import');
  const catalogues = await listCatalogues(await getDb(), event.locals.municipality);
  return { catalogues: catalogues.map((c) => ({ slug: c.slug, title: c.title })) };
};

async function fileBytes(form: FormData): Promise<Uint8Array | null> {
  const upload = form.get('datei');
  if (upload instanceof File && upload.size > 0) return new Uint8Array(await upload.arrayBuffer());
  const carried = form.get('inhalt');
  if (typeof carried === 'string' && carried) return new Uint8Array(Buffer.from(carried, 'base64url'));
  return null;
}

export const actions: Actions = {
  vorschau: async (event) => {
    const user = requirePermission(event, 'measure.import');
    const form = await event.request.formData();
    const comment = String(form.get('kommentar') ?? '');
    const bytes = await fileBytes(form);
    if (!bytes) return fail(400, { step: 'upload' as const, comment, message: 'noFile' as const });
    if (bytes.length > MAX_TABLE_BYTES) return fail(413, { step: 'upload' as const, comment, readError: 'Die Datei ist zu groß (höchstens 5 MB).' });
    try {
      const table = await readTable(bytes);
      const preview = await guard(event, async () => previewTableImport(await getDb(), user, table));
      return { step: 'preview' as const, comment, preview, content: Buffer.from(bytes).toString('base64url') };
    } catch (e) {
      if (e instanceof TableReadError) return fail(400, { step: 'upload' as const, comment, readError: e.message });
      throw e;
    }
  },
  uebernehmen: async (event) => {
    const user = requirePermission(event, 'measure.import');
    const form = await event.request.formData();
    const comment = String(form.get('kommentar') ?? '');
    const bytes = await fileBytes(form);
    if (!bytes) return fail(400, { step: 'upload' as const, comment, message: 'noFile' as const });
    try {
      const table = await readTable(bytes);
      const result = await guard(event, async () => applyTableImport(await getDb(), user, table, { comment }));
      if (result.status === 'rejected')
        return fail(409, { step: 'preview' as const, comment, preview: result.preview, content: Buffer.from(bytes).toString('base64url') });
      return { step: 'done' as const, comment: '', updated: result.updated, preview: result.preview };
    } catch (e) {
      if (e instanceof TableReadError) return fail(400, { step: 'upload' as const, comment, readError: e.message });
      throw e;
    }
  },
};
