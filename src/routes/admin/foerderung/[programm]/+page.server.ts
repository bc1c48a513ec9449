import { error } from '@sveltejs/kit';
import { isFailure, runAction } from '$lib/server/web/form-failure';
import { getDb, guard, requirePermission } from '$lib/server/web/kit';
import { can } from '$lib/server/auth/policy';
import { NotFoundError } from '$lib/server/editing/errors';
import { getProgrammeBySlug, updateProgrammeTexts } from '$lib/server/funding/programmes';
import { listApplications, programmeBudget } from '$lib/server/funding/processing';
import { fundingReport } from '$lib/server/funding/reports';
import { fundingChartView } from '$lib/server/funding/chart';
import { berlinToday } from '$lib/server/funding/applications';
import type { Actions, PageServerLoad } from './$types';

async function programmeOr404(slug: string, municipality: string) {
  try {
    return await getProgrammeBySlug(await getDb(), municipality, slug);
  } catch (e) {
    if (e instanceof NotFoundError) error(404, 'Förderprogramm nicht gefunden');
    throw e;
  }
}

export const load: PageServerLoad = async (event) => {
  const user = requirePermission(event, 'funding.read');
  const db = await getDb();
  const p = await programmeOr404(event.params.programm, event.locals.municipality);
  const y = Number.parseInt(event.url.searchParams.get('jahr') ?? '', 10);
  const year = y >= 2000 && y <= 2100 ? y : Number(berlinToday(new Date()).slice(0, 4));
  const [budget, applications, report] = await guard(event, () =>
    Promise.all([programmeBudget(db, user, p.id, year), listApplications(db, user, p.id, year), fundingReport(db, user, p.id, year)]),
  );
  return {
    year,
    programme: {
      id: p.id,
      slug: p.slug,
      title: p.title,
      guidelines: p.guidelines,
      criteria: p.criteria,
      applicationDeadline: p.applicationDeadline,
      acceptsApplications: p.acceptsApplications,
      version: p.version,
    },
    budget,
    applications,
    report,
    chart: fundingChartView(report, year, event.locals.locale),
    mayManage: can(user, 'funding.manage'),
    saved: event.url.searchParams.get('gespeichert'),
  };
};

export const actions: Actions = {
  richtlinien: async (event) => {
    const user = requirePermission(event, 'funding.manage');
    const p = await programmeOr404(event.params.programm, event.locals.municipality);
    const form = await event.request.formData();
    const values = {
      guidelines: String(form.get('guidelines') ?? ''),
      criteria: String(form.get('criteria') ?? ''),
      applicationDeadline: String(form.get('applicationDeadline') ?? ''),
      acceptsApplications: form.get('acceptsApplications') !== null,
      version: String(form.get('version') ?? ''),
      comment: String(form.get('comment') ?? ''),
    };
    const result = await runAction(event, async () => updateProgrammeTexts(await getDb(), user, p.id, values), { data: { values } });
    if (isFailure(result)) return result;
    return { values: null, errors: {}, message: null, savedVersion: result.version };
  },
};
