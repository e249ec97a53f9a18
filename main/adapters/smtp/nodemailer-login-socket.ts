/**
 * The socket a login runs on, opened by us rather than by nodemailer: to the address the core resolved
 * (so no second DNS lookup can point elsewhere), counted against the byte cap, and for implicit TLS
 * (RFC 8314) with the handshake done before nodemailer sees it.
 */
import { createConnection, type Socket } from 'node:net';
import { connect as tlsConnect, type SecureContext } from 'node:tls';
import type { LoginRequest } from '../../core/smtp/smtp-login';
import { tlsFactsOf } from './nodemailer-auth-facts';
import { clientSecureContext } from './secure-context-cache';
import { tlsIdentity } from './tls-identity';
import { SessionEnded, tlsEstablishedLine, type LoginWatch } from './nodemailer-login-watch';

/**
 * The bundled roots plus the user's own CA (built once per process, secure-context-cache.ts), or
 * undefined to let Node use its defaults.
 */
export function trustedContext(extraCaPem: string | undefined): SecureContext | undefined {
  return extraCaPem === undefined ? undefined : clientSecureContext({ extraCaPem });
}

/** Opens TCP (and for implicit TLS the handshake); every socket made is handed to `track` for teardown. */
export async function openLoginSocket(
  request: LoginRequest,
  watch: Pick<LoginWatch, 'record' | 'countOn'>,
  track: (socket: Socket) => void,
): Promise<Socket> {
  const { address, port, host } = request.target;
  const plain = await new Promise<Socket>((resolve, reject) => {
    const socket = createConnection({ host: address, port, noDelay: true });
    track(socket);
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      reject(
        new SessionEnded({
          kind: error.code === 'ECONNREFUSED' ? 'connect-refused' : 'connect-failed',
          message: `Could not connect to ${address} port ${String(port)} (${error.code ?? 'error'}).`,
        }),
      );
    });
  });
  watch.record('event', `Connected to ${address} port ${String(port)}`);
  if (request.security !== 'implicit-tls') {
    watch.countOn(plain);
    return plain;
  }
  const secureContext = trustedContext(request.extraCaPem);
  return new Promise<Socket>((resolve, reject) => {
    const secure = tlsConnect({
      socket: plain,
      ...tlsIdentity(host),
      // The probe must see a bad certificate to report it; credentials wait for `authorized` or for the
      // fingerprint the user named (see the login adapter).
      rejectUnauthorized: false,
      ...(secureContext === undefined ? {} : { secureContext }),
    });
    track(secure);
    secure.once('secureConnect', () => {
      secure.removeAllListeners('error');
      watch.countOn(secure);
      watch.record('event', tlsEstablishedLine(tlsFactsOf(secure)));
      resolve(secure);
    });
    secure.once('error', (error: Error) => {
      secure.destroy();
      reject(new SessionEnded({ kind: 'tls-failed', message: `The TLS handshake failed: ${error.message}` }));
    });
  });
}
