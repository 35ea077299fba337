import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// One suite, several projects:
//  - unit: pure logic beside the code (*.test.ts)
//  - db-pglite / db-postgres: the same integration files (*.db.test.ts) on both engines;
//    db-postgres runs when TEST_DATABASE_URL is set (.ci/run sets it) and fails loudly if
//    that server cannot be reached
//  - e2e: the built web app in headless Chromium against a real server
const integration = ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'];
const testEnv = { NODE_ENV: 'test', COMPTOIR_LOG_LEVEL: 'silent', COMPTOIR_ARGON2_MEMORY_KIB: '1024' };

const projects: TestProjectInlineConfiguration[] = [
  { test: { name: 'unit', include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'web/src/**/*.test.ts', 'web/build/**/*.test.ts'], exclude: ['**/*.db.test.ts'], env: testEnv } },
  {
    test: {
      name: 'db-pglite',
      include: integration,
      env: { ...testEnv, COMPTOIR_TEST_ENGINE: 'pglite' },
      globalSetup: ['test/support/global-setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    test: {
      name: 'db-postgres',
      include: integration,
      env: { ...testEnv, COMPTOIR_TEST_ENGINE: 'postgres' },
      globalSetup: ['test/support/global-setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
}
projects.push({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.test.ts'],
    env: testEnv,
    globalSetup: ['test/support/e2e-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});

export default defineConfig({ test: { projects, maxWorkers: 2 } });
