/**
 * How the app hands an OAuth authorization URL to the person's own browser.
 *
 * RFC 8252 section 8.12: a native app signs in through the system browser, never an embedded web view,
 * where the app could read what the person types on the provider's page. So the provider's page is
 * never loaded in a Mailwarden window (the navigation guards in security-policy.ts refuse every page but
 * Mailwarden's own); it goes to `shell.openExternal`, and only when the policy of
 * core/oauth/authorization-url-policy.ts allows it: https: (a loopback test issuer is https: too), with
 * no user name or password in it.
 */
import { isOpenableAuthorizationUrl } from '../core/oauth/authorization-url-policy';
import type { AuthorizationUrlOpener } from '../core/oauth/oauth-ports';
import { MailwardenError } from '../core/errors/mailwarden-error';

/** `openExternal` is Electron's shell.openExternal; a test passes a recorder. */
export function createAuthorizationBrowser(
  openExternal: (url: string) => Promise<void>,
): AuthorizationUrlOpener {
  return async (url) => {
    if (!isOpenableAuthorizationUrl(url)) {
      throw new MailwardenError(
        'SIGN_IN_FAILED',
        'The provider’s sign-in page is not a plain https: address, so Mailwarden did not open it. Check the issuer URL.',
      );
    }
    try {
      // Re-serialised by the parser: what was checked is exactly what is opened.
      await openExternal(new URL(url).href);
    } catch {
      throw new MailwardenError(
        'SIGN_IN_FAILED',
        'Mailwarden could not open your browser for the sign-in. Check that a default browser is set.',
      );
    }
  };
}
