/**
 * Is this IPC message from Mailwarden's own page?
 *
 * A compromised or navigated frame (an iframe, a page that somehow loaded another origin) must not be
 * able to drive the main process. Like GitHub Desktop's trusted-ipc-sender, every handler checks the
 * sending frame before it reads the payload: it must be a main frame on the app's own origin.
 */

/** The facts about Electron's `event.senderFrame` the check needs; null when the frame is gone. */
export interface SenderFrame {
  readonly url: string;
  readonly isMainFrame: boolean;
}

export function isTrustedSender(frame: SenderFrame | null, trustedOrigin: string): boolean {
  if (frame === null || !frame.isMainFrame) return false;
  let origin: string;
  try {
    const url = new URL(frame.url);
    // For non-special schemes such as app:, URL.origin is "null"; compare scheme and host instead.
    origin = `${url.protocol}//${url.host}`;
    if (url.username !== '' || url.password !== '') return false;
  } catch {
    return false;
  }
  return origin === trustedOrigin;
}
