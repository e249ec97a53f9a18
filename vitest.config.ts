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
  },
});

export default VITEST_CONFIG;
