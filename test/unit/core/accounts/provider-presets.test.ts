import { describe, expect, it } from 'vitest';
import { SECURITY_MODES } from '../../../../preload/contract/accounts';
import type { ProviderPreset, SubmissionEndpoint } from '../../../../preload/contract/providers';
import {
  toAsciiDomain,
  toAsciiRelativeName,
  validateHostOrIp,
} from '../../../../main/core/accounts/domain-name';
import {
  createPresetIndex,
  findPresetByEmailDomain,
  findPresetById,
  findPresetByMxHost,
  PROVIDER_PRESETS,
  UNCONFIRMED_MARK,
} from '../../../../main/core/accounts/provider-presets';

/** The providers the wizard must offer, by preset id. */
const REQUIRED_IDS = [
  'gmail',
  'google-workspace',
  'microsoft-365',
  'outlook-com',
  'yahoo',
  'icloud',
  'zoho-com',
  'zoho-eu',
  'zoho-ca',
  'fastmail',
  'gmx-net',
  'gmx-com',
  'ionos',
  'ovhcloud',
  'amazon-ses',
  'sendgrid',
  'mailgun-us',
  'mailgun-eu',
  'postmark',
  'proton-bridge',
  'proton-smtp',
  'brevo',
  'mandrill',
];
const CONFIDENCES = ['documented', 'secondary', 'unconfirmed'];
/** The IPC schema caps preset ids at 64 characters. */
const PRESET_ID_MAX_CHARS = 64;
const CONTROL_CHARACTER = /\p{Cc}/u;

function preset(id: string): ProviderPreset {
  const found = findPresetById(id);
  if (found === undefined) throw new Error(`no preset ${id}`);
  return found;
}

/** Endpoints as `host:port security` strings, easy to compare with what a person reads in provider docs. */
const endpointsOf = (id: string): string[] =>
  preset(id).endpoints.map((e) => `${e.host}:${e.port} ${e.security}`);
const endpointOf = (id: string, host: string, port: number): SubmissionEndpoint | undefined =>
  preset(id).endpoints.find((e) => e.host === host && e.port === port);

describe('PROVIDER_PRESETS is well-formed', () => {
  it('has unique, short, kebab-case ids', () => {
    const ids = PROVIDER_PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(id.length).toBeLessThanOrEqual(PRESET_ID_MAX_CHARS);
    }
  });

  it.each(REQUIRED_IDS)('offers %s', (id) => {
    expect(findPresetById(id)?.id).toBe(id);
  });

  describe.each(PROVIDER_PRESETS.map((p) => [p.id, p] as const))('%s', (_id, p) => {
    it('has a name, a username hint and sources', () => {
      expect(p.name.trim()).not.toBe('');
      expect(p.usernameHint.trim()).not.toBe('');
      expect(p.sources.length).toBeGreaterThan(0);
      for (const source of p.sources) expect(source.trim()).not.toBe('');
    });

    it('has at least one endpoint, each a valid host, port 1..65535, a known security mode and confidence', () => {
      expect(p.endpoints.length).toBeGreaterThan(0);
      for (const e of p.endpoints) {
        // Already in the normalised form validation produces, so picking a preset never trips validation.
        expect(validateHostOrIp(e.host)).toEqual({ ok: true, value: e.host });
        expect(Number.isInteger(e.port) && e.port >= 1 && e.port <= 65_535).toBe(true);
        expect(SECURITY_MODES).toContain(e.security);
        expect(CONFIDENCES).toContain(e.confidence);
        if (e.label !== undefined) expect(e.label.trim()).not.toBe('');
      }
      const keys = p.endpoints.map((e) => `${e.host}:${e.port}`);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('writes quirks as plain sentences', () => {
      for (const quirk of p.quirks) {
        expect(quirk).not.toMatch(CONTROL_CHARACTER);
        expect(quirk).toMatch(/^[A-Z"']/);
        expect(/\."?$/.test(quirk) || quirk.endsWith(UNCONFIRMED_MARK)).toBe(true);
      }
    });

    it('lists email domains, MX suffixes, SPF include and DKIM selectors in valid lower-case ASCII', () => {
      for (const domain of [...p.emailDomains, ...p.mxSuffixes]) {
        expect(toAsciiDomain(domain)).toEqual({ ok: true, value: domain });
      }
      if (p.spfInclude !== undefined)
        expect(toAsciiDomain(p.spfInclude, { allowUnderscore: true })).toEqual({
          ok: true,
          value: p.spfInclude,
        });
      for (const selector of p.dkimSelectors)
        expect(toAsciiRelativeName(selector)).toEqual({ ok: true, value: selector });
      if (p.fixedUsername !== undefined) expect(p.fixedUsername).toMatch(/^\S+$/);
    });
  });

  it('gives every email domain and every MX suffix to exactly one preset', () => {
    const emailDomains = PROVIDER_PRESETS.flatMap((p) => p.emailDomains);
    const mxSuffixes = PROVIDER_PRESETS.flatMap((p) => p.mxSuffixes);
    expect(new Set(emailDomains).size).toBe(emailDomains.length);
    expect(new Set(mxSuffixes).size).toBe(mxSuffixes.length);
  });
});

describe('provider facts (shared/reference/providers.md)', () => {
  it.each([
    ['gmail', ['smtp.gmail.com:465 tls', 'smtp.gmail.com:587 starttls']],
    ['google-workspace', ['smtp.gmail.com:465 tls', 'smtp.gmail.com:587 starttls']],
    ['microsoft-365', ['smtp.office365.com:587 starttls']],
    ['outlook-com', ['smtp-mail.outlook.com:587 starttls']],
    ['yahoo', ['smtp.mail.yahoo.com:465 tls', 'smtp.mail.yahoo.com:587 starttls']],
    ['icloud', ['smtp.mail.me.com:587 starttls']],
    ['fastmail', ['smtp.fastmail.com:465 tls', 'smtp.fastmail.com:587 starttls']],
    ['gmx-net', ['mail.gmx.net:465 tls', 'mail.gmx.net:587 starttls']],
    ['gmx-com', ['mail.gmx.com:465 tls', 'mail.gmx.com:587 starttls']],
    ['sendgrid', ['smtp.sendgrid.net:465 tls', 'smtp.sendgrid.net:587 starttls']],
    ['proton-bridge', ['127.0.0.1:1025 starttls']],
    ['proton-smtp', ['smtp.protonmail.ch:587 starttls']],
  ])('%s submits to %j', (id, expected) => {
    expect(endpointsOf(id)).toEqual(expected);
  });

  it.each([
    [
      'zoho-com',
      [
        'smtppro.zoho.com:465 tls',
        'smtppro.zoho.com:587 starttls',
        'smtp.zoho.com:465 tls',
        'smtp.zoho.com:587 starttls',
      ],
    ],
    ['zoho-eu', ['smtppro.zoho.eu:465 tls', 'smtp.zoho.eu:587 starttls']],
    ['zoho-ca', ['smtp.zohocloud.ca:465 tls', 'smtp.zohocloud.ca:587 starttls']],
    [
      'ionos',
      [
        'smtp.ionos.de:465 tls',
        'smtp.ionos.de:587 starttls',
        'smtp.ionos.fr:465 tls',
        'smtp.ionos.co.uk:587 starttls',
      ],
    ],
    ['ovhcloud', ['ssl0.ovh.net:465 tls']],
    ['mailgun-us', ['smtp.mailgun.org:465 tls', 'smtp.mailgun.org:587 starttls']],
    ['mailgun-eu', ['smtp.eu.mailgun.org:465 tls', 'smtp.eu.mailgun.org:587 starttls']],
    ['postmark', ['smtp.postmarkapp.com:587 starttls']],
    ['brevo', ['smtp-relay.brevo.com:587 starttls', 'smtp-relay.brevo.com:465 tls']],
    ['mandrill', ['smtp.mandrillapp.com:465 tls', 'smtp.mandrillapp.com:587 starttls']],
  ])('%s offers at least %j', (id, expected) => {
    expect(endpointsOf(id)).toEqual(expect.arrayContaining(expected));
  });

  it('keeps the reference marks on endpoints', () => {
    expect(endpointOf('microsoft-365', 'smtp.office365.com', 587)?.confidence).toBe('documented');
    expect(endpointOf('gmail', 'smtp.gmail.com', 465)?.confidence).toBe('secondary');
    expect(endpointOf('yahoo', 'smtp.mail.yahoo.com', 465)?.confidence).toBe('secondary');
    expect(endpointOf('yahoo', 'smtp.mail.yahoo.com', 587)?.confidence).toBe('unconfirmed');
    expect(endpointOf('fastmail', 'smtp.fastmail.com', 465)?.confidence).toBe('documented');
    expect(endpointOf('fastmail', 'smtp.fastmail.com', 587)?.confidence).toBe('unconfirmed');
    expect(endpointOf('ionos', 'smtp.ionos.com', 465)?.confidence).toBe('unconfirmed');
    expect(endpointOf('ovhcloud', 'ssl0.ovh.net', 587)?.confidence).toBe('unconfirmed');
    expect(endpointOf('proton-bridge', '127.0.0.1', 1025)?.confidence).toBe('documented');
  });

  it('labels endpoints where a provider has several kinds', () => {
    expect(endpointOf('zoho-com', 'smtppro.zoho.com', 465)?.label).toMatch(/paid/i);
    expect(endpointOf('zoho-com', 'smtp.zoho.com', 465)?.label).toMatch(/free/i);
    expect(endpointOf('ionos', 'smtp.ionos.co.uk', 587)?.label).toBe('United Kingdom');
    expect(endpointOf('amazon-ses', 'email-smtp.eu-west-1.amazonaws.com', 465)?.label).toMatch(/eu-west-1/);
  });

  it('has Amazon SES SMTP endpoints (not the API host) for the main regions on 465 and 587', () => {
    for (const region of [
      'us-east-1',
      'us-east-2',
      'us-west-2',
      'eu-west-1',
      'eu-central-1',
      'ap-southeast-2',
    ]) {
      expect(endpointOf('amazon-ses', `email-smtp.${region}.amazonaws.com`, 465)?.security).toBe('tls');
      expect(endpointOf('amazon-ses', `email-smtp.${region}.amazonaws.com`, 587)?.security).toBe('starttls');
    }
    expect(preset('amazon-ses').endpoints.every((e) => e.host.startsWith('email-smtp.'))).toBe(true);
  });

  it('fixes the username only where the provider demands one', () => {
    expect(preset('sendgrid').fixedUsername).toBe('apikey');
    expect(preset('gmail').fixedUsername).toBeUndefined();
    expect(preset('postmark').fixedUsername).toBeUndefined();
  });

  it('names the secret the password field holds where it is not the account password', () => {
    const kinds = Object.fromEntries(
      PROVIDER_PRESETS.filter((p) => p.secretKind !== undefined).map((p) => [p.id, p.secretKind]),
    );
    expect(kinds).toEqual({
      gmail: 'app-password',
      'google-workspace': 'app-password',
      yahoo: 'app-password',
      icloud: 'app-password',
      fastmail: 'app-password',
      sendgrid: 'api-key',
      postmark: 'api-key',
      mandrill: 'api-key',
      resend: 'api-key',
      brevo: 'smtp-key',
      'proton-bridge': 'bridge-password',
    });
  });

  it.each([
    ['gmail', /30 May 2022/],
    ['gmail', /myaccount\.google\.com\/apppasswords/],
    ['google-workspace', /14 March 2025/],
    ['microsoft-365', /January 2020/],
    ['microsoft-365', /Set-CASMailbox -Identity .* -SmtpClientAuthenticationDisabled \$false/],
    ['microsoft-365', /December 2026/],
    ['outlook-com', /16 September 2024.*OAuth/],
    ['yahoo', /app password/],
    ['icloud', /app-specific password/],
    ['zoho-com', /smtppro\.zoho\.com/],
    ['fastmail', /app password/],
    ['gmx-net', /off by default/],
    ['ionos', /29 January 2024/],
    ['amazon-ses', /not your AWS secret access key.*each region/],
    ['sendgrid', /apikey/],
    ['postmark', /Server API Token in both the username and the password/],
    ['proton-bridge', /self-signed certificate/],
    ['proton-bridge', /password Bridge shows/],
    ['proton-smtp', /SMTP token/],
  ])('%s warns about %s', (id, fact) => {
    expect(preset(id).quirks.some((quirk) => fact.test(quirk))).toBe(true);
  });

  it('marks quirks that rest on unconfirmed facts', () => {
    const workspace = preset('google-workspace').quirks.find((quirk) =>
      quirk.includes('2-Step Verification policy'),
    );
    expect(workspace?.endsWith(UNCONFIRMED_MARK)).toBe(true);
    const confirmed = preset('microsoft-365').quirks.find((quirk) => quirk.includes('January 2020'));
    expect(confirmed?.endsWith(UNCONFIRMED_MARK)).toBe(false);
  });
});

describe('findPresetByMxHost', () => {
  it.each([
    ['smtp.google.com', 'google-workspace'],
    ['aspmx.l.google.com', 'google-workspace'],
    ['ALT4.ASPMX.L.GOOGLE.COM.', 'google-workspace'],
    ['  alt1.aspmx.l.google.com  ', 'google-workspace'],
    ['contoso-com.mail.protection.outlook.com', 'microsoft-365'],
    ['contoso-com.o-v1.mx.microsoft', 'microsoft-365'],
    ['eur.olc.protection.outlook.com.', 'outlook-com'],
    ['mta7.am0.yahoodns.net', 'yahoo'],
    ['mx01.mail.icloud.com', 'icloud'],
    ['mx2.zoho.com', 'zoho-com'],
    ['mx.zoho.eu', 'zoho-eu'],
    ['in1-smtp.messagingengine.com', 'fastmail'],
    ['mx00.ionos.de', 'ionos'],
    ['mx01.kundenserver.de', 'ionos'],
    ['mx3.mail.ovh.net', 'ovhcloud'],
    ['mail.protonmail.ch', 'proton-bridge'],
    ['mxa.mailgun.org', 'mailgun-us'],
    ['mxb.eu.mailgun.org', 'mailgun-eu'],
    ['inbound-smtp.eu-west-1.amazonaws.com', 'amazon-ses'],
  ])('matches %j to %s', (mx, id) => {
    expect(findPresetByMxHost(mx)?.id).toBe(id);
  });

  it.each([
    'evilgoogle.com',
    'google.com',
    'evilsmtp.google.com',
    'evil-aspmx.l.google.com',
    'smtp.google.com.attacker.example',
    'mail.protection.outlook.com.attacker.example',
    'eumx.microsoft',
    'outlook.com',
    'mx.example.com',
    '',
    '.',
  ])('does not match %j', (mx) => {
    expect(findPresetByMxHost(mx)).toBeUndefined();
  });

  it('lets the most specific suffix win, whatever the order of the presets', () => {
    const base = PROVIDER_PRESETS[0];
    if (base === undefined) throw new Error('no presets');
    const broad: ProviderPreset = { ...base, id: 'broad', mxSuffixes: ['example.net'] };
    const narrow: ProviderPreset = { ...base, id: 'narrow', mxSuffixes: ['mx.example.net'] };
    for (const index of [createPresetIndex([broad, narrow]), createPresetIndex([narrow, broad])]) {
      expect(index.byMxHost('a.mx.example.net')?.id).toBe('narrow');
      expect(index.byMxHost('mx.example.net')?.id).toBe('narrow');
      expect(index.byMxHost('a.example.net')?.id).toBe('broad');
      expect(index.byMxHost('amx.example.net')?.id).toBe('broad');
    }
  });
});

describe('findPresetByEmailDomain', () => {
  it.each([
    ['gmail.com', 'gmail'],
    ['GoogleMail.com.', 'gmail'],
    ['outlook.com', 'outlook-com'],
    ['hotmail.com', 'outlook-com'],
    ['live.com', 'outlook-com'],
    ['msn.com', 'outlook-com'],
    ['hotmail.co.uk', 'outlook-com'],
    ['yahoo.com', 'yahoo'],
    ['yahoo.fr', 'yahoo'],
    ['icloud.com', 'icloud'],
    ['me.com', 'icloud'],
    ['mac.com', 'icloud'],
    ['gmx.de', 'gmx-net'],
    ['gmx.ch', 'gmx-net'],
    ['gmx.com', 'gmx-com'],
    ['fastmail.fm', 'fastmail'],
    ['proton.me', 'proton-bridge'],
    ['pm.me', 'proton-bridge'],
    ['zohomail.com', 'zoho-com'],
  ])('matches %j to %s', (domain, id) => {
    expect(findPresetByEmailDomain(domain)?.id).toBe(id);
  });

  it.each(['example.com', 'mail.gmail.com', 'gmail.co', 'notgmail.com', ''])(
    'does not match %j',
    (domain) => {
      expect(findPresetByEmailDomain(domain)).toBeUndefined();
    },
  );
});
