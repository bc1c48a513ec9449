/**
 * The back office: every page below /admin needs a signed-in user (else → /anmelden?weiter=…).
 * Pages and form actions still check their own permission (`requirePermission`): a layout's
 * load does not protect actions.
 */
import { getDb, requireUser } from '$lib/server/web/kit';
import { adminNavFor } from '$lib/server/auth/navigation';
import { unreadCount } from '$lib/server/notifications/inbox';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const user = requireUser(event);
  event.setHeaders({ 'cache-control': 'private, no-store' });
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, actorIds: user.actorIds },
    nav: adminNavFor(user),
    unread: await unreadCount(await getDb(), user.id),
  };
};
