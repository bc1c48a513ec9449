import { getDb } from '$lib/server/web/kit';
import { getAccessibilityStatement } from '$lib/server/accessibility/statement';
import type { PageServerLoad } from './$types';

/** Erklärung zur Barrierefreiheit: the administrators' text, the date of its last review, feedback and enforcement. */
export const load: PageServerLoad = async () => ({ statement: await getAccessibilityStatement(await getDb()) });
