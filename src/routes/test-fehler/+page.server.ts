import { error } from '@sveltejs/kit';
import { testRoutesEnabled } from '$lib/server/testing/e2e-switch';
import type { PageServerLoad } from './$types';

// Lets the end-to-end tests force an unexpected server error (to check that no internals leak).
// Exists only when the server runs for end-to-end tests (testRoutesEnabled); a 404 otherwise.
function enabled(): void {
  if (!testRoutesEnabled()) error(404, 'Seite nicht gefunden');
}

export const load: PageServerLoad = () => {
  enabled();
  throw new Error('Erzwungener Testfehler: geheime Interna /work/secret.ts:42');
};
