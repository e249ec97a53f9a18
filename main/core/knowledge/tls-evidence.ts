/**
 * The evidence each TLS finding carries, by id: what tls-probe.ts, protocol-support.ts, cipher-analysis.ts,
 * certificate-analysis.ts, tls-suite-probe.ts and tls-compression-probe.ts set, and all that the TLS words
 * (tls-knowledge.ts, tls-suite-entries.ts) may read.
 */
type Text = string;
type Texts = readonly string[];

/** The server every TLS finding names (subjectEvidence in tls-finding.ts). */
export type TlsSubjectEvidence = { readonly host: Text; readonly port: number };

/** One TLS version tried: its verdict, why it was rejected or did not finish (null when accepted), time spent. */
export type TlsAttemptEvidence = {
  readonly version: Text;
  readonly verdict: Text;
  readonly reason: Text | null;
  readonly elapsedMs: number;
};

/** No handshake worked: every version tried, for the report. */
type NoHandshake = TlsSubjectEvidence & { readonly attempts: readonly TlsAttemptEvidence[] };

/**
 * Which versions the server accepted, by version ('accepted', 'rejected', 'unknown'). tls-probe.ts adds
 * `attempts` to these findings after the factory made them; no words read it.
 */
type Versions = TlsSubjectEvidence & { readonly versions: { readonly [version: string]: Text } };

/** The suite the best handshake agreed on: the IANA name (or OpenSSL's when none) and OpenSSL's name. */
type Cipher = TlsSubjectEvidence & {
  readonly protocol: Text | null;
  readonly cipher: Text | null;
  readonly cipherOpenSslName: Text | null;
};

/** The leaf certificate's fields a report keeps, so it can be judged again offline. */
export type CertificateEvidence = TlsSubjectEvidence & {
  readonly subject: Text;
  readonly issuer: Text;
  readonly subjectAltNames: Texts;
  readonly validFrom: Text;
  readonly validTo: Text;
  readonly serialNumber: Text;
  readonly fingerprintSha256: Text;
  readonly keyType: Text | null;
  readonly keyBits: number | null;
  readonly signatureAlgorithm: Text | null;
};

/** Days left until validTo (negative once expired). */
type Dated = CertificateEvidence & { readonly daysLeft: number };
type Keyed = CertificateEvidence & { readonly keyDescription: Text };

/** A weak suite class the server accepted, and the suite it chose from it. */
type Suite = TlsSubjectEvidence & { readonly protocol: Text | null; readonly cipher: Text | null };
type Compression = TlsSubjectEvidence & { readonly compressionMethod: number; readonly methodName: Text };

export type TlsEvidence = {
  'tls.host.unresolved': TlsSubjectEvidence & {
    readonly resolver: Text;
    readonly reasonCode: Text;
    readonly reason: Text;
  };
  'tls.connect.failed': NoHandshake & { readonly reason: Text };
  'tls.starttls.not-offered': TlsSubjectEvidence & { readonly ehloKeywords: Texts };
  /** replyCode is SMTP's; null for IMAP and POP3, whose refusals have no code. */
  'tls.starttls.refused': TlsSubjectEvidence & {
    readonly replyCode: number | null;
    readonly enhancedCode: Text | null;
    readonly replyText: Text;
  };
  'tls.handshake.failed': NoHandshake & { readonly reason: Text };
  'tls.handshake.timeout': NoHandshake & { readonly deadlineSeconds: number };
  /** RFC 5746: the reason OpenSSL gave for refusing the server. */
  'tls.renegotiation.insecure': TlsSubjectEvidence & { readonly reason: Text };

  'tls.protocol.modern': Versions & { readonly modernAccepted: Text };
  'tls.protocol.no-modern': Versions;
  'tls.protocol.tls1_0-accepted': Versions;
  'tls.protocol.tls1_1-accepted': Versions;
  'tls.protocol.old-rejected': Versions;
  'tls.protocol.tls1_3-unsupported': Versions;
  'tls.protocol.version-unknown': Versions & { readonly unknownVersions: Text; readonly reason: Text | null };

  'tls.cipher.strong': Cipher;
  'tls.cipher.weak': Cipher & { readonly weakness: Text };
  'tls.cipher.no-forward-secrecy': Cipher;
  'tls.cipher.cbc': Cipher;

  'tls.certificate.missing': TlsSubjectEvidence;
  'tls.chain.trusted': CertificateEvidence;
  /** `reasonCode` is OpenSSL's code, `reason` its plain words. */
  'tls.chain.untrusted': CertificateEvidence & {
    readonly reasonCode: Text;
    readonly reason: Text;
    readonly authorizationError: Text | null;
  };
  'tls.certificate.self-signed': CertificateEvidence;
  'tls.name.matched': CertificateEvidence & { readonly matchedName: Text };
  /** The names the certificate lists, joined with ", ". */
  'tls.name.mismatch': CertificateEvidence & { readonly certificateNames: Text };
  'tls.expiry.valid': Dated;
  'tls.expiry.soon': Dated;
  'tls.expiry.expired': Dated & { readonly daysAgo: number };
  'tls.expiry.not-yet-valid': Dated;
  'tls.key.strong': Keyed;
  'tls.key.weak': Keyed;
  'tls.key.unknown': Keyed;
  'tls.signature.strong': CertificateEvidence;
  'tls.signature.sha1': CertificateEvidence;
  'tls.signature.md5': CertificateEvidence;
  'tls.signature.unknown': CertificateEvidence;

  'tls.suites.null': Suite;
  'tls.suites.anonymous': Suite;
  'tls.suites.static-rsa': Suite;
  'tls.suites.cbc': Suite;
  'tls.dh.weak': Suite & { readonly dhBits: number };
  /**
   * dhBits as measured, or null with refusedBy 'client' when OpenSSL refused the group as too small (under
   * 1024 bits; the handshake then failed, so protocol and cipher are null too).
   */
  'tls.dh.broken': Suite & { readonly dhBits: number | null; readonly refusedBy: 'client' | null };
  'tls.curve.weak': TlsSubjectEvidence & { readonly curve: Text | null; readonly curveBits: number };
  /** dhBits is null when no DHE suite was accepted, curve null when no ECDHE one was. */
  'tls.suites.only-strong': TlsSubjectEvidence & {
    readonly dhBits: number | null;
    readonly curve: Text | null;
  };
  /** The OpenSSL names of the suites the server chose for the two opposite client orders. */
  'tls.order.server': TlsSubjectEvidence & { readonly offeredFirst: Texts };
  'tls.order.client': TlsSubjectEvidence & { readonly offeredFirst: Texts };
  'tls.certificate.no-sni-differs': TlsSubjectEvidence & {
    readonly withSniSubject: Text;
    readonly withSniNames: Texts;
    readonly withoutSniSubject: Text;
    readonly withoutSniNames: Texts;
    readonly withoutSniVerified: boolean;
  };
  'tls.certificate.no-sni-refused': TlsSubjectEvidence & { readonly reason: Text };
  /** RFC 3749 method number and name (0: null, 1: DEFLATE). */
  'tls.compression.enabled': Compression;
  'tls.compression.off': Compression;
};
