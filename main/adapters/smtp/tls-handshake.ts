/**
 * A TLS client handshake over an already connected socket (implicit TLS or after STARTTLS), with a deadline.
 *
 * Certificates are NOT enforced here (rejectUnauthorized: false): probing must see a bad certificate to
 * report it. `authorized` in the facts says whether the chain verified and the name matched; the auth probe
 * sends credentials only when it is true.
 */
import type { Socket } from 'node:net';
import { checkServerIdentity, connect, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import type {
  CertificateFacts,
  ChannelFailure,
  TlsClientOptions,
  TlsSessionFacts,
} from '../../core/smtp/smtp-channel';
import { certificateFacts } from './certificate-facts';
import { clientSecureContext } from './secure-context-cache';
import { visibleLine } from '../../../preload/contract/untrusted-text';
import { tlsIdentity } from './tls-identity';

/** A chain longer than this is hostile or broken; the facts keep the first certificates only. */
const MAX_CHAIN_LENGTH = 10;
/** RFC 8996 deprecates TLS 1.0 and 1.1; OpenSSL 3 at its default security level refuses them outright. */
const LEGACY_VERSIONS = new Set(['TLSv1', 'TLSv1.1']);
const LEGACY_CIPHERS = 'DEFAULT@SECLEVEL=0';
/**
 * The groups a cipher probe offers: OpenSSL 3's defaults first, then the weak curves RFC 8422 section 5.1.1
 * deprecates (P-224, P-192), which OpenSSL never offers unless asked. A server limited to one of them
 * still completes the handshake, so the probe can see and report the curve (RFC 9325 section 4.2.1).
 */
const PROBE_GROUPS = 'X25519:prime256v1:X448:secp521r1:secp384r1:secp224r1:prime192v1';
/** Node's error codes (ERR_SSL_..., ECONNRESET): anything else is not kept as a code. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

export type HandshakeOutcome =
  | { readonly kind: 'tls'; readonly socket: TLSSocket; readonly session: TlsSessionFacts }
  | { readonly kind: 'failure'; readonly failure: ChannelFailure };

export function tlsHandshake(
  socket: Socket,
  options: TlsClientOptions,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<HandshakeOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const legacy =
    (options.minVersion !== undefined && LEGACY_VERSIONS.has(options.minVersion)) ||
    (options.maxVersion !== undefined && LEGACY_VERSIONS.has(options.maxVersion));
  const name = options.servername;
  // A cipher probe offers exactly its list, at security level 0, for this handshake only.
  const ciphers =
    options.UNSAFE_probeCipherList !== undefined
      ? `${options.UNSAFE_probeCipherList}@SECLEVEL=0`
      : legacy
        ? LEGACY_CIPHERS
        : undefined;
  const identity = tlsIdentity(name);
  return new Promise<HandshakeOutcome>((resolve) => {
    if (signal?.aborted === true) {
      socket.destroy();
      resolve(failed('aborted', 'The check was cancelled.', 0));
      return;
    }
    const tlsSocket = connect({
      socket,
      checkServerIdentity: identity.checkServerIdentity,
      ...(options.sendSni === false || identity.servername === undefined
        ? {}
        : { servername: identity.servername }),
      // Trust (bundled roots plus the user's extra CA), versions and cipher list; built once per set.
      secureContext: clientSecureContext({
        extraCaPem: options.extraCaPem,
        minVersion: options.minVersion,
        maxVersion: options.maxVersion,
        ciphers,
        groups: options.UNSAFE_probeCipherList === undefined ? undefined : PROBE_GROUPS,
      }),
      // Node refuses DH groups under 1024 bits; a cipher probe must see them to report them.
      ...(options.UNSAFE_probeCipherList === undefined ? {} : { minDHSize: 1 }),
      // Probing must see bad certificates to report them; credentials are never sent unless `authorized`.
      rejectUnauthorized: false,
    });
    let settled = false;
    const finish = (outcome: HandshakeOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      tlsSocket.removeListener('error', onError);
      tlsSocket.removeListener('close', onClose);
      if (outcome.kind === 'failure') {
        tlsSocket.destroy();
        socket.destroy();
      }
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      finish(
        failed(
          'tls-handshake-timeout',
          `The TLS handshake did not finish within ${seconds(timeoutMs)}.`,
          elapsed(),
        ),
      );
    }, timeoutMs);
    const onAbort = (): void => {
      finish(failed('aborted', 'The check was cancelled.', elapsed()));
    };
    const onError = (error: Error & { code?: unknown }): void => {
      const message = `The TLS handshake failed: ${visibleLine(error.message)}.`;
      const code = typeof error.code === 'string' && ERROR_CODE.test(error.code) ? error.code : undefined;
      finish(failed('tls-handshake-failed', message, elapsed(), code));
    };
    const onClose = (): void => {
      finish(
        failed(
          'tls-handshake-failed',
          'The server closed the connection during the TLS handshake.',
          elapsed(),
        ),
      );
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    tlsSocket.on('error', onError);
    tlsSocket.once('close', onClose);
    tlsSocket.once('secureConnect', () => {
      finish({ kind: 'tls', socket: tlsSocket, session: sessionFacts(tlsSocket, name) });
    });
  });
}

function sessionFacts(socket: TLSSocket, name: string): TlsSessionFacts {
  const cipher = socket.getCipher();
  const peer = socket.getPeerCertificate(true);
  const peerChain = chainOf(peer);
  const problems: string[] = [];
  const chainError = socket.authorizationError as Error | string | null | undefined;
  if (chainError !== null && chainError !== undefined) {
    problems.push(typeof chainError === 'string' ? chainError : chainError.message);
  }
  // Node skips the name check when the chain already failed; the user needs to hear about both.
  const nameError: (Error & { code?: string }) | undefined =
    Object.keys(peer).length === 0 ? undefined : checkServerIdentity(name, peer);
  if (nameError !== undefined) {
    const code = nameError.code ?? 'ERR_TLS_CERT_ALTNAME_INVALID';
    if (!problems.includes(code)) problems.push(`${code}: ${nameError.message}`);
  }
  const authorized = socket.authorized && nameError === undefined && peerChain.length > 0;
  // Node types it as an object or null; at run time it is {} when there was no ephemeral key exchange.
  const ephemeral = socket.getEphemeralKeyInfo() as {
    readonly type?: unknown;
    readonly name?: unknown;
    readonly size?: unknown;
  } | null;
  const ephemeralKey =
    ephemeral !== null && typeof ephemeral.type === 'string'
      ? {
          type: ephemeral.type,
          name: typeof ephemeral.name === 'string' ? ephemeral.name : null,
          bits: typeof ephemeral.size === 'number' ? ephemeral.size : null,
        }
      : null;
  return {
    protocol: socket.getProtocol(),
    ephemeralKey,
    cipherName: cipher.name,
    cipherStandardName: cipher.standardName,
    authorized,
    authorizationError: authorized
      ? null
      : problems.length > 0
        ? problems.join('; ')
        : 'No certificate was sent.',
    peerChain,
  };
}

/** Leaf first, following issuerCertificate until the self-issued root (Node links it to itself). */
function chainOf(leaf: DetailedPeerCertificate): CertificateFacts[] {
  const chain: CertificateFacts[] = [];
  const seen = new Set<string>();
  // Node's types promise a certificate; at run time an absent one is an empty object or undefined.
  let current: Partial<DetailedPeerCertificate> | undefined = leaf;
  while (current !== undefined && Buffer.isBuffer(current.raw) && chain.length < MAX_CHAIN_LENGTH) {
    const fingerprint = current.fingerprint256 ?? '';
    if (seen.has(fingerprint)) break;
    seen.add(fingerprint);
    chain.push(certificateFacts(current.raw));
    current = current.issuerCertificate;
  }
  return chain;
}

function failed(
  kind: ChannelFailure['kind'],
  message: string,
  elapsedMs: number,
  tlsErrorCode?: string,
): HandshakeOutcome {
  return {
    kind: 'failure',
    failure: { kind, message, elapsedMs, ...(tlsErrorCode === undefined ? {} : { tlsErrorCode }) },
  };
}

/** 3000 -> "3 s", 1500 -> "1.5 s". */
export function seconds(ms: number): string {
  return `${String(Math.round(ms / 100) / 10)} s`;
}

/** One line for the transcript: the protocol, the cipher and whether the certificate verified. */
export function describeSession(session: TlsSessionFacts): string {
  const verdict = session.authorized
    ? 'certificate verified'
    : `certificate NOT verified (${session.authorizationError ?? 'unknown reason'})`;
  return `TLS established: ${session.protocol ?? '?'} ${session.cipherName ?? '?'}, ${verdict}.`;
}
