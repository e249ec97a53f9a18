/**
 * Words shared by the findings of a sign-in that lacks a mail permission (auth.login.scope-missing,
 * imap/pop3.login.scope-missing): what the permission is called where the owner or the administrator
 * will look for it, and how to get it into the next sign-in.
 *
 * Microsoft: a delegated permission of "Office 365 Exchange Online" on the app registration, which an
 * administrator may have to consent to for the organisation (Microsoft Learn, "Authenticate an IMAP, POP
 * or SMTP connection using OAuth"). Google: the https://mail.google.com/ scope on the OAuth consent
 * screen, which Google's granular consent lets a person untick on the sign-in page.
 */
import type { Evidence, Fix, Reference } from '../../../preload/contract/findings';
import { rfc } from './knowledge-entry';
import { evidenceList, evidenceText } from './evidence-text';

/** What every scope-missing finding carries beside where the login would have gone. */
export type ScopeMissingEvidence = {
  readonly provider: string;
  readonly scope: string;
  readonly granted: readonly string[];
};

export const MICROSOFT_OAUTH_MAIL_PAGE: Reference = {
  label: 'Microsoft Learn: authenticate an IMAP, POP or SMTP connection using OAuth',
  url: 'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
};
export const GOOGLE_OAUTH_MAIL_PAGE: Reference = {
  label: 'Google for Developers: OAuth 2.0 mechanism for Gmail IMAP and SMTP (XOAUTH2)',
  url: 'https://developers.google.com/gmail/imap/xoauth2-protocol',
};

const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  microsoft: 'Microsoft',
  google: 'Google',
};

export const providerNameOf = (e: Evidence): string =>
  PROVIDER_NAMES[evidenceText(e, 'provider')] ?? 'the provider';

/** "SMTP.Send" for Microsoft's URI, the whole scope otherwise. */
export const permissionOf = (e: Evidence): string => {
  const scope = evidenceText(e, 'scope');
  return evidenceText(e, 'provider') === 'microsoft' ? scope.slice(scope.lastIndexOf('/') + 1) : scope;
};

export const grantedText = (e: Evidence): string => {
  const granted = evidenceList(e, 'granted');
  return granted.length === 0 ? 'nothing' : granted.join(' ');
};

const SIGN_IN_AGAIN_STEP =
  'Then sign in again in Mailwarden ("Sign in again" on the account, or "mailwarden accounts signin ACCOUNT") and accept every permission the provider’s page asks for; run the check again.';

export function scopeFix(e: Evidence): Fix {
  switch (evidenceText(e, 'provider')) {
    case 'microsoft':
      return {
        steps: [
          `An administrator opens the Microsoft Entra admin center > App registrations > the app whose client ID this account uses > API permissions > Add a permission > APIs my organization uses > Office 365 Exchange Online > Delegated permissions, ticks ${permissionOf(e)} and adds it.`,
          'If your organisation does not let people consent to apps themselves, the administrator then chooses "Grant admin consent for <organisation>" on the same page.',
          SIGN_IN_AGAIN_STEP,
        ],
      };
    case 'google':
      return {
        steps: [
          'Whoever set up the OAuth client opens the Google Cloud console > Google Auth Platform (APIs & Services > OAuth consent screen) > Data access, adds the scope https://mail.google.com/ and saves.',
          'On Google’s sign-in page, leave "Read, compose, send and permanently delete all your email from Gmail" ticked: Google lets you untick it, and then no mail program can log in with that sign-in.',
          SIGN_IN_AGAIN_STEP,
        ],
      };
    default:
      return {
        steps: [
          `Ask whoever runs the sign-in service to grant the scope ${evidenceText(e, 'scope')}.`,
          SIGN_IN_AGAIN_STEP,
        ],
      };
  }
}

/** RFC 6749 section 3.3: the scopes granted are the token's permissions, whatever was asked for. */
export const SCOPE_REFERENCES: readonly Reference[] = [
  rfc(6749, '3.3'),
  MICROSOFT_OAUTH_MAIL_PAGE,
  GOOGLE_OAUTH_MAIL_PAGE,
];
