/**
 * Applies the security policy to every web page Electron ever creates.
 *
 * Hooked on `web-contents-created`, so a window, a devtools page or anything created later is covered
 * without each call site remembering to. Every decision comes from ./security-policy.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import {
  isAllowedNavigation,
  isAllowedRequest,
  openExternalSafely,
  permissionCheckDecision,
  permissionRequestDecision,
  shouldRefuseWebview,
  windowOpenDecision,
} from './security-policy';

const guardedSessions = new WeakSet<Session>();

/** Denies every permission and every request that is not the app's own, for one session. */
export function guardSession(session: Session): void {
  if (guardedSessions.has(session)) return;
  guardedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(permissionRequestDecision(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => permissionCheckDecision(permission));
  session.setDevicePermissionHandler((details) => permissionCheckDecision(details.deviceType));
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
}

function openInBrowser(url: string): void {
  void openExternalSafely(url, (safeUrl) => shell.openExternal(safeUrl));
}

function guardWebContents(contents: WebContents): void {
  guardSession(contents.session);
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    // A plain link to a help page: the user meant to read it, in their browser.
    if (event.isMainFrame) openInBrowser(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) openInBrowser(url);
    return decision.response;
  });
  contents.on('will-attach-webview', (event) => {
    if (shouldRefuseWebview()) event.preventDefault();
  });
}

/** Installs the guards; call once, before the first window exists. */
export function installWebContentsGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents);
  });
}
