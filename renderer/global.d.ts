/** The one object the preload puts on the page (see preload/bridge.ts); the renderer's only way out. */
import type { MailwardenBridge } from '../preload/bridge';

declare global {
  interface Window {
    readonly mailwarden: MailwardenBridge;
  }
}
