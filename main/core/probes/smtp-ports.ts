/**
 * Which SMTP ports a probe tries, named by role, so tests can map 25/465/587 onto ephemeral loopback ports.
 */
import type { SmtpTransportSecurity } from '../smtp/smtp-channel';

export interface StandardSmtpPorts {
  /** RFC 5321: server-to-server relay, port 25. */
  readonly smtp: number;
  /** RFC 8314 section 3.3: submission over implicit TLS, port 465. */
  readonly submissions: number;
  /** RFC 6409 section 3.1: submission with STARTTLS, port 587. */
  readonly submission: number;
}

export const STANDARD_SMTP_PORTS: StandardSmtpPorts = { smtp: 25, submissions: 465, submission: 587 };

export type SmtpPortRole = keyof StandardSmtpPorts | 'account';

export interface AccountPort {
  readonly port: number;
  readonly security: SmtpTransportSecurity;
}

export interface PlannedPort {
  readonly port: number;
  readonly role: SmtpPortRole;
  readonly security: SmtpTransportSecurity;
  /** The port the account is set up with: failing here means sending fails. */
  readonly isAccountPort: boolean;
}

/** The standard ports plus the account's own, each once (the account's settings win on a shared port). */
export function planPorts(ports: Partial<StandardSmtpPorts> = {}, account?: AccountPort): PlannedPort[] {
  const standard = { ...STANDARD_SMTP_PORTS, ...ports };
  const plan: PlannedPort[] = [
    { port: standard.smtp, role: 'smtp', security: 'plain', isAccountPort: false },
    { port: standard.submissions, role: 'submissions', security: 'implicit-tls', isAccountPort: false },
    { port: standard.submission, role: 'submission', security: 'plain', isAccountPort: false },
  ];
  const byPort = new Map<number, PlannedPort>();
  for (const planned of plan) if (!byPort.has(planned.port)) byPort.set(planned.port, planned);
  if (account !== undefined) {
    const shared = byPort.get(account.port);
    byPort.set(account.port, {
      port: account.port,
      role: shared?.role ?? 'account',
      security: account.security,
      isAccountPort: true,
    });
  }
  return [...byPort.values()];
}
