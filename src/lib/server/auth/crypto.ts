/** Random tokens for cookies and one-time links; only their SHA-256 is ever stored. */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url (43 characters): the secret handed to the browser or put in a link. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hex SHA-256 of a token: what the database keeps (a leaked table gives no usable tokens). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
