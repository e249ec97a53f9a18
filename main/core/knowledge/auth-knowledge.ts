/**
 * Words for the login (SMTP AUTH) findings, and the table that reads a server's AUTH reply.
 *
 * The reply classifier turns code + enhanced code + text into a finding id and the provider it comes from:
 * RFC 4954 section 6 and RFC 3463 for the standard replies, and the providers' own replies from
 * shared/reference/providers.md (Gmail, Microsoft 365, Yahoo, Zoho, Amazon SES, SendGrid, Brevo), each
 * with the exact fix. Provider rules come first: they are more specific than the standard ones.
 */
import type { SignInProvider } from '../accounts/sign-in-provider';
import { verifyProblems } from '../tls/verify-error';
import type { AuthEvidence, AuthRejectionId, LoginEvidence } from './auth-evidence';
import { replyOf } from './auth-reply-text';
import { evidenceList, evidenceText } from './evidence-text';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';
import { GOOGLE_APP_PASSWORD_STEPS, SIGN_IN_ENTRIES } from './sign-in-entries';

const where = (e: { readonly host: string; readonly port: number }): string =>
  `${evidenceText(e, 'host')} port ${evidenceText(e, 'port')}`;

/** The verification failure in plain words; the library's code stays in the evidence, never in prose. */
const certificateProblem = (e: LoginEvidence): string => {
  const raw: unknown = e.authorizationError;
  const words = verifyProblems(typeof raw === 'string' ? raw : null).map((problem) => problem.words);
  return words.length === 0 ? 'The certificate could not be verified.' : words.join(' ');
};

const M365_ENABLE_SMTP_AUTH_STEPS = [
  'An administrator opens the Microsoft 365 admin center > Users > Active users and selects this mailbox.',
  'Under Mail > Manage email apps, tick "Authenticated SMTP" and save (PowerShell: Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false).',
  'If the whole organisation has it off, the administrator runs Set-TransportConfig -SmtpClientAuthenticationDisabled $false, or enables it per mailbox only.',
  'Wait up to an hour for the change to apply, then run the check again.',
  'Microsoft is retiring password (Basic) login for SMTP: plan a move to OAuth or Microsoft Graph.',
];

const PASSWORD_STEPS = [
  'Check that the user name is exactly what your provider expects (usually the full email address).',
  'Re-enter the password in Mailwarden (Accounts > this account > Set password), taking care with capitals and spaces.',
  'If you changed the password recently, use the new one; if you are unsure, reset it with your provider.',
  'Run the check again.',
];

/** Zoho (providers.md section 5): one preset per data centre, the same advice for each. */
const ZOHO_STEPS = [
  'With two-factor authentication on, Zoho needs an application-specific password: Zoho Accounts > Security > App Passwords.',
  'Use the host of your data centre (paid organisation accounts: smtppro.zoho.<dc>), and the full address as the user name.',
];
const ZOHO_PRESETS = ['com', 'eu', 'in', 'com-au', 'jp', 'ca', 'sa'].map((dc) => `zoho-${dc}`);

const PROVIDER_PASSWORD_STEPS: { readonly [presetId: string]: readonly string[] } = {
  ...Object.fromEntries(ZOHO_PRESETS.map((id) => [id, ZOHO_STEPS])),
  gmail: GOOGLE_APP_PASSWORD_STEPS,
  'google-workspace': GOOGLE_APP_PASSWORD_STEPS,
  'microsoft-365': [
    'Check the user name is the mailbox address and the password is current.',
    'If the account uses multi-factor sign-in, password login for SMTP will not work: ask your administrator about OAuth or an app password policy.',
  ],
  yahoo: [
    'Yahoo refuses your normal account password in mail programs: open Yahoo Account Security > "Generate app password".',
    'Use that app password in Mailwarden, then run the check again.',
  ],
  icloud: [
    'iCloud needs an app-specific password: sign in at account.apple.com > Sign-In and Security > App-Specific Passwords.',
    'Two-factor authentication must be on for your Apple Account. Use the full iCloud address as the user name.',
  ],
  fastmail: [
    'Fastmail needs an app password for every mail program: Settings > Privacy & Security > App passwords.',
  ],
  'amazon-ses': [
    'The SMTP password is not your AWS secret key: create SMTP credentials in the SES console for this exact region.',
    'Use the SMTP user name (an access key id) and the SMTP password shown once at creation.',
  ],
  sendgrid: [
    'The user name must be the word "apikey"; the password is an API key with Mail Send permission.',
  ],
  brevo: [
    'Use the SMTP login shown under SMTP & API, and an SMTP key (it starts with "xsmtpsib-"), not the API key or your account password.',
  ],
};

export const AUTH_KNOWLEDGE = defineKnowledge<AuthEvidence>()({
  ...SIGN_IN_ENTRIES,
  'auth.host.unresolved': {
    severity: 'medium',
    title: (e) => `Could not find the address of ${evidenceText(e, 'host')}`,
    explanation: (e) =>
      `The DNS lookup for ${evidenceText(e, 'host')} failed (${evidenceText(e, 'reason')}), so the login could not be tested.`,
    fix: {
      steps: [
        'Check the server name for typing mistakes and that it has an A or AAAA record.',
        'Run the check again.',
      ],
    },
    references: [rfc(5321, '5.1')],
  },
  'auth.cleartext.offered': {
    severity: 'high',
    title: (e) => `${where(e)} offers login before encryption`,
    explanation: (e) =>
      `Before any encryption was set up, the server listed login methods (${evidenceList(e, 'mechanismsBeforeTls').join(', ')}). ` +
      'A mail program that is misconfigured, or tricked by someone on the network, could send your password in readable form. ' +
      // True also when the server hid STARTTLS but accepted it and the login then went ahead over TLS.
      'We read this before any password was sent; Mailwarden sends a password only over encryption it has verified.',
    fix: {
      steps: [
        'Configure the server to offer login only after STARTTLS (or only on port 465 with TLS).',
        'Postfix: set smtpd_tls_auth_only = yes in main.cf and run "postfix reload".',
        'Exim: set auth_advertise_hosts = ${if eq{$tls_in_cipher}{}{}{*}}.',
        'Run the check again.',
      ],
    },
    references: [rfc(4954, '4'), rfc(3207, '4'), rfc(8314, '3')],
  },
  'auth.cleartext.not-offered': {
    severity: 'pass',
    title: (e) => `${where(e)} offers login only inside encryption`,
    explanation:
      'The server did not list any login method before STARTTLS, so passwords cannot slip out in readable form.',
    fix: NO_FIX,
    references: [rfc(4954, '4')],
  },
  'auth.tls.unavailable': {
    severity: 'high',
    title: (e) => `${where(e)} has no encryption for logging in`,
    explanation: (e) =>
      `The server did not set up encryption (STARTTLS ${e['startTlsOffered'] === false ? 'was not offered' : 'was refused'}). ` +
      'Logging in here would send your password in readable form, so we did not send it.',
    fix: {
      steps: [
        'Use the secure settings of your provider: port 465 with TLS, or port 587 with STARTTLS.',
        'If you run the server, install a certificate and enable STARTTLS (Postfix: smtpd_tls_security_level = may, or encrypt on port 587).',
        'Run the check again.',
      ],
    },
    references: [rfc(3207), rfc(8314, '3')],
  },
  'auth.tls.untrusted': {
    severity: 'high',
    title: (e) => `Password not sent: the certificate of ${where(e)} could not be verified`,
    explanation: (e) =>
      `The server’s certificate did not check out: ${certificateProblem(e)} Someone could be pretending to be your mail server, ` +
      'so we did not send your password. ' +
      `If you know this certificate is yours (fingerprint ${evidenceText(e, 'fingerprintSha256')}), you can allow one login against exactly this fingerprint.`,
    fix: {
      steps: [
        'Install a certificate from a public certificate authority that names this server, with its intermediate certificates.',
        'If this is your own server with a private certificate, add your certificate authority under Settings → Extra trusted certificates.',
        'To test the login once anyway, compare the fingerprint above with the one on the server, then choose “Allow this certificate for one test”.',
      ],
    },
    references: [rfc(8314, '4.1'), rfc(6125, '6')],
  },
  'auth.tls.fingerprint-allowed': {
    severity: 'info',
    title: (e) => `Logged in to ${where(e)} trusting the certificate you named`,
    explanation: (e) =>
      `The certificate did not verify (${certificateProblem(e)}) But its fingerprint matched the one you allowed for this run, so the password was sent once.`,
    fix: {
      steps: ['Replace the certificate with one that verifies, so mail programs do not warn or refuse.'],
    },
    references: [rfc(6125, '6')],
  },
  'auth.mechanisms.none': {
    severity: 'medium',
    title: (e) => `${where(e)} offers no login method Mailwarden can use`,
    explanation: (e) => {
      const offered = evidenceList(e, 'mechanismsAfterTls');
      return offered.length === 0
        ? 'Inside encryption the server listed no login methods at all: this port may not be meant for sending with a password.'
        : `The server offers ${offered.join(', ')}, none of which matches the login method asked for (PLAIN, LOGIN, CRAM-MD5 or XOAUTH2).`;
    },
    fix: {
      steps: [
        'Check you are using the submission port your provider documents (587 or 465).',
        'If you run the server, enable SASL authentication on the submission port (Postfix: -o smtpd_sasl_auth_enable=yes in master.cf).',
      ],
    },
    references: [rfc(4954, '3'), rfc(6409, '4.3')],
  },
  'auth.login.skipped': {
    severity: 'info',
    title: (e) => `Login on ${where(e)} not tested: no password stored`,
    explanation:
      'There is no password for this account in the keychain, so we only looked at which login methods the server offers.',
    fix: {
      steps: [
        'Set this account’s password in Mailwarden, then run the check again to test the login itself.',
      ],
    },
    references: [rfc(4954)],
  },
  'auth.login.accepted': {
    severity: 'pass',
    title: (e) => `Login on ${where(e)} works`,
    explanation: (e) =>
      `The server accepted the login with ${evidenceText(e, 'mechanism')} over verified encryption (${replyOf(e)}).`,
    fix: NO_FIX,
    references: [rfc(4954, '6')],
  },
  'auth.login.bad-credentials': {
    severity: 'high',
    title: (e) => `${where(e)} refused the user name or password`,
    explanation: (e) =>
      `The server answered ${replyOf(e)}: the user name or password is not accepted (RFC 4954 "authentication credentials invalid"). ` +
      'Many providers also answer this way when they want an app password instead of your normal one.',
    fix: { steps: PASSWORD_STEPS, providerSteps: PROVIDER_PASSWORD_STEPS },
    references: [rfc(4954, '6'), rfc(3463, '3.8')],
  },
  'auth.login.temporary-failure': {
    severity: 'medium',
    title: (e) => `${where(e)} could not check the login just now`,
    explanation: (e) =>
      `The server answered ${replyOf(e)}: a temporary problem on its side (RFC 4954 454 4.7.0), or too many attempts. Your password may be fine.`,
    fix: {
      steps: [
        'Wait a few minutes and run the check again.',
        'If it keeps happening, ask your provider whether logins from your network are being limited.',
      ],
    },
    references: [rfc(4954, '6')],
  },
  'auth.login.tls-required': {
    severity: 'high',
    title: (e) => `${where(e)} wants encryption before login`,
    explanation: (e) =>
      `The server answered ${replyOf(e)}: it requires STARTTLS or TLS before it accepts a login.`,
    fix: { steps: ['Set the account to STARTTLS on port 587, or TLS on port 465.', 'Run the check again.'] },
    references: [rfc(4954, '6'), rfc(3207)],
  },
  'auth.login.mechanism-too-weak': {
    severity: 'medium',
    title: (e) => `${where(e)} finds this login method too weak`,
    explanation: (e) =>
      `The server answered ${replyOf(e)}: the method ${evidenceText(e, 'mechanism')} is not strong enough for it (RFC 4954 534 5.7.9).`,
    fix: {
      steps: [
        'Choose another login method the server lists (for example PLAIN over TLS) and run the check again.',
      ],
    },
    references: [rfc(4954, '6')],
  },
  'auth.login.encryption-required': {
    severity: 'high',
    title: (e) => `${where(e)} needs encryption for this login method`,
    explanation: (e) =>
      `The server answered ${replyOf(e)} (RFC 4954 538 5.7.11): this method is only allowed over an encrypted connection.`,
    fix: { steps: ['Use STARTTLS on port 587 or TLS on port 465 for this account.'] },
    references: [rfc(4954, '6')],
  },
  'auth.login.token-rejected': {
    severity: 'high',
    title: (e) => `${where(e)} refused the OAuth token`,
    explanation: (e) =>
      `The server answered ${replyOf(e)} to the ${evidenceText(e, 'mechanism')} login: the token is expired, for another account, or lacks the mail-sending permission.`,
    fix: {
      steps: [
        'Get a fresh access token for this exact account with the mail scope, and run the check again.',
      ],
      providerSteps: {
        gmail: ['The token needs the scope https://mail.google.com/ and must belong to this Gmail address.'],
        'google-workspace': [
          'The token needs the scope https://mail.google.com/ and must belong to this mailbox.',
        ],
        'microsoft-365': [
          'The token needs the scope https://outlook.office365.com/SMTP.Send, and SMTP AUTH must be enabled for the mailbox.',
        ],
      },
    },
    references: [rfc(7628, '3.2.2')],
  },

  'auth.login.gmail-web-login-required': {
    severity: 'high',
    title: 'Google blocked this sign-in until you confirm it in a browser',
    explanation: (e) =>
      `Google answered ${replyOf(e)}. It saw a sign-in from a new place or network and wants you to confirm it was you.`,
    fix: {
      steps: [
        'Sign in to Gmail in a web browser on this computer and look for a security alert; confirm it was you.',
        'Open myaccount.google.com > Security > Recent security activity and approve the sign-in.',
        'Run the check again; if it still fails, use an app password or Google sign-in (OAuth).',
      ],
    },
    references: [rfc(4954, '6')],
  },

  'auth.login.m365-smtp-auth-disabled': {
    severity: 'high',
    title: 'Microsoft 365 has SMTP login switched off for this mailbox',
    explanation: (e) =>
      `Microsoft answered ${replyOf(e)}. Authenticated SMTP is disabled for the organisation or the mailbox (the default for tenants created since 2020), so no password or token can log in.`,
    fix: { steps: M365_ENABLE_SMTP_AUTH_STEPS },
    references: [rfc(4954, '6')],
  },

  'auth.login.m365-conditional-access': {
    severity: 'high',
    title: 'A Microsoft 365 sign-in policy blocked this login',
    explanation: (e) =>
      `Microsoft answered ${replyOf(e)}: a Conditional Access policy (location, device or MFA rule) refused the sign-in.`,
    fix: {
      steps: [
        'An administrator opens Microsoft Entra admin center > Sign-in logs, finds this sign-in and the policy that blocked it.',
        'Adjust the policy for this use (or use OAuth from an allowed device), then run the check again.',
      ],
    },
    references: [rfc(4954, '6')],
  },
  'auth.login.m365-security-defaults': {
    severity: 'high',
    title: 'Microsoft 365 security defaults block password login',
    explanation: (e) =>
      `Microsoft answered ${replyOf(e)}: the organisation uses Security defaults, which do not allow SMTP password login.`,
    fix: {
      steps: [
        'Use OAuth 2.0 in your mail program, or',
        'an administrator replaces Security defaults with Conditional Access policies that allow authenticated SMTP for this mailbox.',
      ],
    },
    references: [rfc(4954, '6')],
  },
  'auth.login.m365-bad-credentials': {
    severity: 'high',
    title: 'Microsoft 365 did not accept the user name and password',
    explanation: (e) => `Microsoft answered ${replyOf(e)}: the password is wrong for this mailbox.`,
    fix: { steps: PASSWORD_STEPS },
    references: [rfc(4954, '6')],
  },
  'auth.login.m365-auth-failed': {
    severity: 'high',
    title: 'Microsoft 365 refused the login',
    explanation: (e) =>
      `Microsoft answered ${replyOf(e)}. This generic refusal often means an OAuth token without the SMTP.Send permission, or a mailbox the app may not use.`,
    fix: {
      steps: [
        'With a password: check it, and that Authenticated SMTP is enabled for the mailbox.',
        'With OAuth: request the scope https://outlook.office365.com/SMTP.Send and check the app’s permission on this mailbox.',
      ],
    },
    references: [rfc(4954, '6')],
  },
  'auth.login.yahoo-app-password': {
    severity: 'high',
    title: 'Yahoo wants an app password',
    explanation: (e) =>
      `Yahoo answered ${replyOf(e)}. Yahoo gives this answer both for too many attempts and for a normal account password, which it refuses in mail programs.`,
    fix: { steps: PROVIDER_PASSWORD_STEPS['yahoo'] ?? [] },
    references: [rfc(4954, '6')],
  },
  'auth.login.ses-credentials-invalid': {
    severity: 'high',
    title: 'Amazon SES did not accept the SMTP credentials',
    explanation: (e) =>
      `Amazon SES answered ${replyOf(e)}. SES SMTP passwords are derived per region; the AWS secret key itself, or credentials from another region, do not work.`,
    fix: { steps: PROVIDER_PASSWORD_STEPS['amazon-ses'] ?? [] },
    references: [rfc(4954, '6')],
  },
  'auth.login.sendgrid-bad-credentials': {
    severity: 'high',
    title: 'SendGrid did not accept the API key',
    explanation: (e) => `SendGrid answered ${replyOf(e)}.`,
    fix: { steps: PROVIDER_PASSWORD_STEPS['sendgrid'] ?? [] },
    references: [rfc(4954, '6')],
  },
  'auth.login.brevo-bad-credentials': {
    severity: 'high',
    title: 'Brevo did not accept the SMTP login',
    explanation: (e) => `Brevo answered ${replyOf(e)}.`,
    fix: { steps: PROVIDER_PASSWORD_STEPS['brevo'] ?? [] },
    references: [rfc(4954, '6')],
  },
  'auth.login.rejected': {
    severity: 'high',
    title: (e) => `${where(e)} refused the login`,
    explanation: (e) => `The server answered ${replyOf(e)}, which Mailwarden does not know more about.`,
    fix: { steps: PASSWORD_STEPS, providerSteps: PROVIDER_PASSWORD_STEPS },
    references: [rfc(4954, '6'), rfc(3463)],
  },
  'auth.login.endless-challenges': {
    severity: 'medium',
    title: (e) => `${where(e)} never finished the login`,
    explanation: (e) =>
      `The server kept asking for more ("334" challenges) instead of answering; we stopped after ${evidenceText(e, 'elapsedMs')} ms. A broken or hostile server behaves like this.`,
    fix: { steps: ['Ask whoever runs the server to check its SASL (login) configuration.'] },
    references: [rfc(4954, '4')],
  },
  'auth.login.failed': {
    severity: 'medium',
    title: (e) => `Could not test the login on ${where(e)}`,
    explanation: (e) => `The session ended before the server gave a verdict (${evidenceText(e, 'failure')}).`,
    fix: {
      steps: [
        'Check the server name, port and security setting of the account.',
        'Check that a firewall or antivirus is not blocking mail ports on this computer.',
        'Run the check again.',
      ],
    },
    references: [rfc(5321, '4.5.3.2')],
  },
});

/** One row of the AUTH reply classifier: every given condition must hold. */
export interface AuthReplyRule {
  readonly id: AuthRejectionId;
  /** Preset id of the provider this reply comes from, or null for the standard replies. */
  readonly provider: string | null;
  readonly code?: number;
  readonly enhancedCode?: string;
  readonly text?: RegExp;
  readonly mechanism?: string;
  /** The server's host name must match: for wording that other servers use too. */
  readonly host?: RegExp;
  /** The account must be recognised as this provider (its preset or server name): for generic codes. */
  readonly signIn?: SignInProvider;
  /** Only a password login: the same reply to an OAuth token means something else. */
  readonly password?: true;
}

/** First match wins: provider replies before the standard ones they share codes with. */
export const AUTH_REPLY_RULES: readonly AuthReplyRule[] = [
  // A rejected token ends XOAUTH2 with a 535 whatever the provider (RFC 7628 section 3.2.2 for the flow).
  { id: 'auth.login.token-rejected', provider: null, code: 535, mechanism: 'XOAUTH2' },
  { id: 'auth.login.token-rejected', provider: null, code: 334, mechanism: 'XOAUTH2' },
  { id: 'auth.login.token-rejected', provider: null, code: 535, mechanism: 'OAUTHBEARER' },
  { id: 'auth.login.token-rejected', provider: null, code: 334, mechanism: 'OAUTHBEARER' },
  // Google (providers.md section 1): every Gmail reply ends in "gsmtp".
  {
    id: 'auth.login.gmail-app-password-required',
    provider: 'gmail',
    code: 534,
    enhancedCode: '5.7.9',
    text: /application-specific password/i,
  },
  { id: 'auth.login.gmail-web-login-required', provider: 'gmail', code: 534, enhancedCode: '5.7.14' },
  {
    id: 'auth.login.gmail-bad-credentials',
    provider: 'gmail',
    code: 535,
    enhancedCode: '5.7.8',
    text: /gsmtp|BadCredentials/i,
  },
  // Any 535 5.7.8 from Google's own servers is Google refusing the password, whatever the wording.
  {
    id: 'auth.login.gmail-bad-credentials',
    provider: 'gmail',
    code: 535,
    enhancedCode: '5.7.8',
    signIn: 'google',
    password: true,
  },
  // Microsoft 365 (providers.md section 2).
  {
    id: 'auth.login.m365-smtp-auth-disabled',
    provider: 'microsoft-365',
    enhancedCode: '5.7.139',
    text: /SmtpClientAuthentication is disabled/i,
  },
  // Password (Basic) login refused: the account must sign in with OAuth. Microsoft's own wording for
  // 5.7.139 and 5.7.30 is unambiguous; its 535 5.7.3 is generic, so only from a server known to be
  // Microsoft's, where Basic is off by default from the end of December 2026.
  {
    id: 'auth.login.oauth-required',
    provider: 'microsoft-365',
    enhancedCode: '5.7.139',
    text: /basic authentication is disabled/i,
    password: true,
  },
  {
    id: 'auth.login.oauth-required',
    provider: 'microsoft-365',
    code: 550,
    enhancedCode: '5.7.30',
    password: true,
  },
  {
    id: 'auth.login.m365-conditional-access',
    provider: 'microsoft-365',
    enhancedCode: '5.7.139',
    text: /did not meet the criteria/i,
  },
  {
    id: 'auth.login.m365-security-defaults',
    provider: 'microsoft-365',
    enhancedCode: '5.7.139',
    text: /security defaults/i,
  },
  {
    id: 'auth.login.m365-bad-credentials',
    provider: 'microsoft-365',
    enhancedCode: '5.7.139',
    text: /credentials were incorrect/i,
  },
  { id: 'auth.login.m365-auth-failed', provider: 'microsoft-365', enhancedCode: '5.7.139' },
  {
    id: 'auth.login.oauth-required',
    provider: 'microsoft-365',
    code: 535,
    enhancedCode: '5.7.3',
    signIn: 'microsoft',
    password: true,
  },
  { id: 'auth.login.m365-auth-failed', provider: 'microsoft-365', code: 535, enhancedCode: '5.7.3' },
  // Yahoo (providers.md section 3).
  { id: 'auth.login.yahoo-app-password', provider: 'yahoo', text: /#AUTH005/i },
  // Sending services (providers.md sections 10, 11, 16).
  {
    id: 'auth.login.ses-credentials-invalid',
    provider: 'amazon-ses',
    code: 535,
    text: /Authentication Credentials Invalid/i,
    // RFC 4954 section 6 suggests this very wording for any 535, so only SES's own endpoints
    // (email-smtp.<region>.amazonaws.com) get the SES advice.
    host: /(^|\.)amazonaws\.com\.?$/i,
  },
  {
    id: 'auth.login.sendgrid-bad-credentials',
    provider: 'sendgrid',
    code: 535,
    text: /Bad username \/ password/i,
  },
  {
    id: 'auth.login.brevo-bad-credentials',
    provider: 'brevo',
    code: 535,
    text: /Invalid login or password/i,
  },
  // RFC 4954 section 6 and RFC 3463.
  { id: 'auth.login.temporary-failure', provider: null, code: 454 },
  { id: 'auth.login.tls-required', provider: null, code: 530 },
  { id: 'auth.login.mechanism-too-weak', provider: null, code: 534 },
  { id: 'auth.login.bad-credentials', provider: null, code: 535 },
  { id: 'auth.login.encryption-required', provider: null, code: 538 },
  { id: 'auth.login.temporary-failure', provider: null, code: 421 },
];

export interface ClassifiedAuthReply {
  readonly id: AuthRejectionId;
  readonly provider: string | null;
}

/**
 * Refusals that say the password is the wrong kind of sign-in, not a wrong password: the login could not
 * be tested with it, and the Login area says so (blocker `oauth-required`) instead of grading a failure.
 */
export const OAUTH_REQUIRED_IDS: ReadonlySet<AuthRejectionId> = new Set<AuthRejectionId>([
  'auth.login.oauth-required',
  'auth.login.gmail-app-password-required',
]);

/**
 * Reads a failed AUTH reply: which finding, and which provider's wording. `signIn` is the provider the
 * account is recognised as (sign-in-provider.ts), for replies whose codes other servers use too.
 */
export function classifyAuthReply(
  reply: { readonly code: number; readonly enhancedCode: string | null; readonly text: string },
  mechanism: string | null,
  host = '',
  signIn: SignInProvider | null = null,
): ClassifiedAuthReply {
  for (const rule of AUTH_REPLY_RULES) {
    if (rule.signIn !== undefined && rule.signIn !== signIn) continue;
    if (rule.password === true && (mechanism === 'XOAUTH2' || mechanism === 'OAUTHBEARER')) continue;
    if (rule.code !== undefined && rule.code !== reply.code) continue;
    if (rule.enhancedCode !== undefined && rule.enhancedCode !== reply.enhancedCode) continue;
    if (rule.text !== undefined && !rule.text.test(reply.text)) continue;
    if (rule.mechanism !== undefined && rule.mechanism !== mechanism) continue;
    if (rule.host !== undefined && !rule.host.test(host)) continue;
    return { id: rule.id, provider: rule.provider };
  }
  return { id: 'auth.login.rejected', provider: null };
}
