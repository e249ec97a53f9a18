/**
 * Checks what a person typed for the account's incoming (reading) server: protocol, host, port,
 * security and username, each problem one message naming the incoming server, so the form and the CLI
 * can tell it apart from the sending server's.
 */
import {
  INCOMING_PROTOCOLS,
  type IncomingProtocolName,
  type IncomingServer,
  type IncomingServerInput,
  type SecurityMode,
} from '../../../preload/contract/accounts';
import { validateHostOrIp } from './domain-name';

type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** The sending side's field checks, reused so both servers are judged by the same rules. */
export interface FieldCheckers {
  checkPort(port: unknown): Checked<number>;
  checkSecurity(security: string): Checked<SecurityMode>;
  checkUsername(raw: string | undefined): Checked<string>;
}

export type IncomingValidation =
  | { readonly ok: true; readonly value: IncomingServer }
  | { readonly ok: false; readonly messages: readonly string[] };

const PROTOCOL_MESSAGE =
  'Incoming server protocol must be imap (IMAP, usually port 993) or pop3 (POP3, usually port 995).';

const SECURITY_MESSAGE =
  'Incoming server security must be one of: tls (implicit TLS, usually port 993 or 995), ' +
  'starttls (usually 143 or 110), none.';

function isProtocol(value: string): value is IncomingProtocolName {
  return (INCOMING_PROTOCOLS as readonly string[]).includes(value);
}

/** `username` comes back empty when none was typed: the caller defaults it to the sending username. */
export function checkIncomingServer(input: IncomingServerInput, fields: FieldCheckers): IncomingValidation {
  const messages: string[] = [];
  const protocolText = input.protocol.trim().toLowerCase();
  const protocol = isProtocol(protocolText) ? protocolText : null;
  if (protocol === null) messages.push(PROTOCOL_MESSAGE);

  const host = validateHostOrIp(input.host);
  if (!host.ok) {
    messages.push(
      input.host.trim() === ''
        ? 'Incoming server host is required, such as imap.example.com.'
        : `Incoming server host is not valid: ${host.reason}. Enter a name such as imap.example.com, or an IP address.`,
    );
  }
  const port = fields.checkPort(input.port);
  if (!port.ok) messages.push(`Incoming server: ${port.message}`);
  const security = fields.checkSecurity(input.security);
  if (!security.ok) {
    const hint =
      input.security.trim().toLowerCase() === 'ssl' ? ' What other apps call SSL is tls here.' : '';
    messages.push(`${SECURITY_MESSAGE}${hint}`);
  }
  const username = fields.checkUsername(input.username);
  if (!username.ok) messages.push(username.message);

  if (protocol === null || !host.ok || !port.ok || !security.ok || !username.ok)
    return { ok: false, messages };
  return {
    ok: true,
    value: {
      protocol,
      host: host.value,
      port: port.value,
      security: security.value,
      username: username.value,
      ownPassword: input.ownPassword === true,
    },
  };
}
