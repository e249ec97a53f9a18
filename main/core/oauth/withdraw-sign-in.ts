/**
 * How a person withdraws Mailwarden's sign-in at the provider themselves, when Mailwarden could not
 * revoke it there (RFC 7009 revocation failed or is not offered). One wording for the CLI and the app.
 */
import type { OAuthProviderName } from '../../../preload/contract/accounts';

const WITHDRAW_STEPS: Readonly<Record<OAuthProviderName, string>> = {
  microsoft:
    'To withdraw it, remove Mailwarden from the apps allowed to use your account: for a work or school ' +
    'account in My Apps (myapps.microsoft.com), for a personal one at account.microsoft.com → Privacy → ' +
    'App permissions.',
  google: 'To withdraw it, remove Mailwarden at myaccount.google.com/permissions.',
  oidc: 'To withdraw it, remove Mailwarden from the apps allowed to use your account on your provider’s account page.',
};

export function howToWithdrawSignIn(provider: OAuthProviderName): string {
  return WITHDRAW_STEPS[provider];
}
