/** Zod schemas for structure nodes, actors and target groups (German messages per field). */
import { z } from 'zod';
import { ACTOR_KINDS, NODE_TYPES } from '../../db/schema';
import { fieldErrors } from '../../catalogue/measure-input';
import { ValidationError } from '../errors';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Höchstens ${max} Zeichen.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const optionalUuid = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(z.string().uuid('Unbekannter Eintrag.').nullable())
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const nodeInput = z.object({
  code: optionalText(20),
  title: z.string().trim().min(1, 'Bitte geben Sie einen Titel an.').max(300, 'Höchstens 300 Zeichen.'),
  body: optionalText(10_000),
});

export const newNodeInput = nodeInput.extend({
  catalogueId: z.string().uuid('Bitte wählen Sie einen Katalog.'),
  parentId: optionalUuid,
  type: z.enum(NODE_TYPES, { message: 'Bitte wählen Sie eine Art.' }),
});

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

export type NodeInput = z.input<typeof nodeInput>;
export type NewNodeInput = z.input<typeof newNodeInput>;
export type ActorInput = z.input<typeof actorInput>;
export type TargetGroupInput = z.input<typeof targetGroupInput>;

export function parseWith<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  return parsed.data;
}
