/** What every SMTP/TLS/login probe is given: the server, the ports to reach it, limits and a cancel signal. */
import type { Finding } from '../../../preload/contract/findings';
import type { NotRun } from '../coverage/blockers';
import type { DnsResolver } from '../ports';
import type { SmtpConnector, SmtpLimits, TranscriptEntry } from './smtp-channel';

export interface SmtpProbeContext {
  /** The SMTP host in ASCII (punycode) form. */
  readonly host: string;
  /** Every lookup, including the host's own address, goes through the user's resolver. */
  readonly resolver: DnsResolver;
  readonly connector: SmtpConnector;
  readonly limits: SmtpLimits;
  /** Cancels everything in flight; probes end promptly with what they have. */
  readonly signal: AbortSignal;
  /** Extra trusted CA certificates (PEM) from --ca or the app setting. */
  readonly extraCaPem?: string;
  readonly clock: { now(): Date };
  readonly onProgress?: (event: ProbeProgressEvent) => void;
}

export type ProbeProgressEvent =
  | { readonly type: 'check-started'; readonly checkId: string; readonly title: string }
  | {
      readonly type: 'check-finished';
      readonly checkId: string;
      readonly findings: number;
      readonly elapsedMs: number;
    };

export interface ProbeResult {
  readonly findings: readonly Finding[];
  /** Redacted: no password or AUTH payload ever appears here. */
  readonly transcript: readonly TranscriptEntry[];
  /**
   * Set when the check could not run because something it needs failed. It then has no findings, or only
   * the one saying why (a password refused as the kind of sign-in), which the score does not deduct.
   */
  readonly notRun?: NotRun;
  /** Set by a prerequisite check (the resolver, reachability) that found its prerequisite down. */
  readonly blocks?: NotRun;
}
