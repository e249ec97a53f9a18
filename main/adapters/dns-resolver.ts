/**
 * The DnsResolver port on node:dns (c-ares), with the system's resolvers or one server the user chose.
 *
 * Every lookup returns data, never throws: DNS answers are hostile input, so names are checked before a
 * query, answers are capped in count and size, and each lookup has a hard deadline.
 */
import { decodeUtf8, excerpt } from '../../preload/contract/untrusted-text';
import { Resolver } from 'node:dns/promises';
import type { DnsFailureCode, DnsResolver, DnsResult, MxRecord, SrvRecord } from '../core/ports';
import { formatDnsServer, type DnsServerAddress } from './parse-dns-server';

export {
  formatDnsServer,
  parseDnsServer,
  type DnsServerAddress,
  type DnsServerParse,
} from './parse-dns-server';

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_ANSWERS = 100;
/** The TXT strings of one answer, all records together (a UDP or TCP DNS message is at most 64 KiB anyway). */
const DEFAULT_MAX_TXT_CHARS = 65_536;
/** c-ares tries each server this many times; the per-try timeout doubles on each round. */
const TRIES = 2;
/** With TRIES = 2 the rounds last 1 + 2 = 3 per-try timeouts, which fills the overall deadline. */
const PER_TRY_SHARES = 3;
/** RFC 1035 section 2.3.4: 255 octets on the wire, which is 253 in dotted text without the final dot. */
const MAX_NAME_OCTETS = 253;
/** RFC 1035 section 2.3.4. */
const MAX_LABEL_OCTETS = 63;
const MAX_ECHO_CHARS = 80;
/**
 * CNAME hops followed when a server answers with the CNAME alone (an authoritative server, or a forwarder
 * that does not chase chains). RFC 1034 section 3.6.2 asks resolvers to follow chains; real ones stop
 * around 8 to 16 hops, and a chain this long is a misconfiguration or a loop.
 */
export const MAX_CNAME_HOPS = 8;

export interface DnsResolverOptions {
  /** Send every lookup to this server; null or absent means the system's resolvers. */
  readonly server?: DnsServerAddress | null;
  /** Overall deadline for one lookup, retries included. */
  readonly timeoutMs?: number;
  /** More records than this in one answer is TOO_MANY_ANSWERS. */
  readonly maxAnswers?: number;
  /** More TXT characters than this in one answer is TOO_MANY_ANSWERS. */
  readonly maxTxtChars?: number;
}

interface Lookup {
  readonly name: string;
  readonly type: string;
}

/** Build a resolver. One c-ares channel per lookup, so cancelling a late lookup cannot cancel another one. */
export function createDnsResolver(options: DnsResolverOptions = {}): DnsResolver {
  const server = options.server ?? null;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAnswers = options.maxAnswers ?? DEFAULT_MAX_ANSWERS;
  const maxTxtChars = options.maxTxtChars ?? DEFAULT_MAX_TXT_CHARS;
  const serverText = server === null ? null : formatDnsServer(server);
  const speaker = serverText === null ? "The system's DNS resolver" : `The DNS server ${serverText}`;

  /**
   * One lookup, following a CNAME the server gave without the records behind it (RFC 1034 section 3.6.2),
   * hop by hop, at most MAX_CNAME_HOPS, never twice through one name, all within one lookup's deadline.
   */
  async function run<R, T>(
    lookup: Lookup,
    query: (resolver: Resolver, name: string) => Promise<R[]>,
    convert: (raw: R[]) => DnsResult<T>,
  ): Promise<DnsResult<T>> {
    const first = await runOnce(lookup, query, convert);
    if (first.ok || first.code !== 'NODATA' || lookup.type === 'CNAME') return first;
    const started = performance.now();
    const seen = new Set([lookup.name.replace(/\.$/, '').toLowerCase()]);
    let current = lookup.name;
    for (let hop = 0; hop < MAX_CNAME_HOPS; hop += 1) {
      if (performance.now() - started > timeoutMs) return timedOut();
      const cname = await runOnce<string, string>(
        { name: current, type: 'CNAME' },
        (r, n) => r.resolveCname(n),
        ok,
      );
      const target = cname.ok ? cname.records[0]?.replace(/\.$/, '').toLowerCase() : undefined;
      if (target === undefined) return hop === 0 ? first : noData(lookup.type, current);
      if (seen.has(target))
        return fail('OTHER', `The CNAME chain from ${echo(lookup.name)} loops back to ${echo(target)}.`);
      seen.add(target);
      const answer = await runOnce({ name: target, type: lookup.type }, query, convert);
      if (answer.ok || answer.code !== 'NODATA') return answer;
      current = target;
    }
    return fail(
      'OTHER',
      `The CNAME chain from ${echo(lookup.name)} is longer than ${String(MAX_CNAME_HOPS)} hops.`,
    );
  }

  async function runOnce<R, T>(
    lookup: Lookup,
    query: (resolver: Resolver, name: string) => Promise<R[]>,
    convert: (raw: R[]) => DnsResult<T>,
  ): Promise<DnsResult<T>> {
    const badName = nameProblem(lookup.name);
    if (badName !== null) {
      return fail('BAD_NAME', `"${echo(lookup.name)}" is not a valid DNS name: ${badName}.`);
    }
    const name = lookup.name.replace(/\.$/, '');
    const resolver = new Resolver({
      timeout: Math.max(1, Math.floor(timeoutMs / PER_TRY_SHARES)),
      tries: TRIES,
    });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      // The backstop: whatever c-ares does with its own timers, the caller gets an answer on time.
      timer = setTimeout(() => {
        resolver.cancel();
        resolve('deadline');
      }, timeoutMs);
    });
    try {
      if (serverText !== null) resolver.setServers([serverText]);
      const raw = await Promise.race([query(resolver, name), deadline]);
      if (raw === 'deadline') return timedOut();
      if (raw.length === 0) return noData(lookup.type, name);
      if (raw.length > maxAnswers) {
        return fail(
          'TOO_MANY_ANSWERS',
          `${name} has ${String(raw.length)} ${lookup.type} records, more than the ${String(maxAnswers)} Mailwarden reads.`,
        );
      }
      return convert(raw);
    } catch (error) {
      return fromError(error, lookup.type, name);
    } finally {
      clearTimeout(timer);
    }
  }

  function timedOut<T>(): DnsResult<T> {
    return fail('TIMEOUT', `${speaker} did not answer within ${seconds(timeoutMs)}.`);
  }

  function fromError<T>(error: unknown, type: string, name: string): DnsResult<T> {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    switch (code) {
      case 'ENOTFOUND':
        return fail('NXDOMAIN', `${name} does not exist (NXDOMAIN).`);
      case 'ENODATA':
        return noData(type, name);
      case 'ETIMEOUT':
      case 'ECANCELLED':
        return timedOut();
      case 'ESERVFAIL':
        return fail('SERVFAIL', `${speaker} failed to answer for ${name} (SERVFAIL).`);
      case 'EREFUSED':
        return fail('REFUSED', `${speaker} refused to answer for ${name} (REFUSED).`);
      case 'EBADNAME':
        return fail('BAD_NAME', `"${echo(name)}" is not a valid DNS name.`);
      case 'ECONNREFUSED':
        return fail('UNREACHABLE', `${speaker} could not be reached (connection refused).`);
      case 'EBADRESP':
      case 'EFORMERR':
        return fail('OTHER', `${speaker} sent a malformed answer for ${type} ${name}.`);
      default:
        return fail('OTHER', `The ${type} lookup of ${name} failed${code === '' ? '' : ` (${code})`}.`);
    }
  }

  return {
    description: serverText ?? 'system',
    resolveA: (name) => run({ name, type: 'A' }, (r, n) => r.resolve4(n), ok),
    resolveAaaa: (name) => run({ name, type: 'AAAA' }, (r, n) => r.resolve6(n), ok),
    resolveMx: (name) =>
      run(
        { name, type: 'MX' },
        (r, n) => r.resolveMx(n),
        (raw) => ok(raw.map((mx): MxRecord => ({ exchange: mx.exchange, priority: mx.priority }))),
      ),
    resolveSrv: (name) =>
      run(
        { name, type: 'SRV' },
        (r, n) => r.resolveSrv(n),
        (raw) =>
          ok(
            raw.map((srv): SrvRecord => ({
              name: srv.name,
              port: srv.port,
              priority: srv.priority,
              weight: srv.weight,
            })),
          ),
      ),
    resolveTxt: (name) =>
      run(
        { name, type: 'TXT' },
        (r, n) => r.resolveTxt(n),
        (raw) => {
          // RFC 7208 section 3.3: a record's character-strings are concatenated without spaces.
          const joined = raw.map((strings) => txtText(strings.join('')));
          const total = joined.reduce((sum, text) => sum + text.length, 0);
          if (total > maxTxtChars) {
            return fail(
              'TOO_MANY_ANSWERS',
              `The TXT records of ${name} hold ${String(total)} characters, more than the ${String(maxTxtChars)} Mailwarden reads.`,
            );
          }
          return ok(joined);
        },
      ),
    resolveCname: (name) => run({ name, type: 'CNAME' }, (r, n) => r.resolveCname(n), ok),
    resolvePtr: (name) => run({ name, type: 'PTR' }, (r, n) => r.resolvePtr(n), ok),
  };
}

/** Why `name` cannot be asked for, or null. Callers pass ASCII (punycode) names. */
function nameProblem(name: string): string | null {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare === '') return 'it is empty';
  if (/\P{ASCII}/u.test(bare))
    return 'it has non-ASCII characters (convert it to its xn-- punycode form first)';
  if (bare.length > MAX_NAME_OCTETS) {
    return `it is ${String(bare.length)} characters long, and ${String(MAX_NAME_OCTETS)} is the limit (RFC 1035)`;
  }
  for (const label of bare.split('.')) {
    if (label === '') return 'it has an empty label (two dots in a row, or a leading dot)';
    if (label.length > MAX_LABEL_OCTETS) {
      return `a label is ${String(label.length)} characters long, and ${String(MAX_LABEL_OCTETS)} is the limit (RFC 1035)`;
    }
    if (!/^[A-Za-z0-9_*/-]+$/.test(label)) return 'it has a character that does not belong in a DNS name';
  }
  return null;
}

function ok<T>(records: readonly T[]): DnsResult<T> {
  return { ok: true, records };
}

function fail<T>(code: DnsFailureCode, message: string): DnsResult<T> {
  return { ok: false, code, message };
}

function noData<T>(type: string, name: string): DnsResult<T> {
  return fail('NODATA', `${name} exists but has no ${type} records.`);
}

/** 3000 -> "3 s", 1500 -> "1.5 s". */
function seconds(ms: number): string {
  return `${String(Math.round(ms / 100) / 10)} s`;
}

/**
 * A TXT record's octets as text. Node's resolver hands each octet over as one Latin-1 character, so UTF-8
 * text (RFC 6376 section 3.6.2.2 and RFC 7489 allow it in comments and URIs) would show as mojibake; the
 * octets are recovered losslessly and decoded as UTF-8, invalid sequences becoming U+FFFD.
 */
function txtText(latin1: string): string {
  return decodeUtf8(Buffer.from(latin1, 'latin1'));
}

/** Shown back as plain text (preload/contract/untrusted-text.ts), bounded. */
function echo(text: string): string {
  return excerpt(text, MAX_ECHO_CHARS);
}
