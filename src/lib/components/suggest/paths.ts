/** URLs of the suggestion, moderation, notification and task pages (one place, so routes can move). */
export const SUGGEST_PATH = '/vorschlagen';
export const SUGGEST_THANKS_PATH = '/vorschlagen/danke';
export const DASHBOARD_PATH = '/admin';
export const SUGGESTIONS_ADMIN_PATH = '/admin/vorschlaege';
export const NOTIFICATIONS_PATH = '/admin/benachrichtigungen';

export function suggestHref(catalogueSlug?: string | null): string {
  return catalogueSlug ? `${SUGGEST_PATH}?katalog=${encodeURIComponent(catalogueSlug)}` : SUGGEST_PATH;
}

export function suggestionAdminHref(id: string): string {
  return `${SUGGESTIONS_ADMIN_PATH}/${encodeURIComponent(id)}`;
}

/** The editing engineers' pages (back office). */
export function measureEditHref(measureId: string): string {
  return `/admin/massnahmen/${encodeURIComponent(measureId)}`;
}

export function changeRequestHref(changeRequestId: string): string {
  return `/admin/pruefung/${encodeURIComponent(changeRequestId)}`;
}

/** Review of a new measure submitted for publication. */
export function newMeasureReviewHref(measureId: string): string {
  return `/admin/pruefung/massnahme/${encodeURIComponent(measureId)}`;
}

/** Only paths inside the app are followed from notifications (never another site). */
export function safeInternalLink(link: string | null | undefined): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : null;
}
