/**
 * Maps the use cases' errors to what a form action answers (the route calls SvelteKit's `fail`
 * with it): field errors (400), a workflow message (409), not found (404). Authorisation errors
 * are not mapped here: routes hand them to auth/kit's guard (login redirect / 403).
 */
import { NotFoundError, ValidationError, WorkflowError } from './errors';

export interface ActionFailure {
  status: 400 | 404 | 409;
  errors: Record<string, string>;
  message: string | null;
}

export function actionFailure(error: unknown): ActionFailure | null {
  if (error instanceof ValidationError) return { status: 400, errors: error.fields, message: null };
  if (error instanceof WorkflowError) return { status: 409, errors: {}, message: error.message };
  if (error instanceof NotFoundError) return { status: 404, errors: {}, message: error.message };
  return null;
}
