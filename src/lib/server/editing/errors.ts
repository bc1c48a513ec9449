/**
 * Errors of the editing use cases. Authorisation failures are the policy's ForbiddenError /
 * UnauthenticatedError; a version conflict is not an error but a result (see conflict.ts).
 */

/** Input that passed the schema but not the database checks (unknown node, actor …), or failed the schema. */
export class ValidationError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields)[0] ?? 'Ungültige Eingabe.');
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} wurde nicht gefunden.`);
    this.name = 'NotFoundError';
  }
}

/** A workflow step that does not fit the entity's current state (e.g. publishing an archived measure). */
export class WorkflowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowError';
  }
}
