/**
 * The HttpsFetcher port on node:https, with the limits RFC 8461 asks of MTA-STS policy fetches.
 *
 * The host name is resolved through the user's DnsResolver (so `--dns` is honoured here too) and the
 * connection goes to that IP address with SNI and certificate checks against the host name. Redirects are
 * never followed (RFC 8461 section 3.3), bodies are capped, and one deadline covers the whole exchange.
 */
import { request } from 'node:https';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import type {
  HttpsFetcher,
  HttpsFetchPurpose,
  HttpsFetchResult,
} from '../core/checks/mta-sts/https-fetcher-port';
import type { DnsResolver } from '../core/ports';

const HTTPS_PORT = 443;
/**
 * The headers that say why Mailwarden came: an MTA-STS policy is text/plain (RFC 8461 section 3.2); an
 * autoconfig file is XML (Thunderbird's config-v1.1.xml), and its server's log should not read as an
 * MTA-STS check.
 */
const PURPOSE_HEADERS: Readonly<Record<HttpsFetchPurpose, { userAgent: string; accept: string }>> = {
  'mta-sts-policy': { userAgent: 'Mailwarden (MTA-STS policy check)', accept: 'text/plain' },
  autoconfig: {
    userAgent: 'Mailwarden (mail account autoconfig)',
    accept: 'application/xml, text/xml;q=0.9',
  },
};
/** Error codes node:tls and OpenSSL give when a certificate does not verify. */
const CERTIFICATE_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export interface HttpsFetcherOptions {
  /** Every host name is resolved through this resolver. */
  readonly resolver: DnsResolver;
  /** Extra trusted CA certificates (PEM), added to the system store: the user's --ca, or a test CA. */
  readonly extraCaPem?: string | null;
  /** Connect to this port instead of 443 (tests serve policies on a free loopback port). */
  readonly port?: number;
}

/** Build a fetcher. */
export function createHttpsFetcher(options: HttpsFetcherOptions): HttpsFetcher {
  const port = options.port ?? HTTPS_PORT;
  const ca =
    options.extraCaPem === undefined || options.extraCaPem === null
      ? undefined
      : [...rootCertificates, options.extraCaPem];

  return {
    async fetchText({ url, maxBytes, timeoutMs, purpose }): Promise<HttpsFetchResult> {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return fail('BAD_URL', 'The address is not a valid URL.');
      }
      if (parsed.protocol !== 'https:') return fail('BAD_URL', `${parsed.protocol} is not https:.`);
      const host = parsed.hostname.replace(/^\[|\]$/g, '');
      const deadline = Date.now() + timeoutMs;
      const address = isIP(host) !== 0 ? host : await resolveHost(options.resolver, host);
      if (typeof address !== 'string') return address;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return fail('TIMEOUT', `No answer from ${host} within ${seconds(timeoutMs)}.`);
      return get({
        host,
        address,
        port,
        path: `${parsed.pathname}${parsed.search}`,
        maxBytes,
        timeoutMs: remaining,
        ca,
        totalMs: timeoutMs,
        headers: PURPOSE_HEADERS[purpose ?? 'mta-sts-policy'],
      });
    },
  };
}

async function resolveHost(resolver: DnsResolver, host: string): Promise<string | HttpsFetchResult> {
  const v4 = await resolver.resolveA(host);
  const first4 = v4.ok ? v4.records[0] : undefined;
  if (first4 !== undefined) return first4;
  const v6 = await resolver.resolveAaaa(host);
  const first6 = v6.ok ? v6.records[0] : undefined;
  if (first6 !== undefined) return first6;
  return fail('DNS', v4.ok ? `${host} has no address.` : v4.message);
}

interface GetOptions {
  readonly host: string;
  readonly address: string;
  readonly port: number;
  readonly path: string;
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly totalMs: number;
  readonly ca: string[] | undefined;
  readonly headers: { readonly userAgent: string; readonly accept: string };
}

function get(o: GetOptions): Promise<HttpsFetchResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: HttpsFetchResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(result);
    };
    const hostHeader = o.port === HTTPS_PORT ? o.host : `${o.host}:${String(o.port)}`;
    const req = request({
      host: o.address,
      port: o.port,
      path: o.path,
      method: 'GET',
      // SNI and the certificate name check use the host name, not the IP address we connect to.
      servername: isIP(o.host) === 0 ? o.host : undefined,
      headers: { host: hostHeader, 'user-agent': o.headers.userAgent, accept: o.headers.accept },
      agent: false,
      rejectUnauthorized: true,
      ...(o.ca === undefined ? {} : { ca: o.ca }),
    });
    const timer = setTimeout(() => {
      finish(fail('TIMEOUT', `${o.host} did not answer within ${seconds(o.totalMs)}.`));
    }, o.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (CERTIFICATE_ERRORS.has(code)) {
        finish(fail('CERTIFICATE', `The certificate of ${o.host} did not verify (${code}).`));
      } else if (
        code === 'ECONNREFUSED' ||
        code === 'EHOSTUNREACH' ||
        code === 'ENETUNREACH' ||
        code === 'ECONNRESET'
      ) {
        finish(
          fail('CONNECT', `Could not connect to ${o.host} (${o.address} port ${String(o.port)}): ${code}.`),
        );
      } else if (code.startsWith('ERR_SSL') || code.startsWith('EPROTO') || code.startsWith('ERR_TLS')) {
        finish(fail('TLS', `The TLS handshake with ${o.host} failed (${code}).`));
      } else {
        finish(fail('PROTOCOL', `The request to ${o.host} failed${code === '' ? '' : ` (${code})`}.`));
      }
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const declared = Number(res.headers['content-length'] ?? '0');
      if (declared > o.maxBytes) {
        finish(
          fail(
            'TOO_LARGE',
            `${o.host} announced ${String(declared)} bytes, more than ${String(o.maxBytes)}.`,
          ),
        );
        return;
      }
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > o.maxBytes) {
          finish(fail('TOO_LARGE', `${o.host} sent more than ${String(o.maxBytes)} bytes.`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', () => {
        finish(fail('PROTOCOL', `The answer from ${o.host} broke off.`));
      });
      res.on('end', () => {
        const location = res.headers.location;
        finish({
          ok: true,
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'] ?? null,
          location: location ?? null,
          body: Buffer.concat(chunks).toString('utf8'),
          address: o.address,
        });
      });
    });
    req.end();
  });
}

function fail(code: Extract<HttpsFetchResult, { ok: false }>['code'], message: string): HttpsFetchResult {
  return { ok: false, code, message };
}

function seconds(ms: number): string {
  return `${String(Math.round(ms / 100) / 10)} s`;
}
