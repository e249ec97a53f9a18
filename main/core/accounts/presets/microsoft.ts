/** Microsoft: Exchange Online (Microsoft 365) and Outlook.com. Facts from shared/reference/providers.md section 2. */
import type { ProviderPreset } from '../../../../preload/contract/providers';
import { endpoint, SUBMISSION_PORT } from './building-blocks';

const M365_SMTP_AUTH_PAGE =
  'https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365';

export const MICROSOFT_365: ProviderPreset = {
  id: 'microsoft-365',
  name: 'Microsoft 365 (Exchange Online)',
  // ✔ Microsoft's own page (copy) and ◐ ISPDB office365.com.xml.
  endpoints: [endpoint('smtp.office365.com', SUBMISSION_PORT, 'starttls', 'documented')],
  usernameHint: 'your full Microsoft 365 email address (the mailbox you sign in with)',
  quirks: [
    'Microsoft 365 switches SMTP sign-in (SMTP AUTH) off by default for organisations created after January 2020; ' +
      'until it is on you will see "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled".',
    'To turn it on for this mailbox, an administrator runs in Exchange Online PowerShell: ' +
      'Set-CASMailbox -Identity you@example.com -SmtpClientAuthenticationDisabled $false ' +
      '(for the whole organisation: Set-TransportConfig -SmtpClientAuthenticationDisabled $false).',
    'SMTP AUTH does not work while Microsoft Entra "Security defaults" are switched on for your organisation.',
    'Microsoft is retiring password (Basic) sign-in for SMTP. Its update of 27 January 2026 says it keeps working ' +
      'through December 2026, is switched off by default for existing organisations at the end of December 2026 ' +
      '(administrators can switch it back on), and is removed for good on a date due in the second half of 2027. ' +
      "Check Microsoft's Exchange blog for the latest dates and plan a move to OAuth.",
    'Once password sign-in is retired, servers answer "550 5.7.30 Basic authentication is not supported for Client Submission."',
    'Send only as this mailbox, or have an administrator grant it "Send As"; otherwise Microsoft answers ' +
      '"550 5.7.60 Client does not have permissions to send as this sender".',
    "Devices that cannot sign in can send without a password to your domain's MX host " +
      '(…mail.protection.outlook.com) on port 25, but only to people inside your organisation ("direct send").',
  ],
  emailDomains: [],
  // <domain-dashes>.mail.protection.outlook.com; with DNSSEC/DANE <token>.<x>-v1.mx.microsoft.
  mxSuffixes: ['mail.protection.outlook.com', 'mx.microsoft'],
  spfInclude: 'spf.protection.outlook.com',
  dkimSelectors: ['selector1', 'selector2'],
  sources: [
    M365_SMTP_AUTH_PAGE,
    'Thunderbird ISPDB office365.com.xml (snapshot 2026-03-12)',
    'https://techcommunity.microsoft.com/blog/exchange/exchange-online-to-retire-basic-auth-for-client-submission-smtp-auth/4114750 (as quoted by third parties)',
    'MicrosoftDocs/defender-docs defender-office-365/email-authentication-spf-configure.md',
    'MicrosoftDocs/defender-docs defender-office-365/email-authentication-dkim-configure.md',
  ],
};

export const OUTLOOK_COM: ProviderPreset = {
  id: 'outlook-com',
  name: 'Outlook.com / Hotmail',
  // ◐ ISPDB hotmail.com.xml.
  endpoints: [endpoint('smtp-mail.outlook.com', SUBMISSION_PORT, 'starttls', 'secondary')],
  usernameHint: 'your full Outlook.com, Hotmail, Live or MSN address',
  quirks: [
    'Since 16 September 2024 personal Outlook.com, Hotmail, Live and MSN accounts accept only OAuth ("modern ' +
      'authentication") from mail apps, so a password sign-in is refused even with the right password.',
    'Do not count on app passwords either: Microsoft no longer promises they work for these accounts.',
  ],
  emailDomains: [
    'outlook.com',
    'hotmail.com',
    'live.com',
    'msn.com',
    'outlook.de',
    'outlook.fr',
    'outlook.es',
    'outlook.it',
    'hotmail.co.uk',
    'hotmail.de',
    'hotmail.fr',
    'hotmail.es',
    'hotmail.it',
    'live.co.uk',
    'live.de',
    'live.fr',
    'live.nl',
  ],
  mxSuffixes: ['olc.protection.outlook.com'],
  dkimSelectors: [],
  sources: [
    'Thunderbird ISPDB hotmail.com.xml (snapshot 2026-03-12)',
    'Microsoft support: "Modern authentication methods now needed…" (as summarised by techissuestoday.com and patriotmail.ai)',
  ],
};
