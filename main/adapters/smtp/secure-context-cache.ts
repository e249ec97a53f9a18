/**
 * One TLS client context per distinct set of context options, kept for the life of the process.
 *
 * Passing `ca` to tls.connect builds a new SecureContext on every connection, parsing the ~140 bundled root
 * certificates each time: tens of milliseconds of CPU per handshake, while the TLS probe makes about a
 * dozen handshakes per port (versions, suite classes, server order, no SNI). Node's https.Agent keeps its
 * contexts for the same reason. A shared context changes nothing a handshake shows: Node's client contexts
 * store no sessions (SSL_SESS_CACHE_NO_INTERNAL), so nothing is ever resumed unless a caller passes
 * `session`, and trust, versions and cipher list are exactly those of the options in the key.
 */
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

/** Every option that goes into the context; the key is made of nothing else. */
export interface ClientContextOptions {
  /** Extra trusted CA certificates (PEM) beside the bundled roots. */
  readonly extraCaPem?: string | undefined;
  readonly minVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3' | undefined;
  readonly maxVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3' | undefined;
  /** OpenSSL cipher list for TLS 1.2 and older; Node's default when absent. */
  readonly ciphers?: string | undefined;
  /** OpenSSL groups list (curves) offered for key exchange; OpenSSL's default when absent. */
  readonly groups?: string | undefined;
}

/**
 * A probe uses about a dozen option sets per trusted-CA set; a user who changes trusted certificates
 * between runs adds another dozen. The oldest go first past this many.
 */
const MAX_CONTEXTS = 48;

const contexts = new Map<string, SecureContext>();

export function clientSecureContext(options: ClientContextOptions): SecureContext {
  const key = JSON.stringify([
    options.extraCaPem ?? null,
    options.minVersion ?? null,
    options.maxVersion ?? null,
    options.ciphers ?? null,
    options.groups ?? null,
  ]);
  const known = contexts.get(key);
  if (known !== undefined) {
    // Most recently used last, so the eviction below drops the least recently used.
    contexts.delete(key);
    contexts.set(key, known);
    return known;
  }
  const context = createSecureContext({
    ca: options.extraCaPem === undefined ? [...rootCertificates] : [...rootCertificates, options.extraCaPem],
    ...(options.minVersion === undefined ? {} : { minVersion: options.minVersion }),
    ...(options.maxVersion === undefined ? {} : { maxVersion: options.maxVersion }),
    ...(options.ciphers === undefined ? {} : { ciphers: options.ciphers }),
    ...(options.groups === undefined ? {} : { ecdhCurve: options.groups }),
  });
  contexts.set(key, context);
  while (contexts.size > MAX_CONTEXTS) {
    const oldest = contexts.keys().next();
    if (oldest.done === true) break;
    contexts.delete(oldest.value);
  }
  return context;
}
