/**
 * The causes that keep checks from running, and the sentence each one puts on top of the results.
 *
 * A check that depends on something that failed (the resolver, the server, the login) returns a
 * `NotRun` instead of findings; the runner turns it into a blocker, so the user reads one cause, once,
 * rather than a dozen "could not be read" findings that look like faults of their domain.
 */
import { BLOCKER_KINDS, type Blocker, type BlockerKind } from '../../../preload/contract/coverage';
import { UNTESTABLE_CLASSES } from '../probes/tls-suite-probe';

const untestable = `${UNTESTABLE_CLASSES.slice(0, -1).join(', ')} or ${UNTESTABLE_CLASSES.at(-1) ?? ''}`;

export interface NotRun {
  readonly kind: BlockerKind;
  /** What could not be reached or done: "127.0.0.1:9", "smtp.example.com", "smtp.example.com:465". */
  readonly subject: string;
}

export function blockerId(cause: NotRun): string {
  return `${cause.kind}:${cause.subject}`;
}

export function blockerOf(cause: NotRun): Blocker {
  return { id: blockerId(cause), kind: cause.kind, subject: cause.subject, message: blockerMessage(cause) };
}

export function blockerMessage({ kind, subject }: NotRun): string {
  switch (kind) {
    case 'dns-unreachable':
      return `Mailwarden could not reach ${
        subject === 'system' ? "this computer's DNS server" : `the DNS server ${subject}`
      }. Nothing here describes the domain's DNS records.`;
    case 'host-unresolved':
      return `Mailwarden could not find the address of ${subject}, so the server could not be tested.`;
    case 'server-unreachable':
      return `Mailwarden could not reach ${subject} on any mail port, so the server could not be tested.`;
    case 'account-port-unreachable':
      return `${subject}, the port the mail program uses, did not answer, so the login and the tests on it could not run.`;
    case 'port-unreachable':
      return `${subject} is closed or did not answer: there is nothing to test on that port.`;
    case 'oauth-required':
      return `${subject} accepts only a sign-in on the provider's own page (OAuth) for this account, not a password, so the login could not be tested with the stored password.`;
    case 'scope-missing':
      return `The account's OAuth sign-in does not include the permission to log in to ${subject}, so that login was not sent and could not be tested.`;
    case 'client-cannot-offer':
      return `Mailwarden's TLS library (OpenSSL 3 in Node.js) cannot offer ${untestable} cipher suites at all, so whether ${subject} still accepts them could not be tested; a scanner that builds its own handshakes (testssl.sh, sslscan) can tell.`;
    case 'login-failed':
      return `The login on ${subject} did not succeed, so the tests that need a login did not run.`;
    case 'cancelled':
      return 'The run was cancelled before every check finished; what did not run is unknown.';
    case 'not-asked':
      return `${subject} was switched off for this run.`;
  }
}

/** Blockers that stop more of the audit come first (BLOCKER_KINDS is in that order). */
export function byReach(a: Blocker, b: Blocker): number {
  return BLOCKER_KINDS.indexOf(a.kind) - BLOCKER_KINDS.indexOf(b.kind);
}
