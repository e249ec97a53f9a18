/**
 * Quick setup's decisions, kept apart from React so they can be tested: which domain to look up, how a
 * found server is described, what the password field is called, and what gets saved.
 *
 * Everything here derives from the address typed now and the lookup made for it; nothing is carried over
 * from an earlier address or provider, so switching either never leaves a stale server behind.
 */
import type { AccountInput } from '../../../preload/contract/accounts';
import type {
  DiscoveryCandidate,
  IncomingDiscoveryCandidate,
  ProviderPreset,
} from '../../../preload/contract/providers';
import { domainOfEmail } from '../../lib/email';
import { strings } from '../../strings';
import { INITIAL_VALUES, type AccountFormValues, withEndpoint } from '../add-account/account-form-state';

/** The domain to look up, or null while the address is not yet whole (local part, "@", a dotted domain). */
export function domainToLookUp(email: string): string | null {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  const domain = domainOfEmail(trimmed);
  if (at < 1 || !/^[^\s@.][^\s@]*\.[^\s@.]{2,}$/.test(domain)) return null;
  return domain;
}

/** "Configuration found: smtp.example.com:465, encrypted (recommended)". */
export function describeFound(candidate: DiscoveryCandidate, recommended: boolean): string {
  const text = strings.quickSetup;
  const found = text.found(candidate.host, candidate.port, text.securityWords[candidate.security]);
  return recommended ? `${found} ${text.recommended}` : found;
}

/** The first candidate is recommended unless it would send the password in clear text. */
export function isRecommended(
  candidates: readonly DiscoveryCandidate[],
  chosen: DiscoveryCandidate,
): boolean {
  return candidates[0] === chosen && chosen.security !== 'none';
}

/** "Reading mail (IMAP): imap.example.com:993, encrypted, found in the domain’s DNS records (SRV). ..." */
export function describeIncoming(candidate: IncomingDiscoveryCandidate): string {
  const text = strings.quickSetup;
  return text.incomingFound(
    candidate.protocol.toUpperCase(),
    candidate.host,
    candidate.port,
    text.securityWords[candidate.security],
    text.incomingSourceName[candidate.source],
  );
}

/**
 * What "Save and test" sends: the address, the chosen server, a username only where one is fixed, and
 * the best incoming server found (the discovery puts implicit TLS first), reading with the same
 * password. A clear-text incoming server is left for the person to add on purpose.
 */
export function quickSetupInput(
  email: string,
  candidate: DiscoveryCandidate,
  preset: ProviderPreset | null,
  incoming: IncomingDiscoveryCandidate | null = null,
): AccountInput {
  return {
    email: email.trim(),
    host: candidate.host,
    port: candidate.port,
    security: candidate.security,
    ...(preset === null ? {} : { presetId: preset.id }),
    ...(preset?.fixedUsername === undefined ? {} : { username: preset.fixedUsername }),
    ...(incoming === null || incoming.security === 'none'
      ? {}
      : {
          incoming: {
            protocol: incoming.protocol,
            host: incoming.host,
            port: incoming.port,
            security: incoming.security,
            ownPassword: false,
          },
        }),
  };
}

/** The incoming server quick setup proposes: the first found that does not read mail in clear text. */
export function proposedIncoming(
  candidates: readonly IncomingDiscoveryCandidate[],
): IncomingDiscoveryCandidate | null {
  return candidates.find((candidate) => candidate.security !== 'none') ?? null;
}

/** The full form, filled with what quick setup knows: the address, the password, and any chosen server. */
export function manualValues(
  email: string,
  password: string,
  chosen: { readonly candidate: DiscoveryCandidate; readonly preset: ProviderPreset | null } | null,
): AccountFormValues {
  const start: AccountFormValues = { ...INITIAL_VALUES, email: email.trim(), password };
  return chosen === null ? start : withEndpoint(start, chosen.candidate, chosen.preset);
}
