/**
 * A DnsResolver that answers from one scenario's `zonedata` in the RFC 7208 test suite.
 *
 * Some scenarios cannot be served by a real DNS server: `TIMEOUT` entries (a name whose queries time out
 * unless a record of the asked type comes first), TXT strings with raw control and non-ASCII bytes, SPF
 * (type 99) records that must also be visible as TXT. The semantics follow the suite's reference driver
 * (pyspf's testspf.py): an SPF entry is also a TXT record unless the name lists TXT entries itself
 * (`TXT: NONE` means "no TXT records"); a CNAME is followed when the name has no records of the asked type.
 */
import type { DnsResolver, DnsResult, MxRecord, SrvRecord } from '../../main/core/ports';

type ZoneEntry = string | { readonly [type: string]: unknown };
export type ZoneData = { readonly [name: string]: readonly ZoneEntry[] };

const MAX_CNAME_HOPS = 8;
const MAX_NAME_CHARS = 253;
const MAX_LABEL_CHARS = 63;

interface Rr {
  readonly type: string;
  readonly value: unknown;
}

type Lookup = { readonly kind: 'records'; readonly values: readonly unknown[] } | DnsResult<never>;

/** Build the resolver for one scenario. */
export function zonedataResolver(zonedata: ZoneData): DnsResolver {
  const zone = new Map<string, readonly (Rr | 'TIMEOUT')[]>();
  for (const [name, entries] of Object.entries(zonedata)) {
    zone.set(normalise(name), expand(entries));
  }

  function lookup(name: string, type: string, hops = 0): Lookup {
    const key = normalise(name);
    const labels = key.split('.');
    if (key.length > MAX_NAME_CHARS || labels.some((l) => l === '' || l.length > MAX_LABEL_CHARS)) {
      return { ok: false, code: 'BAD_NAME', message: `${name} is not a valid DNS name` };
    }
    const entries = zone.get(key);
    if (entries === undefined) return { ok: false, code: 'NXDOMAIN', message: `${name} does not exist` };
    const values: unknown[] = [];
    for (const entry of entries) {
      if (entry === 'TIMEOUT') {
        if (values.length === 0) return { ok: false, code: 'TIMEOUT', message: `${name} timed out` };
        break;
      }
      if (entry.type === type) {
        if (entry.value === 'TIMEOUT') return { ok: false, code: 'TIMEOUT', message: `${name} timed out` };
        values.push(entry.value);
      }
    }
    if (values.length > 0) return { kind: 'records', values };
    const cname = entries.find((entry): entry is Rr => entry !== 'TIMEOUT' && entry.type === 'CNAME');
    if (cname !== undefined && type !== 'CNAME') {
      if (hops >= MAX_CNAME_HOPS) return { ok: false, code: 'SERVFAIL', message: `CNAME loop at ${name}` };
      return lookup(String(cname.value), type, hops + 1);
    }
    return { ok: false, code: 'NODATA', message: `${name} has no ${type} records` };
  }

  function answer<T>(name: string, type: string, convert: (value: unknown) => T | null): DnsResult<T> {
    const result = lookup(name, type);
    if (!('kind' in result)) return result;
    const records = result.values.map(convert).filter((value): value is T => value !== null);
    if (records.length === 0) return { ok: false, code: 'NODATA', message: `${name} has no ${type} records` };
    return { ok: true, records };
  }

  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    description: 'rfc7208 zonedata',
    resolveA: (name) => Promise.resolve(answer(name, 'A', text)),
    resolveAaaa: (name) => Promise.resolve(answer(name, 'AAAA', text)),
    resolveMx: (name) =>
      Promise.resolve(
        answer<MxRecord>(name, 'MX', (value) => {
          if (!Array.isArray(value)) return null;
          const [priority, exchange] = value as unknown[];
          return typeof priority === 'number' && typeof exchange === 'string'
            ? { priority, exchange: exchange.replace(/\.$/, '') }
            : null;
        }),
      ),
    resolveSrv: (name) => Promise.resolve(answer<SrvRecord>(name, 'SRV', () => null)),
    // RFC 7208 section 3.3: a record's strings are joined without spaces.
    resolveTxt: (name) =>
      Promise.resolve(
        answer(name, 'TXT', (value) =>
          Array.isArray(value) ? value.map(String).join('') : typeof value === 'string' ? value : null,
        ),
      ),
    resolveCname: (name) => Promise.resolve(answer(name, 'CNAME', text)),
    resolvePtr: (name) =>
      Promise.resolve(
        answer(name, 'PTR', (value) => (typeof value === 'string' ? value.replace(/\.$/, '') : null)),
      ),
  };
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** The entries of one name, with SPF entries copied to TXT when the name lists no TXT (testspf.py getrdata). */
function expand(entries: readonly ZoneEntry[]): (Rr | 'TIMEOUT')[] {
  const out: (Rr | 'TIMEOUT')[] = [];
  const generated: Rr[] = [];
  let hasTxt = false;
  for (const entry of entries) {
    if (typeof entry === 'string') {
      if (entry === 'TIMEOUT') out.push('TIMEOUT');
      continue;
    }
    for (const [type, value] of Object.entries(entry)) {
      if (type === 'TXT') hasTxt = true;
      if (value === 'NONE') continue;
      if (type === 'SPF') generated.push({ type: 'TXT', value });
      out.push({ type, value });
    }
  }
  return hasTxt ? out : [...out, ...generated];
}
