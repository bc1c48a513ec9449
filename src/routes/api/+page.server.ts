/** /api: the REST API v1 described for people, rendered on the server from the OpenAPI document. */
import { buildDocsView } from '$lib/server/api/docs-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ docs: buildDocsView() });
