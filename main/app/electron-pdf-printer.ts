/**
 * Chromium's print-to-PDF as the export's PdfPrinter: a hidden, sandboxed window with JavaScript off
 * loads the self-contained HTML report (inline styles, no scripts, nothing remote), prints it and is
 * destroyed. The global guards (web-contents-guards.ts) deny it any navigation or outside request.
 *
 * The report is served from memory on the app's own scheme (print-documents.ts), not as a data: URL,
 * which Chromium refuses beyond 2 MB (a client report of 20 to 30 accounts).
 */
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../core/export/export-ports';
import type { PrintDocuments } from './print-documents';
import { WINDOW_WEB_PREFERENCES } from './security-policy';

/** A report of a few pages prints in about a second; a stuck print fails instead of spinning forever. */
const PRINT_DEADLINE_MS = 60_000;

export function createElectronPdfPrinter(printDocuments: PrintDocuments): PdfPrinter {
  return {
    async print(html, paper) {
      const window = new BrowserWindow({
        show: false,
        webPreferences: { ...WINDOW_WEB_PREFERENCES, javascript: false },
      });
      const document = printDocuments.add(html);
      let timer: NodeJS.Timeout | undefined;
      try {
        window.webContents.on('will-navigate', (event) => {
          event.preventDefault();
        });
        const printed = (async () => {
          await window.loadURL(document.url);
          return window.webContents.printToPDF({ pageSize: paper, printBackground: true });
        })();
        const deadline = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => {
            reject(new Error('Printing the report to PDF took too long.'));
          }, PRINT_DEADLINE_MS);
        });
        return new Uint8Array(await Promise.race([printed, deadline]));
      } finally {
        clearTimeout(timer);
        document.release();
        window.destroy();
      }
    },
  };
}
