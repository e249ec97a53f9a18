/**
 * Which big provider an account signs in to, from its preset or its server's name: the providers whose
 * password refusals mean "sign in with OAuth" rather than "wrong password".
 *
 * Microsoft turns password (Basic) SMTP AUTH off by default for existing Microsoft 365 tenants at the end
 * of December 2026; Google accepts only OAuth or an app password. A server name is recognised only under
 * the providers' own domains, so a look-alike such as "office365.com.example.org" is not Microsoft.
 */

export type SignInProvider = 'microsoft' | 'google';

const PRESET_PROVIDERS: { readonly [presetId: string]: SignInProvider } = {
  'microsoft-365': 'microsoft',
  'outlook-com': 'microsoft',
  gmail: 'google',
  'google-workspace': 'google',
};

/**
 * smtp.office365.com, outlook.office365.com, smtp-mail.outlook.com, *.protection.outlook.com (direct send
 * and connectors), *.mail.protection.outlook.com; Google's smtp.gmail.com, imap.gmail.com,
 * smtp-relay.gmail.com, pop.gmail.com and aspmx.l.google.com.
 */
const HOST_PROVIDERS: readonly (readonly [RegExp, SignInProvider])[] = [
  [/(^|\.)office365\.com\.?$/i, 'microsoft'],
  [/(^|\.)outlook\.com\.?$/i, 'microsoft'],
  [/(^|\.)gmail\.com\.?$/i, 'google'],
  [/(^|\.)googlemail\.com\.?$/i, 'google'],
  [/(^|\.)google\.com\.?$/i, 'google'],
];

/** The account's preset decides when it names one of these providers; otherwise the server's name. */
export function signInProviderOf(host: string, presetId: string | null | undefined): SignInProvider | null {
  const byPreset = presetId === null || presetId === undefined ? undefined : PRESET_PROVIDERS[presetId];
  if (byPreset !== undefined) return byPreset;
  return HOST_PROVIDERS.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}
