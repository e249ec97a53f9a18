/**
 * Fix steps for the incoming-server findings, tailored to the server software the greeting or the IMAP ID
 * answer named (RFC 2971), and to the big providers by their server names.
 *
 * A server that names Dovecot, Courier or Exchange gets that software's exact setting only; one that
 * names nothing (or something else) gets the steps for all three, as before. Settings: Dovecot 2.3 / 2.4
 * (doc.dovecot.org: ssl, disable_plaintext_auth / auth_allow_cleartext, ssl_min_protocol), Courier-IMAP
 * (imapd, imapd-ssl, pop3d, pop3d-ssl), Exchange Server (Set-ImapSettings / Set-PopSettings). Providers:
 * shared/reference/providers.md sections 1 to 4 and 6.
 */

/** The server software families whose settings Mailwarden can name. */
export type IncomingServerFamily = 'dovecot' | 'courier' | 'exchange';

/** The family the software evidence names; null for none (or one whose settings we do not know). */
export function serverFamilyOf(software: unknown): IncomingServerFamily | null {
  if (typeof software !== 'string') return null;
  if (/\bdovecot\b/i.test(software)) return 'dovecot';
  if (/\bcourier\b/i.test(software)) return 'courier';
  if (/\bexchange\b/i.test(software)) return 'exchange';
  return null;
}

/** The big mailbox providers, keyed as their presets are (main/core/accounts/presets). */
export type MailboxProvider = 'gmail' | 'microsoft-365' | 'yahoo' | 'icloud' | 'fastmail';

/**
 * imap.gmail.com, pop.gmail.com; outlook.office365.com (Microsoft 365 and Outlook.com); imap.mail.yahoo.com;
 * imap.mail.me.com; imap.fastmail.com. Only under the providers' own domains, so "gmail.com.example.org"
 * is nobody's.
 */
const PROVIDER_HOSTS: readonly (readonly [RegExp, MailboxProvider])[] = [
  [/(^|\.)(gmail|googlemail)\.com\.?$/i, 'gmail'],
  [/(^|\.)(office365|outlook)\.com\.?$/i, 'microsoft-365'],
  [/(^|\.)yahoo\.com\.?$/i, 'yahoo'],
  [/(^|\.)(me|icloud)\.com\.?$/i, 'icloud'],
  [/(^|\.)(fastmail|messagingengine)\.com\.?$/i, 'fastmail'],
];

export function mailboxProviderOf(host: unknown): MailboxProvider | null {
  if (typeof host !== 'string') return null;
  return PROVIDER_HOSTS.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}

type Protocol = 'IMAP' | 'POP3';

/** Courier's file and variable for each protocol. */
const courier = (name: string): { file: string; required: string; service: string } =>
  name === 'POP3'
    ? { file: 'pop3d', required: 'POP3_TLS_REQUIRED', service: 'courier-pop3d' }
    : { file: 'imapd', required: 'IMAP_TLS_REQUIRED', service: 'courier-imapd' };

/** Exchange's cmdlet and Windows service for each protocol. */
const exchange = (name: string): { cmdlet: string; service: string } =>
  name === 'POP3'
    ? { cmdlet: 'Set-PopSettings', service: 'MSExchangePOP3' }
    : { cmdlet: 'Set-ImapSettings', service: 'MSExchangeIMAP4' };

type StepsBySoftware = Readonly<Record<IncomingServerFamily, (name: string) => string>>;

/** The step for the named software, or one step for each software when none is named. */
function tailored(steps: StepsBySoftware, name: string, software: unknown): string[] {
  const family = serverFamilyOf(software);
  if (family !== null) return [steps[family](name)];
  return (['dovecot', 'courier', 'exchange'] as const).map((each) => steps[each](name));
}

/** RFC 8314 section 4.1, RFC 2595 section 2.2: no password before TLS; TLS required on the plain port. */
const REQUIRE_TLS: StepsBySoftware = {
  dovecot: () =>
    'Dovecot: in dovecot.conf set "ssl = required" and "disable_plaintext_auth = yes" (Dovecot 2.4: "auth_allow_cleartext = no"), then run "doveadm reload".',
  courier: (name) =>
    `Courier: in /etc/courier/${courier(name).file} set ${courier(name).required}=1 (with the certificate in ${courier(name).file}-ssl), then restart ${courier(name).service}.`,
  exchange: (name) =>
    `Exchange: run "${exchange(name).cmdlet} -LoginType SecureLogin" in the Exchange Management Shell, then restart the ${exchange(name).service} service.`,
};

/** RFC 8996: TLS 1.0 and 1.1 are gone; RFC 9325 section 3.1.1: TLS 1.2 at least. */
const MODERN_TLS: StepsBySoftware = {
  dovecot: () => 'Dovecot: in dovecot.conf set "ssl_min_protocol = TLSv1.2", then run "doveadm reload".',
  courier: (name) =>
    `Courier: in /etc/courier/${courier(name).file}-ssl set TLS_PROTOCOL="TLSv1.2+", then restart ${courier(name).service}.`,
  exchange: () =>
    'Exchange: turn TLS 1.0 and 1.1 off in Windows (Schannel) on every Exchange server, as Microsoft’s "Exchange Server TLS configuration best practices" describe, then restart the server.',
};

/** A certificate a mail program trusts, for this server's name. */
const TRUSTED_CERTIFICATE: StepsBySoftware = {
  dovecot: () =>
    'Dovecot: point "ssl_cert = </path/to/fullchain.pem" and "ssl_key = </path/to/privkey.pem" at a certificate from a public authority (with its intermediates), then run "doveadm reload".',
  courier: (name) =>
    `Courier: in /etc/courier/${courier(name).file}-ssl set TLS_CERTFILE to a file holding the key, the certificate and its intermediates, then restart ${courier(name).service}.`,
  exchange: (name) =>
    `Exchange: install a certificate from a public authority for this name, run "Enable-ExchangeCertificate -Services IMAP,POP" and "${exchange(name).cmdlet} -X509CertificateName <the server name>", then restart the ${exchange(name).service} service.`,
};

/** RFC 9051 section 7.1.4: PREAUTH only where the connection was authenticated outside IMAP. */
const NO_PREAUTH: StepsBySoftware = {
  dovecot: () =>
    'Dovecot: PREAUTH comes from starting the imap program itself (an inetd, xinetd or ssh entry running /usr/lib/dovecot/imap); remove that entry and serve the port through Dovecot’s own imap-login service.',
  courier: () =>
    'Courier: PREAUTH comes from running imapd after a login made elsewhere (a preauthenticated imapd in inetd or ssh); remove that entry and serve the port through couriertcpd and imaplogin.',
  exchange: () =>
    'Exchange never pre-authenticates: look for a proxy or load balancer in front of it that logs in on the caller’s behalf, and remove it.',
};

/** Why a login is refused, on the server's side. */
const LOGIN_CHECK: StepsBySoftware = {
  dovecot: () =>
    'If you run the server (Dovecot): "doveadm auth test <user name>" asks the password database directly, and "auth_verbose = yes" logs why a login was refused.',
  courier: () =>
    'If you run the server (Courier): "authtest <user name> <password>" asks courier-authlib directly and says why it refuses.',
  exchange: (name) =>
    `If you run the server (Exchange): "Get-CASMailbox <mailbox> | Format-List ${name === 'POP3' ? 'PopEnabled' : 'ImapEnabled'}" shows whether ${name} is allowed for the mailbox; "Set-CASMailbox <mailbox> -${name === 'POP3' ? 'PopEnabled' : 'ImapEnabled'} $true" allows it.`,
};

/** Why the inbox does not open after a good login. */
const MAILBOX_CHECK: StepsBySoftware = {
  dovecot: () =>
    'Dovecot: "doveadm mailbox status -u <user name> messages INBOX" shows what Dovecot sees; check mail_location and that the mail directory belongs to the user Dovecot runs the mail processes as.',
  courier: () =>
    'Courier: check that the user’s Maildir exists (maildirmake creates one) and belongs to the user; courier-imapd logs the error it met.',
  exchange: () =>
    'Exchange: check that the mailbox is provisioned and not in a move or quarantine (Get-Mailbox, Get-MailboxStatistics), then read the IMAP4 / POP3 protocol log.',
};

/** What the provider needs for a mail program's password login to its IMAP or POP3. */
const PROVIDER_LOGIN: Readonly<Record<MailboxProvider, (name: Protocol) => readonly string[]>> = {
  gmail: (name) => [
    'Gmail accepts no account password here: sign in with Google (OAuth) in mail programs that offer it, or turn on 2-Step Verification and create an app password (Google Account > Security > App passwords) to use instead.',
    name === 'POP3'
      ? 'Gmail: Settings > See all settings > Forwarding and POP/IMAP, enable POP.'
      : 'Gmail: Settings > See all settings > Forwarding and POP/IMAP, make sure IMAP is enabled.',
  ],
  'microsoft-365': (name) => [
    `Microsoft 365: ${name} is switched off for each mailbox by default in new tenants; an administrator allows it with "Set-CASMailbox -Identity <mailbox> -${name === 'POP3' ? 'PopEnabled' : 'ImapEnabled'} $true" (or Exchange admin center > Mailboxes > Email apps).`,
    'Microsoft 365 no longer takes the account password for IMAP and POP: sign in with Microsoft (OAuth) instead.',
  ],
  yahoo: () => [
    'Yahoo refuses the account password in mail programs: open Yahoo Account Security > "Generate app password" and use that password.',
  ],
  icloud: () => [
    'iCloud needs an app-specific password: account.apple.com > Sign-In and Security > App-Specific Passwords (two-factor authentication must be on).',
  ],
  fastmail: () => [
    'Fastmail needs an app password for every mail program: Settings > Privacy & Security > App passwords.',
  ],
};

const PROVIDERS = Object.keys(PROVIDER_LOGIN) as MailboxProvider[];

/** The presets of each provider that share its advice (Google Workspace reads Gmail's). */
const PROVIDER_PRESETS: Readonly<Record<MailboxProvider, readonly string[]>> = {
  gmail: ['gmail', 'google-workspace'],
  'microsoft-365': ['microsoft-365'],
  yahoo: ['yahoo'],
  icloud: ['icloud'],
  fastmail: ['fastmail'],
};

/** Every provider's login steps by preset id, for the account whose preset names one. */
export function providerLoginSteps(name: Protocol): { readonly [presetId: string]: readonly string[] } {
  return Object.fromEntries(
    PROVIDERS.flatMap((provider) =>
      PROVIDER_PRESETS[provider].map((preset) => [preset, PROVIDER_LOGIN[provider](name)]),
    ),
  );
}

/** The login steps for a host a provider runs; null for any other host. */
export function hostProviderLoginSteps(name: Protocol, host: unknown): readonly string[] | null {
  const provider = mailboxProviderOf(host);
  return provider === null ? null : PROVIDER_LOGIN[provider](name);
}

export const requireTlsSteps = (name: string, software: unknown): string[] =>
  tailored(REQUIRE_TLS, name, software);
export const modernTlsSteps = (name: string, software: unknown): string[] =>
  tailored(MODERN_TLS, name, software);
export const trustedCertificateSteps = (name: string, software: unknown): string[] =>
  tailored(TRUSTED_CERTIFICATE, name, software);
export const noPreauthSteps = (software: unknown): string[] => tailored(NO_PREAUTH, 'IMAP', software);
export const loginCheckSteps = (name: string, software: unknown): string[] =>
  tailored(LOGIN_CHECK, name, software);
export const mailboxCheckSteps = (name: string, software: unknown): string[] =>
  tailored(MAILBOX_CHECK, name, software);

/** The shared TLS findings whose fix names a server setting: legacy versions and an untrusted certificate. */
const LEGACY_TLS_IDS: ReadonlySet<string> = new Set([
  'tls.protocol.tls1_0-accepted',
  'tls.protocol.tls1_1-accepted',
  'tls.protocol.no-modern',
]);
const CERTIFICATE_IDS: ReadonlySet<string> = new Set([
  'tls.chain.untrusted',
  'tls.certificate.self-signed',
  'tls.name.mismatch',
  'tls.expiry.expired',
  'tls.expiry.soon',
]);

/**
 * The fix of a shared TLS finding on an IMAP or POP3 port, in that server's settings rather than the SMTP
 * side's Postfix and Exim ones; null for a finding whose fix names no server setting.
 */
export function incomingTlsFixSteps(findingId: string, name: string, software: unknown): string[] | null {
  const owner = 'Open the mail server’s TLS settings (or ask your host or IT provider to do it).';
  const again = 'Run this check again to confirm.';
  if (LEGACY_TLS_IDS.has(findingId)) return [owner, ...modernTlsSteps(name, software), again];
  if (CERTIFICATE_IDS.has(findingId))
    return [
      'Get a certificate from a public certificate authority (Let’s Encrypt is free) that lists the exact server name your mail programs use.',
      ...trustedCertificateSteps(name, software),
      again,
    ];
  return null;
}
