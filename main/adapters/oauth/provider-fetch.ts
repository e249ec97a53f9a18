/**
 * The ProviderFetch port on node:https: the only way the OAuth core reaches a provider.
 *
 * https: only, certificates verified against the system store plus the CAs the user trusts in Settings;
 * host names resolved through the user's DnsResolver (so `--dns` holds here too) with SNI and the name
 * check on the host name; redirects returned as they are, never followed (openid-client asks for
 * `redirect: 'manual'`); one deadline per exchange and a byte cap on every body, so a hostile or broken
 * provider ends in an error, never a hang or a memory blow-up.
 */
import { request, type RequestOptions } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { rootCertificates } from 'node:tls';
import type { CustomFetchOptions } from 'openid-client';
import type { DnsResolver } from '../../core/ports';
import type { ProviderFetch } from '../../core/oauth/oauth-ports';

/** Discovery documents, token and revocation answers are a few KB; Google's discovery is about 3 KB. */
export const PROVIDER_RESPONSE_MAX_BYTES = 256 * 1024;
/** One exchange with the provider (connect, TLS, request, whole answer). */
export const PROVIDER_EXCHANGE_DEADLINE_MS = 15_000;
const USER_AGENT = 'Mailwarden (OAuth sign-in)';

export interface ProviderFetchOptions {
  readonly resolver?: DnsResolver;
  /** Extra trusted CA certificates (PEM) on top of the system store: Settings, or the test CA. */
  readonly extraCaPem?: string | null;
  readonly deadlineMs?: number;
  readonly maxBytes?: number;
}

export function createProviderFetch(options: ProviderFetchOptions = {}): ProviderFetch {
  const deadlineMs = options.deadlineMs ?? PROVIDER_EXCHANGE_DEADLINE_MS;
  const maxBytes = options.maxBytes ?? PROVIDER_RESPONSE_MAX_BYTES;
  const ca =
    options.extraCaPem === undefined || options.extraCaPem === null
      ? undefined
      : [...rootCertificates, options.extraCaPem];
  const lookup = options.resolver === undefined ? undefined : resolverLookup(options.resolver);

  return async (url: string, init: CustomFetchOptions): Promise<Response> => {
    const target = new URL(url);
    if (target.protocol !== 'https:')
      throw new TypeError(`${target.protocol} is not https:; Mailwarden talks to providers over HTTPS only.`);
    const body = bodyBytes(init.body);
    return exchange({
      target,
      method: init.method,
      headers: { ...init.headers, 'user-agent': USER_AGENT },
      body,
      signal: init.signal,
      deadlineMs,
      maxBytes,
      ca,
      lookup,
    });
  };
}

function bodyBytes(body: CustomFetchOptions['body']): Buffer | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof URLSearchParams) return Buffer.from(body.toString(), 'utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // openid-client sends form bodies and JSON strings only; a stream would be a change worth noticing.
  throw new TypeError('Mailwarden sends only fixed request bodies to a provider.');
}

interface Exchange {
  readonly target: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | null;
  readonly signal: AbortSignal | undefined;
  readonly deadlineMs: number;
  readonly maxBytes: number;
  readonly ca: string[] | undefined;
  readonly lookup: LookupFunction | undefined;
}

function exchange(o: Exchange): Promise<Response> {
  return new Promise((resolve, reject) => {
    const host = o.target.hostname.replace(/^\[|\]$/g, '');
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (message: string): void => {
      settle(() => {
        req.destroy();
        reject(new TypeError(message));
      });
    };
    const onAbort = (): void => {
      fail(`The request to ${host} was cancelled.`);
    };
    const requestOptions: RequestOptions = {
      host,
      port: o.target.port === '' ? 443 : Number(o.target.port),
      path: `${o.target.pathname}${o.target.search}`,
      method: o.method,
      headers: o.body === null ? o.headers : { ...o.headers, 'content-length': String(o.body.length) },
      servername: isIP(host) === 0 ? host : undefined,
      agent: false,
      rejectUnauthorized: true,
      ...(o.ca === undefined ? {} : { ca: o.ca }),
      ...(o.lookup === undefined || isIP(host) !== 0 ? {} : { lookup: o.lookup }),
    };
    const req = request(requestOptions);
    const timer = setTimeout(() => {
      fail(`${host} did not answer within ${String(Math.round(o.deadlineMs / 1000))} s.`);
    }, o.deadlineMs);
    if (o.signal?.aborted === true) {
      onAbort();
      return;
    }
    o.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error: NodeJS.ErrnoException) => {
      fail(`The request to ${host} failed (${error.code ?? 'no answer'}).`);
    });
    req.on('response', (res) => {
      const declared = Number(res.headers['content-length'] ?? '0');
      if (declared > o.maxBytes) {
        fail(`${host} announced ${String(declared)} bytes, more than ${String(o.maxBytes)}.`);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > o.maxBytes) {
          fail(`${host} sent more than ${String(o.maxBytes)} bytes.`);
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', () => {
        fail(`The answer from ${host} broke off.`);
      });
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value === undefined) continue;
          for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
        }
        const status = res.statusCode ?? 0;
        const bodyless = status === 204 || status === 205 || status === 304;
        settle(() => {
          resolve(new Response(bodyless ? null : Buffer.concat(chunks), { status, headers }));
        });
      });
    });
    req.end(o.body ?? undefined);
  });
}

/** node:net's lookup through the user's resolver: IPv4 first, then IPv6. */
function resolverLookup(resolver: DnsResolver): LookupFunction {
  return (hostname, options, callback) => {
    void (async () => {
      const v4 = await resolver.resolveA(hostname);
      const v6 = v4.ok && v4.records.length > 0 ? null : await resolver.resolveAaaa(hostname);
      const address = v4.ok ? v4.records[0] : v6?.ok === true ? v6.records[0] : undefined;
      const family = v4.ok && v4.records.length > 0 ? 4 : 6;
      if (address === undefined) {
        const error: NodeJS.ErrnoException = new Error(`${hostname} has no address.`);
        error.code = 'ENOTFOUND';
        callback(error, '', 0);
        return;
      }
      if (options.all === true) callback(null, [{ address, family }]);
      else callback(null, address, family);
    })();
  };
}
