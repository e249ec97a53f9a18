import { defineConfig } from 'vitest/config';

export const VITEST_CONFIG = defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests start real servers (DNS, keychain); a hang must fail, not stall CI.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

export default VITEST_CONFIG;
