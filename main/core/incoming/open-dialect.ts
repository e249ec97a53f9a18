/** Resolves the host and opens one connection in the protocol's grammar, as a Dialect. */
import { resolveHost } from '../probes/resolve-host';
import type { TlsClientOptions } from '../smtp/smtp-channel';
import type { IncomingProbeContext } from './incoming-context';
import type { Dialect } from './incoming-dialect';
import { imapDialect } from './imap-dialect';
import type { LineFailure, LineLimits, LineTransportSecurity } from './line-channel';
import { pop3Dialect } from './pop3-dialect';

export type OpenedDialect =
  | { readonly kind: 'open'; readonly dialect: Dialect; readonly address: string }
  | { readonly kind: 'unresolved'; readonly message: string }
  | { readonly kind: 'failure'; readonly failure: LineFailure; readonly address: string };

export function tlsOptions(
  ctx: IncomingProbeContext,
  extra: Partial<TlsClientOptions> = {},
): TlsClientOptions {
  return {
    servername: ctx.host,
    ...(ctx.extraCaPem === undefined ? {} : { extraCaPem: ctx.extraCaPem }),
    ...extra,
  };
}

/**
 * TLS for the checks that only need to talk (reachability, the dialogue): any version the server speaks,
 * TLS 1.0 included, so a server stuck on old TLS is still reached and its capabilities read. Whether that
 * TLS is good enough is the TLS check's verdict (incoming-tls-probe.ts); a login never uses these options.
 */
export function anyVersionTls(ctx: IncomingProbeContext): TlsClientOptions {
  return tlsOptions(ctx, { minVersion: 'TLSv1' });
}

export async function openDialect(
  ctx: IncomingProbeContext,
  port: number,
  security: LineTransportSecurity,
  options: {
    readonly signal?: AbortSignal;
    readonly tls?: TlsClientOptions;
    readonly limits?: LineLimits;
  } = {},
): Promise<OpenedDialect> {
  const resolved = await resolveHost(ctx.resolver, ctx.host);
  if (resolved.kind === 'failure') return { kind: 'unresolved', message: resolved.message };
  const limits = options.limits ?? ctx.limits;
  const opened = await ctx.connector.open(
    { host: ctx.host, address: resolved.address, port },
    {
      security,
      literals: ctx.protocol === 'imap',
      tls: options.tls ?? tlsOptions(ctx),
      limits,
      signal: options.signal ?? ctx.signal,
    },
  );
  if (opened.kind === 'failure')
    return { kind: 'failure', failure: opened.failure, address: resolved.address };
  const dialect =
    ctx.protocol === 'imap' ? imapDialect(opened.channel, limits) : pop3Dialect(opened.channel, limits);
  return { kind: 'open', dialect, address: resolved.address };
}
