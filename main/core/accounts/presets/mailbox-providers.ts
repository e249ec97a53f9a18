/**
 * Hosted mailboxes people sign in to with their own address: Yahoo, iCloud, Fastmail and GMX.
 * Facts from shared/reference/providers.md sections 3, 4, 6 and 7.
 */
import type { ProviderPreset } from '../../../../preload/contract/providers';
import { endpoint, implicitThenStarttls, SUBMISSION_PORT } from './building-blocks';

export const YAHOO: ProviderPreset = {
  id: 'yahoo',
  name: 'Yahoo Mail',
  // 465: ◐ ISPDB yahoo.com.xml; 587: only third-party copies of Yahoo help SLN4724, listed as unconfirmed.
  endpoints: implicitThenStarttls('smtp.mail.yahoo.com', 'secondary', 'unconfirmed'),
  usernameHint: 'your full Yahoo email address',
  secretKind: 'app-password',
  quirks: [
    'Yahoo refuses your account password in mail apps: create an app password in your Yahoo account security settings and use it here.',
    'Yahoo answers "535 5.7.0 (#AUTH005) Too many bad auth attempts" even to a first try with your normal password; ' +
      'switch to an app password and wait a while before trying again.',
    'Send from your Yahoo address: other From addresses get "550 Request failed; Mailbox unavailable".',
  ],
  emailDomains: [
    'yahoo.com',
    'yahoo.co.uk',
    'yahoo.fr',
    'yahoo.de',
    'yahoo.it',
    'yahoo.es',
    'yahoo.ca',
    'yahoo.com.au',
    'yahoo.co.in',
    'yahoo.com.br',
    'ymail.com',
    'rocketmail.com',
  ],
  mxSuffixes: ['yahoodns.net'],
  dkimSelectors: [],
  sources: [
    'Thunderbird ISPDB yahoo.com.xml (snapshot 2026-03-12)',
    'https://help.yahoo.com/kb/SLN15241 (via github.com/nedimf/maildroid/issues/17)',
    'Yahoo help SLN4724 (third-party copies)',
  ],
};

export const ICLOUD: ProviderPreset = {
  id: 'icloud',
  name: 'iCloud Mail',
  // ◐ ISPDB me.com.xml and copies of support.apple.com/102525. Port 465 is claimed only by third parties: left out.
  endpoints: [endpoint('smtp.mail.me.com', SUBMISSION_PORT, 'starttls', 'secondary')],
  usernameHint: 'your full iCloud email address',
  secretKind: 'app-password',
  quirks: [
    'Apple needs an app-specific password here: turn on two-factor authentication for your Apple Account, then ' +
      'create an app-specific password in its Sign-In and Security settings and use it instead of your Apple password.',
    'Send only from your iCloud address, an alias or a custom-domain address of this account; otherwise Apple ' +
      'answers "550 5.7.0 From address is not one of your addresses".',
    'With a custom domain on iCloud+, Apple signs mail with the DKIM selector "sig1".',
  ],
  emailDomains: ['icloud.com', 'me.com', 'mac.com'],
  mxSuffixes: ['mx01.mail.icloud.com', 'mx02.mail.icloud.com'],
  spfInclude: 'icloud.com',
  dkimSelectors: ['sig1'],
  sources: [
    'Thunderbird ISPDB me.com.xml (snapshot 2026-03-12)',
    'https://support.apple.com/102525 (via copies)',
    'https://support.apple.com/102374 (custom domains, localised copy)',
  ],
};

export const FASTMAIL: ProviderPreset = {
  id: 'fastmail',
  name: 'Fastmail',
  // 465: ✔ fastmail.com/help/technical/servernamesandports.html; 587 reported to work, unconfirmed.
  endpoints: implicitThenStarttls('smtp.fastmail.com', 'documented', 'unconfirmed'),
  usernameHint: 'your full Fastmail email address',
  secretKind: 'app-password',
  quirks: [
    'Fastmail requires an app password for every mail app; your normal password and two-step codes do not work. ' +
      'Create one as described at fastmail.com/help/clients/apppassword.html and use it here.',
    'The Basic plan has no SMTP access; a higher plan is needed to send from other apps.',
  ],
  emailDomains: ['fastmail.com', 'fastmail.fm'],
  mxSuffixes: ['in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com'],
  spfInclude: 'spf.messagingengine.com',
  dkimSelectors: ['fm1', 'fm2', 'fm3'],
  sources: [
    'https://www.fastmail.com/help/technical/servernamesandports.html',
    'https://www.fastmail.com/help/clients/apppassword.html',
    'https://fastmail.help/hc/en-us/articles/360060591153',
    'Thunderbird ISPDB messagingengine.com.xml (snapshot 2026-03-12)',
  ],
};

const GMX_ACCESS_SWITCH =
  'GMX switches POP3/IMAP/SMTP access off by default, and again after long non-use: turn it on in your GMX mailbox settings first.';
const GMX_TWO_FACTOR =
  'With two-factor authentication on, GMX needs an app-specific password for mail apps, and access must be switched ' +
  'on again (see hilfe.gmx.net/sicherheit/2fa/anwendungsspezifisches-passwort.html).';
const GMX_SOURCES = [
  'GMX notice quoted in github.com/jens-maus/yam/issues/638',
  'https://hilfe.gmx.net/sicherheit/2fa/anwendungsspezifisches-passwort.html',
  'https://hilfe.gmx.net/sicherheit/2fa/',
];

// GMX MX names (mx00/mx01.gmx.net) are unconfirmed in the reference, so no MX suffixes are claimed.
export const GMX_NET: ProviderPreset = {
  id: 'gmx-net',
  name: 'GMX (gmx.net, gmx.de, gmx.at, gmx.ch)',
  // ◐ ISPDB gmx.net.xml.
  endpoints: implicitThenStarttls('mail.gmx.net', 'secondary', 'secondary'),
  usernameHint: 'your full GMX email address (your GMX customer number also works)',
  quirks: [GMX_ACCESS_SWITCH, GMX_TWO_FACTOR],
  emailDomains: ['gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch'],
  mxSuffixes: [],
  dkimSelectors: [],
  sources: ['Thunderbird ISPDB gmx.net.xml (snapshot 2026-03-12)', ...GMX_SOURCES],
};

export const GMX_COM: ProviderPreset = {
  id: 'gmx-com',
  name: 'GMX (gmx.com)',
  // ◐ ISPDB gmx.com.xml.
  endpoints: implicitThenStarttls('mail.gmx.com', 'secondary', 'secondary'),
  usernameHint: 'your full GMX email address',
  quirks: [GMX_ACCESS_SWITCH, GMX_TWO_FACTOR],
  emailDomains: ['gmx.com'],
  mxSuffixes: [],
  dkimSelectors: [],
  sources: ['Thunderbird ISPDB gmx.com.xml (snapshot 2026-03-12)', ...GMX_SOURCES],
};
