import { getDb } from '$lib/server/web/kit';
import { getLegalText } from '$lib/server/legal/texts';
import type { PageServerLoad } from './$types';

/** The text written in the back office (Administration), or null: the page shows what is missing. */
export const load: PageServerLoad = async () => ({ page: 'datenschutz' as const, text: await getLegalText(await getDb(), 'datenschutz') });
