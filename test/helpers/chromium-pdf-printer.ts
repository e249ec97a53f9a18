/**
 * A real PdfPrinter for tests: Debian's Chromium (the engine Electron's printToPDF uses) laying the HTML
 * out with JavaScript off, as the app's hidden print window does.
 */
import { chromium, type Browser } from '@playwright/test';
import type { PdfPrinter } from '../../main/core/export/export-ports';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** The same switches as playwright.config.ts: no sandbox (root in CI), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const LAUNCH_TIMEOUT_MS = 20_000;
const PRINT_TIMEOUT_MS = 20_000;

export interface ChromiumPdfPrinter extends PdfPrinter {
  close(): Promise<void>;
}

export async function startChromiumPdfPrinter(): Promise<ChromiumPdfPrinter> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    timeout: LAUNCH_TIMEOUT_MS,
  });
  return {
    async print(html, paper) {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(PRINT_TIMEOUT_MS);
        await page.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(await page.pdf({ format: paper, printBackground: true }));
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}
