/** Saving a stored run's report as a file the user chooses: the formats, paper sizes and the answer. */

/** Every format the app can save a report as; PDF is the HTML report printed. */
export const EXPORT_FORMATS = ['html', 'pdf', 'md', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The paper a PDF is laid out for: A4 (ISO 216) almost everywhere, Letter in North America. */
export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/**
 * What an export did. Cancelling the save dialog is not an error. Only the chosen file's base name
 * comes back (for the confirmation): the page never learns the folders on the user's disk.
 */
export type ReportExportResult =
  { readonly saved: true; readonly fileName: string } | { readonly saved: false };
