/** Google: Gmail (consumer) and Google Workspace. Facts from shared/reference/providers.md section 1. */
import type { ProviderPreset } from '../../../../preload/contract/providers';
import { endpoint, SUBMISSION_PORT, SUBMISSIONS_PORT, unconfirmed } from './building-blocks';

const GOOGLE_SMTP_HOST = 'smtp.gmail.com';

/** Both endpoints: ◐ Google's IMAP/SMTP page as quoted by a third party, and Thunderbird's ISPDB. */
const GOOGLE_ENDPOINTS = [
  endpoint(GOOGLE_SMTP_HOST, SUBMISSIONS_PORT, 'tls', 'secondary'),
  endpoint(GOOGLE_SMTP_HOST, SUBMISSION_PORT, 'starttls', 'secondary'),
];

const BLOCKED_SIGN_IN =
  'If Google answers "534-5.7.14 Please log in via your web browser", it blocked a sign-in from a new place: ' +
  'sign in to your Google account in a browser, confirm the security alert, then try again.';

export const GMAIL: ProviderPreset = {
  id: 'gmail',
  name: 'Gmail',
  endpoints: GOOGLE_ENDPOINTS,
  usernameHint: 'your full Gmail address',
  secretKind: 'app-password',
  quirks: [
    'Google refuses your normal Google password in mail apps (sign-in for "less secure apps" ended on 30 May 2022).',
    unconfirmed(
      'Turn on 2-Step Verification, then create an app password at myaccount.google.com/apppasswords and use it ' +
        'here; Google offers app passwords only once 2-Step Verification is on.',
    ),
    'The reply "534-5.7.9 Application-specific password required" means your normal password was sent: use an app password instead.',
    BLOCKED_SIGN_IN,
  ],
  emailDomains: ['gmail.com', 'googlemail.com'],
  mxSuffixes: [],
  dkimSelectors: [],
  sources: [
    'https://developers.google.com/workspace/gmail/imap/imap-smtp (as quoted on mailconfiguration.com)',
    'Thunderbird ISPDB googlemail.com.xml (snapshot 2026-03-12)',
    'https://support.google.com/accounts/answer/6010255 (as quoted in github.com/adium/adium/issues/46)',
    'https://support.google.com/accounts/answer/185833 (not read; app passwords and 2-Step Verification)',
  ],
};

export const GOOGLE_WORKSPACE: ProviderPreset = {
  id: 'google-workspace',
  name: 'Google Workspace',
  endpoints: GOOGLE_ENDPOINTS,
  usernameHint: 'your full work email address',
  secretKind: 'app-password',
  quirks: [
    'Since 14 March 2025 Google Workspace accepts only OAuth or an app password from mail apps, not your normal password.',
    unconfirmed(
      'App passwords need 2-Step Verification on your account, and your Workspace administrator can take them away ' +
        'through the 2-Step Verification policy (for example by requiring security keys).',
    ),
    BLOCKED_SIGN_IN,
    unconfirmed(
      "Printers and apps that cannot sign in can use Google's SMTP relay service (smtp-relay.gmail.com) once an " +
        'administrator sets it up in the Admin console.',
    ),
    'Google signs mail with the DKIM selector "google" unless your administrator chose another prefix in the Admin console.',
  ],
  emailDomains: [],
  // Current MX (since about April 2023) and the legacy set, which also covers alt1..alt4.aspmx.l.google.com.
  mxSuffixes: ['smtp.google.com', 'aspmx.l.google.com'],
  spfInclude: '_spf.google.com',
  dkimSelectors: ['google'],
  sources: [
    'https://developers.google.com/workspace/gmail/imap/imap-smtp (as quoted on mailconfiguration.com)',
    'https://support.google.com/a/answer/14114704 (as quoted in github.com/warmbly/warmbly/pull/577)',
    'https://workspaceupdates.googleblog.com/2023/09',
    'https://support.google.com/a/answer/174125 (MX values, quoted)',
    'https://support.google.com/a/answer/176600 (SMTP relay, not read)',
  ],
};
