/**
 * Serves the built renderer, and reports waiting to print, on `app://mailwarden/`.
 *
 * A custom scheme instead of file:// gives the page a real origin, lets every response carry the CSP and
 * isolation headers, and confines what can be loaded to the renderer folder (resolveAppAsset decides)
 * and to the print documents held in memory (print-documents.ts). The answers live in app-request.ts.
 */
import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { answerAppRequest } from './app-request';
import type { PrintDocuments } from './print-documents';
import { APP_SCHEME_PRIVILEGES } from './security-policy';

/** Registers `app:` as a privileged scheme. Electron only accepts this before the `ready` event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Answers every `app:` request from files under `rendererRoot` or from `printDocuments` (call after `ready`). */
export function serveAppContent(rendererRoot: string, printDocuments: PrintDocuments): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, rendererRoot, printDocuments));
}
