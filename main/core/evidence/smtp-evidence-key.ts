/** How recorded SMTP connections and logins are told apart, shared by the recorder and the replayer. */
import type { EvidenceTlsRequest } from '../../../preload/contract/evidence';
import type { SmtpTarget, SmtpTransportSecurity, TlsClientOptions } from '../smtp/smtp-channel';

/** The TLS settings that change what a server answers (the extra CA only changes trust, seen in the result). */
export function tlsRequestOf(options: TlsClientOptions | undefined): EvidenceTlsRequest | null {
  if (options === undefined) return null;
  return {
    servername: options.servername,
    minVersion: options.minVersion ?? null,
    maxVersion: options.maxVersion ?? null,
    // A cipher probe's list and a handshake without SNI change what the server answers too.
    ...(options.UNSAFE_probeCipherList === undefined ? {} : { cipherList: options.UNSAFE_probeCipherList }),
    ...(options.sendSni === false ? { sendSni: false } : {}),
  };
}

export function sameTlsRequest(a: EvidenceTlsRequest | null, b: EvidenceTlsRequest | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.servername === b.servername &&
    a.minVersion === b.minVersion &&
    a.maxVersion === b.maxVersion &&
    (a.cipherList ?? null) === (b.cipherList ?? null) &&
    (a.sendSni ?? true) === (b.sendSni ?? true)
  );
}

/** One connection's identity: where, how, and with which TLS versions. */
export function connectionKey(
  target: SmtpTarget,
  security: SmtpTransportSecurity,
  tls: EvidenceTlsRequest | null,
): string {
  return JSON.stringify([
    target.host,
    target.address,
    target.port,
    security,
    tls?.servername ?? null,
    tls?.minVersion ?? null,
    tls?.maxVersion ?? null,
    tls?.cipherList ?? null,
    tls?.sendSni ?? true,
  ]);
}

/** One login's identity: where, how, as whom, and whether a secret was sent or only the mechanisms read. */
export function loginKey(login: {
  readonly host: string;
  readonly address: string;
  readonly port: number;
  readonly security: string;
  readonly username: string;
  readonly mechanism: string | null;
  readonly withSecret: boolean;
  readonly keepSession: boolean;
}): string {
  return JSON.stringify([
    login.host,
    login.address,
    login.port,
    login.security,
    login.username,
    login.mechanism,
    login.withSecret,
    login.keepSession,
  ]);
}
