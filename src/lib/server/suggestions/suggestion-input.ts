/**
 * What the public may send with "Maßnahme vorschlagen": one Zod schema, German messages per
 * field. Contact data is optional; when any is given, consent to its processing is required.
 */
import { z } from 'zod';
import { refineStorable } from '../text/storable';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Höchstens ${max} Zeichen.`)
    .optional()
    .transform((v) => (v ? v : null));

export const CONSENT_REQUIRED_MESSAGE =
  'Bitte stimmen Sie der Verarbeitung Ihrer Kontaktdaten zu – oder lassen Sie Name und E-Mail-Adresse leer.';

export const suggestionInput = z
  .object({
    title: z
      .string({ message: 'Bitte geben Sie einen Titel an.' })
      .trim()
      .min(3, 'Bitte geben Sie einen Titel an (mindestens 3 Zeichen).')
      .max(300, 'Höchstens 300 Zeichen.'),
    description: z
      .string({ message: 'Bitte beschreiben Sie die Maßnahme.' })
      .trim()
      .min(10, 'Bitte beschreiben Sie die Maßnahme (mindestens 10 Zeichen).')
      .max(10_000, 'Höchstens 10.000 Zeichen.'),
    catalogueId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.string().uuid('Bitte wählen Sie einen Katalog aus der Liste.').nullable()),
    responsibleText: optionalText(500),
    targetGroupText: optionalText(1_000),
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
    if ((value.contactName || value.contactEmail) && !value.consent)
      ctx.addIssue({ code: 'custom', path: ['consent'], message: CONSENT_REQUIRED_MESSAGE });
  })
  .superRefine(refineStorable);

export type SuggestionInput = z.input<typeof suggestionInput>;
export type ValidSuggestionInput = z.output<typeof suggestionInput>;

/** The raw form as typed (kept to refill the form after an error). */
export interface SuggestionFormValues {
  title: string;
  description: string;
  catalogueId: string;
  responsibleText: string;
  targetGroupText: string;
  contactName: string;
  contactEmail: string;
  consent: boolean;
}

export const EMPTY_SUGGESTION_FORM: SuggestionFormValues = {
  title: '',
  description: '',
  catalogueId: '',
  responsibleText: '',
  targetGroupText: '',
  contactName: '',
  contactEmail: '',
  consent: false,
};

/** Names of the hidden spam-protection fields. */
export const HONEYPOT_FIELD = 'website';
export const TOKEN_FIELD = 'formToken';

export interface SuggestionSubmission {
  values: SuggestionFormValues;
  /** The honeypot: people never see it, so anything in it comes from a bot. */
  honeypot: string;
  token: string;
}

/** Reads the posted form (standard FormData, so routes and tests share it). */
export function readSuggestionForm(form: FormData): SuggestionSubmission {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  return {
    values: {
      title: text('title'),
      description: text('description'),
      catalogueId: text('catalogueId'),
      responsibleText: text('responsibleText'),
      targetGroupText: text('targetGroupText'),
      contactName: text('contactName'),
      contactEmail: text('contactEmail'),
      consent: form.get('consent') !== null,
    },
    honeypot: text(HONEYPOT_FIELD),
    token: text(TOKEN_FIELD),
  };
}

/** Field → first German message. */
export function suggestionFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join('.') || '_'] ??= issue.message;
  return out;
}
