/**
 * The checks of an SMTP server audit: reachability, dialogue, TLS, login, relay and spoofing.
 *
 * Reachability runs first; TLS and relay tests then go only to the ports that answered, so one closed
 * port is reported once, not by every check. The login uses the account's own port and security, and
 * the spoofing test runs only after a login succeeded.
 */
import type { MissingScope } from '../oauth/mail-scopes';
import type { AuditArea } from '../../../preload/contract/audit';
import type { SecurityMode } from '../../../preload/contract/accounts';
import type { Finding } from '../../../preload/contract/findings';
import type { NotRun } from '../coverage/blockers';
import type { Clock, DnsResolver } from '../ports';
import { runAuthProbe, AUTH_PROBE_DEADLINE_MS } from '../probes/auth-probe';
import { probeDialogue, type DialogueSecurity } from '../probes/dialogue-probe';
import { probeReachability } from '../probes/reachability-probe';
import { runRelayProbe, type RelayPort } from '../probes/relay-probe';
import { planPorts, type StandardSmtpPorts } from '../probes/smtp-ports';
import { runSpoofingProbe } from '../probes/spoofing-probe';
import { probeStarttlsInjection } from '../probes/starttls-injection-probe';
import { probeTls } from '../probes/tls-probe';
import { UNTESTABLE_CLASSES } from '../probes/tls-suite-probe';
import type { ProbeResult, SmtpProbeContext } from '../smtp/probe-context';
import { DEFAULT_SMTP_LIMITS, type SmtpConnector, type SmtpLimits } from '../smtp/smtp-channel';
import type { LoginSecret, LoginSecurity, SmtpLoginPort } from '../smtp/smtp-login';
import type { AuditCheck } from './run-checks';

/** Each check's own deadline: connect + greeting + a handful of replies, with TLS handshakes. */
const PROBE_DEADLINE_MS = 30_000;
/** Findings that mean "this port answered with a usable greeting". */
const REACHABLE_IDS: ReadonlySet<string> = new Set(['smtp.reach.ok', 'smtp.reach.slow-greeting']);
/** TLS-probe findings that repeat what the dialogue probe says about STARTTLS. */
const STARTTLS_IDS: ReadonlySet<string> = new Set(['tls.starttls.not-offered', 'tls.starttls.refused']);
const notRun = (cause: NotRun): ProbeResult => ({ findings: [], transcript: [], notRun: cause });
const listedClasses = `${UNTESTABLE_CLASSES.slice(0, -1).join(', ')} and ${UNTESTABLE_CLASSES.at(-1) ?? ''}`;

export interface ServerCheckDeps {
  readonly resolver: DnsResolver;
  readonly connector: SmtpConnector;
  readonly login: SmtpLoginPort;
  readonly clock: Clock;
  readonly limits?: Partial<SmtpLimits>;
}

export interface ServerCheckOptions {
  /** ASCII (punycode) host. */
  readonly host: string;
  readonly port: number;
  readonly security: SecurityMode;
  readonly username: string;
  /** The account's address: the only recipient the spoofing test ever names. */
  readonly accountAddress: string | null;
  readonly presetId: string | null;
  /** The stored password (or a user-supplied XOAUTH2 token); null: mechanisms are inspected, nothing sent. */
  readonly secret: LoginSecret | null;
  /** The OAuth sign-in lacks the sending scope: the login probe reads the mechanisms and says so. */
  readonly scopeMissing?: MissingScope | null;
  readonly areas: ReadonlySet<AuditArea>;
  /** The open-relay and spoofing tests; the user can switch them off. */
  readonly relayTest: boolean;
  readonly allowCertificateFingerprint?: string | undefined;
  readonly extraCaPem?: string | undefined;
  /** Where 25/465/587 really are: the standard ports, or the loopback ports of test servers. */
  readonly ports?: Partial<StandardSmtpPorts>;
}

const toLoginSecurity = (security: SecurityMode): LoginSecurity =>
  security === 'tls' ? 'implicit-tls' : security === 'starttls' ? 'starttls' : 'plain';
const toDialogueSecurity = (security: SecurityMode): DialogueSecurity =>
  security === 'tls' ? 'implicit-tls' : security === 'starttls' ? 'starttls' : 'plain';

export function planServerChecks(deps: ServerCheckDeps, options: ServerCheckOptions): AuditCheck[] {
  const { host, port, security, areas } = options;
  const accountPort = { port, security: security === 'tls' ? ('implicit-tls' as const) : ('plain' as const) };
  const plannedPorts = planPorts(options.ports, accountPort);
  const limits = { ...DEFAULT_SMTP_LIMITS, ...deps.limits };
  const context = (signal: AbortSignal): SmtpProbeContext => ({
    host,
    resolver: deps.resolver,
    connector: deps.connector,
    limits,
    signal,
    clock: deps.clock,
    ...(options.extraCaPem === undefined ? {} : { extraCaPem: options.extraCaPem }),
  });
  const reachCheckId = `smtp-reach:${host}`;
  const reachable = (results: ReadonlyMap<string, ProbeResult>): ReadonlySet<number> =>
    new Set(
      (results.get(reachCheckId)?.findings ?? [])
        .filter((finding: Finding) => REACHABLE_IDS.has(finding.id))
        .map((finding) => finding.evidence['port'])
        .filter((value): value is number => typeof value === 'number'),
    );
  /** Why a port cannot be tested: the whole server is out of reach, or only this port. */
  const unreachable = (results: ReadonlyMap<string, ProbeResult>, target: number): NotRun | null => {
    if (reachable(results).has(target)) return null;
    const reach = results.get(reachCheckId);
    if (reach === undefined) return null; // reachability did not finish: let the check find out itself
    const subject = `${host}:${String(target)}`;
    return (
      reach.blocks ??
      (target === port
        ? { kind: 'account-port-unreachable', subject }
        : { kind: 'port-unreachable', subject })
    );
  };
  const loginFlags = {
    ...(options.allowCertificateFingerprint === undefined
      ? {}
      : { allowFingerprintSha256: options.allowCertificateFingerprint }),
  };

  const checks: AuditCheck[] = [
    {
      checkId: reachCheckId,
      area: 'smtp',
      title: `Reaching ${host} on ports ${plannedPorts.map((p) => p.port).join(', ')}`,
      deadlineMs: PROBE_DEADLINE_MS,
      run: async (signal) => {
        const result = await probeReachability(context(signal), {
          ...(options.ports === undefined ? {} : { ports: options.ports }),
          account: accountPort,
        });
        if (result.findings.some((finding) => REACHABLE_IDS.has(finding.id))) return result;
        // No port answered: every other server check depends on this, so it becomes their one cause.
        const unresolved = result.findings.some((finding) => finding.id === 'smtp.reach.unresolved');
        return {
          ...result,
          blocks: { kind: unresolved ? 'host-unresolved' : 'server-unreachable', subject: host },
        };
      },
    },
  ];
  if (areas.has('smtp')) {
    checks.push({
      checkId: `smtp-dialogue:${host}:${String(port)}`,
      area: 'smtp',
      title: `SMTP conversation on port ${String(port)}`,
      deadlineMs: PROBE_DEADLINE_MS,
      after: [reachCheckId],
      run: (signal, results) => {
        const cause = unreachable(results, port);
        return cause === null
          ? probeDialogue(context(signal), { port, security: toDialogueSecurity(security) })
          : Promise.resolve(notRun(cause));
      },
    });
  }
  if (areas.has('tls')) {
    // One check per port, with the probe's own id, so each finding and its transcript lines share it.
    // A port that did not answer is left to the reachability finding rather than reported again.
    for (const planned of plannedPorts.filter((p) => !(p.isAccountPort && security === 'none'))) {
      checks.push({
        checkId: `tls:${host}:${String(planned.port)}`,
        area: 'tls',
        title: `Encryption on port ${String(planned.port)} (TLS versions, cipher, certificate)`,
        deadlineMs: PROBE_DEADLINE_MS,
        after: [reachCheckId],
        run: async (signal, results) => {
          const cause = unreachable(results, planned.port);
          if (cause !== null) return notRun(cause);
          const outcome = await probeTls(context(signal), {
            port: planned.port,
            security: planned.security === 'implicit-tls' ? 'implicit-tls' : 'starttls',
          });
          // The dialogue check already reports a missing or refused STARTTLS on the account's port.
          const reportedByDialogue = (finding: Finding) =>
            areas.has('smtp') && STARTTLS_IDS.has(finding.id) && finding.evidence['port'] === port;
          return { ...outcome, findings: outcome.findings.filter((finding) => !reportedByDialogue(finding)) };
        },
      });
      if (planned.security === 'implicit-tls') continue;
      // Its own connection: STARTTLS with a NOOP behind it (CVE-2011-0411 class, RFC 3207 section 4.2).
      checks.push({
        checkId: `smtp-starttls-injection:${host}:${String(planned.port)}`,
        area: 'tls',
        title: `Commands slipped in before encryption on port ${String(planned.port)} (STARTTLS injection)`,
        deadlineMs: PROBE_DEADLINE_MS,
        after: [reachCheckId],
        run: (signal, results) => {
          const cause = unreachable(results, planned.port);
          return cause === null
            ? probeStarttlsInjection(context(signal), planned.port)
            : Promise.resolve(notRun(cause));
        },
      });
    }
  }
  if (areas.has('tls')) {
    // Node's OpenSSL 3 has EXPORT, RC4 and 3DES compiled out, so no handshake of ours can offer them
    // (RFC 9325 section 4.1 bans all three): whether the server accepts them is a gap in what was
    // tested, said once per server, never a pass and never a finding of its own.
    checks.push({
      checkId: `tls-suites-untestable:${host}`,
      area: 'tls',
      title: `${listedClasses} cipher suites on ${host}`,
      deadlineMs: PROBE_DEADLINE_MS,
      after: [reachCheckId],
      run: (_signal, results) =>
        Promise.resolve(
          notRun(results.get(reachCheckId)?.blocks ?? { kind: 'client-cannot-offer', subject: host }),
        ),
    });
  }
  if (areas.has('auth')) {
    checks.push({
      checkId: `auth:${host}:${String(port)}`,
      area: 'auth',
      title:
        options.secret === null ? `Login methods on port ${String(port)}` : `Login on port ${String(port)}`,
      deadlineMs: AUTH_PROBE_DEADLINE_MS + 5_000,
      after: [reachCheckId],
      run: (signal, results) => {
        const cause = unreachable(results, port);
        return cause === null
          ? runAuthProbe(context(signal), deps.login, {
              port,
              security: toLoginSecurity(security),
              username: options.username,
              secret: options.secret,
              ...loginFlags,
              ...(options.presetId === null ? {} : { presetId: options.presetId }),
              ...(options.scopeMissing === undefined || options.scopeMissing === null
                ? {}
                : { scopeMissing: options.scopeMissing }),
            })
          : Promise.resolve(notRun(cause));
      },
    });
  }
  if (areas.has('relay')) {
    if (!options.relayTest) {
      checks.push({
        checkId: `relay:${host}`,
        area: 'relay',
        title: 'Open relay test (switched off)',
        deadlineMs: PROBE_DEADLINE_MS,
        // Still run, so the report says the test was switched off; but the area was not asked for.
        run: async (signal) => ({
          ...(await runRelayProbe(context(signal), { enabled: false, ports: [] })),
          notRun: { kind: 'not-asked', subject: 'The open relay test' },
        }),
      });
    }
    for (const planned of options.relayTest ? plannedPorts : []) {
      checks.push({
        checkId: `relay:${host}:${String(planned.port)}`,
        area: 'relay',
        title: `Open relay test on port ${String(planned.port)} (no message is ever sent)`,
        deadlineMs: PROBE_DEADLINE_MS,
        after: [reachCheckId],
        run: (signal, results) => {
          const cause = unreachable(results, planned.port);
          return cause === null
            ? runRelayProbe(context(signal), {
                enabled: true,
                ports: [{ port: planned.port, security: planned.security } satisfies RelayPort],
              })
            : Promise.resolve(notRun(cause));
        },
      });
    }
    // Spoofing needs a login, so it runs only when the login (the auth area) is part of the audit too.
    if (
      options.relayTest &&
      areas.has('auth') &&
      options.secret !== null &&
      options.accountAddress !== null
    ) {
      const secret = options.secret;
      const accountAddress = options.accountAddress;
      const authCheckId = `auth:${host}:${String(port)}`;
      checks.push({
        checkId: `spoofing:${host}:${String(port)}`,
        area: 'relay',
        title: 'Sender spoofing after login (no message is ever sent)',
        deadlineMs: PROBE_DEADLINE_MS,
        after: [authCheckId],
        run: async (signal, results) => {
          const auth = results.get(authCheckId);
          // Without a successful login there is nothing to test, and a second failed login helps nobody.
          if (auth?.notRun !== undefined) return notRun(auth.notRun);
          if (auth !== undefined && !auth.findings.some((f) => f.id === 'auth.login.accepted'))
            return notRun({ kind: 'login-failed', subject: `${host}:${String(port)}` });
          return runSpoofingProbe(context(signal), deps.login, {
            port,
            security: toLoginSecurity(security),
            username: options.username,
            secret,
            accountAddress,
            ...loginFlags,
          });
        },
      });
    }
  }
  return checks;
}
