/**
 * Response headers every answer carries (the CSP comes from svelte.config.js). HSTS only when the
 * site is reached over TLS: the request URL is https when ORIGIN says so or when adapter-node's
 * PROTOCOL_HEADER (set only behind a trusted proxy) reports https — a plain-http installation must
 * not pin browsers to a TLS site that does not exist.
 */
const ALWAYS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
};

/** One year, the value HSTS preload lists ask for; subdomains are the city's to decide. */
export const HSTS = 'max-age=31536000';

export function securityHeaders(url: URL): Record<string, string> {
  return url.protocol === 'https:' ? { ...ALWAYS, 'strict-transport-security': HSTS } : ALWAYS;
}
