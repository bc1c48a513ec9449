/**
 * Passwords: argon2id (OWASP parameters: 19 MiB, 2 iterations) via @node-rs/argon2, a maintained
 * binding with prebuilt binaries in the npm package. Rules follow BSI guidance (IT-Grundschutz
 * ORP.4): long passwords over composition rules, and no password from a list of common ones.
 */
import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** German message for a password that breaks a rule, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Das Passwort darf höchstens ${PASSWORD_MAX_LENGTH} Zeichen lang sein.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'Dieses Passwort ist zu verbreitet. Bitte wählen Sie ein anderes.';
  if (/^(.)\1+$/.test(password)) return 'Das Passwort darf nicht aus einem einzigen wiederholten Zeichen bestehen.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Das Passwort darf die E-Mail-Adresse nicht enthalten.';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
