import { defineConfig } from 'vitest/config';

export const VITEST_CONFIG = defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests start real servers (DNS, keychain); a hang must fail, not stall CI.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every folder a test makes lives under one temporary folder, removed when the run ends.
    globalSetup: ['test/helpers/vitest-global-setup.ts'],
    // Integration tests only (the file checks the test's path): every finding a real check makes must
    // read whole, with no empty slot where evidence was missing; and it records which ids were produced.
    setupFiles: ['test/helpers/wording-guard/wording-guard-setup.ts'],
  },
});

export default VITEST_CONFIG;
