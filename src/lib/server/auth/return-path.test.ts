import { describe, expect, it } from 'vitest';
import { loginPath, returnPathOf, safeReturnPath } from './return-path';

describe('return paths after login', () => {
  it('keep local paths with query and hash', () => {
    expect(safeReturnPath('/admin/massnahmen?seite=2#x')).toBe('/admin/massnahmen?seite=2#x');
    expect(safeReturnPath('/konto')).toBe('/konto');
  });
  it('refuse other sites and tricks', () => {
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', 'admin', '/%0d%0aSet-Cookie:x', '/\nx', '', null, '/anmelden', '/einladung/abc']) {
      expect(safeReturnPath(bad as string | null), String(bad)).toBe(bad === '/%0d%0aSet-Cookie:x' ? '/%0d%0aSet-Cookie:x' : '/admin');
    }
  });
  it('drop the form action parameter from the current URL', () => {
    expect(returnPathOf(new URL('http://x/admin/benutzer/1?/update'))).toBe('/admin/benutzer/1');
    expect(returnPathOf(new URL('http://x/admin/protokoll?aktion=logout'))).toBe('/admin/protokoll?aktion=logout');
    expect(loginPath('/admin?a=1')).toBe('/anmelden?weiter=%2Fadmin%3Fa%3D1');
  });
});
