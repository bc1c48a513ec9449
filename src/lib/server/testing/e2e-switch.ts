/**
 * The one switch for the test-only routes (/test-setup seeds users and signs in without a
 * password, /test-fehler forces a server error). They answer only in a server started for
 * end-to-end tests (scripts/serve-e2e.js sets VIELFALT_E2E=1) and never in production:
 * NODE_ENV=production (set by `npm start`, scripts/start.js) turns them off whatever else is set.
 */
export function testRoutesEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.VIELFALT_E2E === '1' && env.NODE_ENV !== 'production';
}
