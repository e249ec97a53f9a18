/**
 * Who a TLS client expects at the other end: the SNI it sends and the name it checks the certificate
 * against. RFC 6066 section 3 allows host names only in SNI, so for an address literal nothing is sent
 * (Node warns and will ignore it, DEP0123), yet the certificate is still checked against that address
 * (its IP subjectAltNames, RFC 6125 section 6.4) rather than whatever Node would fall back to.
 */
import { isIP } from 'node:net';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';

export interface TlsIdentity {
  readonly servername?: string;
  readonly checkServerIdentity: (host: string, certificate: PeerCertificate) => Error | undefined;
}

export function tlsIdentity(name: string): TlsIdentity {
  return {
    ...(isIP(name) === 0 ? { servername: name } : {}),
    checkServerIdentity: (_host, certificate) => checkServerIdentity(name, certificate),
  };
}
