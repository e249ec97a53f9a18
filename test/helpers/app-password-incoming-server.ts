/**
 * An IMAP or POP3 server over implicit TLS on 127.0.0.1 that answers every password login with Google's
 * own refusal, byte for byte: "NO [ALERT] Application-specific password required: ... (Failure)" (IMAP)
 * and "-ERR [AUTH] Application-specific password required: ..." (POP3).
 *
 * The bytes are Google's own, so a scripted server (scripted-incoming-server.ts) sends them exactly, where
 * Dovecot would frame a refusal in its own words; its greeting and capabilities are Gimap's and Gpop's.
 * It keeps no line it received: the password is never stored.
 */
import { startScriptedIncomingServer } from './scripted-incoming-server';

const GOOGLE_HELP = 'https://support.google.com/accounts/answer/185833';
export const GOOGLE_IMAP_REFUSAL = `NO [ALERT] Application-specific password required: ${GOOGLE_HELP} (Failure)`;
export const GOOGLE_POP3_REFUSAL = `-ERR [AUTH] Application-specific password required: ${GOOGLE_HELP}`;

const GIMAP_CAPABILITIES = ['IMAP4rev1', 'SASL-IR', 'AUTH=PLAIN', 'AUTH=XOAUTH2'];

export interface AppPasswordIncomingServer {
  readonly port: number;
  /** How many logins were refused. */
  readonly refusals: () => number;
  stop(): Promise<void>;
}

export async function startAppPasswordIncomingServer(options: {
  readonly protocol: 'imap' | 'pop3';
  readonly certPem: string;
  readonly keyPem: string;
}): Promise<AppPasswordIncomingServer> {
  const imap = options.protocol === 'imap';
  const server = await startScriptedIncomingServer({
    protocol: options.protocol,
    greeting: imap ? `[CAPABILITY ${GIMAP_CAPABILITIES.join(' ')}] Gimap ready` : 'Gpop ready',
    capabilities: imap ? GIMAP_CAPABILITIES : ['USER', 'RESP-CODES', 'UIDL', 'SASL PLAIN XOAUTH2'],
    login: { refuse: imap ? GOOGLE_IMAP_REFUSAL : GOOGLE_POP3_REFUSAL },
    inbox: { messages: 0 },
    tls: { certPem: options.certPem, keyPem: options.keyPem },
  });
  return { port: server.port, refusals: server.logins, stop: () => server.stop() };
}
