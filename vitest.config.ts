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

// Vitest loads a config file's default export; this is the one default export the project allows.
// eslint-disable-next-line no-restricted-exports
export default VITEST_CONFIG;
