/**
 * Transactional sending services: SendGrid, Mailgun, Postmark, Brevo, Mandrill and Resend.
 * Facts from shared/reference/providers.md sections 11 to 13 and 15 to 17.
 */
import type { ProviderPreset } from '../../../../preload/contract/providers';
import {
  ALT_SUBMISSION_PORT,
  endpoint,
  implicitThenStarttls,
  SUBMISSION_PORT,
  SUBMISSIONS_PORT,
} from './building-blocks';

export const SENDGRID: ProviderPreset = {
  id: 'sendgrid',
  name: 'Twilio SendGrid',
  // ✔ twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api
  endpoints: implicitThenStarttls('smtp.sendgrid.net', 'documented', 'documented'),
  usernameHint: 'the literal word apikey (not your email address)',
  secretKind: 'api-key',
  fixedUsername: 'apikey',
  quirks: [
    'The username is always the word apikey; the password is a SendGrid API key with at least "Mail Send" permission.',
    'Paste the API key without a trailing space or line break; a stray newline makes SendGrid answer ' +
      '"535 Authentication failed: Bad username / password".',
    'Send from a verified Single Sender or an authenticated domain; otherwise SendGrid answers ' +
      '"403 You are not authorized to send from that email address".',
  ],
  emailDomains: [],
  mxSuffixes: [],
  // An apex `include:sendgrid.net` is only needed without automated security (unconfirmed), so none is claimed.
  dkimSelectors: ['s1', 's2'],
  sources: [
    'https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api',
    'https://sendgrid.com/docs/for-developers/sending-email/smtp-errors-and-troubleshooting/',
  ],
};

const MAILGUN_QUIRKS = [
  'Use the SMTP credentials Mailgun created for your sending domain (for example postmaster@mg.example.com), ' +
    'not your Mailgun control-panel password; the API key is a different secret.',
  "Mailgun's US and EU regions are separate: a domain added in the EU region must use smtp.eu.mailgun.org, and a US one smtp.mailgun.org.",
  'Mailgun assigns the DKIM selector for each domain (seen: pic, mta, mx, smtp, k1); copy it from the DNS records ' +
    "Mailgun shows for your domain into this account's DKIM selectors.",
];
const MAILGUN_SOURCES = [
  'https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/send-smtp',
  'documentation.mailgun.com smtp-protocol and smtp-relay pages',
];
const MAILGUN_USERNAME =
  'the SMTP login of your Mailgun domain, a full address such as postmaster@mg.example.com';

export const MAILGUN_US: ProviderPreset = {
  id: 'mailgun-us',
  name: 'Mailgun (US region)',
  // ✔ Mailgun's SMTP docs: 465 TLS; 587 and 2525 STARTTLS.
  endpoints: [
    ...implicitThenStarttls('smtp.mailgun.org', 'documented', 'documented'),
    endpoint('smtp.mailgun.org', ALT_SUBMISSION_PORT, 'starttls', 'documented'),
  ],
  usernameHint: MAILGUN_USERNAME,
  quirks: MAILGUN_QUIRKS,
  emailDomains: [],
  mxSuffixes: ['mxa.mailgun.org', 'mxb.mailgun.org'],
  spfInclude: 'mailgun.org',
  dkimSelectors: [],
  sources: MAILGUN_SOURCES,
};

export const MAILGUN_EU: ProviderPreset = {
  id: 'mailgun-eu',
  name: 'Mailgun (EU region)',
  // The EU host is ◐ (Google Cloud's Mailgun tutorial); ports as for the US region.
  endpoints: [
    ...implicitThenStarttls('smtp.eu.mailgun.org', 'secondary', 'secondary'),
    endpoint('smtp.eu.mailgun.org', ALT_SUBMISSION_PORT, 'starttls', 'secondary'),
  ],
  usernameHint: MAILGUN_USERNAME,
  quirks: MAILGUN_QUIRKS,
  emailDomains: [],
  mxSuffixes: ['mxa.eu.mailgun.org', 'mxb.eu.mailgun.org'],
  spfInclude: 'mailgun.org',
  dkimSelectors: [],
  sources: [...MAILGUN_SOURCES, 'cloud.google.com Mailgun tutorial (EU host)'],
};

export const POSTMARK: ProviderPreset = {
  id: 'postmark',
  name: 'Postmark',
  // ✔ postmarkapp.com/support/article/811: 587 and 2525 with STARTTLS; no implicit-TLS port (◐ third-party).
  endpoints: [
    endpoint('smtp.postmarkapp.com', SUBMISSION_PORT, 'starttls', 'documented', 'Transactional messages'),
    endpoint('smtp.postmarkapp.com', ALT_SUBMISSION_PORT, 'starttls', 'documented', 'Transactional messages'),
    endpoint(
      'smtp-broadcasts.postmarkapp.com',
      SUBMISSION_PORT,
      'starttls',
      'documented',
      'Broadcast messages',
    ),
  ],
  usernameHint:
    "your Server API Token (the same token goes in the password field), or an SMTP token's Access Key",
  secretKind: 'api-key',
  quirks: [
    'Put your Postmark Server API Token in both the username and the password field.',
    'Or create an SMTP token in Postmark: its Access Key is the username and its Secret Key the password.',
    'Postmark has no implicit-TLS port 465: use 587 (or 2525) with STARTTLS.',
    "Postmark's DKIM selector is date-based (like 20240101120000pm) and changes when the key is rotated; copy " +
      "the current one from Postmark's DNS settings into this account's DKIM selectors.",
  ],
  emailDomains: [],
  mxSuffixes: [],
  dkimSelectors: [],
  sources: [
    'https://postmarkapp.com/support/article/811-what-are-the-smtp-details-api-tokens-i-should-be-using',
  ],
};

export const BREVO: ProviderPreset = {
  id: 'brevo',
  name: 'Brevo (formerly Sendinblue)',
  // Ports ✔ developers.brevo.com; the host is ◐ (third-party guides), so each endpoint is 'secondary'.
  endpoints: [
    endpoint('smtp-relay.brevo.com', SUBMISSION_PORT, 'starttls', 'secondary'),
    endpoint('smtp-relay.brevo.com', SUBMISSIONS_PORT, 'tls', 'secondary'),
    endpoint('smtp-relay.brevo.com', ALT_SUBMISSION_PORT, 'starttls', 'secondary'),
  ],
  usernameHint: 'the SMTP login shown on Brevo\'s "SMTP & API" page (not necessarily your email address)',
  secretKind: 'smtp-key',
  quirks: [
    'The password is your Brevo SMTP key (it starts with xsmtpsib-), not the API key and not your account password; ' +
      'a wrong one gets "535 5.7.0 Invalid login or password".',
  ],
  emailDomains: [],
  mxSuffixes: [],
  spfInclude: 'spf.brevo.com',
  dkimSelectors: ['brevo1', 'brevo2'],
  sources: ['https://developers.brevo.com/docs/smtp-integration', 'third-party setup guides (host name)'],
};

export const MANDRILL: ProviderPreset = {
  id: 'mandrill',
  name: 'Mailchimp Transactional (Mandrill)',
  // ✔ mailchimp.com/developer/transactional/docs/smtp-integration/
  endpoints: implicitThenStarttls('smtp.mandrillapp.com', 'documented', 'documented'),
  usernameHint: "any name; Mailchimp suggests your account's primary contact email",
  secretKind: 'api-key',
  quirks: [
    'The password is any active Mandrill API key; the username is not checked.',
    '"Relay Access Denied" or "Unable to connect" usually means your network blocks outbound SMTP; Mandrill turns ' +
      'SMTP messages into API calls, so check its API Logs too.',
  ],
  emailDomains: [],
  mxSuffixes: [],
  dkimSelectors: ['mte1', 'mte2'],
  sources: [
    'https://mailchimp.com/developer/transactional/docs/smtp-integration/',
    'mandrill.zendesk.com "SMTP Troubleshooting Tips"',
  ],
};

export const RESEND: ProviderPreset = {
  id: 'resend',
  name: 'Resend',
  // ✔ resend.com/changelog/smtp-service
  endpoints: implicitThenStarttls('smtp.resend.com', 'documented', 'documented'),
  usernameHint: 'the literal word resend',
  secretKind: 'api-key',
  fixedUsername: 'resend',
  quirks: ['The username is always the word resend; the password is a Resend API key.'],
  emailDomains: [],
  mxSuffixes: [],
  dkimSelectors: ['resend'],
  sources: ['https://resend.com/changelog/smtp-service'],
};
