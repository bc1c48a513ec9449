import { describe, expect, it } from 'vitest';
import { adminNavFor } from './navigation';
import type { SessionUser } from './policy';

const user = (role: SessionUser['role']): SessionUser => ({ id: 'u', email: 'u@herne.de', name: null, role, actorIds: role === 'beitragende' ? ['a'] : [] });
const keys = (role: SessionUser['role']) => adminNavFor(user(role)).map((i) => i.key);

describe('admin navigation', () => {
  it('shows each entry only to roles that may use it', () => {
    const editorial = ['tasks', 'measures', 'reviewDue', 'review', 'campaigns', 'gaps', 'steering', 'suggestions', 'barriers', 'funding', 'notifications', 'actors', 'targetGroups', 'structure', 'editions', 'apiTokens', 'import', 'sourceImport', 'yearReview', 'translations'];
    expect(keys('admin')).toEqual([...editorial, 'users', 'legal', 'audit']);
    expect(keys('redaktion')).toEqual(editorial);
    expect(keys('beitragende')).toEqual(['tasks', 'measures', 'reviewDue', 'campaigns', 'notifications', 'apiTokens', 'translations']);
    expect(keys('lesend')).toEqual(['tasks', 'measures', 'reviewDue', 'campaigns', 'gaps', 'steering', 'funding', 'notifications', 'apiTokens']);
    expect(adminNavFor(null)).toEqual([]);
  });
});
