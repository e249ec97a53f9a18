/**
 * The mail autoconfig file (Thunderbird's "config-v1.1.xml", the format of Mozilla's ISPDB) read into typed
 * outgoing and incoming servers.
 *
 * Format: https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat. A file may list several
 * servers of each kind, best first. Servers this tool cannot use (another protocol, an unknown socket type,
 * a host that is not a host name) are left out and counted, so the caller can say so.
 */
import type { SecurityMode } from '../../../preload/contract/accounts';
import { toAsciiDomain } from '../accounts/domain-name';
import { readBoundedXml, type XmlElement } from './bounded-xml';

export type AutoconfigProtocol = 'smtp' | 'imap' | 'pop3';

export interface AutoconfigServer {
  readonly protocol: AutoconfigProtocol;
  /** ASCII host name, placeholders already replaced. */
  readonly host: string;
  readonly port: number;
  /** socketType SSL is implicit TLS, STARTTLS is the upgrade, plain is clear text. */
  readonly security: SecurityMode;
  /** As written, e.g. "%EMAILADDRESS%" or "%EMAILLOCALPART%"; null when the file gives none. */
  readonly usernameTemplate: string | null;
  /** The file's <authentication> values in order, e.g. "password-cleartext", "OAuth2". */
  readonly authentication: readonly string[];
}

export interface AutoconfigFile {
  /** The provider's name as the file gives it, or null. */
  readonly displayName: string | null;
  /** Best first. */
  readonly outgoing: readonly AutoconfigServer[];
  /** IMAP and POP3 servers, best first. */
  readonly incoming: readonly AutoconfigServer[];
  /** Server entries left out because they could not be used, with why. */
  readonly skipped: readonly string[];
}

export type AutoconfigParseResult =
  { readonly ok: true; readonly file: AutoconfigFile } | { readonly ok: false; readonly reason: string };

/** The ISPDB socket types (config file format, "socketType"). */
const SOCKET_TYPES: Readonly<Record<string, SecurityMode>> = {
  SSL: 'tls',
  STARTTLS: 'starttls',
  plain: 'none',
};
const MAX_SERVERS_PER_KIND = 10;

/** Parse the text of an autoconfig file for an address at `emailDomain` (ASCII). */
export function parseAutoconfigFile(xml: string, emailDomain: string): AutoconfigParseResult {
  const read = readBoundedXml(xml);
  if (!read.ok) return read;
  const root = read.root;
  if (root.name !== 'clientConfig') {
    return { ok: false, reason: `The root element is <${root.name.slice(0, 40)}>, not <clientConfig>.` };
  }
  const provider = root.children.find((child) => child.name === 'emailProvider');
  if (provider === undefined) return { ok: false, reason: 'The file has no <emailProvider>.' };

  const skipped: string[] = [];
  const outgoing: AutoconfigServer[] = [];
  const incoming: AutoconfigServer[] = [];
  for (const child of provider.children) {
    if (child.name === 'outgoingServer') {
      const server = readServer(child, ['smtp'], emailDomain, skipped);
      if (server !== null && outgoing.length < MAX_SERVERS_PER_KIND) outgoing.push(server);
    } else if (child.name === 'incomingServer') {
      const server = readServer(child, ['imap', 'pop3'], emailDomain, skipped);
      if (server !== null && incoming.length < MAX_SERVERS_PER_KIND) incoming.push(server);
    }
  }
  if (outgoing.length === 0 && incoming.length === 0) {
    const why = skipped.length > 0 ? ` ${skipped.join(' ')}` : '';
    return { ok: false, reason: `The file lists no usable server.${why}` };
  }
  const displayName = childText(provider, 'displayName');
  return {
    ok: true,
    file: { displayName: displayName === '' ? null : displayName, outgoing, incoming, skipped },
  };
}

function readServer(
  element: XmlElement,
  protocols: readonly AutoconfigProtocol[],
  emailDomain: string,
  skipped: string[],
): AutoconfigServer | null {
  const type = element.attributes.type ?? '';
  const protocol = protocols.find((candidate) => candidate === type);
  if (protocol === undefined) {
    skipped.push(`A ${element.name} of type "${type.slice(0, 20)}" is not one this tool uses.`);
    return null;
  }
  // The file may write the host with the address's domain as a placeholder.
  const hostText = childText(element, 'hostname').replaceAll('%EMAILDOMAIN%', emailDomain);
  const host = toAsciiDomain(hostText);
  if (!host.ok) {
    skipped.push(`A ${protocol} server's host name is not valid: ${host.reason}.`);
    return null;
  }
  const portText = childText(element, 'port');
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : 0;
  if (port < 1 || port > 65_535) {
    skipped.push(`${host.value} has no valid port.`);
    return null;
  }
  const security = SOCKET_TYPES[childText(element, 'socketType')];
  if (security === undefined) {
    skipped.push(`${host.value}:${String(port)} has an unknown socket type.`);
    return null;
  }
  const username = childText(element, 'username');
  return {
    protocol,
    host: host.value,
    port,
    security,
    usernameTemplate: username === '' ? null : username,
    authentication: element.children
      .filter((child) => child.name === 'authentication' && child.text !== '')
      .map((child) => child.text),
  };
}

function childText(element: XmlElement, name: string): string {
  return element.children.find((child) => child.name === name)?.text ?? '';
}
