/**
 * Which cipher-suite classes a server accepts, beyond the one its best handshake negotiated: one handshake
 * per class (TLS 1.2 and older; every TLS 1.3 suite is AEAD with forward secrecy), all in parallel, each
 * under the attempt deadlines. Also the DH group and curve sizes, whether the server picks by its own
 * order, and which certificate it presents to a client that sends no SNI.
 *
 * RFC 9325 section 4.1 bans NULL, anonymous, export-grade, RC4 and (3)DES suites; section 4.2 asks for
 * forward secrecy and AEAD; section 4.3.1 asks for DH groups of at least 2048 bits. Only a handshake is
 * ever made: nothing is sent inside it, and nothing probes server memory.
 *
 * A DH group under 1024 bits (Logjam, weakdh.org; RFC 7919 section 1 on the weak groups servers use) is
 * never measured: OpenSSL 3 refuses one as a client at every security level, 0 included, and the DHE
 * handshake fails with "dh key too small" (tls_process_ske_dhe). That refusal is itself the finding: the
 * server sent a group under 1024 bits, exact size unknown.
 *
 * Node's OpenSSL 3 cannot offer EXPORT, RC4 or 3DES suites at all (they are compiled out), so those three
 * classes are a gap in the audit's coverage (blocker `client-cannot-offer`, planned in server-checks.ts),
 * never reported as absent.
 */
import type { Finding } from '../../../preload/contract/findings';
import type { ProbeResult } from '../smtp/probe-context';
import type { SmtpTarget, TlsClientOptions, TlsSessionFacts } from '../smtp/smtp-channel';
import { subjectEvidence, tlsFinding, type TlsSubject } from '../tls/tls-finding';
import {
  closePolitely,
  tryHandshake,
  type TlsProbeContext,
  type TlsProbeSecurity,
} from './tls-version-attempt';

/** RFC 9325 section 4.3.1: DH groups under 2048 bits are too weak; under 1024 they are broken. */
const DH_MIN_BITS = 2_048;
const DH_BROKEN_BITS = 1_024;
/**
 * Node's code for OpenSSL's SSL_R_DH_KEY_TOO_SMALL: the server's DH group is under 1024 bits (at security
 * level 0, ssl_security_default_callback refuses temporary DH under 80 security bits).
 */
const DH_KEY_TOO_SMALL = 'ERR_SSL_DH_KEY_TOO_SMALL';
/** RFC 9325 section 4.2.1: curves of fewer bits than P-256 / X25519 are too weak. */
const CURVE_MIN_BITS = 253;

/** A class of suites and the OpenSSL cipher list that offers exactly that class. */
interface SuiteClass {
  readonly id: 'null' | 'anonymous' | 'static-rsa' | 'cbc' | 'dhe';
  readonly cipherList: string;
}

const SUITE_CLASSES: readonly SuiteClass[] = [
  { id: 'null', cipherList: 'eNULL' },
  { id: 'anonymous', cipherList: 'aNULL:!eNULL' },
  // Static RSA key exchange: no forward secrecy (RFC 9325 section 4.2.1).
  { id: 'static-rsa', cipherList: 'kRSA:!aNULL:!eNULL' },
  // CBC with forward secrecy: the MAC is SHA-1 or SHA-2 rather than AEAD.
  {
    id: 'cbc',
    cipherList: 'kECDHE+SHA1:kECDHE+SHA256:kECDHE+SHA384:kDHE+SHA1:kDHE+SHA256:!aNULL:!eNULL',
  },
  // DHE, to learn the size of the server's DH group.
  { id: 'dhe', cipherList: 'kDHE:!aNULL:!eNULL' },
];

/**
 * Two ECDHE suites common on servers, offered in both orders: the server's choice shows whose order wins,
 * and the handshake shows the curve it picks.
 */
const ORDER_A = 'kECDHE+AESGCM+AES128:kECDHE+AESGCM+AES256';
const ORDER_B = 'kECDHE+AESGCM+AES256:kECDHE+AESGCM+AES128';

/** Classes Node's OpenSSL cannot offer, so they cannot be tested from here (coverage, not a finding). */
export const UNTESTABLE_CLASSES = ['EXPORT', 'RC4', '3DES'] as const;

type Handshake = {
  readonly session: TlsSessionFacts | null;
  readonly reason: string | null;
  /** The client's own error code when the handshake failed (ChannelFailure.tlsErrorCode), else null. */
  readonly tlsErrorCode: string | null;
};

/**
 * Classes no ordinary client offers (Node's default list and OpenSSL's DEFAULT both exclude them): a server
 * that accepts only these gives the version attempts no handshake, yet an MTA that falls back to them, as
 * opportunistic TLS allows (RFC 7435), talks to it exactly this way.
 */
const UNOFFERED_BY_DEFAULT: readonly SuiteClass['id'][] = ['null', 'anonymous'];

export interface SuiteProbeResult extends ProbeResult {
  /** The session of the first NULL or anonymous handshake that worked, null when none did. */
  readonly unofferedSession: TlsSessionFacts | null;
}

/** The suite findings of one port; runs all handshakes in parallel. */
/**
 * `withSni`: the session of the probe's own best handshake (sent with SNI), to compare the certificate a
 * client without SNI gets; resolved when the version attempts end, so no extra handshake is spent on it.
 */
export async function probeSuites(
  ctx: TlsProbeContext,
  subject: TlsSubject,
  target: SmtpTarget,
  security: TlsProbeSecurity,
  withSni: Promise<TlsSessionFacts | null>,
): Promise<SuiteProbeResult> {
  const base: TlsClientOptions = {
    servername: ctx.host,
    ...(ctx.extraCaPem === undefined ? {} : { extraCaPem: ctx.extraCaPem }),
  };
  const legacy = { ...base, minVersion: 'TLSv1', maxVersion: 'TLSv1.2' } as const;
  const runs = await Promise.all([
    ...SUITE_CLASSES.map((suite) =>
      tryHandshake(ctx, target, security, { ...legacy, UNSAFE_probeCipherList: suite.cipherList }),
    ),
    tryHandshake(ctx, target, security, { ...legacy, UNSAFE_probeCipherList: ORDER_A }),
    tryHandshake(ctx, target, security, { ...legacy, UNSAFE_probeCipherList: ORDER_B }),
    tryHandshake(ctx, target, security, { ...base, sendSni: false }),
  ]);
  const named = await withSni;
  const transcript = runs.flatMap((run) => (run.channel === null ? [] : [...run.channel.transcript]));
  await Promise.all(runs.map((run) => closePolitely(run.channel)));
  const handshakes: Handshake[] = runs.map((run) =>
    run.outcome.kind === 'tls'
      ? { session: run.outcome.session, reason: null, tlsErrorCode: null }
      : {
          session: null,
          reason: reasonOf(run.outcome),
          tlsErrorCode:
            run.outcome.kind === 'handshake-failed' ? (run.outcome.failure.tlsErrorCode ?? null) : null,
        },
  );
  if (ctx.signal.aborted) return { findings: [], transcript, unofferedSession: null };
  const classes = handshakes.slice(0, SUITE_CLASSES.length);
  const [orderA, orderB, noSni] = handshakes.slice(SUITE_CLASSES.length);
  const unoffered = SUITE_CLASSES.flatMap((suite, index) =>
    UNOFFERED_BY_DEFAULT.includes(suite.id) ? [classes[index]?.session ?? null] : [],
  ).find((session) => session !== null);
  return {
    findings: judge(subject, classes, orderA, orderB, noSni, {
      session: named,
      reason: null,
      tlsErrorCode: null,
    }),
    transcript,
    unofferedSession: unoffered ?? null,
  };
}

function reasonOf(outcome: { readonly kind: string; readonly reason?: string }): string {
  return outcome.reason ?? outcome.kind;
}

function judge(
  subject: TlsSubject,
  classes: readonly Handshake[],
  orderA: Handshake | undefined,
  orderB: Handshake | undefined,
  noSni: Handshake | undefined,
  withSni: Handshake | undefined,
): Finding[] {
  const base = subjectEvidence(subject);
  const findings: Finding[] = [];
  const accepted = (id: SuiteClass['id']): TlsSessionFacts | null =>
    classes[SUITE_CLASSES.findIndex((suite) => suite.id === id)]?.session ?? null;
  const dheIndex = SUITE_CLASSES.findIndex((suite) => suite.id === 'dhe');
  const suiteEvidence = (session: TlsSessionFacts) => ({
    ...base,
    protocol: session.protocol,
    cipher: session.cipherStandardName ?? session.cipherName,
  });
  const weakIds = [
    ['null', 'tls.suites.null'],
    ['anonymous', 'tls.suites.anonymous'],
    ['static-rsa', 'tls.suites.static-rsa'],
    ['cbc', 'tls.suites.cbc'],
  ] as const;
  for (const [id, findingId] of weakIds) {
    const session = accepted(id);
    if (session !== null) findings.push(tlsFinding(findingId, subject.checkId, suiteEvidence(session)));
  }
  const dh = accepted('dhe');
  const dhBits = dh?.ephemeralKey?.type === 'DH' ? dh.ephemeralKey.bits : null;
  if (dh !== null && dhBits !== null && dhBits < DH_BROKEN_BITS) {
    findings.push(
      tlsFinding('tls.dh.broken', subject.checkId, { ...suiteEvidence(dh), dhBits, refusedBy: null }),
    );
  } else if (dh !== null && dhBits !== null && dhBits < DH_MIN_BITS) {
    findings.push(tlsFinding('tls.dh.weak', subject.checkId, { ...suiteEvidence(dh), dhBits }));
  } else if (classes[dheIndex]?.tlsErrorCode === DH_KEY_TOO_SMALL) {
    // No session, so no suite or size to show: only that the group was under 1024 bits.
    findings.push(
      tlsFinding('tls.dh.broken', subject.checkId, {
        ...base,
        protocol: null,
        cipher: null,
        dhBits: null,
        refusedBy: 'client',
      }),
    );
  }
  const ec = orderA?.session?.ephemeralKey ?? orderB?.session?.ephemeralKey;
  if (ec?.type === 'ECDH' && ec.bits !== null && ec.bits < CURVE_MIN_BITS) {
    findings.push(
      tlsFinding('tls.curve.weak', subject.checkId, { ...base, curve: ec.name, curveBits: ec.bits }),
    );
  }
  if (findings.length === 0) {
    findings.push(
      tlsFinding('tls.suites.only-strong', subject.checkId, {
        ...base,
        dhBits,
        curve: ec?.name ?? null,
      }),
    );
  }

  const a = orderA?.session?.cipherName ?? null;
  const b = orderB?.session?.cipherName ?? null;
  if (a !== null && b !== null) {
    findings.push(
      tlsFinding(a === b ? 'tls.order.server' : 'tls.order.client', subject.checkId, {
        ...base,
        offeredFirst: [a, b],
      }),
    );
  }

  const bare = noSni?.session?.peerChain[0];
  const named = withSni?.session?.peerChain[0];
  if (bare !== undefined && named !== undefined && bare.fingerprintSha256 !== named.fingerprintSha256) {
    findings.push(
      tlsFinding('tls.certificate.no-sni-differs', subject.checkId, {
        ...base,
        withSniSubject: named.subject,
        withSniNames: [...named.subjectAltNames],
        withoutSniSubject: bare.subject,
        withoutSniNames: [...bare.subjectAltNames],
        withoutSniVerified: noSni?.session?.authorized ?? false,
      }),
    );
  } else if (noSni?.session === null && withSni?.session !== null && withSni !== undefined) {
    findings.push(
      tlsFinding('tls.certificate.no-sni-refused', subject.checkId, {
        ...base,
        reason: noSni.reason ?? 'unknown',
      }),
    );
  }
  return findings;
}
