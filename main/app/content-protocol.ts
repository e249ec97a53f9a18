/**
 * Serves the built renderer on `app://mailwarden/`.
 *
 * A custom scheme instead of file:// gives the page a real origin, lets every response carry the CSP and
 * isolation headers, and confines what can be loaded to the renderer folder (resolveAppAsset decides).
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from './app-origin';
import { APP_RESPONSE_HEADERS, APP_SCHEME_PRIVILEGES, resolveAppAsset } from './security-policy';

/** Registers `app:` as a privileged scheme. Electron only accepts this before the `ready` event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

function emptyResponse(status: number): Response {
  return new Response(null, { status, headers: APP_RESPONSE_HEADERS });
}

/** Answers every `app:` request from files under `rendererRoot` (call after `ready`). */
export function serveAppContent(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return emptyResponse(405);
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
  });
}
