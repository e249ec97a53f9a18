/**
 * Plain words for the certificate verification codes OpenSSL and Node report (socket.authorizationError).
 *
 * The adapter may join several problems with "; " (a chain problem and a name problem), each starting
 * with its code, e.g. "CERT_HAS_EXPIRED; ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match ...".
 */

/** What a verification code is about, so the analysis can let a more specific finding speak for it. */
export type VerifyProblemTopic = 'chain' | 'self-signed' | 'expired' | 'not-yet-valid' | 'name';

export interface VerifyProblem {
  readonly code: string;
  readonly topic: VerifyProblemTopic;
  /** One or two plain sentences, ending with a full stop. */
  readonly words: string;
}

const CHAIN_WORDS: { readonly [code: string]: string } = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'The certificate could not be traced to a trusted certificate authority: the server does not send the intermediate certificate, or the issuer is not a public authority.',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'The certificate was issued by an authority this computer does not trust, or the server does not send the intermediate certificate.',
  UNABLE_TO_GET_ISSUER_CERT: 'The authority that issued the certificate is unknown.',
  SELF_SIGNED_CERT_IN_CHAIN:
    'The certificate chain ends in a private root certificate that this computer does not trust.',
  CERT_SIGNATURE_FAILURE:
    'The certificate’s signature is invalid: it was altered, or it was not issued by the authority it names.',
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: 'The certificate’s signature could not be checked.',
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: 'The issuing authority’s key could not be read.',
  CERT_REVOKED: 'The certificate has been revoked by its authority.',
  CERT_UNTRUSTED: 'The certificate is not trusted for this purpose.',
  CERT_REJECTED: 'The certificate was explicitly rejected.',
  INVALID_CA: 'A certificate in the chain is not allowed to act as a certificate authority.',
  PATH_LENGTH_EXCEEDED: 'The certificate chain is longer than its authority allows.',
  CERT_CHAIN_TOO_LONG: 'The certificate chain is too long.',
  INVALID_PURPOSE: 'The certificate is not meant to identify a server.',
  CERT_HAS_EXPIRED: 'A certificate in the chain has expired.',
  CERT_NOT_YET_VALID: 'A certificate in the chain is not valid yet.',
  EE_KEY_TOO_SMALL: 'The certificate’s key is too short to be trusted.',
  CA_KEY_TOO_SMALL: 'The issuing authority’s key is too short to be trusted.',
  CA_MD_TOO_WEAK: 'The certificate is signed with a hash algorithm too weak to be trusted.',
  UNSPECIFIED:
    'The certificate was rejected for a reason the TLS library did not name; usually a weak signature hash (such as SHA-1) or a key that is too short.',
};

const TOPICS: { readonly [code: string]: VerifyProblemTopic } = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not-yet-valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'name',
  HOSTNAME_MISMATCH: 'name',
};

const OTHER_WORDS: { readonly [code: string]: string } = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'The certificate is self-signed: nobody but the server vouches for it.',
  ERR_TLS_CERT_ALTNAME_INVALID: 'The certificate is not made out to this server name.',
  HOSTNAME_MISMATCH: 'The certificate is not made out to this server name.',
};

const CODE_PATTERN = /^([A-Z][A-Z0-9_]{2,})\b/;
const MAX_UNKNOWN_CHARS = 120;

/** Every problem named in an authorizationError, in order; empty for null or an empty string. */
export function verifyProblems(authorizationError: string | null): readonly VerifyProblem[] {
  if (authorizationError === null || authorizationError.trim() === '') return [];
  return authorizationError
    .split('; ')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const code = CODE_PATTERN.exec(part)?.[1] ?? 'UNKNOWN';
      const topic = TOPICS[code] ?? 'chain';
      const words =
        CHAIN_WORDS[code] ??
        OTHER_WORDS[code] ??
        `The certificate could not be verified (${part.slice(0, MAX_UNKNOWN_CHARS)}).`;
      return { code, topic, words };
    });
}
