/**
 * The HTML document every report is: the locked-down head (a Content-Security-Policy that allows only the
 * page's own inline style, no referrer), the header printed on every PDF page, the content, the footer.
 * One place, so the audit, client and message reports cannot drift apart in what they allow.
 */
import { SafeHtml, markup } from './html-template';
import { REPORT_CSS } from './report-html-styles';
import { readableTime } from './report-view';

/** Nothing may load and nothing may run; only the inline stylesheet applies (CSP Level 3). */
export const REPORT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

export interface ReportDocument {
  /** The window's and the PDF's title. */
  readonly title: string;
  /** Styles added after the shared report styles, e.g. the client report's. */
  readonly extraCss?: string;
  /** What the printed pages' header says on the left; the time goes on the right. */
  readonly printHeader: string;
  /** When the report's content was made (ISO 8601). */
  readonly madeAt: string;
  /** Everything between the print header and the footer. */
  readonly content: SafeHtml;
  readonly footer: string;
}

export function reportDocument(document: ReportDocument): string {
  const page = markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${document.title}</title>
<style>${new SafeHtml(REPORT_CSS + (document.extraCss ?? ''))}</style>
</head>
<body>
<div class="print-header"><span>${document.printHeader}</span><span>${readableTime(document.madeAt)}</span></div>
${document.content}
<footer>${document.footer}</footer>
</body>
</html>
`;
  return page.markup;
}
