/**
 * The resolver mailauth's DKIM, SPF, DMARC and ARC code gets for one message: the user's DnsResolver
 * port, with a budget of lookups and a deadline for all of them together.
 *
 * A message chooses which names are looked up (each DKIM-Signature names a selector and domain, ARC
 * sets name more), so a hostile one could ask for hundreds. Past the budget or the deadline every lookup
 * fails as a DNS timeout, which mailauth turns into a temperror: a verdict not given, never a hang.
 * Offline (`--no-dns`) every lookup fails with EOFFLINE, so no packet leaves the machine.
 */
import { MailauthDnsError, mailauthResolver, type MailauthResolver } from '../checks/spf/mailauth-resolver';
import type { DnsResolver } from '../ports';

/** The code an offline lookup fails with; DKIM results carry it as "DNS failure: EOFFLINE". */
export const OFFLINE_CODE = 'EOFFLINE';

export interface LookupBudget {
  readonly maxLookups: number;
  readonly signal: AbortSignal;
}

export interface BoundedMailauthResolver {
  readonly resolve: MailauthResolver;
  /** Lookups refused because the budget or the deadline ran out. */
  refused(): number;
  /** Lookups made. */
  made(): number;
}

export function boundedMailauthResolver(
  resolver: DnsResolver | null,
  budget: LookupBudget,
): BoundedMailauthResolver {
  let made = 0;
  let refused = 0;
  const inner = resolver === null ? null : mailauthResolver(resolver);
  const resolve: MailauthResolver = async (name, rrtype) => {
    if (inner === null) throw new MailauthDnsError(OFFLINE_CODE, 'Lookups are switched off (--no-dns).');
    if (made >= budget.maxLookups || budget.signal.aborted) {
      refused += 1;
      throw new MailauthDnsError('ETIMEOUT', 'The lookup budget for this message is used up.');
    }
    made += 1;
    return await Promise.race([inner(name, rrtype), abortedBy(budget.signal)]);
  };
  return { resolve, refused: () => refused, made: () => made };
}

function abortedBy(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = (): void => {
      reject(new MailauthDnsError('ETIMEOUT', 'The deadline for this message passed.'));
    };
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}
