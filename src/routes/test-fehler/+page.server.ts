import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// Lets the end-to-end tests force an unexpected server error (to check that no internals leak).
// Exists only when the server runs for end-to-end tests (VIELFALT_E2E=1); a 404 otherwise.
export const load: PageServerLoad = () => {
  if (process.env.VIELFALT_E2E !== '1') error(404, 'Seite nicht gefunden');
  throw new Error('Erzwungener Testfehler: geheime Interna /work/secret.ts:42');
};
