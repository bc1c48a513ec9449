import { describe, expect, it } from 'vitest';
import { DEFAULT_PGLITE_SHARED_BUFFERS, pgliteStartParams } from './config';

describe('PGlite start parameters', () => {
  const defaults = ['--single', '-c', 'search_path=public'];

  it('keep PGlite\'s own parameters and set a small buffer cache', () => {
    expect(pgliteStartParams(defaults, {})).toEqual([...defaults, '-c', `shared_buffers=${DEFAULT_PGLITE_SHARED_BUFFERS}`]);
    expect(DEFAULT_PGLITE_SHARED_BUFFERS).not.toBe('128MB');
  });

  it('take PGLITE_SHARED_BUFFERS in PostgreSQL units', () => {
    expect(pgliteStartParams(defaults, { PGLITE_SHARED_BUFFERS: '64MB' }).at(-1)).toBe('shared_buffers=64MB');
    expect(pgliteStartParams(defaults, { PGLITE_SHARED_BUFFERS: ' 512kB ' }).at(-1)).toBe('shared_buffers=512kB');
  });

  it('refuse what is not a size, in German', () => {
    for (const bad of ['viel', '64', '64 MB', '0MB', '-1MB', '64mb; drop']) {
      expect(() => pgliteStartParams(defaults, { PGLITE_SHARED_BUFFERS: bad }), bad).toThrow(/keine Speichergröße/);
    }
  });
});
