/**
 * Stand-ins for the two export ports the app gets from Electron: the save dialog (answers queued by the
 * test, requests recorded) and the PDF printer (Debian's Chromium, the engine Electron prints with).
 * A spec installs them with `test.use({ exportPorts: standIns.ports })` and calls the hooks.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportFormat } from '../../../preload/contract/export';
import { startChromiumPdfPrinter, type ChromiumPdfPrinter } from '../../helpers/chromium-pdf-printer';
import { makeTempDir } from '../../helpers/temp-dir';
import type { ExportPorts } from './app-fixture';

export interface ExportStandIns {
  readonly ports: ExportPorts;
  /** What the save dialog answers next: a file name inside `outDir()`, or null for Cancel. */
  readonly answers: (string | null)[];
  /** What the save dialog was asked, in order. */
  readonly asked: { suggestedName: string; format: ExportFormat }[];
  /** The folder this test's exports land in. */
  outDir(): string;
  /** beforeAll: starts the printer. */
  start(): Promise<void>;
  /** beforeEach: a fresh folder, no queued answers, nothing asked. */
  reset(): Promise<void>;
  /** afterEach: removes the folder. */
  clean(): Promise<void>;
  /** afterAll: stops the printer. */
  stop(): Promise<void>;
}

export function createExportStandIns(): ExportStandIns {
  let printer: ChromiumPdfPrinter | undefined;
  let outDir = '';
  const answers: (string | null)[] = [];
  const asked: { suggestedName: string; format: ExportFormat }[] = [];
  return {
    answers,
    asked,
    outDir: () => outDir,
    ports: {
      saveTarget: {
        chooseFile(request) {
          asked.push({ ...request });
          const answer = answers.shift() ?? null;
          return Promise.resolve(answer === null ? null : join(outDir, answer));
        },
      },
      pdfPrinter: {
        print(html, paper) {
          if (printer === undefined) throw new Error('Chromium did not start.');
          return printer.print(html, paper);
        },
      },
    },
    async start() {
      printer = await startChromiumPdfPrinter();
    },
    async reset() {
      outDir = await makeTempDir();
      answers.length = 0;
      asked.length = 0;
    },
    async clean() {
      if (outDir !== '') await rm(outDir, { recursive: true, force: true });
    },
    async stop() {
      await printer?.close();
    },
  };
}
