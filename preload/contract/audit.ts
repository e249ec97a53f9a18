/** Audits as the renderer and the CLI see them: what to test, progress while it runs, and the report. */
import type { AuditCoverage, CheckStatus } from './coverage';
import type { ReportEvidence } from './evidence';
import type { Finding, SeverityCounts } from './findings';
import type { FixPlan } from './plan';
import type { AuditScore } from './score';

/** The areas a user can pick with `--only`: SMTP dialogue, TLS, login, relay/spoofing, and the domain's DNS. */
/** `imap` and `pop3`: the account's incoming server, when it has one of that protocol. */
export const AUDIT_AREAS = ['smtp', 'tls', 'auth', 'relay', 'dns', 'imap', 'pop3'] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];

export type AuditTargetRequest =
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'domain'; readonly domain: string };

export interface AuditOptions {
  /** Areas to run; all when absent. */
  readonly only?: readonly AuditArea[] | undefined;
  /** The open-relay and spoofing tests touch the server in ways an admin may notice; on unless switched off. */
  readonly relayTest?: boolean | undefined;
  /** Log in even though the certificate did not verify, but only if the server presents exactly this SHA-256 fingerprint. */
  readonly allowCertificateFingerprint?: string | undefined;
  /**
   * Do not read the stored password (a locked keychain): the login is inspected only (what the server
   * offers before and after encryption) and nothing is signed in with; the spoofing tests, which need a
   * login, are left out.
   */
  readonly withoutSignIn?: boolean | undefined;
}

export interface AuditTargetDescription {
  readonly kind: 'account' | 'server' | 'domain';
  readonly label: string;
  readonly domain: string | null;
  readonly host: string | null;
  readonly port: number | null;
  readonly security: string | null;
}

export interface TranscriptLine {
  readonly at: string;
  readonly elapsedMs: number;
  readonly direction: 'client' | 'server' | 'event';
  /** Which connection, e.g. "smtp.example.com:587". */
  readonly connection: string;
  readonly text: string;
}

/** Version 2 added coverage and the fix plan, and made the score say what capped it (docs/report-format.md). */
export const REPORT_VERSION = 2;

export interface AuditReport {
  readonly schemaVersion: 2;
  readonly tool: { readonly name: 'Mailwarden'; readonly version: string };
  readonly target: AuditTargetDescription;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly cancelled: boolean;
  readonly findings: readonly Finding[];
  readonly transcript: readonly TranscriptLine[];
  /** What ran and what could not, with the causes; null for a report upgraded from version 1. */
  readonly coverage: AuditCoverage | null;
  readonly score: AuditScore;
  readonly plan: FixPlan;
  /**
   * The test message the plan joined (docs/scoring.md, "What a test message adds"), so re-judging the
   * report (`mailwarden reevaluate`) plans it again; absent when the plan holds the audit alone.
   */
  readonly proof?: JoinedProof;
  /** What the audit judged (DNS answers, certificates, SMTP replies), for `mailwarden reevaluate`. */
  readonly evidence?: ReportEvidence;
}

/**
 * A test message as an audit's plan joined it: its history run, when it was sent, and its findings
 * (display-safe as the history keeps them; never a password). Not counted in the score or `findings`.
 */
export interface JoinedProof {
  readonly runId: string;
  readonly provedAt: string;
  readonly findings: readonly Finding[];
}

/** A failed save never loses the report: the run screen still shows it and says it was not kept. */
export type HistorySaveResult =
  | { readonly status: 'saved' }
  | { readonly status: 'failed'; readonly message: string }
  /** No history is kept (tools and tests that run audits without one). */
  | { readonly status: 'not-kept' };

export type AuditEvent =
  | {
      readonly runId: string;
      readonly type: 'planned';
      readonly checks: readonly { readonly checkId: string; readonly title: string }[];
    }
  | {
      readonly runId: string;
      readonly type: 'check-started';
      readonly checkId: string;
      readonly title: string;
    }
  | {
      readonly runId: string;
      readonly type: 'check-finished';
      readonly checkId: string;
      /** How many findings the check produced, in all and by severity. */
      readonly findings: number;
      readonly counts: SeverityCounts;
      readonly elapsedMs: number;
      /** Whether it ran; a check that did not run is never shown as passed. */
      readonly status: CheckStatus;
    }
  | {
      readonly runId: string;
      readonly type: 'finished';
      readonly report: AuditReport;
      /** Whether the report reached the history; exporting and comparing need it there. */
      readonly history: HistorySaveResult;
    }
  | { readonly runId: string; readonly type: 'failed'; readonly message: string };
