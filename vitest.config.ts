import { defineConfig } from 'vitest/config';

// One set of API test files, run once per database: the "sqlite" and "postgres" projects;
// "web" holds the web app's pure logic tests (no browser, no database).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['server/**/*.test.ts', 'shared/**/*.test.ts'], env: { TEST_DB: 'sqlite' } },
      },
      {
        extends: true,
        test: { name: 'postgres', include: ['server/**/*.test.ts'], exclude: ['server/**/*.logic.test.ts'], env: { TEST_DB: 'postgres' } },
      },
      {
        extends: true,
        test: { name: 'web', include: ['web/**/*.test.ts'], env: { TZ: 'UTC' } },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['e2e/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000, fileParallelism: false },
      },
    ],
  },
});
