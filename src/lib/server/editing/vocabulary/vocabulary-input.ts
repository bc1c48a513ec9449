/** Zod schemas for actors and target groups (German messages per field). */
import { z } from 'zod';
import { ACTOR_KINDS } from '../../db/schema';
import { optionalText, optionalUuid } from '../../validation/fields';

export const actorInput = z.object({
  name: z.string().trim().min(2, 'Bitte geben Sie einen Namen an (mindestens 2 Zeichen).').max(200, 'Höchstens 200 Zeichen.'),
  kind: z.enum(ACTOR_KINDS, { message: 'Bitte wählen Sie eine Art.' }).default('unbekannt'),
  parentId: optionalUuid,
  description: optionalText(5_000),
});

export const aliasInput = z.string().trim().min(1, 'Bitte geben Sie eine Schreibweise an.').max(300, 'Höchstens 300 Zeichen.');

export const targetGroupInput = z.object({
  name: z.string().trim().min(2, 'Bitte geben Sie einen Namen an (mindestens 2 Zeichen).').max(200, 'Höchstens 200 Zeichen.'),
  description: optionalText(5_000),
});

export type ActorInput = z.input<typeof actorInput>;
export type TargetGroupInput = z.input<typeof targetGroupInput>;
