/**
 * What exporting a report needs from outside the core: somewhere to save (the OS save dialog in the
 * app), something to print HTML to PDF (Chromium in the app), and a way to write the file.
 */
import type { ExportFormat, PaperSize } from '../../../preload/contract/export';

/** Asks the user where to save. */
export interface SaveTarget {
  /** The full path the user chose, or null when they cancelled. */
  chooseFile(request: {
    readonly suggestedName: string;
    readonly format: ExportFormat;
  }): Promise<string | null>;
}

/** Lays an HTML document out on paper and returns the PDF's bytes. */
export interface PdfPrinter {
  print(html: string, paper: PaperSize): Promise<Uint8Array>;
}

/** Replaces `path` with `content` so that a crash leaves the old file or the new one, never half of one. */
export type ReportFileWriter = (path: string, content: string | Uint8Array) => Promise<void>;
