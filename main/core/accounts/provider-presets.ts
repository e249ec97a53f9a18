/**
 * The built-in provider presets and the lookups that pick one from an MX host or an email domain.
 *
 * Every fact comes from shared/reference/providers.md and keeps its mark there: each endpoint's
 * `confidence` is 'documented' (✔, the provider's own documentation or code), 'secondary' (◐, Thunderbird's
 * ISPDB, replies logged in public issues, or several real-world configs) or 'unconfirmed'. Quirks that rest on
 * an unconfirmed fact end in "(unconfirmed)" (UNCONFIRMED_MARK). The UI and CLI show both, so a person
 * knows what to double-check. Recheck the reference before changing dates or host names here.
 */
import type { ProviderPreset } from '../../../preload/contract/providers';
import { AMAZON_SES } from './presets/amazon-ses';
import { GMAIL, GOOGLE_WORKSPACE } from './presets/google';
import { FASTMAIL, GMX_COM, GMX_NET, ICLOUD, YAHOO } from './presets/mailbox-providers';
import { MICROSOFT_365, OUTLOOK_COM } from './presets/microsoft';
import { PROTON_BRIDGE, PROTON_SMTP } from './presets/proton';
import {
  BREVO,
  MAILGUN_EU,
  MAILGUN_US,
  MANDRILL,
  POSTMARK,
  RESEND,
  SENDGRID,
} from './presets/sending-services';
import { IONOS, OVHCLOUD } from './presets/web-hosts';
import { ZOHO_PRESETS } from './presets/zoho';

export { UNCONFIRMED_MARK } from './presets/building-blocks';

/** In the order a picker shows them: the big mailbox providers first, then hosts, then sending services. */
export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  GMAIL,
  GOOGLE_WORKSPACE,
  MICROSOFT_365,
  OUTLOOK_COM,
  YAHOO,
  ICLOUD,
  ...ZOHO_PRESETS,
  FASTMAIL,
  GMX_NET,
  GMX_COM,
  PROTON_BRIDGE,
  PROTON_SMTP,
  IONOS,
  OVHCLOUD,
  AMAZON_SES,
  SENDGRID,
  MAILGUN_US,
  MAILGUN_EU,
  POSTMARK,
  BREVO,
  MANDRILL,
  RESEND,
];

/** Lower-cases, trims and drops one final dot, so `ASPMX.L.Google.com.` matches `aspmx.l.google.com`. */
function normaliseName(name: string): string {
  const trimmed = name.trim().toLowerCase();
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}

/** Lookups over a list of presets; built once for PROVIDER_PRESETS, and for other lists in tests. */
export interface PresetIndex {
  byId(id: string): ProviderPreset | undefined;
  /**
   * The preset whose MX suffix matches `mxHost` on a label boundary, the most specific suffix winning.
   *
   * `alt1.aspmx.l.google.com` matches `aspmx.l.google.com`; `evilgoogle.com` does not match `google.com`.
   */
  byMxHost(mxHost: string): ProviderPreset | undefined;
  /** The preset of a consumer address domain (gmail.com, outlook.com, …), by exact match. */
  byEmailDomain(domain: string): ProviderPreset | undefined;
}

export function createPresetIndex(presets: readonly ProviderPreset[]): PresetIndex {
  const ids = new Map(presets.map((preset) => [preset.id, preset]));
  const emailDomains = new Map(
    presets.flatMap((preset) =>
      preset.emailDomains.map((domain) => [normaliseName(domain), preset] as const),
    ),
  );
  // Most specific first: more labels, then longer text.
  const mxSuffixes = presets
    .flatMap((preset) => preset.mxSuffixes.map((suffix) => [normaliseName(suffix), preset] as const))
    .sort(([a], [b]) => b.split('.').length - a.split('.').length || b.length - a.length);
  return {
    byId: (id) => ids.get(id),
    byMxHost: (mxHost) => {
      const host = normaliseName(mxHost);
      if (host === '') return undefined;
      return mxSuffixes.find(([suffix]) => host === suffix || host.endsWith(`.${suffix}`))?.[1];
    },
    byEmailDomain: (domain) => emailDomains.get(normaliseName(domain)),
  };
}

const INDEX = createPresetIndex(PROVIDER_PRESETS);

export function findPresetById(id: string): ProviderPreset | undefined {
  return INDEX.byId(id);
}

/** See PresetIndex.byMxHost: suffix match on label boundaries, case and a final dot ignored. */
export function findPresetByMxHost(mxHost: string): ProviderPreset | undefined {
  return INDEX.byMxHost(mxHost);
}

/** See PresetIndex.byEmailDomain: exact match, case and a final dot ignored. */
export function findPresetByEmailDomain(domain: string): ProviderPreset | undefined {
  return INDEX.byEmailDomain(domain);
}
