/**
 * The `resolver(name, rrtype)` function mailauth's SPF evaluator takes, over our DnsResolver port.
 *
 * Every lookup mailauth makes still goes through the user's resolver. Failures become the errors mailauth
 * reads (lib/spf/index.js, limitedResolver): ENOTFOUND and ENODATA are void lookups (RFC 7208 section
 * 4.6.4), ETIMEOUT and EREFUSED are temperrors; anything else carries its own `spfResult`, because mailauth
 * passes other errors through unchanged (and inside an include it would ignore one without it).
 */
import type { DnsFailureCode, DnsResolver, DnsResult } from '../../ports';

export type MailauthSpfResult = 'temperror' | 'permerror';

/** The shape of the errors mailauth's limited resolver inspects. */
export class MailauthDnsError extends Error {
  override readonly name = 'MailauthDnsError';
  constructor(
    readonly code: string,
    message: string,
    readonly spfResult?: { readonly error: MailauthSpfResult; readonly text: string },
  ) {
    super(message);
  }
}

export type MailauthResolver = (name: string, rrtype: string) => Promise<readonly unknown[]>;

/** Build the adapter. `onLookup` sees each query (for counting and for the transcript). */
export function mailauthResolver(
  resolver: DnsResolver,
  onLookup?: (name: string, rrtype: string) => void,
): MailauthResolver {
  return async (name, rrtype) => {
    onLookup?.(name, rrtype);
    const type = rrtype.toUpperCase();
    switch (type) {
      case 'TXT':
        // mailauth joins each record's strings itself; our port has already joined them (RFC 7208 section 3.3).
        return unwrap(await resolver.resolveTxt(name)).map((text) => [text]);
      case 'A':
        return unwrap(await resolver.resolveA(name));
      case 'AAAA':
        return unwrap(await resolver.resolveAaaa(name));
      case 'MX':
        return unwrap(await resolver.resolveMx(name)).map((mx) => ({
          exchange: mx.exchange,
          priority: mx.priority,
        }));
      case 'PTR':
        return unwrap(await resolver.resolvePtr(name));
      default:
        throw new MailauthDnsError('ENODATA', `Mailwarden does not look up ${type} records for SPF.`);
    }
  };
}

function unwrap<T>(result: DnsResult<T>): readonly T[] {
  if (result.ok) return result.records;
  throw toMailauthError(result.code, result.message);
}

function toMailauthError(code: DnsFailureCode, message: string): MailauthDnsError {
  switch (code) {
    case 'NXDOMAIN':
    case 'BAD_NAME': // a name that cannot be asked for cannot exist either
      return new MailauthDnsError('ENOTFOUND', message);
    case 'NODATA':
      return new MailauthDnsError('ENODATA', message);
    case 'TIMEOUT':
      return new MailauthDnsError('ETIMEOUT', message);
    case 'REFUSED':
      return new MailauthDnsError('EREFUSED', message);
    case 'SERVFAIL':
    case 'UNREACHABLE':
    case 'OTHER':
      // RFC 7208 section 5: a DNS failure while evaluating is a temperror.
      return new MailauthDnsError(`E${code}`, message, { error: 'temperror', text: message });
    case 'TOO_MANY_ANSWERS':
      return new MailauthDnsError('ETOOMANY', message, { error: 'permerror', text: message });
  }
}
