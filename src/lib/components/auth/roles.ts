import type { MessageKey } from '$lib/i18n';

export type RoleCode = 'admin' | 'redaktion' | 'beitragende' | 'lesend';
export const ROLE_CODES: readonly RoleCode[] = ['admin', 'redaktion', 'beitragende', 'lesend'];

/** Message key of a role's name ("Administration", "Redaktion" …). */
export function roleKey(role: string): MessageKey {
  return `auth.roles.${role}` as MessageKey;
}
