import { describe, expect, it } from 'vitest';
import { authorize, can, ForbiddenError, needsReview, UnauthenticatedError, type Action, type SessionUser } from './policy';

const user = (role: SessionUser['role'], actorIds: string[] = []): SessionUser => ({ id: 'u', email: 'u@herne.de', name: null, role, actorIds });

describe('policy', () => {
  it('gives administrators everything and anonymous visitors nothing', () => {
    for (const action of ['user.manage', 'audit.read', 'measure.publish'] as Action[]) {
      expect(can(user('admin'), action)).toBe(true);
      expect(can(null, action)).toBe(false);
    }
  });

  it('lets Redaktion edit and publish but not manage users or read the audit log', () => {
    const r = user('redaktion');
    expect(can(r, 'measure.publish')).toBe(true);
    expect(can(r, 'suggestion.moderate')).toBe(true);
    expect(can(r, 'user.manage')).toBe(false);
    expect(can(r, 'audit.read')).toBe(false);
  });

  it('binds contributors to their actors and sends their changes to review', () => {
    const b = user('beitragende', ['actor-1']);
    expect(can(b, 'measure.edit', { actorIds: ['actor-1', 'actor-2'] })).toBe(true);
    expect(can(b, 'measure.edit', { actorIds: ['actor-2'] })).toBe(false);
    expect(can(b, 'measure.edit')).toBe(false);
    expect(can(b, 'measure.publish', { actorIds: ['actor-1'] })).toBe(false);
    expect(needsReview(b)).toBe(true);
    expect(needsReview(user('redaktion'))).toBe(false);
  });

  it('lets the steering group read drafts and reports only', () => {
    const l = user('lesend');
    expect(can(l, 'draft.read')).toBe(true);
    expect(can(l, 'report.read')).toBe(true);
    expect(can(l, 'measure.edit', { actorIds: [] })).toBe(false);
  });

  it('authorize throws distinct errors for missing login and missing permission', () => {
    expect(() => authorize(null, 'draft.read')).toThrow(UnauthenticatedError);
    expect(() => authorize(user('lesend'), 'measure.publish')).toThrow(ForbiddenError);
    expect(authorize(user('admin'), 'user.manage').role).toBe('admin');
  });
});
