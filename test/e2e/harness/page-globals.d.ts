/** What the page sees, for the tests' page.evaluate callbacks: the same bridge type the renderer uses. */
import type { MailwardenBridge } from '../../../preload/bridge';

declare global {
  interface Window {
    readonly mailwarden: MailwardenBridge;
  }
}
