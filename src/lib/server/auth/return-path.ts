/** `?weiter=` return paths after login: only local paths, never another site. */

const FALLBACK = '/admin';

/**
 * A safe local path to continue to, or the fallback. Refuses absolute URLs, protocol-relative
 * ("//evil.example"), backslash tricks ("/\\evil.example"), control characters, and the login
 * and logout pages themselves.
 */
export function safeReturnPath(value: string | null | undefined, fallback = FALLBACK): string {
  if (!value || value.length > 1000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, 'http://vielfalt.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://vielfalt.invalid') return fallback;
  if (['/anmelden', '/abmelden', '/einrichtung'].includes(url.pathname) || url.pathname.startsWith('/einladung/')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The return path for a request: its path and query without SvelteKit's action parameter (`?/name`). */
export function returnPathOf(url: URL): string {
  const params = new URLSearchParams(url.search);
  for (const key of [...params.keys()]) if (key.startsWith('/')) params.delete(key);
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}

export function loginPath(returnTo: string): string {
  return `/anmelden?weiter=${encodeURIComponent(returnTo)}`;
}
