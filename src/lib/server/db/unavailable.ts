/**
 * Is this error "the database is not reachable right now" (PostgreSQL restarting, down, or the
 * connection cut) rather than a bug? Such requests are answered 503 with Retry-After, not 500:
 * nothing is wrong with the request, and the pool reconnects by itself once the server is back.
 * Drizzle wraps driver errors, so the cause chain is followed.
 */

/** Network errors of the driver's socket. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * SQLSTATE classes 08 (connection exception) and 57P01–57P03 (admin shutdown, crash shutdown,
 * cannot connect now: the server is starting or stopping).
 */
function isUnavailableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03';
}

/** node-postgres' own messages for a connection that ended under it (they carry no code). */
const DRIVER_MESSAGES = [/^Connection terminated/, /^Client has encountered a connection error/, /^timeout exceeded when trying to connect/];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message, cause, errors } = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || isUnavailableSqlState(code))) return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.some((re) => re.test(message))) return true;
    // AggregateError (several addresses refused, e.g. ::1 and 127.0.0.1).
    if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e))) return true;
    current = cause;
  }
  return false;
}

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 10;
