/**
 * Words for password logins that Microsoft and Google refuse because the account must sign in with OAuth
 * (or, with Google, an app password), and for a Microsoft tenant that still takes a password after
 * Microsoft's cut-off: entries spread into the login (auth.*) table.
 *
 * Microsoft switches password (Basic) SMTP AUTH off by default for existing Microsoft 365 tenants at the
 * end of December 2026 and then answers "550 5.7.30 Basic authentication is not supported for Client
 * Submission"; Google has accepted only OAuth or an app password from mail programs since 2022 (personal)
 * and 2025 (Workspace). Sources: shared/reference/providers.md sections 1 and 2, and the pages cited below.
 */
import type { Evidence, Reference } from '../../../preload/contract/findings';
import { replyOf } from './auth-reply-text';
import { evidenceText } from './evidence-text';
import { rfc, type KnowledgeEntry } from './knowledge-entry';
import { grantedText, permissionOf, providerNameOf, SCOPE_REFERENCES, scopeFix } from './scope-words';

const M365_SMTP_AUTH_PAGE: Reference = {
  label: 'Microsoft Learn: authenticated client SMTP submission (SMTP AUTH) in Exchange Online',
  url: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
};
const M365_DEVICES_PAGE: Reference = {
  label: 'Microsoft Learn: how a multifunction device or application sends email with Microsoft 365',
  url: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365',
};
const GOOGLE_APP_PASSWORDS_PAGE: Reference = {
  label: 'Google Account Help: sign in with app passwords',
  url: 'https://support.google.com/accounts/answer/185833',
};

/** Microsoft's 535 5.7.3 "Authentication unsuccessful" says no more than that (unlike 5.7.30 and 5.7.139). */
const genericRefusal = (e: Evidence): boolean => {
  const reply = e['reply'];
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) return false;
  return (reply as { readonly [key: string]: unknown })['enhancedCode'] === '5.7.3';
};

export const GOOGLE_APP_PASSWORD_STEPS = [
  'Best: sign in with Google (OAuth) in every mail program that offers it: remove the account and add it again as "Google", which opens Google’s own sign-in page.',
  'Where a program or device cannot do that: sign in to your Google Account and open Security.',
  'Turn on 2-Step Verification if it is off (app passwords need it).',
  'Open "App passwords", create one named "Mailwarden" (or your mail program), and copy the 16 letters.',
  'Use the app password (without spaces) instead of your account password there, and in Mailwarden; then run the check again.',
];

/** What to change where a Microsoft 365 mailbox is still used with a password. */
const M365_OAUTH_STEPS = [
  'Outlook (Windows, Mac, the new Outlook): remove the account and add it again as a Microsoft 365 / Exchange account, so it signs in on Microsoft’s page (modern authentication); an account set up as "IMAP" or "POP" with SMTP and a password must be replaced.',
  'iPhone and iPad Mail: Settings > Mail > Accounts > Add Account > Microsoft Exchange, then "Sign In" (not "Configure Manually"). Android: the Outlook app, or the Gmail app’s "Exchange and Microsoft 365" option.',
  'Scanners, printers and programs that send mail with a password: use OAuth where the device offers it; otherwise an administrator sets up a connector (SMTP relay to your <domain>.mail.protection.outlook.com host on port 25 from your fixed address, Exchange admin center > Mail flow > Connectors) or High Volume Email for Microsoft 365, and points the device there.',
  'In Mailwarden, change this account’s sign-in to Microsoft (OAuth) and sign in on Microsoft’s page; the next test then logs in the way your mail programs must.',
];

export const SIGN_IN_ENTRIES = {
  'auth.login.oauth-required': {
    severity: 'high',
    title: 'This account must sign in with OAuth: Microsoft 365 no longer takes its password',
    explanation: (e) =>
      `Microsoft answered ${replyOf(e)} to the password login on ${evidenceText(e, 'host')}. ` +
      'Password (Basic) sign-in for sending mail is turned off for this organisation or mailbox, as Microsoft does by default for existing tenants from the end of December 2026; only a sign-in on Microsoft’s own page (OAuth, "modern authentication") works. ' +
      'Every mail program, phone and device that still sends with this password now fails. The password itself may well be right, so Mailwarden could not test the login with it.' +
      (genericRefusal(e)
        ? ' Microsoft gives this same short answer to a wrong password; if the account already signs in with OAuth elsewhere and still fails, check the password too.'
        : ''),
    fix: { steps: M365_OAUTH_STEPS },
    references: [rfc(4954, '6'), rfc(7628, '3'), M365_SMTP_AUTH_PAGE, M365_DEVICES_PAGE],
  },
  'auth.login.m365-basic-reenabled': {
    severity: 'medium',
    title: 'The Microsoft 365 tenant has turned password login for sending back on',
    explanation: (e) =>
      `Microsoft accepted a password (${evidenceText(e, 'mechanism')}) for sending on ${evidenceText(e, 'host')} on ${evidenceText(e, 'auditDay')}, ` +
      'after the end of December 2026, when Microsoft switched password (Basic) SMTP AUTH off by default. An administrator has turned it back on for the organisation or this mailbox. ' +
      'A stolen or guessed password can then send mail as you without a second factor, and Microsoft will remove password login for good in the second half of 2027, so whatever still depends on it will stop.',
    fix: {
      steps: [
        'Move the programs and devices that send with a password to OAuth, or to a connector or High Volume Email for devices that cannot (see Microsoft’s page below).',
        'Then an administrator turns password login off again for the whole organisation in Exchange Online PowerShell: Set-TransportConfig -SmtpClientAuthenticationDisabled $true.',
        'Where only some mailboxes had it turned back on: Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $true for each (Get-CASMailbox -Filter {SmtpClientAuthenticationDisabled -eq $false} lists them).',
        'Run the check again: the password login should now be refused.',
      ],
    },
    references: [rfc(4954, '6'), M365_SMTP_AUTH_PAGE],
  },
  'auth.login.gmail-app-password-required': {
    severity: 'high',
    title: 'Use Google sign-in (OAuth) or an app password: Google refuses the account password',
    explanation: (e) =>
      `Google answered ${replyOf(e)}. Your Google Account uses 2-Step Verification, so mail programs must sign in with Google (OAuth) or with an app password; ` +
      'the account password is refused even when it is right, so Mailwarden could not test the login with it.',
    fix: { steps: GOOGLE_APP_PASSWORD_STEPS },
    references: [rfc(4954, '6'), rfc(7628, '3'), GOOGLE_APP_PASSWORDS_PAGE],
  },
  'auth.login.gmail-bad-credentials': {
    severity: 'high',
    title: 'Google did not accept this password: use Google sign-in (OAuth) or an app password',
    explanation: (e) =>
      `Google answered ${replyOf(e)}. Either the password is wrong, or it is your normal account password, which Google no longer accepts in mail programs (personal accounts since May 2022, Google Workspace since 2025): only Google sign-in (OAuth) or an app password work.`,
    fix: { steps: ['Use your full Gmail address as the user name.', ...GOOGLE_APP_PASSWORD_STEPS] },
    references: [rfc(4954, '6'), GOOGLE_APP_PASSWORDS_PAGE],
  },
  'auth.login.scope-missing': {
    severity: 'high',
    title: (e) =>
      `The ${providerNameOf(e)} sign-in has no permission to send mail (${permissionOf(e)}), so the login was not tested`,
    explanation: (e) =>
      `${providerNameOf(e)} signed this account in but granted only "${grantedText(e)}", not ${evidenceText(e, 'scope')}, which sending mail needs. ` +
      `A login to ${evidenceText(e, 'host')} port ${evidenceText(e, 'port')} with that token must fail, so Mailwarden did not send it: the sending test could not run. ` +
      'Mail programs signed in through the same app registration get the same refusal.',
    fix: scopeFix,
    references: SCOPE_REFERENCES,
  },
} satisfies { readonly [id: string]: KnowledgeEntry };
