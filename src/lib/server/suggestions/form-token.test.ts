import { describe, expect, it } from 'vitest';
import { checkFormToken, issueFormToken } from './form-token';

const T0 = new Date('2026-11-23T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('signed form timestamp', () => {
  const token = issueFormToken('geheim', T0);

  it('accepts between three seconds and a day', () => {
    expect(checkFormToken('geheim', token, at(3))).toBe('ok');
    expect(checkFormToken('geheim', token, at(86_400))).toBe('ok');
    expect(checkFormToken('geheim', token, at(2.9))).toBe('tooFast');
    expect(checkFormToken('geheim', token, at(-60))).toBe('tooFast');
    expect(checkFormToken('geheim', token, at(86_401))).toBe('expired');
  });

  it('refuses other secrets, edited times and garbage', () => {
    expect(checkFormToken('anders', token, at(10))).toBe('invalid');
    const [, signature] = token.split('.');
    expect(checkFormToken('geheim', `${T0.getTime() - 60_000}.${signature}`, at(10))).toBe('invalid');
    for (const bad of ['', 'abc', `${T0.getTime()}.`, null, undefined, 42]) expect(checkFormToken('geheim', bad, at(10))).toBe('invalid');
  });
});
