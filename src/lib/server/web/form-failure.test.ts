import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '../auth/policy';
import { LinkInvalidError } from '../auth/links';
import { SetupClosedError } from '../auth/setup';
import { UserInputError } from '../auth/users';
import { NotFoundError, ValidationError, WorkflowError } from '../editing/errors';
import { ModerationError } from '../suggestions/moderation';
import { RetentionInputError } from '../suggestions/settings';
import { domainFailure, isFailure, runAction } from './form-failure';

const event = { locals: { user: null }, url: new URL('http://localhost/admin/akteure?q=x') } as unknown as Parameters<typeof runAction>[0];

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('domainFailure', () => {
  it('maps the editing errors by field, workflow and not found', () => {
    expect(domainFailure(new ValidationError({ title: 'Titel fehlt.' }))).toEqual({ status: 400, errors: { title: 'Titel fehlt.' }, message: null });
    expect(domainFailure(new WorkflowError('Schon archiviert.'))).toEqual({ status: 409, errors: {}, message: 'Schon archiviert.' });
    expect(domainFailure(new NotFoundError('Die Maßnahme'))).toEqual({ status: 404, errors: {}, message: 'Die Maßnahme wurde nicht gefunden.' });
  });

  it('puts a UserInputError at its field, else at the default field', () => {
    expect(domainFailure(new UserInputError('Zu kurz.', 'password'))).toEqual({ status: 400, errors: { password: 'Zu kurz.' }, message: null });
    expect(domainFailure(new UserInputError('Ungültig.', ''))).toEqual({ status: 400, errors: { form: 'Ungültig.' }, message: null });
    expect(domainFailure(new UserInputError('Ungültig.', ''), 'password')?.errors).toEqual({ password: 'Ungültig.' });
  });

  it('maps moderation, retention, link and setup errors', () => {
    expect(domainFailure(new ModerationError('Schon entschieden.', 'alreadyDecided'))).toEqual({ status: 409, errors: {}, message: 'Schon entschieden.' });
    expect(domainFailure(new ModerationError('Bitte Grund angeben.', 'invalid', 'reason'))).toEqual({ status: 400, errors: { reason: 'Bitte Grund angeben.' }, message: null });
    expect(domainFailure(new ModerationError('Vorschlag nicht gefunden.', 'notFound'))?.status).toBe(404);
    expect(domainFailure(new RetentionInputError())?.errors.retentionDays).toMatch(/ganze Zahl/);
    expect(domainFailure(new LinkInvalidError())).toMatchObject({ status: 404, message: new LinkInvalidError().message });
    expect(domainFailure(new SetupClosedError())).toMatchObject({ status: 404, message: 'Seite nicht gefunden' });
  });

  it('leaves other errors alone (authorisation and programming errors)', () => {
    expect(domainFailure(new Error('boom'))).toBeNull();
    expect(domainFailure(new ForbiddenError('measure.publish'))).toBeNull();
  });
});

describe('runAction', () => {
  it('returns the use case result', async () => {
    const result = await runAction(event, async () => ({ id: 'a' }), { data: { values: { name: 'x' } } });
    expect(isFailure(result)).toBe(false);
    expect(result).toEqual({ id: 'a' });
  });

  it('answers a domain error with fail(status, { ...data, errors, message })', async () => {
    const result = await runAction(
      event,
      async () => {
        throw new ValidationError({ name: 'Name fehlt.' });
      },
      { data: { action: 'create', values: { name: '' } } },
    );
    expect(isFailure(result)).toBe(true);
    if (!isFailure(result)) return;
    expect(result.status).toBe(400);
    expect(result.data).toEqual({ action: 'create', values: { name: '' }, errors: { name: 'Name fehlt.' }, message: null });
  });

  it('shows errors of fields the form does not have as its message', async () => {
    const result = await runAction(
      event,
      async () => {
        throw new ValidationError({ title: 'Titel zu lang.', nodeId: 'Bereich fehlt.' });
      },
      { fields: ['nodeId'] },
    );
    if (!isFailure(result)) throw new Error('expected a failure');
    expect(result.data).toEqual({ errors: { nodeId: 'Bereich fehlt.' }, message: 'Titel zu lang.' });
  });

  it('answers not found with a 404 failure, or the 404 page when asked', async () => {
    const missing = async () => {
      throw new NotFoundError('Der Akteur');
    };
    const result = await runAction(event, missing);
    expect(isFailure(result) && result.status).toBe(404);
    const e = await thrown(runAction(event, missing, { notFound: 'page' }));
    expect(isHttpError(e, 404) && e.body.message).toBe('Der Akteur wurde nicht gefunden.');
  });

  it('turns policy errors into a login redirect or a 403, and rethrows the rest', async () => {
    const login = await thrown(runAction(event, async () => { throw new UnauthenticatedError(); }));
    expect(isRedirect(login) && login.location).toBe('/anmelden?weiter=%2Fadmin%2Fakteure%3Fq%3Dx');
    const forbidden = await thrown(runAction(event, async () => { throw new ForbiddenError('actor.manage' as never); }));
    expect(isHttpError(forbidden, 403)).toBe(true);
    const boom = new Error('boom');
    expect(await thrown(runAction(event, async () => { throw boom; }))).toBe(boom);
  });
});
