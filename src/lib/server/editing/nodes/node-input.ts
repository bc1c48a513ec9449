/** Zod schemas for structure nodes (German messages per field). */
import { z } from 'zod';
import { NODE_TYPES } from '../../db/schema';
import { optionalText, optionalUuid } from '../../validation/fields';

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

export type NodeInput = z.input<typeof nodeInput>;
export type NewNodeInput = z.input<typeof newNodeInput>;
