/**
 * The person's own browser in OAuth tests: Debian's Chromium driven by Playwright, opened on the URL
 * Mailwarden printed, with the provider's login and consent pages filled in as a person would.
 *
 * Debian's Chromium ignores NODE_EXTRA_CA_CERTS and reads no test CA, so the provider's certificate is
 * trusted by the SHA-256 hash of its public key (--ignore-certificate-errors-spki-list), and only that one:
 * any other certificate still fails as it would for the person.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, LAUNCH_TIMEOUT_MS } from './chromium-pdf-printer';

/** One page load or click of the provider's pages; the machine is shared and slow. */
const STEP_TIMEOUT_MS = 20_000;

export interface SystemBrowser {
  /** A fresh window (no cookies) on `url`, the provider's authorization page. */
  open(url: string): Promise<ProviderPages>;
  close(): Promise<void>;
}

export interface ProviderPages {
  readonly page: Page;
  /** Types the login and a password on the provider's login page; the consent page follows. */
  logIn(login: string): Promise<void>;
  /** Consents; resolves once the browser has reached Mailwarden's loopback listener. */
  consent(): Promise<void>;
  /** Refuses consent with the page's own way out; resolves once the refusal reached the listener. */
  deny(): Promise<void>;
  /** Rewrites the `state` of the redirect to the loopback listener before the browser sends it. */
  tamperState(state: string): Promise<void>;
}

/** The value Chromium's --ignore-certificate-errors-spki-list takes: base64 SHA-256 of the SPKI. */
export function spkiHash(certificatePem: string): string {
  const spki = new X509Certificate(certificatePem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

const isLoopbackRedirect = (url: URL): boolean => url.protocol === 'http:' && url.hostname === '127.0.0.1';

export async function startSystemBrowser(trustedCertificatePem: string): Promise<SystemBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${spkiHash(trustedCertificatePem)}`],
    timeout: LAUNCH_TIMEOUT_MS,
  });
  return {
    async open(url) {
      const context = await browser.newContext();
      // Only the provider and the loopback listener answer: the provider's page imports a web font, and
      // the test machine reaches nothing outside.
      const provider = new URL(url).origin;
      await context.route(
        (target) => target.origin !== provider && !isLoopbackRedirect(target),
        (route) => route.abort(),
      );
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      await page.goto(url);
      const reachedListener = () => page.waitForURL(isLoopbackRedirect, { waitUntil: 'load' });
      return {
        page,
        async logIn(login) {
          await page.locator('input[name="login"]').fill(login);
          await page.locator('input[name="password"]').fill('any');
          await page.getByRole('button', { name: 'Sign-in' }).click();
          await page.getByRole('button', { name: 'Continue' }).waitFor();
        },
        async consent() {
          await Promise.all([reachedListener(), page.getByRole('button', { name: 'Continue' }).click()]);
        },
        async deny() {
          // oidc-provider's pages end with "[ Cancel ]": the interaction's abort, access_denied.
          await Promise.all([reachedListener(), page.getByRole('link', { name: '[ Cancel ]' }).click()]);
        },
        async tamperState(state) {
          // Playwright's page.route does not see a redirect's next request, and the loopback request is
          // the provider's redirect; Chromium's own Fetch interception (CDP) pauses that one too.
          const cdp = await context.newCDPSession(page);
          cdp.on('Fetch.requestPaused', (paused: { requestId: string; request: { url: string } }) => {
            const forged = new URL(paused.request.url);
            forged.searchParams.set('state', state);
            void cdp.send('Fetch.continueRequest', { requestId: paused.requestId, url: forged.href });
          });
          await cdp.send('Fetch.enable', { patterns: [{ urlPattern: 'http://127.0.0.1:*' }] });
        },
      };
    },
    close: () => browser.close(),
  };
}
