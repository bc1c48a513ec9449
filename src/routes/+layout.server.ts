import { LOCALES, dirOf } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
  locale: locals.locale,
  dir: dirOf(locals.locale),
  locales: LOCALES.map(({ code, name }) => ({ code, name })),
  /** For the footer's "Anmelden" / "Redaktionsbereich" link. */
  signedIn: Boolean(locals.user),
});
