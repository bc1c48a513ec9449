import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { listProgrammes } from '$lib/server/funding/programmes';
import { programmeBudget } from '$lib/server/funding/processing';
import { countDependingOnFunding } from '$lib/server/funding/measure-funding';
import { berlinToday } from '$lib/server/funding/applications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'funding.read');
  const db = await getDb();
  const year = readYear(event.url);
  const programmes = await listProgrammes(db, event.locals.municipality);
  const budgets = await guard(event, () => Promise.all(programmes.map((p) => programmeBudget(db, user, p.id, year))));
  return {
    year,
    programmes: programmes.map((p, i) => ({ slug: p.slug, title: p.title, budget: budgets[i]! })),
    depending: await countDependingOnFunding(db),
  };
};

function readYear(url: URL): number {
  const y = Number.parseInt(url.searchParams.get('jahr') ?? '', 10);
  return y >= 2000 && y <= 2100 ? y : Number(berlinToday(new Date()).slice(0, 4));
}
