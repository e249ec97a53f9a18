/**
 * `--host` and `--port` as typed on the command line. Strict on purpose: `Number()` reads `0x19` as 25 and
 * `1e1` as 10, and a host with a space or a control character is never a server name (RFC 1123 section
 * 2.1), so auditing one would test something other than what the person meant.
 */
import { validateHostOrIp } from '../core/accounts/domain-name';
import { terminalText } from '../../preload/contract/untrusted-text';
import { UsageError } from './usage-error';

/** Plain decimal digits only: no sign, no spaces, no hex, no exponent (a port is 1 to 65535, RFC 6335). */
const DECIMAL_PORT = /^[0-9]{1,5}$/;

export function parsePortArgument(text: string, option: string, command: string): number {
  const port = DECIMAL_PORT.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(
      `${option} must be a whole number from 1 to 65535 in plain digits, not "${terminalText(text)}".`,
      command,
    );
  return port;
}

/** The host in the form the probes take (IDN to ASCII, IPv6 unbracketed), or a UsageError naming it. */
export function parseHostArgument(text: string, command: string): string {
  const host = validateHostOrIp(text);
  if (!host.ok) throw new UsageError(`--host "${terminalText(text)}" is not valid: ${host.reason}.`, command);
  return host.value;
}
