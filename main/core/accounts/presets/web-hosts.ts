/** Web hosts that include mailboxes: IONOS (1&1) and OVHcloud. Facts from shared/reference/providers.md sections 8 and 9. */
import type { ProviderPreset } from '../../../../preload/contract/providers';
import {
  endpoint,
  implicitThenStarttls,
  SUBMISSION_PORT,
  SUBMISSIONS_PORT,
  unconfirmed,
} from './building-blocks';

export const IONOS: ProviderPreset = {
  id: 'ionos',
  name: 'IONOS (1&1)',
  // smtp.ionos.de and smtp.ionos.fr are seen in configs (◐); the other countries follow the pattern and the US
  // host is unconfirmed. Ports are not confirmed by IONOS itself.
  endpoints: [
    ...implicitThenStarttls('smtp.ionos.de', 'secondary', 'secondary', 'Germany'),
    ...implicitThenStarttls('smtp.ionos.fr', 'secondary', 'secondary', 'France'),
    ...implicitThenStarttls('smtp.ionos.co.uk', 'unconfirmed', 'unconfirmed', 'United Kingdom'),
    ...implicitThenStarttls('smtp.ionos.es', 'unconfirmed', 'unconfirmed', 'Spain'),
    ...implicitThenStarttls('smtp.ionos.it', 'unconfirmed', 'unconfirmed', 'Italy'),
    ...implicitThenStarttls('smtp.ionos.com', 'unconfirmed', 'unconfirmed', 'United States'),
    // ◐ ISPDB 1und1.de.xml.
    ...implicitThenStarttls('smtp.1und1.de', 'secondary', 'secondary', '1&1 DSL addresses (e.g. online.de)'),
  ],
  // ◐ ionos.fr help shows imap.ionos.fr and pop.ionos.fr; the ports are the RFC 8314 defaults, not from IONOS.
  incomingEndpoints: [
    {
      protocol: 'imap',
      host: 'imap.ionos.fr',
      port: 993,
      security: 'tls',
      label: 'France',
      confidence: 'unconfirmed',
    },
    {
      protocol: 'pop3',
      host: 'pop.ionos.fr',
      port: 995,
      security: 'tls',
      label: 'France',
      confidence: 'unconfirmed',
    },
  ],
  usernameHint: 'your full email address',
  quirks: [
    'Use the server of the country where your IONOS contract is (smtp.ionos.de, smtp.ionos.fr, smtp.ionos.co.uk, …).',
    'Since 29 January 2024 IONOS refuses mail whose From address is on another domain than the mailbox ' +
      '("Sender address is not allowed"): send from this mailbox\'s own address.',
    'IONOS signs mail with the DKIM selectors "s1-ionos" and "s2-ionos" and switches SPF on for domains it hosts.',
    unconfirmed('US customers may need the SPF include _spf-us.ionos.com instead of _spf-eu.ionos.com.'),
  ],
  emailDomains: [],
  mxSuffixes: [
    'mx00.ionos.de',
    'mx01.ionos.de',
    'mx00.ionos.co.uk',
    'mx01.ionos.co.uk',
    'mx00.ionos.fr',
    'mx01.ionos.fr',
    'kundenserver.de',
    'schlund.de',
  ],
  spfInclude: '_spf-eu.ionos.com',
  dkimSelectors: ['s1-ionos', 's2-ionos'],
  sources: [
    'ionos.fr help (imap.ionos.fr / pop.ionos.fr) and public configs',
    'Thunderbird ISPDB 1und1.de.xml (snapshot 2026-03-12)',
    'optioffice.net helpdesk summary of the IONOS sender-address notice',
    'ionos.de help (SPF on by default)',
  ],
};

export const OVHCLOUD: ProviderPreset = {
  id: 'ovhcloud',
  name: 'OVHcloud (MX Plan)',
  // 465: ◐ ISPDB ovh.net.xml; 587 is widely used but unconfirmed from OVH.
  endpoints: [
    endpoint('ssl0.ovh.net', SUBMISSIONS_PORT, 'tls', 'secondary'),
    endpoint('ssl0.ovh.net', SUBMISSION_PORT, 'starttls', 'unconfirmed'),
  ],
  usernameHint: 'your full email address',
  quirks: [
    'Use your full email address as the username and your mailbox password.',
    unconfirmed(
      'Email Pro and Hosted Exchange mailboxes use other servers (proN.mail.ovh.net or exN.mail.ovh.net), shown in your OVHcloud control panel.',
    ),
  ],
  emailDomains: [],
  // ✔ mx0..mx4.mail.ovh.net (OVH's MX guide).
  mxSuffixes: ['mail.ovh.net'],
  spfInclude: 'mx.ovh.com',
  dkimSelectors: ['ovhmo-selector-1', 'ovhmo-selector-2'],
  sources: [
    'Thunderbird ISPDB ovh.net.xml (snapshot 2026-03-12)',
    'github.com/ovh/docs pages/web_cloud/domains/dns_zone_spf/guide.en-gb.md',
    'github.com/ovh/docs pages/web_cloud/domains/dns_zone_mx/guide.en-gb.md',
  ],
};
