/**
 * The answer to one request on the `app:` scheme, as a Fetch API Response.
 *
 * Kept apart from content-protocol.ts (the Electron glue) so tests can serve exactly these answers to
 * Debian's Chromium: Electron's `protocol.handle` and a loopback test server both speak Request/Response.
 */
import { readFile } from 'node:fs/promises';
import type { PrintDocuments } from './print-documents';
import { PRINT_DOCUMENT_HEADERS } from './print-documents';
import { APP_RESPONSE_HEADERS, resolveAppAsset } from './security-policy';

function emptyResponse(status: number): Response {
  return new Response(null, { status, headers: APP_RESPONSE_HEADERS });
}

/** Answers a request for the renderer's files under `rendererRoot`, or for a report waiting to print. */
export async function answerAppRequest(
  request: Request,
  rendererRoot: string,
  printDocuments: PrintDocuments,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return emptyResponse(405);
  if (printDocuments.isPrintUrl(request.url)) {
    const document = printDocuments.answer(request.url);
    if (!document.found) return emptyResponse(document.status);
    const body = request.method === 'HEAD' ? null : document.html;
    return new Response(body, { status: 200, headers: PRINT_DOCUMENT_HEADERS });
  }
  const asset = resolveAppAsset(request.url, rendererRoot);
  if (!asset.ok) return emptyResponse(asset.status);
  try {
    const body = request.method === 'HEAD' ? null : await readFile(asset.filePath);
    return new Response(body, {
      status: 200,
      headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': asset.mimeType },
    });
  } catch {
    // Missing, a folder, or unreadable: the page gets a plain 404 and no file-system detail.
    return emptyResponse(404);
  }
}
