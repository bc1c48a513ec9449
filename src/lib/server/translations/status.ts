/**
 * The status of a translated field (issue 14), computed — never stored — from the hash of the
 * German source text now and the hash kept with the translation. Timestamps play no part:
 * saving, moving, re-publishing or re-importing unchanged German text changes no hash.
 */
import { sha256 } from '../text/hash';

export const TRANSLATION_STATUSES = ['aktuell', 'veraltet', 'fehlt', 'maschinell'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

/** The German text as it is compared: line endings unified, outer white space ignored. */
export function normaliseSource(text: string | null | undefined): string {
  return (text ?? '').replace(/\r\n?/g, '\n').trim();
}

/** Hash of a German source text (the same normalisation the comparison uses). */
export function sourceHash(text: string | null | undefined): string {
  return sha256(normaliseSource(text));
}

export interface StoredTranslation {
  value: string;
  sourceHash: string;
  machine: boolean;
}

/**
 * aktuell: made from the current German text by a person (or approved);
 * maschinell: made from the current German text by a machine, not yet approved;
 * veraltet: the German text changed since (whoever made it);
 * fehlt: no translation.
 */
export function translationStatus(germanText: string | null | undefined, translation: StoredTranslation | null | undefined): TranslationStatus {
  if (!translation || !translation.value.trim()) return 'fehlt';
  if (translation.sourceHash !== sourceHash(germanText)) return 'veraltet';
  return translation.machine ? 'maschinell' : 'aktuell';
}
