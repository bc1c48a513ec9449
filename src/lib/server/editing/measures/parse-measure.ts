/** Parsing an editor's input into an editable measure state (schema + de-duplication). */
import type { EditableMeasure } from '../../catalogue/editable-measure';
import { measureInput, type MeasureInput } from '../../catalogue/measure-input';
import { fieldErrors } from '../../validation/fields';
import { ValidationError } from '../errors';

/** Validates and normalises input: duplicates (same node, same actor and role, same group) are dropped. */
export function parseMeasure(input: MeasureInput | Record<string, unknown>): EditableMeasure {
  const parsed = measureInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const value = parsed.data;
  const seenNodes = new Set<string>();
  const seenActors = new Set<string>();
  return {
    ...value,
    placements: value.placements.filter((p) => !seenNodes.has(p.nodeId) && Boolean(seenNodes.add(p.nodeId))),
    actors: value.actors.filter((a) => {
      const key = `${a.actorId}/${a.role}`;
      return !seenActors.has(key) && Boolean(seenActors.add(key));
    }),
    targetGroupIds: [...new Set(value.targetGroupIds)],
  };
}

export function responsibleOf(input: { actors: { actorId: string; role: string }[] }): string[] {
  return input.actors.filter((a) => a.role === 'verantwortlich').map((a) => a.actorId);
}
