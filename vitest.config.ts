import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
    globalSetup: ['tests/setup/global-db.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Both cores: the default (cores − 1) runs the files one at a time on a 2-core machine. The full
    // run took 866 s with one worker (CI, machine shared) and 466 s with two (npx vitest run --maxWorkers=2).
    maxWorkers: 2,
  },
});
