/**
 * A client report of 30 accounts, each with a full SMTP transcript, prints to PDF in full.
 *
 * The app's print window used to load the report as a data: URL, and Chromium refuses URLs over 2 MB, so
 * the export of a client with 20 to 30 accounts failed. Now the report is served from memory on the app's
 * scheme. Electron cannot run here, so a loopback server hands Debian's Chromium exactly the answers the
 * `app:` handler gives Electron (answerAppRequest), and Chromium prints what it loaded, with JavaScript
 * off as in the app's print window.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, expect as expectPage, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../../preload/contract/audit';
import type { HistoryEntry } from '../../../preload/contract/history';
import { answerAppRequest } from '../../../main/app/app-request';
import { createPrintDocuments } from '../../../main/app/print-documents';
import { buildClientReport } from '../../../main/core/report/client-report';
import { renderClientHtml } from '../../../main/core/report/render-client-html';
import { finding, sampleReport } from '../../helpers/report-samples';
import { pdfPageSizes } from '../../helpers/pdf-page-sizes';
import { makeTempDir } from '../../helpers/temp-dir';

/** Where the issue saw the export fail: 20 to 30 accounts with their transcripts. */
const ACCOUNTS = 30;
/** A real account audit's transcript: 25, 465, 587 and the relay and spoofing probes run to 300 lines and more. */
const TRANSCRIPT_LINES = 300;
/** Chromium's longest URL (url/url_constants.cc, kMaxURLChars). */
const CHROMIUM_MAX_URL = 2 * 1024 * 1024;

function transcript(): TranscriptLine[] {
  return Array.from({ length: TRANSCRIPT_LINES }, (_, line) => ({
    at: '2026-12-06T05:00:00.000Z',
    elapsedMs: line,
    direction: line % 2 === 0 ? ('client' as const) : ('server' as const),
    connection: 'smtp.bakery.example:587',
    text: line % 2 === 0 ? 'EHLO mailwarden.invalid' : '250-smtp.bakery.example Hello, pleased to meet you',
  }));
}

function largeClientHtml(): string {
  const entries: HistoryEntry[] = Array.from({ length: ACCOUNTS }, (_, index) => {
    const label = `account-${String(index + 1).padStart(2, '0')}@bakery.example`;
    return {
      runId: `run-${String(index)}`,
      accountId: `acc-${String(index)}`,
      report: sampleReport({
        target: {
          kind: 'account',
          label,
          domain: 'bakery.example',
          host: 'smtp.bakery.example',
          port: 587,
          security: 'starttls',
        },
        findings: [
          finding({ id: 'dmarc.record.missing', severity: 'medium' }),
          finding({ id: 'tls.protocol.tls1_0-accepted', severity: 'medium' }),
          finding({ id: 'spf.all.softfail', severity: 'low' }),
          finding({ id: 'mx.present', severity: 'pass' }),
        ],
        transcript: transcript(),
      }),
    };
  });
  return renderClientHtml(buildClientReport('Bakery & Sons', entries, '2026-12-06T05:00:00.000Z'));
}

let server: Server;
let origin = '';
let browser: Browser;
const printDocuments = createPrintDocuments();

beforeAll(async () => {
  const rendererRoot = await makeTempDir();
  server = createServer((incoming, outgoing) => {
    // The same Request the app: handler receives from Electron, with the app's origin.
    const request = new Request(`app://mailwarden${incoming.url ?? '/'}`, {
      method: incoming.method ?? 'GET',
    });
    void answerAppRequest(request, rendererRoot, printDocuments).then(async (response) => {
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    timeout: 20_000,
  });
}, 30_000);

afterAll(async () => {
  await browser.close();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
});

describe('printing a large client report', () => {
  const html = largeClientHtml();

  it('cannot be loaded as a data: URL, as the print window used to', async () => {
    const dataUrl = `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
    expect(dataUrl.length).toBeGreaterThan(CHROMIUM_MAX_URL);
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await expect(page.goto(dataUrl, { timeout: 60_000 })).rejects.toThrow(/ERR_ABORTED|Invalid url/);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('prints every account from the print address, laid out by its own stylesheet', async () => {
    const document = printDocuments.add(html);
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      const response = await page.goto(`${origin}${new URL(document.url).pathname}`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('body').innerText()).toContain(`account-${String(ACCOUNTS)}@bakery.example`);
      // The report's inline stylesheet applied under the print CSP: in print, its pages break before
      // each account (a blocked stylesheet leaves the browser's default `auto`).
      await page.emulateMedia({ media: 'print' });
      await expectPage(page.locator('.client-account').first()).toHaveCSS('break-before', 'page');
      const pages = pdfPageSizes(new Uint8Array(await page.pdf({ format: 'A4', printBackground: true })));
      expect(pages.length).toBeGreaterThan(ACCOUNTS);
    } finally {
      await context.close();
      document.release();
    }
    expect(printDocuments.size).toBe(0);
  }, 300_000);
});
