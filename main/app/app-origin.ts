/**
 * Where Mailwarden's own page lives.
 *
 * The renderer is served from a private, privileged `app:` scheme rather than `file:` (Electron security
 * checklist item 18), so it has a real origin that the navigation guard, the CSP and the IPC sender check
 * can all compare against. This module imports nothing from Electron so main/ipc can use it too.
 */

/** The URL scheme of the page, without the colon. */
export const APP_SCHEME = 'app';

/** The one host the `app:` scheme answers for. */
export const APP_HOST = 'mailwarden';

/**
 * The page's origin, as Chromium reports it (`senderFrame.origin`) for a scheme registered as standard.
 *
 * Node's URL parser says `'null'` for the origin of any non-special scheme, so code in the main process
 * compares scheme and host (see `isAppUrl` in ./security-policy) rather than `new URL(x).origin`.
 */
export const APP_ORIGIN = 'app://mailwarden';

/** The first page the window loads. */
export const APP_ENTRY_URL = 'app://mailwarden/index.html';
