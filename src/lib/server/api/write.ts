/**
 * Write operations of API v1: thin adapters over the editing use cases, which authorise
 * (policy.ts, with the token owner's role), validate, write revisions and audit. Their errors
 * become problem details here; a version conflict is a 409 with both versions named.
 */
import type { z } from 'zod';
import type { Db } from '../db/connection';
import { ForbiddenError, UnauthenticatedError, type SessionUser } from '../auth/policy';
import { createMeasure } from '../editing/measures/create-measure';
import { publishMeasure } from '../editing/workflow/publish-measure';
import { updateMeasure } from '../editing/measures/update-measure';
import { NotFoundError, ValidationError, WorkflowError } from '../editing/errors';
import { ApiProblem, databaseUnavailableProblem } from './http';
import { isDatabaseUnavailable } from '../db/unavailable';
import type * as S from './schemas';

/** Maps the use cases' errors to problem details; anything else is rethrown (500). */
export function problemFromError(error: unknown): ApiProblem | null {
  if (error instanceof ApiProblem) return error;
  if (error instanceof ValidationError)
    return new ApiProblem(400, 'Ungültige Eingabe', error.message, {
      errors: Object.entries(error.fields).map(([field, message]) => ({ field: `measure.${field}`, message })),
    });
  if (error instanceof UnauthenticatedError) return new ApiProblem(401, 'Anmeldung erforderlich', error.message);
  if (error instanceof ForbiddenError) return new ApiProblem(403, 'Keine Berechtigung', error.message, { action: error.action });
  if (error instanceof NotFoundError) return new ApiProblem(404, 'Nicht gefunden', error.message);
  if (error instanceof WorkflowError) return new ApiProblem(409, 'Nicht möglich', error.message);
  if (isDatabaseUnavailable(error)) return databaseUnavailableProblem();
  return null;
}

export async function createMeasureViaApi(db: Db, user: SessionUser, body: z.output<typeof S.CreateMeasureBody>) {
  const created = await createMeasure(db, user, body.measure, {
    comment: body.comment,
    workflowState: body.publish ? 'veroeffentlicht' : 'entwurf',
  });
  return { id: created.id, slug: created.slug, workflowState: created.workflowState };
}

export async function updateMeasureViaApi(db: Db, user: SessionUser, id: string, body: z.output<typeof S.UpdateMeasureBody>) {
  const result = await updateMeasure(db, user, id, { ...body.measure, version: body.version }, { comment: body.comment ?? null, intent: body.intent });
  if (result.status === 'conflict')
    throw new ApiProblem(409, 'Versionskonflikt', 'Die Maßnahme wurde inzwischen geändert. Bitte laden Sie den aktuellen Stand (GET /measures/{id}) und senden Sie die Änderung mit dessen Version erneut.', {
      currentVersion: result.conflict.theirs.version,
      baseVersion: result.conflict.baseVersion,
      differing: result.conflict.differing,
    });
  return result;
}

export async function publishMeasureViaApi(db: Db, user: SessionUser, id: string, body: z.output<typeof S.PublishMeasureBody>) {
  return publishMeasure(db, user, id, { comment: body.comment ?? null, version: body.version });
}
