import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { fundingEndingWithin } from '$lib/server/funding/measure-funding';
import { berlinToday } from '$lib/server/funding/applications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'funding.read');
  const m = Number.parseInt(event.url.searchParams.get('monate') ?? '', 10);
  const months = m >= 1 && m <= 60 ? m : 6;
  const items = await guard(event, async () => fundingEndingWithin(await getDb(), user, months, berlinToday(new Date())));
  return { months, items };
};
