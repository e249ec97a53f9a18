/**
 * What an audit managed to test: each check's status and, when checks could not run, the one cause
 * behind them (a dead resolver, an unreachable server, a cancelled run).
 *
 * internet.nl treats "the test could not be performed" as a result of its own; so do we. A check that
 * did not run is never shown as passed, and its absence is never reported as a fault of the user's mail.
 */
import type { AuditArea } from './audit';

export const CHECK_STATUSES = ['ran', 'not-run', 'timed-out', 'cancelled', 'failed'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/**
 * Why checks could not run. `not-asked` is the user's own choice (e.g. the relay test switched off) and
 * `port-unreachable` a closed port other than the account's; `oauth-required` a provider that refuses a
 * password as the kind of sign-in (Microsoft 365 without Basic, Google without an app password), so the
 * password could not be tested; `scope-missing` an OAuth sign-in granted without the permission the login
 * needs (Microsoft's SMTP.Send, Google's mail scope), so no login was sent; `client-cannot-offer` what Mailwarden's own TLS library cannot send
 * (EXPORT, RC4 and 3DES suites); the others are prerequisites that failed.
 */
export const BLOCKER_KINDS = [
  'dns-unreachable',
  'host-unresolved',
  'server-unreachable',
  'account-port-unreachable',
  'port-unreachable',
  'oauth-required',
  'scope-missing',
  'login-failed',
  'client-cannot-offer',
  'cancelled',
  'not-asked',
] as const;
export type BlockerKind = (typeof BLOCKER_KINDS)[number];

/** The blockers that stop a whole part of the audit: shown as a banner on top of the results. */
export const BANNER_BLOCKER_KINDS: readonly BlockerKind[] = [
  'dns-unreachable',
  'host-unresolved',
  'server-unreachable',
  'account-port-unreachable',
  'cancelled',
];

/**
 * The causes to put on top of the results, once each. A server name that could not be resolved while
 * the DNS server itself was unreachable is that same cause again, so it is left out then.
 */
export function bannerBlockers(blockers: readonly Blocker[]): Blocker[] {
  const dnsDown = blockers.some((blocker) => blocker.kind === 'dns-unreachable');
  return blockers.filter(
    (blocker) =>
      BANNER_BLOCKER_KINDS.includes(blocker.kind) && !(dnsDown && blocker.kind === 'host-unresolved'),
  );
}

/**
 * Causes that leave nothing to test rather than a gap: the user's choice, or a port other than the
 * account's that is closed (most servers listen on only some of 25, 465 and 587).
 */
export const NOTHING_TO_TEST_KINDS: readonly BlockerKind[] = ['not-asked', 'port-unreachable'];

export interface Blocker {
  /** `kind:subject`, e.g. "dns-unreachable:127.0.0.1:9"; checks name it in `blockedBy`. */
  readonly id: string;
  readonly kind: BlockerKind;
  /** What could not be reached or done, e.g. "127.0.0.1:9" or "smtp.example.com:465". */
  readonly subject: string;
  /** One plain sentence naming the cause and what it means for the results. */
  readonly message: string;
}

export interface CheckCoverage {
  readonly checkId: string;
  readonly title: string;
  readonly area: AuditArea;
  readonly status: CheckStatus;
  /** The blocker that kept this check from running (status `not-run` or `cancelled`), else null. */
  readonly blockedBy: string | null;
}

export interface AuditCoverage {
  /** Every planned check, in plan order. */
  readonly checks: readonly CheckCoverage[];
  /** Every distinct cause that kept checks from running, most far-reaching first. */
  readonly blockers: readonly Blocker[];
}
