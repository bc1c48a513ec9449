/**
 * Property tests (fast-check) of the account forms: creating a user (setup, CLI), inviting and
 * changing an account (administration), the password rules, the login's e-mail normalisation
 * and the `?weiter=` return path. Any input is either accepted (the use case then reaches the
 * database, here a stand-in that refuses every use) or refused with a UserInputError carrying a
 * German message and the field — never another exception. Return paths stay on this site.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyObjectWith, anyText, anyValue, isGermanMessage } from '../../../../tests/helpers/fuzz-inputs';
import type { Db } from '../db/connection';
import { ROLES } from '../db/schema';
import { normaliseEmail } from './login';
import { passwordProblem } from './password';
import type { SessionUser } from './policy';
import { safeReturnPath } from './return-path';
import { inviteUser, updateUser } from './user-admin';
import { createUser, UserInputError } from './users';

/** Inputs per property (part of the forms area's > 10,000). */
const RUNS = { create: 700, invite: 700, update: 600, password: 800, returnPath: 1_000 };

/** Thrown by the database stand-in: validation passed, the use case wants the database. */
class DatabaseReached extends Error {}
const database = new Proxy(() => undefined, {
  get: () => {
    throw new DatabaseReached();
  },
}) as unknown as Db;

const ADMIN: SessionUser = { id: '00000000-0000-4000-8000-0000000000aa', email: 'admin@herne.de', name: null, role: 'admin', actorIds: [] };

const KEYS = ['email', 'name', 'role', 'password', 'actorIds'];
const accountInput = fc.oneof(
  anyObjectWith(KEYS),
  fc.record(
    {
      email: fc.oneof(fc.emailAddress(), anyValue),
      name: anyValue,
      role: fc.oneof(fc.constantFrom(...ROLES), anyValue),
      password: fc.oneof(fc.string({ minLength: 12, maxLength: 40 }), anyValue),
      actorIds: fc.oneof(fc.array(fc.oneof(fc.uuid(), anyText), { maxLength: 3 }), anyValue),
    },
    { requiredKeys: [] },
  ),
);

/** Runs a use case: accepted (reached the database) or refused in German with the field. */
async function expectAcceptedOrRefused(run: () => Promise<unknown>, fields: readonly string[]): Promise<'accepted' | 'refused'> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DatabaseReached) return 'accepted';
    if (!(error instanceof UserInputError)) throw error;
    expect(isGermanMessage(error.message), error.message).toBe(true);
    expect(fields).toContain(error.field);
    return 'refused';
  }
  throw new Error('the database stand-in refuses every use');
}

describe('account forms (property): accepted, or a German UserInputError at a field', () => {
  it('a valid input gets past validation (so the properties can see both outcomes)', async () => {
    const valid = { email: 'neu@herne.de', name: 'Neu', role: 'redaktion' as const, password: 'lange-genug-und-selten-42', actorIds: [] as string[] };
    expect(await expectAcceptedOrRefused(() => createUser(database, valid), KEYS)).toBe('accepted');
    expect(await expectAcceptedOrRefused(() => inviteUser(database, ADMIN, valid, { origin: 'https://vielfalt.test' }), KEYS)).toBe('accepted');
    expect(await expectAcceptedOrRefused(() => updateUser(database, ADMIN, ADMIN.id, valid), KEYS)).toBe('accepted');
  });

  it('createUser', async () => {
    await fc.assert(
      fc.asyncProperty(accountInput, async (input) => {
        await expectAcceptedOrRefused(() => createUser(database, input as never), [...KEYS, '']);
      }),
      { numRuns: RUNS.create },
    );
  });

  it('inviteUser', async () => {
    await fc.assert(
      fc.asyncProperty(accountInput, async (input) => {
        await expectAcceptedOrRefused(() => inviteUser(database, ADMIN, input as never, { origin: 'https://vielfalt.test' }), [...KEYS, '']);
      }),
      { numRuns: RUNS.invite },
    );
  });

  it('updateUser', async () => {
    await fc.assert(
      fc.asyncProperty(accountInput, async (input) => {
        await expectAcceptedOrRefused(() => updateUser(database, ADMIN, ADMIN.id, input as never), [...KEYS, '']);
      }),
      { numRuns: RUNS.update },
    );
  });
});

describe('password rules and e-mail normalisation (property)', () => {
  it('passwordProblem: null or a German message; accepted passwords are 12–256 characters', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ minLength: 10, maxLength: 300 })), fc.option(fc.oneof(fc.emailAddress(), anyText)), (password, email) => {
        const problem = passwordProblem(password, email === null ? {} : { email });
        if (problem !== null) expect(isGermanMessage(problem), problem).toBe(true);
        else expect(password.length >= 12 && password.length <= 256).toBe(true);
        expect(normaliseEmail(email ?? password)).toBe(normaliseEmail(normaliseEmail(email ?? password)));
      }),
      { numRuns: RUNS.password },
    );
  });
});

describe('return path after login (property)', () => {
  it('is always a local path on this site', () => {
    const tricky = fc.string({ unit: fc.constantFrom('/', '\\', '.', ':', '@', 'evil.example', 'http', '%2F', '%5C', '\t', '\n', ' ', '?', '#', 'a', '\u3002', '\uFF0F'), maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(tricky, anyText, fc.webUrl().map((u) => u.replace(/^https?:/, ''))), (value) => {
        const path = safeReturnPath(value);
        expect(path.startsWith('/') && !path.startsWith('//') && !path.includes('\\')).toBe(true);
        expect(new URL(path, 'http://vielfalt.invalid').origin).toBe('http://vielfalt.invalid');
      }),
      { numRuns: RUNS.returnPath },
    );
  });
});
