/**
 * The certificates the domain's MX hosts present on port 25, for DANE (RFC 7672 section 3).
 *
 * Only hosts that publish TLSA records are contacted: without TLSA there is nothing to match, and a
 * port-25 connection to someone's mail server should not be made for nothing. Failures (port 25 is often
 * blocked on home and office networks) simply leave the host out; the DANE check then says it could
 * not compare.
 */
import type { DnsWireClient } from '../dns-wire-port';
import type { DnsResolver } from '../ports';
import { resolveHost } from '../probes/resolve-host';
import { starttlsPreamble } from '../probes/starttls-preamble';
import type { CertificateFacts, SmtpConnector, SmtpLimits } from '../smtp/smtp-channel';

/** RFC 7672 considers at most a handful of MX hosts; the most preferred matter most. */
const MAX_MX_HOSTS = 3;
const QUIT_TIMEOUT_MS = 1_000;

export interface MxCertificateDeps {
  readonly resolver: DnsResolver;
  readonly wire: DnsWireClient;
  readonly connector: SmtpConnector;
  readonly limits: Partial<SmtpLimits>;
  readonly signal: AbortSignal;
  /** Port 25 unless a test maps it elsewhere. */
  readonly port: number;
}

export async function fetchMxCertificates(
  deps: MxCertificateDeps,
  mxHosts: readonly string[],
): Promise<{ [host: string]: readonly CertificateFacts[] }> {
  const entries = await Promise.all(
    mxHosts.slice(0, MAX_MX_HOSTS).map(async (host) => [host, await certificateOf(deps, host)] as const),
  );
  return Object.fromEntries(
    entries.filter((entry): entry is readonly [string, readonly CertificateFacts[]] => entry[1] !== null),
  );
}

async function certificateOf(
  deps: MxCertificateDeps,
  host: string,
): Promise<readonly CertificateFacts[] | null> {
  const tlsa = await deps.wire.query(`_25._tcp.${host}`, 'TLSA');
  if (!tlsa.ok || !tlsa.answer.answers.some((record) => record.type === 'TLSA')) return null;
  const address = await resolveHost(deps.resolver, host);
  if (address.kind === 'failure') return null;
  const opened = await deps.connector.open(
    { host, address: address.address, port: deps.port },
    { security: 'plain', limits: deps.limits, signal: deps.signal },
  );
  if (opened.kind === 'failure') return null;
  const { channel } = opened;
  try {
    const preamble = await starttlsPreamble(channel);
    if (preamble.kind !== 'ready') return null;
    // DANE decides trust itself (RFC 7672 section 3.1.3): the chain is taken whatever PKIX says.
    const upgraded = await channel.upgradeToTls({ servername: host });
    if (upgraded.kind === 'failure') return null;
    await channel.command('QUIT', { timeoutMs: QUIT_TIMEOUT_MS });
    return upgraded.session.peerChain;
  } finally {
    channel.close();
  }
}
