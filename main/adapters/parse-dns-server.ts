/**
 * The DNS server a user chooses (`--dns 127.0.0.1:5353`, the app's DNS setting): parsing and display.
 *
 * A resolver must be an IP address: looking up the resolver's own name would need a resolver first.
 */
import { excerpt } from '../../preload/contract/untrusted-text';
import { isIP } from 'node:net';

/** Standard DNS port (RFC 1035 section 4.2). */
const DEFAULT_DNS_PORT = 53;
const MAX_PORT = 65_535;
/** Longest input echoed back in a message; anything longer is cut. */
const MAX_ECHO_CHARS = 60;

export interface DnsServerAddress {
  /** An IPv4 or IPv6 address, without brackets. */
  readonly host: string;
  readonly port: number;
}

export type DnsServerParse =
  { readonly ok: true; readonly value: DnsServerAddress } | { readonly ok: false; readonly message: string };

const EXAMPLE = 'such as 127.0.0.1:5353 or [::1]:5353';

/** Parse `127.0.0.1:5353`, `127.0.0.1`, `[::1]:5353` or `::1` (port 53 when none is given). */
export function parseDnsServer(text: string): DnsServerParse {
  const input = text.trim();
  if (input === '') return refuse(`Enter the DNS server's IP address, ${EXAMPLE}.`);

  // Node's resolver drops an IPv6 zone index (fe80::1%eth0) silently, so the query would go elsewhere.
  if (input.includes('%')) {
    return refuse(
      'Link-local IPv6 addresses with a zone (%) cannot be used; give an IPv4 or a global IPv6 address.',
    );
  }

  if (input.startsWith('[')) {
    const match = /^\[([^\]]*)\](?::(.*))?$/.exec(input);
    const host = match?.[1];
    if (host === undefined)
      return refuse(`"${echo(input)}" is not a DNS server address; write one ${EXAMPLE}.`);
    if (isIP(host) !== 6) return refuse(`"${echo(host)}" in brackets is not an IPv6 address.`);
    return withPort(host, match?.[2]);
  }

  // A bare IPv4 or IPv6 address: the standard port.
  if (isIP(input) !== 0) return accept(input, DEFAULT_DNS_PORT);

  const colons = input.split(':').length - 1;
  if (colons > 1) {
    return refuse(
      `"${echo(input)}" is not an IP address. Put an IPv6 address in brackets to add a port, e.g. [::1]:5353.`,
    );
  }
  const [host = '', port] = colons === 1 ? input.split(':') : [input, undefined];
  if (isIP(host) === 4) return withPort(host, port);
  if (/^[a-z0-9.-]+$/i.test(host) && /[a-z]/i.test(host)) {
    return refuse(`"${echo(host)}" is a host name; give the DNS server as an IP address, ${EXAMPLE}.`);
  }
  return refuse(`"${echo(input)}" is not a DNS server address; write one ${EXAMPLE}.`);
}

/** `127.0.0.1:5353` or `[::1]:5353`: the form `Resolver.setServers` takes and that users see. */
export function formatDnsServer(address: DnsServerAddress): string {
  return isIP(address.host) === 6
    ? `[${address.host}]:${String(address.port)}`
    : `${address.host}:${String(address.port)}`;
}

function withPort(host: string, portText: string | undefined): DnsServerParse {
  if (portText === undefined) return accept(host, DEFAULT_DNS_PORT);
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= MAX_PORT)) {
    return refuse(`The port "${echo(portText)}" is not valid: use a number from 1 to ${String(MAX_PORT)}.`);
  }
  return accept(host, port);
}

function accept(host: string, port: number): DnsServerParse {
  return { ok: true, value: { host: host.toLowerCase(), port } };
}

function refuse(message: string): DnsServerParse {
  return { ok: false, message };
}

/** Shown back as plain text (preload/contract/untrusted-text.ts), bounded. */
function echo(text: string): string {
  return excerpt(text, MAX_ECHO_CHARS);
}
