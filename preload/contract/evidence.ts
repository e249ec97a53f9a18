/**
 * The evidence a report embeds: every DNS answer, HTTPS body, SMTP reply, certificate and login verdict the
 * audit judged, so `mailwarden reevaluate` can re-judge the report later with no network.
 *
 * Recorded at the core's ports (main/core/evidence/). Port results are stored as the core types them
 * (`EvidenceJson` here, JSON-serialisable by construction); times are milliseconds after `startedAt`, so a
 * re-evaluation replays them on a virtual clock and time-based findings (slow greeting, certificate expiry)
 * come out the same. Never a password, token or AUTH payload: commands are stored as the transcript shows
 * them, and logins as their already redacted results.
 */
import type { SecurityMode } from './accounts';
import type { AuditArea } from './audit';

export const EVIDENCE_VERSION = 1;

/** Any JSON value: a port result exactly as the core returned it. */
export type EvidenceJson =
  string | number | boolean | null | readonly EvidenceJson[] | { readonly [key: string]: EvidenceJson };

/** The server an audit tested, without its secret (only which kind of secret there was). */
export interface EvidenceServer {
  readonly host: string;
  readonly port: number;
  readonly security: SecurityMode;
  readonly username: string;
  readonly secret: 'password' | 'xoauth2' | null;
}

/** The incoming (IMAP or POP3) server an audit tested, without its password (only whether there was one). */
export interface EvidenceIncomingServer {
  readonly protocol: 'imap' | 'pop3';
  readonly host: string;
  readonly port: number;
  readonly security: SecurityMode;
  readonly username: string;
  readonly password: boolean;
}

export type EvidenceSubject =
  | {
      readonly kind: 'account';
      readonly label: string;
      readonly email: string;
      readonly domain: string;
      readonly server: EvidenceServer;
      readonly dkimSelectors: readonly string[];
      readonly presetId: string | null;
      /** Absent in reports from before the incoming server, and when the account had none. */
      readonly incoming?: EvidenceIncomingServer;
    }
  | { readonly kind: 'server'; readonly server: EvidenceServer; readonly incoming?: EvidenceIncomingServer }
  | { readonly kind: 'domain'; readonly domain: string; readonly dkimSelectors: readonly string[] };

/** What is needed to plan the same checks again. */
export interface EvidenceAuditRecipe {
  readonly subject: EvidenceSubject;
  readonly areas: readonly AuditArea[];
  readonly relayTest: boolean;
  readonly allowCertificateFingerprint: string | null;
  /** The user's extra CA (public certificates, PEM), as the TLS checks were given it. */
  readonly extraCaPem: string | null;
  /** Where 25/465/587 really were. */
  readonly ports: { readonly smtp?: number; readonly submissions?: number; readonly submission?: number };
  /** Where 143/993 and 110/995 really were; absent when they were the standard ones. */
  readonly incomingPorts?: {
    readonly imap?: { readonly plain: number; readonly implicitTls: number };
    readonly pop3?: { readonly plain: number; readonly implicitTls: number };
  };
  readonly limits: EvidenceJson;
  readonly overallDeadlineMs: number | null;
  /** Sender addresses SPF was evaluated for on request (--ip); absent when none. */
  readonly spfSenderIps?: readonly string[];
  /** True when the user said the domain sends no mail (--parked); absent otherwise. */
  readonly parked?: boolean;
}

export type EvidenceDnsType = 'A' | 'AAAA' | 'MX' | 'SRV' | 'TXT' | 'CNAME' | 'PTR';

/** Each list holds requests in the order they were made (so the n-th same request gets the n-th answer). */
export interface EvidenceDnsQuery {
  readonly name: string;
  readonly type: EvidenceDnsType;
  /** When the answer arrived, in ms after the report's start. */
  readonly atMs: number;
  /** Which answer this was, counting every port's answers in arrival order (orders answers within one ms). */
  readonly seq: number;
  /** The DnsResult. */
  readonly result: EvidenceJson;
}

export interface EvidenceWireQuery {
  readonly name: string;
  readonly type: string;
  readonly atMs: number;
  readonly seq: number;
  /** The WireResult, header flags included. */
  readonly result: EvidenceJson;
}

export interface EvidenceHttpsFetch {
  readonly url: string;
  readonly maxBytes: number;
  readonly atMs: number;
  readonly seq: number;
  /** The HttpsFetchResult, its body capped as the fetcher caps it. */
  readonly result: EvidenceJson;
}

export interface EvidenceTlsRequest {
  readonly servername: string;
  readonly minVersion: string | null;
  readonly maxVersion: string | null;
  /** A cipher probe's OpenSSL cipher list; absent for ordinary handshakes. */
  readonly cipherList?: string;
  /** False for a handshake without SNI; absent when SNI was sent. */
  readonly sendSni?: boolean;
}

export type EvidenceSmtpOperation =
  | { readonly op: 'read'; readonly atMs: number; readonly seq: number; readonly outcome: EvidenceJson }
  | {
      readonly op: 'command';
      /** As the transcript shows it (a secret is already replaced by its placeholder). */
      readonly line: string;
      readonly atMs: number;
      readonly seq: number;
      readonly outcome: EvidenceJson;
    }
  | {
      readonly op: 'upgrade';
      readonly tls: EvidenceTlsRequest;
      readonly atMs: number;
      readonly seq: number;
      /** The TlsOutcome: session facts with each certificate's DER. */
      readonly outcome: EvidenceJson;
    }
  | {
      /** A hand-built ClientHello sent raw (the compression probe); `label` names it, not its random bytes. */
      readonly op: 'raw-hello';
      readonly label: string;
      readonly atMs: number;
      readonly seq: number;
      /** The RawHelloOutcome: the server's first TLS record as base64, or the failure. */
      readonly outcome: EvidenceJson;
    };

export interface EvidenceSmtpConnection {
  readonly host: string;
  readonly address: string;
  readonly port: number;
  readonly security: 'plain' | 'implicit-tls';
  readonly tls: EvidenceTlsRequest | null;
  readonly atMs: number;
  readonly seq: number;
  /** `{ kind: 'open', tls }` with the implicit-TLS session facts (or null), or `{ kind: 'failure', failure }`. */
  readonly open: EvidenceJson;
  /** In the order they were made. */
  readonly operations: readonly EvidenceSmtpOperation[];
  /** The channel's redacted transcript. */
  readonly transcript: readonly EvidenceJson[];
  /** How many transcript entries the checks saw, each time they read it (they may read before QUIT). */
  readonly transcriptReads: readonly number[];
}

export interface EvidenceEnvelopeTrial {
  readonly from: string;
  readonly to: string;
  readonly atMs: number;
  readonly seq: number;
  readonly trial: EvidenceJson;
}

export interface EvidenceLogin {
  readonly host: string;
  readonly address: string;
  readonly port: number;
  readonly security: string;
  readonly username: string;
  readonly mechanism: string | null;
  /** Whether a secret was given (false: the mechanisms were only inspected). Never the secret itself. */
  readonly withSecret: boolean;
  readonly keepSession: boolean;
  readonly atMs: number;
  readonly seq: number;
  /** The LoginResult, redacted by the login adapter. */
  readonly result: EvidenceJson;
  /** The kept session's envelope trials (MAIL FROM / RCPT TO, never DATA). */
  readonly session: {
    readonly trials: readonly EvidenceEnvelopeTrial[];
    readonly transcript: readonly EvidenceJson[];
    /** How many transcript entries the checks saw, each time they read it. */
    readonly transcriptReads: readonly number[];
    readonly closedAtMs: number | null;
    readonly closedSeq: number | null;
  } | null;
}

/** One operation on an IMAP/POP3 line channel, in the order made. `send` is local: it has no arrival. */
export type EvidenceLineOperation =
  | { readonly op: 'read'; readonly atMs: number; readonly seq: number; readonly outcome: EvidenceJson }
  | {
      readonly op: 'send';
      /** As the transcript shows it (a secret is already replaced by its placeholder). */
      readonly line: string;
      /** The LineFailure, or null when the line went out. */
      readonly outcome: EvidenceJson;
    }
  | {
      readonly op: 'upgrade';
      readonly tls: EvidenceTlsRequest;
      readonly atMs: number;
      readonly seq: number;
      readonly outcome: EvidenceJson;
    }
  | {
      /** A hand-built ClientHello sent raw (the compression probe); `label` names it, not its random bytes. */
      readonly op: 'raw-hello';
      readonly label: string;
      readonly atMs: number;
      readonly seq: number;
      /** The RawHelloOutcome: the server's first TLS record as base64, or the failure. */
      readonly outcome: EvidenceJson;
    };

export interface EvidenceLineConnection {
  readonly host: string;
  readonly address: string;
  readonly port: number;
  readonly security: 'plain' | 'implicit-tls';
  readonly literals: boolean;
  readonly tls: EvidenceTlsRequest | null;
  readonly atMs: number;
  readonly seq: number;
  /** `{ kind: 'open', tls }` or `{ kind: 'failure', failure }`. */
  readonly open: EvidenceJson;
  readonly operations: readonly EvidenceLineOperation[];
  readonly transcript: readonly EvidenceJson[];
  readonly transcriptReads: readonly number[];
}

/** An IMAP login (imapflow), never with its password: where, as whom, and its outcome. */
export interface EvidenceIncomingLogin {
  readonly host: string;
  readonly address: string;
  readonly port: number;
  readonly security: 'implicit-tls' | 'starttls';
  readonly username: string;
  readonly atMs: number;
  readonly seq: number;
  /** The IncomingLoginOutcome. */
  readonly outcome: EvidenceJson;
}

export interface EvidenceIncoming {
  readonly connections: readonly EvidenceLineConnection[];
  readonly logins: readonly EvidenceIncomingLogin[];
}

export interface ReportEvidence {
  readonly version: typeof EVIDENCE_VERSION;
  readonly audit: EvidenceAuditRecipe;
  /** The report's start, epoch ms; every `atMs` counts from here. */
  readonly startedAtMs: number;
  readonly dns: { readonly description: string; readonly queries: readonly EvidenceDnsQuery[] };
  readonly wire: { readonly description: string; readonly queries: readonly EvidenceWireQuery[] };
  readonly https: readonly EvidenceHttpsFetch[];
  readonly smtp: readonly EvidenceSmtpConnection[];
  readonly logins: readonly EvidenceLogin[];
  /** The incoming (IMAP/POP3) server's connections and logins; absent when the audit had none. */
  readonly incoming?: EvidenceIncoming | undefined;
  /**
   * Checks that ran out of time or were cancelled, by check id. Their unanswered requests were never
   * recorded, so a re-evaluation ends them the same way instead of asking the evidence for answers it
   * cannot have. Absent when every check finished.
   */
  readonly checkEndings?: CheckEndings | undefined;
}

/** How a check ended when it did not finish: its deadline passed, or the audit was cancelled or ran out. */
export type UnfinishedEnding = 'timed-out' | 'cancelled';
export type CheckEndings = { readonly [checkId: string]: UnfinishedEnding };
