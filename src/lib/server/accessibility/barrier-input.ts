/**
 * What the public may send with "Barriere melden": the page, what is in the way, optional
 * contact data — only with consent. One Zod schema, German messages per field.
 */
import { z } from 'zod';
import { optionalText } from '../validation/fields';
import { refineStorable } from '../text/storable';
import { CONSENT_REQUIRED_MESSAGE, HONEYPOT_FIELD, TOKEN_FIELD } from '../suggestions/suggestion-input';

export const barrierInput = z
  .object({
    pageUrl: optionalText(500),
    description: z
      .string({ message: 'Bitte beschreiben Sie die Barriere.' })
      .trim()
      .min(10, 'Bitte beschreiben Sie die Barriere (mindestens 10 Zeichen): Was wollten Sie tun, was hat nicht funktioniert?')
      .max(5_000, 'Höchstens 5000 Zeichen.'),
    contactName: optionalText(200),
    contactEmail: z
      .string()
      .trim()
      .max(254, 'Höchstens 254 Zeichen.')
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.string().email('Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.de.').nullable()),
    consent: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if ((value.contactName || value.contactEmail) && !value.consent) ctx.addIssue({ code: 'custom', path: ['consent'], message: CONSENT_REQUIRED_MESSAGE });
  })
  .superRefine(refineStorable);

export interface BarrierFormValues {
  pageUrl: string;
  description: string;
  contactName: string;
  contactEmail: string;
  consent: boolean;
}

export const EMPTY_BARRIER_FORM: BarrierFormValues = { pageUrl: '', description: '', contactName: '', contactEmail: '', consent: false };

export interface BarrierSubmission {
  values: BarrierFormValues;
  honeypot: string;
  token: string;
}

/** Reads the posted form; the spam-protection fields are named as in the suggestion form. */
export function readBarrierForm(form: FormData): BarrierSubmission {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  return {
    values: {
      pageUrl: text('pageUrl'),
      description: text('description'),
      contactName: text('contactName'),
      contactEmail: text('contactEmail'),
      consent: form.get('consent') !== null,
    },
    honeypot: text(HONEYPOT_FIELD),
    token: text(TOKEN_FIELD),
  };
}

/** The page a report link was followed from (`?seite=/kataloge/…`): a path of this site only. */
export function reportedPageFrom(value: string | null): string {
  if (!value || value.length > 500) return '';
  return /^\/(?!\/)[^\s]*$/.test(value) ? value : '';
}
