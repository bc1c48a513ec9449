import type { MessageKey, Translate } from '$lib/i18n';

/**
 * The audit log stores stable codes (`login.success`); people read labels ("Anmeldung
 * erfolgreich") from the message catalogue (`admin.audit.actions.<code with _ for .>`: a code can
 * be a prefix of another, which nested keys could not hold). An unknown code shows as itself.
 */
function auditActionKey(code: string): string {
  return `admin.audit.actions.${code.replaceAll('.', '_')}`;
}

export function auditActionLabel(t: Translate, code: string): string {
  const key = auditActionKey(code);
  const label = t(key as MessageKey);
  return label === key ? code : label;
}
