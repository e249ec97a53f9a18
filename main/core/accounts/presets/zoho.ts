/**
 * Zoho Mail, one preset per data centre: an account lives in one data centre and must use its servers.
 * Facts from shared/reference/providers.md section 5.
 */
import type { Confidence, ProviderPreset } from '../../../../preload/contract/providers';
import { implicitThenStarttls, unconfirmed } from './building-blocks';

interface ZohoDataCentre {
  /** Preset id suffix and name. */
  readonly key: string;
  readonly region: string;
  /** Host for free and personal accounts, and for paid organisation accounts (smtppro). */
  readonly freeHost: string;
  readonly paidHost: string;
  readonly freeConfidence: Confidence;
  readonly paidConfidence: Confidence;
  /** `mx.zoho.<dc>`, `mx2…`, `mx3…`; seen for .com and .eu, the others follow the pattern. */
  readonly mxHosts: readonly string[];
  readonly spfInclude?: string;
  readonly emailDomains: readonly string[];
}

const zohoMx = (dc: string): readonly string[] => [`mx.zoho.${dc}`, `mx2.zoho.${dc}`, `mx3.zoho.${dc}`];

/**
 * ✔ Zoho's own page gives the smtp / smtppro pattern (written for zoho.com); the other data centres come
 * from ISPDB (◐), except Saudi Arabia, which is unconfirmed. Canada's paid host is not in the reference.
 */
const DATA_CENTRES: readonly ZohoDataCentre[] = [
  {
    key: 'com',
    region: 'United States (zoho.com)',
    freeHost: 'smtp.zoho.com',
    paidHost: 'smtppro.zoho.com',
    freeConfidence: 'documented',
    paidConfidence: 'documented',
    mxHosts: zohoMx('com'),
    spfInclude: 'zohomail.com',
    emailDomains: ['zohomail.com', 'zoho.com'],
  },
  {
    key: 'eu',
    region: 'Europe (zoho.eu)',
    freeHost: 'smtp.zoho.eu',
    paidHost: 'smtppro.zoho.eu',
    freeConfidence: 'secondary',
    paidConfidence: 'secondary',
    mxHosts: zohoMx('eu'),
    spfInclude: 'zohomail.eu',
    emailDomains: ['zohomail.eu'],
  },
  {
    key: 'in',
    region: 'India (zoho.in)',
    freeHost: 'smtp.zoho.in',
    paidHost: 'smtppro.zoho.in',
    freeConfidence: 'secondary',
    paidConfidence: 'secondary',
    mxHosts: zohoMx('in'),
    emailDomains: ['zohomail.in'],
  },
  {
    key: 'com-au',
    region: 'Australia (zoho.com.au)',
    freeHost: 'smtp.zoho.com.au',
    paidHost: 'smtppro.zoho.com.au',
    freeConfidence: 'secondary',
    paidConfidence: 'secondary',
    mxHosts: zohoMx('com.au'),
    emailDomains: [],
  },
  {
    key: 'jp',
    region: 'Japan (zoho.jp)',
    freeHost: 'smtp.zoho.jp',
    paidHost: 'smtppro.zoho.jp',
    freeConfidence: 'secondary',
    paidConfidence: 'secondary',
    mxHosts: zohoMx('jp'),
    emailDomains: [],
  },
  {
    key: 'ca',
    region: 'Canada (zohocloud.ca)',
    freeHost: 'smtp.zohocloud.ca',
    paidHost: 'smtppro.zohocloud.ca',
    freeConfidence: 'secondary',
    paidConfidence: 'unconfirmed',
    // Canada's MX names are not in the reference.
    mxHosts: [],
    emailDomains: [],
  },
  {
    key: 'sa',
    region: 'Saudi Arabia (zoho.sa)',
    freeHost: 'smtp.zoho.sa',
    paidHost: 'smtppro.zoho.sa',
    freeConfidence: 'unconfirmed',
    paidConfidence: 'unconfirmed',
    mxHosts: zohoMx('sa'),
    emailDomains: [],
  },
];

const PAID_LABEL = 'Paid organisation accounts';
const FREE_LABEL = 'Free and personal accounts';

function zohoPreset(dc: ZohoDataCentre): ProviderPreset {
  const preset: ProviderPreset = {
    id: `zoho-${dc.key}`,
    name: `Zoho Mail, ${dc.region}`,
    // Paid first: a business whose MX points at Zoho is most likely a paid organisation.
    endpoints: [
      ...implicitThenStarttls(dc.paidHost, dc.paidConfidence, dc.paidConfidence, PAID_LABEL),
      ...implicitThenStarttls(dc.freeHost, dc.freeConfidence, dc.freeConfidence, FREE_LABEL),
    ],
    usernameHint: 'your full Zoho Mail address',
    quirks: [
      `Paid Zoho Mail organisation accounts send through ${dc.paidHost}; free and personal accounts use ${dc.freeHost}.`,
      'Use the servers of the data centre your account lives in (the Zoho site you sign in at); the wrong one ' +
        'answers "535 Authentication Failed" or "553 Relaying disallowed".',
      'If two-factor authentication is on, create an app-specific password in your Zoho account and use it here.',
      unconfirmed(
        'IMAP/POP access must be switched on in Zoho Mail settings, and the free plan may not include SMTP access.',
      ),
      'Send only from this mailbox\'s address or one of its aliases; anything else gets "553 Relaying disallowed".',
      'Zoho signs mail with the DKIM selector your administrator chose in the Admin Console (often "zmail" or "zoho"); add it to this account\'s DKIM selectors.',
    ],
    emailDomains: dc.emailDomains,
    mxSuffixes: dc.mxHosts,
    dkimSelectors: [],
    sources: [
      'https://www.zoho.com/mail/help/zoho-smtp.html (copy on wiki.stretchpowered.com)',
      'Thunderbird ISPDB zoho.*.xml and zohocloud.ca.xml (snapshot 2026-03-12)',
    ],
  };
  return dc.spfInclude === undefined ? preset : { ...preset, spfInclude: dc.spfInclude };
}

export const ZOHO_PRESETS: readonly ProviderPreset[] = DATA_CENTRES.map(zohoPreset);
