/**
 * What an editor may set on a measure: one Zod schema shared by the server (use cases) and the
 * forms (field errors in German next to the field). Strings are trimmed; empty optional text
 * becomes null.
 */
import { z } from 'zod';
import { refineStorable } from '../text/storable';
import { ACTOR_ROLES } from '../db/schema';
import { optionalText } from '../validation/fields';

const uuid = (message: string) => z.string().uuid(message);

export const measureInput = z
  .object({
    catalogueId: uuid('Bitte wählen Sie einen Katalog.'),
    /** Structure nodes the measure hangs under; the first is its primary place. */
    placements: z
      .array(z.object({ nodeId: uuid('Unbekannter Bereich.'), number: optionalText(20) }))
      .min(1, 'Bitte ordnen Sie die Maßnahme mindestens einem Bereich zu.'),
    number: optionalText(20),
    title: z.string().trim().min(3, 'Bitte geben Sie einen Titel an (mindestens 3 Zeichen).').max(300, 'Höchstens 300 Zeichen.'),
    description: z.string().trim().max(20_000, 'Höchstens 20.000 Zeichen.').default(''),
    goals: optionalText(5_000),
    targetGroupText: optionalText(5_000),
    statusText: optionalText(5_000),
    stateCode: z.string().trim().min(1, 'Bitte wählen Sie einen Umsetzungsstand.').default('unbekannt'),
    remarks: optionalText(10_000),
    responsibleText: optionalText(1_000),
    directionInward: z.boolean().default(false),
    directionOutward: z.boolean().default(false),
    isNew: z.boolean().default(false),
    isGap: z.boolean().default(false),
    extra: z.record(z.string(), z.unknown()).default({}),
    actors: z
      // The wording is the printed cell (up to 340 characters in the diversity catalogue).
      .array(z.object({ actorId: uuid('Unbekannter Akteur.'), role: z.enum(ACTOR_ROLES), wording: optionalText(1_000) }))
      .default([]),
    targetGroupIds: z.array(uuid('Unbekannte Zielgruppe.')).default([]),
    lastReviewedAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Bitte ein Datum im Format JJJJ-MM-TT angeben.')
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .superRefine((value, ctx) => {
    if (value.isGap && value.actors.some((a) => a.role === 'beteiligt'))
      ctx.addIssue({ code: 'custom', path: ['isGap'], message: 'Eine Lücke hat keine beteiligten Akteure.' });
  })
  .superRefine(refineStorable);

export type MeasureInput = z.input<typeof measureInput>;
export type ValidMeasureInput = z.output<typeof measureInput>;
