import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n';
import { auditActionLabel } from './audit-action';

/** Every audit code the server writes: string literals on `action:` lines of modules that audit. */
function auditCodesInSources(dir = 'src/lib/server'): Set<string> {
  const codes = new Set<string>();
  const walk = (p: string) => {
    for (const entry of fs.readdirSync(p, { withFileTypes: true })) {
      const full = path.join(p, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        if (!/recordAudit\(|insert\(auditLog\)/.test(text)) continue;
        // The expression after `action:` up to the next property: a literal or a ternary of literals.
        for (const [, expression] of text.matchAll(/\baction: ([^,}\n]+)/g))
          for (const [, code] of expression!.matchAll(/'([a-z]+(?:\.[a-zA-Z_]+)*)'/g)) if (code !== 'veroeffentlicht' && code !== 'invite') codes.add(code!);
      }
    }
  };
  walk(dir);
  return codes;
}

describe('audit action labels', () => {
  const codes = auditCodesInSources();

  it('finds the codes the server writes', () => {
    // Sanity check of the scan itself: a few codes that certainly exist.
    for (const code of ['login.success', 'login.failure', 'measure.publish', 'import', 'user.invite.accept']) expect(codes).toContain(code);
  });

  for (const locale of ['de', 'en'] as const) {
    it(`labels every audit code in ${locale}`, () => {
      const t = createTranslator(locale);
      const unlabeled = [...codes].filter((code) => auditActionLabel(t, code) === code);
      expect(unlabeled).toEqual([]);
    });
  }

  it('shows German labels, and an unknown code as itself', () => {
    const t = createTranslator('de');
    expect(auditActionLabel(t, 'login.success')).toBe('Anmeldung erfolgreich');
    expect(auditActionLabel(t, 'user.invite')).toBe('Einladung verschickt');
    expect(auditActionLabel(t, 'user.invite.accept')).toBe('Einladung angenommen');
    expect(auditActionLabel(t, 'some.future.code')).toBe('some.future.code');
  });
});
