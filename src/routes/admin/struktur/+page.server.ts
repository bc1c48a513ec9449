/**
 * /admin/struktur?katalog=…: the structure of a catalogue (Handlungsfelder, Leitziele,
 * Handlungsziele, dimensions …): create, rename, archive and restore nodes (structure.edit).
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, requirePermission } from '$lib/server/web/kit';
import { archiveNode } from '$lib/server/editing/nodes/archive-node';
import { createNode } from '$lib/server/editing/nodes/create-node';
import { renameNode } from '$lib/server/editing/nodes/rename-node';
import { restoreNode } from '$lib/server/editing/nodes/restore-node';
import { listCatalogueOptions } from '$lib/server/editing/measures/edit-context';
import { listStructure } from '$lib/server/editing/nodes/structure-queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'structure.edit');
  const db = await getDb();
  const catalogues = await listCatalogueOptions(db);
  const catalogue = catalogues.find((c) => c.slug === event.url.searchParams.get('katalog')) ?? catalogues[0] ?? null;
  return {
    catalogues,
    catalogue,
    nodes: catalogue ? await listStructure(db, catalogue.id) : [],
    edit: event.url.searchParams.get('bearbeiten'),
    saved: event.url.searchParams.get('gespeichert') === '1',
  };
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

async function submit(event: RequestEvent, action: string, fn: (form: FormData) => Promise<unknown>) {
  requirePermission(event, 'structure.edit');
  const form = await event.request.formData();
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const result = await runAction(event, async () => void (await fn(form)), { data: { action, values } });
  if (isFailure(result)) return result;
  redirect(303, `/admin/struktur?katalog=${encodeURIComponent(text(form, 'katalog'))}&gespeichert=1`);
}

export const actions: Actions = {
  create: (event) =>
    submit(event, 'create', async (f) =>
      createNode(await getDb(), event.locals.user!, {
        catalogueId: text(f, 'catalogueId'),
        parentId: text(f, 'parentId'),
        type: text(f, 'type') as Parameters<typeof createNode>[2]['type'],
        code: text(f, 'code'),
        title: text(f, 'title'),
        body: text(f, 'body'),
      }),
    ),
  rename: (event) =>
    submit(event, 'rename', async (f) =>
      renameNode(await getDb(), event.locals.user!, text(f, 'id'), { code: text(f, 'code'), title: text(f, 'title'), body: text(f, 'body') }),
    ),
  archive: (event) => submit(event, 'archive', async (f) => archiveNode(await getDb(), event.locals.user!, text(f, 'id'))),
  restore: (event) => submit(event, 'restore', async (f) => restoreNode(await getDb(), event.locals.user!, text(f, 'id'))),
};
