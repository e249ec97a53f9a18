/**
 * DKIM selectors worth trying when the user has not named theirs, and the CNAME targets that reveal a provider.
 *
 * DKIM keys live at `<selector>._domainkey.<domain>` (RFC 6376 section 3.6.2.1) and nothing lists the
 * selectors in use, so discovery can only try the usual ones. Sources: shared/reference/providers.md (marks
 * there), and selectors seen in public DNS configurations. Per-customer selectors (Zoho, Postmark, SES
 * tokens) cannot be guessed: the finding asks the user to add theirs.
 */
import { PROVIDER_PRESETS } from '../../accounts/provider-presets';

export interface CommonSelector {
  readonly selector: string;
  /** Who uses it, shown in evidence so a person knows why it was tried. */
  readonly usedBy: string;
}

export const COMMON_DKIM_SELECTORS: readonly CommonSelector[] = [
  // Google Workspace: the default prefix in the Admin console (an admin may change it).
  { selector: 'google', usedBy: 'Google Workspace' },
  // Microsoft 365: two CNAMEs, one active at a time.
  { selector: 'selector1', usedBy: 'Microsoft 365' },
  { selector: 'selector2', usedBy: 'Microsoft 365' },
  // Mailchimp / Mailgun (k1) and Mailchimp rotations (k2, k3).
  { selector: 'k1', usedBy: 'Mailchimp, Mailgun' },
  { selector: 'k2', usedBy: 'Mailchimp' },
  { selector: 'k3', usedBy: 'Mailchimp' },
  // SendGrid domain authentication (CNAMEs to sendgrid.net); also common on self-hosted servers.
  { selector: 's1', usedBy: 'SendGrid' },
  { selector: 's2', usedBy: 'SendGrid' },
  // cPanel, DirectAdmin, Plesk and most self-hosted setups (OpenDKIM, rspamd defaults).
  { selector: 'default', usedBy: 'cPanel, Plesk, self-hosted servers' },
  { selector: 'dkim', usedBy: 'self-hosted servers (rspamd, Mailcow)' },
  { selector: 'mail', usedBy: 'self-hosted servers (OpenDKIM examples)' },
  // Fastmail: three CNAMEs to dkim.fmhosted.com.
  { selector: 'fm1', usedBy: 'Fastmail' },
  { selector: 'fm2', usedBy: 'Fastmail' },
  { selector: 'fm3', usedBy: 'Fastmail' },
  // Proton Mail: three CNAMEs to domains.proton.ch.
  { selector: 'protonmail', usedBy: 'Proton Mail' },
  { selector: 'protonmail2', usedBy: 'Proton Mail' },
  { selector: 'protonmail3', usedBy: 'Proton Mail' },
  // Zoho Mail: the admin picks a selector; these two are the ones seen most.
  { selector: 'zoho', usedBy: 'Zoho Mail' },
  { selector: 'zmail', usedBy: 'Zoho Mail' },
  // MXroute.
  { selector: 'mxvault', usedBy: 'MXroute' },
  // iCloud+ custom domains: CNAME to icloudmailadmin.com.
  { selector: 'sig1', usedBy: 'iCloud Mail' },
  // Mandrill (Mailchimp Transactional): the old TXT selector and the CNAME pair.
  { selector: 'mandrill', usedBy: 'Mandrill' },
  { selector: 'mte1', usedBy: 'Mandrill' },
  { selector: 'mte2', usedBy: 'Mandrill' },
  // SendGrid's older selector.
  { selector: 'smtpapi', usedBy: 'SendGrid (older setups)' },
  // IONOS: CNAMEs to dkim.ionos.com.
  { selector: 's1-ionos', usedBy: 'IONOS' },
  { selector: 's2-ionos', usedBy: 'IONOS' },
  // OVHcloud mail offers.
  { selector: 'ovhmo-selector-1', usedBy: 'OVHcloud' },
  { selector: 'ovhmo-selector-2', usedBy: 'OVHcloud' },
  // Brevo (Sendinblue): CNAMEs to dkim.brevo.com.
  { selector: 'brevo1', usedBy: 'Brevo' },
  { selector: 'brevo2', usedBy: 'Brevo' },
  // Resend.
  { selector: 'resend', usedBy: 'Resend' },
  // Mailgun assigns a selector per domain; these are the ones seen in configs.
  { selector: 'pic', usedBy: 'Mailgun' },
  { selector: 'mta', usedBy: 'Mailgun' },
  { selector: 'smtp', usedBy: 'Mailgun' },
  { selector: 'mx', usedBy: 'Mailgun' },
  // Amazon SES "BYODKIM" examples and other hosted platforms.
  { selector: 'amazonses', usedBy: 'Amazon SES (older setups)' },
  { selector: 'everlytickey1', usedBy: 'Everlytic' },
  { selector: 'cm', usedBy: 'Campaign Monitor' },
  { selector: 'hs1', usedBy: 'HubSpot' },
  { selector: 'hs2', usedBy: 'HubSpot' },
];

/** A CNAME target suffix and the provider preset it belongs to. */
export interface CnameProvider {
  readonly suffix: string;
  readonly presetId: string;
}

/** Providers that publish keys behind a CNAME; matched on label boundaries, most specific first. */
export const DKIM_CNAME_PROVIDERS: readonly CnameProvider[] = [
  // Amazon SES Easy DKIM: <token>._domainkey -> <token>.dkim.amazonses.com.
  { suffix: 'dkim.amazonses.com', presetId: 'amazon-ses' },
  // Microsoft 365: selector1-<domain>._domainkey.<tenant>.onmicrosoft.com, and (since May 2025) dkim.mail.microsoft.
  { suffix: 'onmicrosoft.com', presetId: 'microsoft-365' },
  { suffix: 'dkim.mail.microsoft', presetId: 'microsoft-365' },
  // Fastmail: fm1.<domain>.dkim.fmhosted.com.
  { suffix: 'dkim.fmhosted.com', presetId: 'fastmail' },
  // Proton: protonmailN.domainkey.<id>.domains.proton.ch.
  { suffix: 'domains.proton.ch', presetId: 'proton-smtp' },
  // SendGrid: s1.domainkey.u<ID>.wl<NNN>.sendgrid.net.
  { suffix: 'sendgrid.net', presetId: 'sendgrid' },
  // Mandrill: dkim1.mandrillapp.com.
  { suffix: 'mandrillapp.com', presetId: 'mandrill' },
  // Brevo: b1.<domain-dashes>.dkim.brevo.com.
  { suffix: 'dkim.brevo.com', presetId: 'brevo' },
  // iCloud+: sig1.dkim.<domain>.at.icloudmailadmin.com.
  { suffix: 'icloudmailadmin.com', presetId: 'icloud' },
  // IONOS: s1.dkim.ionos.com.
  { suffix: 'dkim.ionos.com', presetId: 'ionos' },
  // Mailgun's newer CNAME scheme (unconfirmed in the reference).
  { suffix: 'mailgun.com', presetId: 'mailgun-us' },
  { suffix: 'mailgun.org', presetId: 'mailgun-us' },
];

/** The preset a CNAME target points to, by suffix on a label boundary. */
export function providerOfCnameTarget(
  target: string,
  providers: readonly CnameProvider[] = DKIM_CNAME_PROVIDERS,
): string | null {
  const host = target.toLowerCase().replace(/\.$/, '');
  const match = [...providers]
    .sort((a, b) => b.suffix.length - a.suffix.length)
    .find(({ suffix }) => host === suffix || host.endsWith(`.${suffix}`));
  return match?.presetId ?? null;
}

/** The account's selectors first, then the common ones and every preset's, each once. */
export function selectorsToTry(accountSelectors: readonly string[]): readonly string[] {
  const all = [
    ...accountSelectors,
    ...COMMON_DKIM_SELECTORS.map((entry) => entry.selector),
    ...PROVIDER_PRESETS.flatMap((preset) => preset.dkimSelectors),
  ];
  return [...new Set(all.map((selector) => selector.toLowerCase()))];
}
