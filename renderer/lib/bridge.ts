/**
 * Access to `window.mailwarden`, the named methods the preload exposes.
 *
 * Screens call `bridge()` instead of reading the global so a missing preload shows one clear
 * message instead of a blank page.
 */
import type { MailwardenBridge } from '../../preload/bridge';
import { strings } from '../strings';

export function bridge(): MailwardenBridge {
  // The property is declared non-optional, but a page opened outside the app has no preload.
  const candidate = (window as { mailwarden?: MailwardenBridge }).mailwarden;
  if (candidate === undefined) {
    throw new Error(strings.app.bridgeMissing);
  }
  return candidate;
}
