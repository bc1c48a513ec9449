import { getDb, requireUser } from '$lib/server/web/kit';
import { loadMyTasks } from '$lib/server/dashboard/my-tasks';
import type { PageServerLoad } from './$types';

/** "Meine Aufgaben": every signed-in user; each section only if the policy allows it. */
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  return { tasks: await loadMyTasks(await getDb(), user) };
};
