/**
 * Reports waiting to be printed to PDF, served on `app://mailwarden/print/<token>`.
 *
 * The print window used to load the report as a `data:` URL. Chromium refuses URLs longer than 2 MB,
 * which a client report crosses at 20 to 30 accounts (the desk allows 200), so export failed exactly
 * for the consultants who need it. A document held in memory and served by the app's own scheme has no
 * such limit and never touches the disk. Nothing here imports Electron: tests serve these answers to
 * Debian's Chromium over loopback, as the `app:` handler serves them to Electron's.
 */
import { randomBytes } from 'node:crypto';
import { REPORT_CONTENT_SECURITY_POLICY } from '../core/report/report-document';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** The path prefix of print documents; the renderer's own files never live under it. */
export const PRINT_PATH_PREFIX = '/print/';

/**
 * A printed report is self-contained: one inline <style>, no image, no script, nothing remote. The header
 * carries the report's own CSP (the one its <meta> tag declares, render-html.ts), not the app's, which
 * forbids the inline style the report needs; the print window also runs with JavaScript off.
 */
export const PRINT_DOCUMENT_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': REPORT_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** 32 random bytes: a page of the app cannot guess a waiting report's address (and cannot fetch anyway). */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface PrintDocument {
  /** The address the print window loads. */
  readonly url: string;
  /** Forgets the document; its address answers 404 afterwards. Safe to call twice. */
  release(): void;
}

export type PrintDocumentAnswer =
  { readonly found: true; readonly html: string } | { readonly found: false; readonly status: 404 };

export interface PrintDocuments {
  /** Holds `html` until released and returns its address. */
  add(html: string): PrintDocument;
  /** Whether `requestUrl` is a print address at all (then only `answer` may serve it). */
  isPrintUrl(requestUrl: string): boolean;
  /** The document behind a print address, or 404 for an unknown, released or malformed one. */
  answer(requestUrl: string): PrintDocumentAnswer;
  /** How many documents are held: an export that failed half-way must not leave one behind. */
  readonly size: number;
}

function pathOf(requestUrl: string): string | null {
  try {
    const parsed = new URL(requestUrl);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST) return null;
    return parsed.pathname;
  } catch {
    return null;
  }
}

export function createPrintDocuments(): PrintDocuments {
  const held = new Map<string, string>();
  return {
    add(html) {
      const token = randomBytes(TOKEN_BYTES).toString('base64url');
      held.set(token, html);
      return {
        url: `${APP_SCHEME}://${APP_HOST}${PRINT_PATH_PREFIX}${token}`,
        release: () => {
          held.delete(token);
        },
      };
    },
    isPrintUrl(requestUrl) {
      return pathOf(requestUrl)?.startsWith(PRINT_PATH_PREFIX) === true;
    },
    answer(requestUrl) {
      const pathname = pathOf(requestUrl);
      if (pathname === null || !pathname.startsWith(PRINT_PATH_PREFIX)) return { found: false, status: 404 };
      const token = pathname.slice(PRINT_PATH_PREFIX.length);
      const html = TOKEN_PATTERN.test(token) ? held.get(token) : undefined;
      return html === undefined ? { found: false, status: 404 } : { found: true, html };
    },
    get size() {
      return held.size;
    },
  };
}
