/** Provider presets and DNS discovery results, as the renderer and CLI see them. */
import type { SecurityMode } from './accounts';

/** Ends a preset quirk that rests on a fact not yet confirmed in the provider's own documentation. */
export const UNCONFIRMED_MARK = '(unconfirmed)';

/** How sure we are of a fact: seen in the provider's own docs, in secondary sources, or not verified. */
export type Confidence = 'documented' | 'secondary' | 'unconfirmed';

export interface SubmissionEndpoint {
  readonly host: string;
  readonly port: number;
  readonly security: SecurityMode;
  /** Shown when a provider has several endpoints, e.g. a data centre or region. */
  readonly label?: string;
  readonly confidence: Confidence;
}

/** A server the provider's mail programs read mail from (IMAP or POP3), with its confidence mark. */
export interface IncomingEndpoint {
  readonly protocol: 'imap' | 'pop3';
  readonly host: string;
  readonly port: number;
  readonly security: SecurityMode;
  readonly label?: string;
  readonly confidence: Confidence;
}

/** The secret a provider wants in the password field; absent means the account's own password. */
export type SecretKind = 'app-password' | 'api-key' | 'smtp-key' | 'bridge-password';

export interface ProviderPreset {
  readonly id: string;
  readonly name: string;
  /** Preferred endpoint first. */
  readonly endpoints: readonly SubmissionEndpoint[];
  /**
   * Where mail is read, preferred first; only what the provider reference lists (absent when it lists
   * none, so an empty incoming section never claims the provider has no IMAP).
   */
  readonly incomingEndpoints?: readonly IncomingEndpoint[];
  /** How to fill the username, in words ("your full email address", "the literal word apikey"). */
  readonly usernameHint: string;
  /** A fixed username where the provider requires one (SendGrid's `apikey`). */
  readonly fixedUsername?: string;
  /** What the password field holds for this provider, so the form can say "App password" or "API key". */
  readonly secretKind?: SecretKind;
  /** What password to use and what trips people up (app passwords, SMTP keys, bridge passwords). */
  readonly quirks: readonly string[];
  /** Consumer email domains that belong to this provider (gmail.com, outlook.com, ...). */
  readonly emailDomains: readonly string[];
  /** MX host suffixes that identify the provider (matched on label boundaries). */
  readonly mxSuffixes: readonly string[];
  /** SPF include the provider documents, if any. */
  readonly spfInclude?: string;
  /** DKIM selectors the provider uses (fixed ones only; per-customer selectors are listed in quirks). */
  readonly dkimSelectors: readonly string[];
  /** Where the facts come from. */
  readonly sources: readonly string[];
}

export type DiscoverySource =
  | 'srv-submissions'
  | 'srv-submission'
  /** The domain's own autoconfig file (Thunderbird's config-v1.1.xml) over HTTPS. */
  | 'autoconfig'
  | 'mx-provider'
  | 'email-domain-provider'
  | 'guess';

export interface DiscoveryCandidate {
  readonly host: string;
  readonly port: number;
  readonly security: SecurityMode;
  readonly source: DiscoverySource;
  readonly presetId?: string;
  /** One sentence on why this candidate was proposed. */
  readonly reason: string;
}

/** Where an incoming (IMAP / POP3) server was found: RFC 6186 SRV records, the autoconfig file, a preset. */
export type IncomingDiscoverySource =
  | 'srv-imaps'
  | 'srv-imap'
  | 'srv-pop3s'
  | 'srv-pop3'
  | 'autoconfig'
  | 'mx-provider'
  | 'email-domain-provider';

export interface IncomingDiscoveryCandidate {
  readonly protocol: 'imap' | 'pop3';
  readonly host: string;
  readonly port: number;
  readonly security: SecurityMode;
  readonly source: IncomingDiscoverySource;
  readonly presetId?: string;
  /** One sentence on why this candidate was proposed. */
  readonly reason: string;
}

export interface DiscoveryStep {
  readonly step: string;
  /** What the step found or why it found nothing, in words. */
  readonly outcome: string;
}

export interface DiscoveryResult {
  /** ASCII (punycode) form of the domain that was looked up. */
  readonly domain: string;
  /** Best first. Empty when nothing could be found. */
  readonly candidates: readonly DiscoveryCandidate[];
  /** Where mail is read (IMAP / POP3), best first; empty when nothing was found (there is no guess). */
  readonly incomingCandidates: readonly IncomingDiscoveryCandidate[];
  readonly presetId: string | null;
  readonly steps: readonly DiscoveryStep[];
  /** The resolver used, e.g. "system" or "127.0.0.1:5353". */
  readonly resolver: string;
}
