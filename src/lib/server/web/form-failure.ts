/**
 * The one way a form action turns the domain's errors into an answer, so routes do not each
 * write `try { guard(…) } catch { fail(…) }`:
 *
 *   const result = await runAction(event, () => createActor(db, user, values), { data: { values } });
 *   if (isActionFailure(result)) return result;   // 400/404/409 with { ...data, errors, message }
 *
 * - policy errors: redirect to the login page / 403 (as `guard`);
 * - the user's mistakes (invalid input, a workflow step that does not fit, something not found)
 *   become `fail(status, { ...data, errors, message })`: `errors` by form field, `message` for
 *   the form as a whole;
 * - anything else is rethrown (a 500 through hooks' handleError).
 */
import { error, fail, isActionFailure, type ActionFailure } from '@sveltejs/kit';
import { UserInputError } from '../auth/users';
import { LinkInvalidError } from '../auth/links';
import { SetupClosedError } from '../auth/setup';
import { actionFailure } from '../editing/action-errors';
import { ModerationError } from '../suggestions/moderation';
import { RetentionInputError } from '../suggestions/settings';
import { LegalTextInputError } from '../legal/texts';
import { guard, type AuthEvent } from './kit';

export interface DomainFailure {
  status: 400 | 404 | 409;
  /** Messages by form field name. */
  errors: Record<string, string>;
  /** A message for the whole form, or null. */
  message: string | null;
}

export interface FormFailureOptions<D extends Record<string, unknown>> {
  /** Returned with the failure: what was typed, which form of the page failed … */
  data?: D;
  /** Field a UserInputError without a field of its own belongs to (default `form`). */
  field?: string;
  /**
   * The inputs this form shows errors at. An error for any other field (e.g. a measure field
   * behind a one-button form) becomes the form's message, so it is not lost. Default: all.
   */
  fields?: readonly string[];
  /** `page`: "not found" answers the 404 page (the page's own entity is gone); default a 404 form failure. */
  notFound?: 'page' | 'form';
}

export type FormFailure<D extends Record<string, unknown>> = D & { errors: Record<string, string>; message: string | null };

/** What the user can be told about a domain error, or null when it is not theirs to fix. */
export function domainFailure(e: unknown, field = 'form'): DomainFailure | null {
  const editing = actionFailure(e);
  if (editing) return editing;
  if (e instanceof UserInputError) return { status: 400, errors: { [e.field || field]: e.message }, message: null };
  if (e instanceof ModerationError) {
    const status = e.code === 'notFound' ? 404 : e.code === 'alreadyDecided' ? 409 : 400;
    return e.field ? { status, errors: { [e.field]: e.message }, message: null } : { status, errors: {}, message: e.message };
  }
  if (e instanceof RetentionInputError) return { status: 400, errors: { retentionDays: e.message }, message: null };
  if (e instanceof LegalTextInputError) return { status: 400, errors: { text: e.message }, message: null };
  if (e instanceof LinkInvalidError) return { status: 404, errors: {}, message: e.message };
  // Once an administrator exists the setup page does not exist any more: the ordinary 404.
  if (e instanceof SetupClosedError) return { status: 404, errors: {}, message: 'Seite nicht gefunden' };
  return null;
}

function restrictToFields(failure: DomainFailure, fields: readonly string[] | undefined): DomainFailure {
  if (!fields) return failure;
  const errors: Record<string, string> = {};
  let message = failure.message;
  for (const [name, text] of Object.entries(failure.errors)) {
    if (fields.includes(name)) errors[name] = text;
    else message ??= text;
  }
  return { ...failure, errors, message };
}

/** Runs a use case for a form action: its result, or the form failure for a domain error (see above). */
export async function runAction<T, D extends Record<string, unknown> = Record<never, never>>(
  event: AuthEvent,
  run: () => Promise<T>,
  options: FormFailureOptions<D> = {},
): Promise<T | ActionFailure<FormFailure<D>>> {
  try {
    return await guard(event, run);
  } catch (e) {
    const found = domainFailure(e, options.field);
    if (!found) throw e;
    const failure = restrictToFields(found, options.fields);
    if (failure.status === 404 && options.notFound === 'page') error(404, failure.message ?? 'Nicht gefunden');
    return fail(failure.status, { ...(options.data ?? ({} as D)), errors: failure.errors, message: failure.message });
  }
}

/** Whether `runAction` answered a failure; unlike kit's isActionFailure it keeps the failure's data type. */
export function isFailure<T, F>(result: T | ActionFailure<F>): result is ActionFailure<F> {
  return isActionFailure(result);
}
