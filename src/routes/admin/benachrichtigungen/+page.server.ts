import { fail } from '@sveltejs/kit';
import { getDb, requireUser } from '$lib/server/web/kit';
import { listNotifications, markAllRead, markRead, unreadCount } from '$lib/server/notifications/inbox';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const db = await getDb();
  const page = Math.max(1, Number.parseInt(event.url.searchParams.get('seite') ?? '1', 10) || 1);
  const { items, total } = await listNotifications(db, user.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return { items, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), unread: await unreadCount(db, user.id) };
};

export const actions: Actions = {
  /** One notification (only the user's own). */
  gelesen: async (event) => {
    const user = requireUser(event);
    const id = String((await event.request.formData()).get('id') ?? '');
    if (!(await markRead(await getDb(), user.id, id))) return fail(404, { marked: null, notFound: true });
    return { marked: 1, notFound: false };
  },
  alleGelesen: async (event) => {
    const user = requireUser(event);
    return { marked: await markAllRead(await getDb(), user.id), all: true, notFound: false };
  },
};
