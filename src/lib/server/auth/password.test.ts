import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('password rules', () => {
  it('accept a long passphrase', () => {
    expect(passwordProblem('Grüne Bäume am Kanal 2026')).toBeNull();
  });
  it('refuse short, common and e-mail-based passwords with German messages', () => {
    expect(passwordProblem('kurz')).toMatch(/mindestens 12 Zeichen/);
    expect(passwordProblem('Passwort1234')).toMatch(/zu verbreitet/);
    expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/wiederholten Zeichen/);
    expect(passwordProblem('anna.schmidt-2026!', { email: 'anna.schmidt@herne.de' })).toMatch(/E-Mail-Adresse/);
  });
});

describe('argon2id hashing', () => {
  it('verifies the right password only', async () => {
    const h = await hashPassword('Grüne Bäume am Kanal 2026');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Grüne Bäume am Kanal 2026')).toBe(true);
    expect(await verifyPassword(h, 'Grüne Bäume am Kanal 2027')).toBe(false);
    expect(await verifyPassword('kein-hash', 'x')).toBe(false);
  });
});
