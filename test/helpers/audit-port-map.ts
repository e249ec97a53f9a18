/**
 * The `--port-map` value of `mailwarden audit` for a test's servers: the audit tries the standard ports
 * (smtp 25, RFC 5321; submissions 465, RFC 8314; submission 587, RFC 6409; imap 143 and imaps 993, RFC 9051;
 * pop3 110 and pop3s 995, RFC 1939 and RFC 8314), which the test's servers do not listen on. Each is mapped
 * onto the server that stands for it; a sending port with no server gets a closed port, so the audit sees
 * it refused rather than reaching whatever listens on this machine.
 */
import type { DovecotServer } from './dovecot-server';
import { closedPort } from './closed-port';

export interface AuditPortMapServers {
  /** The port that stands for submission (587). */
  readonly submission: number;
  /** The port that stands for submissions (465); a closed port when absent. */
  readonly submissions?: number;
  /** The reading server's ports, when the audit reaches one (imap, imaps, pop3, pop3s). */
  readonly incoming?: DovecotServer['ports'];
}

export async function auditPortMap(servers: AuditPortMapServers): Promise<string> {
  const incoming = servers.incoming;
  return [
    `smtp=${String(await closedPort())}`,
    `submissions=${String(servers.submissions ?? (await closedPort()))}`,
    `submission=${String(servers.submission)}`,
    ...(incoming === undefined
      ? []
      : [
          `imap=${String(incoming.imap)}`,
          `imaps=${String(incoming.imaps)}`,
          `pop3=${String(incoming.pop3)}`,
          `pop3s=${String(incoming.pop3s)}`,
        ]),
  ].join(',');
}
