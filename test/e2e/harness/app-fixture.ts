/**
 * The `app` fixture: the built renderer in Chromium, its `window.mailwarden` bound to the real IPC
 * router over real main services (JSON files in a fresh data folder, the real keychain under a
 * service name of its own), and recorders for everything that crosses the page's boundary.
 */
import { mkdir } from 'node:fs/promises';
import { test as base, expect, type Page } from '@playwright/test';
import type { MainServicesOptions } from '../../../main/composition';
import { createIpcRouter } from '../../../main/ipc/router';
import { createTestServices, type TestServices } from '../../helpers/test-services';
import { pageBridgeScript } from './page-bridge';
import { serveRenderer, TEST_ENTRY_URL, TEST_ORIGIN } from './serve-renderer';

export const SCREENS_DIR = 'test-results/screens';

export interface BridgeCall {
  readonly channel: string;
  /** The Outcome as it went back to the page, serialised: what a leak check must search. */
  readonly response: string;
}

export interface AppHarness {
  readonly page: Page;
  readonly env: TestServices;
  /** Every answer the router gave the page, in order. */
  readonly calls: BridgeCall[];
  /** Every URL the browser context requested. */
  readonly requests: string[];
  /** Console errors, uncaught page errors and CSP violation reports. */
  readonly problems: string[];
  /** Every URL main asked the system browser to open (an OAuth sign-in's authorization URL). */
  readonly browserOpened: string[];
  /** The next URL main asks the system browser to open. */
  nextBrowserUrl(): Promise<string>;
  open(): Promise<void>;
  /** Saves test-results/screens/<name>.png: the whole page, or only what the window shows. */
  screenshot(name: string, options?: { readonly fullPage?: boolean }): Promise<void>;
}

/** Stand-ins for the save dialog and the PDF printer, for specs that export (set with `test.use`). */
export type ExportPorts = Pick<MainServicesOptions, 'saveTarget' | 'pdfPrinter'>;

/** A stand-in for the open dialog "Open a message file" asks, for specs that check a file (set with `test.use`). */
export type OpenPorts = Pick<MainServicesOptions, 'openTarget'>;

/**
 * A keychain in a state the shared test keyring cannot be put in for one spec (locked, unavailable),
 * answering as the keytar adapter does in that state (set with `test.use`); the real keychain otherwise.
 */
export type KeychainOverride = Pick<MainServicesOptions, 'secretStore'>;

export const test = base.extend<{
  app: AppHarness;
  exportPorts: ExportPorts;
  openPorts: OpenPorts;
  keychainOverride: KeychainOverride;
}>({
  exportPorts: [{}, { option: true }],
  openPorts: [{}, { option: true }],
  keychainOverride: [{}, { option: true }],
  app: async ({ page, exportPorts, openPorts, keychainOverride }, use) => {
    const browserOpened: string[] = [];
    let waiters: ((url: string) => void)[] = [];
    // The "system browser": the URL is recorded for the test, which opens it in a browser of its own.
    const env = await createTestServices({
      ...exportPorts,
      ...openPorts,
      ...keychainOverride,
      systemBrowser: (url) => {
        browserOpened.push(url);
        for (const waiter of waiters) waiter(url);
        waiters = [];
        return Promise.resolve();
      },
    });
    const router = createIpcRouter(env.services, { trustedOrigin: TEST_ORIGIN });
    const calls: BridgeCall[] = [];
    const requests: string[] = [];
    const problems: string[] = [];
    const context = page.context();

    context.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.exposeBinding('__mailwardenCspViolation', (_source, report: string) => {
      problems.push(`csp: ${report}`);
    });
    await page.exposeBinding('__mailwardenInvoke', async (source, channel: string, payload: unknown) => {
      const outcome = await router.handle(
        channel,
        payload,
        { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() },
        {
          // Like register-ipc's eventsTo(): pushes go back to the page that asked, while it exists.
          emit(eventChannel, eventPayload) {
            calls.push({ channel: eventChannel, response: JSON.stringify(eventPayload) });
            if (source.page.isClosed()) return;
            const args: [string, unknown] = [eventChannel, JSON.parse(JSON.stringify(eventPayload))];
            void source.page
              .evaluate(([c, p]) => {
                (
                  window as unknown as { __mailwardenDeliver(c: string, p: unknown): void }
                ).__mailwardenDeliver(c, p);
              }, args)
              .catch(() => undefined);
          },
        },
      );
      calls.push({ channel, response: JSON.stringify(outcome) });
      return outcome;
    });
    await page.addInitScript({ content: CSP_LISTENER });
    await page.addInitScript({ content: await pageBridgeScript() });

    // Nothing leaves the browser: everything is refused unless the renderer route answers it.
    await context.route('**/*', (route) => route.abort('blockedbyclient'));
    await page.route(`${TEST_ORIGIN}/**`, serveRenderer);
    await mkdir(SCREENS_DIR, { recursive: true });

    const harness: AppHarness = {
      page,
      env,
      calls,
      requests,
      problems,
      browserOpened,
      nextBrowserUrl: () =>
        new Promise((resolve) => {
          waiters.push(resolve);
        }),
      async open() {
        await page.goto(TEST_ENTRY_URL);
      },
      async screenshot(name, options = {}) {
        await page.screenshot({
          path: `${SCREENS_DIR}/${name}.png`,
          fullPage: options.fullPage ?? true,
          animations: 'disabled',
        });
      },
    };
    try {
      await use(harness);
      // Every test, whatever it did: the page talked to nothing but its own origin, logged no error and
      // broke no CSP rule.
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => !url.startsWith(`${TEST_ORIGIN}/`))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await env.cleanup();
    }
  },
});

/** Reports every CSP violation to the test, in case Chromium's console message is ever missing. */
const CSP_LISTENER = `document.addEventListener('securitypolicyviolation', (event) => {
  window.__mailwardenCspViolation(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline'));
});`;

export { expect };
