/** GET /jahresrueckblick/<year>/pdf: the generated review as PDF, typeset by the editions' Typst path. */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { buildYearReview, yearReviewPrintDocument } from '$lib/server/events/year-review';
import { renderPdf } from '$lib/server/exports/pdf/render';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
  const year = Number(params.year);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) error(404, 'Jahr nicht gefunden');
  const review = await buildYearReview(await getDb(), locals.municipality, year);
  if (!review) error(404, 'Jahr nicht gefunden');
  const rendered = await renderPdf(yearReviewPrintDocument(review, locals.locale));
  return new Response(new Uint8Array(rendered.pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="jahresrueckblick-${year}.pdf"`,
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    },
  });
};
