/**
 * Playwright drives the built renderer (dist/renderer) in Debian's Chromium, bound to the real
 * main-process IPC handlers in the test process (see test/e2e/harness/). Run inside the test keyring:
 *   node scripts/build.mjs renderer
 *   dbus-run-session -- bash test/helpers/with-keyring.sh npx playwright test
 */
import { defineConfig } from '@playwright/test';

/** One test may start DNS servers and touch the keychain; none should take close to this. */
const TEST_TIMEOUT_MS = 60_000;
/**
 * The whole run: a hang fails the run instead of stalling CI. About 65 tests take 10-12 minutes on this
 * 2-core machine when it is quiet; a single hung test is already stopped by TEST_TIMEOUT_MS.
 */
const RUN_TIMEOUT_MS = 20 * 60_000;
const EXPECT_TIMEOUT_MS = 10_000;
const ACTION_TIMEOUT_MS = 10_000;

export const PLAYWRIGHT_CONFIG = defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/harness/global-setup.ts',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: TEST_TIMEOUT_MS,
  globalTimeout: RUN_TIMEOUT_MS,
  expect: { timeout: EXPECT_TIMEOUT_MS },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1024, height: 768 },
    actionTimeout: ACTION_TIMEOUT_MS,
    navigationTimeout: ACTION_TIMEOUT_MS,
    screenshot: 'on',
    trace: 'off',
    // No service workers: nothing may answer the page except the test's own route.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});

// Playwright loads a config file's default export: the one default export this file has, because Playwright
// requires it (the lint rule lets a plain `export default <name>` through).
export default PLAYWRIGHT_CONFIG;
