import { describe, expect, it } from 'vitest';
import { adminNavFor } from './navigation';
import type { SessionUser } from './policy';

const user = (role: SessionUser['role']): SessionUser => ({ id: 'u', email: 'u@herne.de', name: null, role, actorIds: role === 'beitragende' ? ['a'] : [] });
const keys = (role: SessionUser['role']) => adminNavFor(user(role)).map((i) => i.key);

describe('admin navigation', () => {
  it('shows each entry only to roles that may use it', () => {
    expect(keys('admin')).toEqual(['tasks', 'measures', 'review', 'suggestions', 'actors', 'users', 'audit']);
    expect(keys('redaktion')).toEqual(['tasks', 'measures', 'review', 'suggestions', 'actors']);
    expect(keys('beitragende')).toEqual(['tasks', 'measures']);
    expect(keys('lesend')).toEqual(['tasks', 'measures']);
    expect(adminNavFor(null)).toEqual([]);
  });
});
