/**
 * Time check for public forms without third parties: the form carries the time it was rendered,
 * signed with HMAC-SHA256. Bots that post at once (or replay an old form) are refused; people
 * need a few seconds to type anything.
 */
import crypto from 'node:crypto';

export const MIN_FILL_SECONDS = 3;
export const MAX_FORM_AGE_SECONDS = 24 * 60 * 60;

export type FormTokenCheck = 'ok' | 'invalid' | 'tooFast' | 'expired';

function sign(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(`vielfalt-form:${payload}`).digest('base64url');
}

/** "<issued ms>.<signature>", for a hidden field. */
export function issueFormToken(secret: string, now: Date = new Date()): string {
  const issued = String(now.getTime());
  return `${issued}.${sign(secret, issued)}`;
}

export function checkFormToken(
  secret: string,
  token: unknown,
  now: Date = new Date(),
  limits: { minSeconds?: number; maxSeconds?: number } = {},
): FormTokenCheck {
  if (typeof token !== 'string') return 'invalid';
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return 'invalid';
  const [, issued, signature] = match as unknown as [string, string, string];
  const expected = Buffer.from(sign(secret, issued));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return 'invalid';
  const ageMs = now.getTime() - Number(issued);
  if (ageMs < (limits.minSeconds ?? MIN_FILL_SECONDS) * 1000) return 'tooFast';
  if (ageMs > (limits.maxSeconds ?? MAX_FORM_AGE_SECONDS) * 1000) return 'expired';
  return 'ok';
}
