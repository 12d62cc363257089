// `npm run test:postgres`: the store suite and the worker tests on a real PostgreSQL server,
// which the global setup starts (or SITREP_TEST_PG_URL names).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/store/**/*.test.ts', 'src/pipeline/worker.test.ts'],
    env: { SITREP_TEST_ENGINE: 'postgres' },
    globalSetup: ['./src/test-support/postgres-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
