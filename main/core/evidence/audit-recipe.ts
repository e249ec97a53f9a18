/**
 * What a report keeps of the audit's subject and options so the same checks can be planned again.
 *
 * The secret is never kept, only whether there was one: a re-evaluation replays the login's recorded
 * result instead of logging in, so it needs to know a login happened, not with what.
 */
import { AUDIT_AREAS } from '../../../preload/contract/audit';
import type {
  EvidenceAuditRecipe,
  EvidenceIncomingServer,
  EvidenceServer,
} from '../../../preload/contract/evidence';
import type { AuditIncomingServer } from '../audit/incoming-audit';
import type { AuditRunOptions, AuditServer, AuditSubject } from '../audit/audit-runner';
import type { SmtpLimits } from '../smtp/smtp-channel';
import type { LoginSecret } from '../smtp/smtp-login';
import { fromEvidenceJson, toEvidenceJson } from './evidence-json';

export function auditRecipe(subject: AuditSubject, options: AuditRunOptions): EvidenceAuditRecipe {
  return {
    subject:
      subject.kind === 'domain'
        ? { kind: 'domain', domain: subject.domain, dkimSelectors: [...subject.dkimSelectors] }
        : subject.kind === 'server'
          ? { kind: 'server', server: serverOf(subject.server), ...incomingOf(subject.incoming) }
          : {
              kind: 'account',
              label: subject.label,
              email: subject.email,
              domain: subject.domain,
              server: serverOf(subject.server),
              dkimSelectors: [...subject.dkimSelectors],
              presetId: subject.presetId,
              ...incomingOf(subject.incoming),
            },
    areas: [...(options.areas ?? AUDIT_AREAS)],
    relayTest: options.relayTest,
    allowCertificateFingerprint: options.allowCertificateFingerprint ?? null,
    extraCaPem: options.extraCaPem ?? null,
    ports: { ...options.ports },
    ...(options.incomingPorts === undefined ? {} : { incomingPorts: { ...options.incomingPorts } }),
    limits: toEvidenceJson(options.limits ?? null),
    overallDeadlineMs: options.overallDeadlineMs ?? null,
    ...(options.spfSenderIps === undefined || options.spfSenderIps.length === 0
      ? {}
      : { spfSenderIps: [...options.spfSenderIps] }),
    ...(options.parked === true ? { parked: true } : {}),
  };
}

/** The incoming server without its password; nothing when there was none. */
function incomingOf(
  incoming: AuditIncomingServer | null | undefined,
): { readonly incoming: EvidenceIncomingServer } | Record<string, never> {
  if (incoming === undefined || incoming === null) return {};
  const { secret, ...rest } = incoming;
  return { incoming: { ...rest, password: secret !== null } };
}

/** The incoming server again, with a stand-in password only the replayed ports ever see. */
function incomingFrom(incoming: EvidenceIncomingServer | undefined): AuditIncomingServer | null {
  if (incoming === undefined) return null;
  const { password, ...rest } = incoming;
  return { ...rest, secret: password ? { kind: 'password', password: '' } : null };
}

function serverOf(server: AuditServer): EvidenceServer {
  return {
    host: server.host,
    port: server.port,
    security: server.security,
    username: server.username,
    secret: server.secret?.kind ?? null,
  };
}

/** The subject again, with a stand-in secret that only the replayed login ever receives (and ignores). */
export function subjectFromRecipe(recipe: EvidenceAuditRecipe): AuditSubject {
  const { subject } = recipe;
  switch (subject.kind) {
    case 'domain':
      return { kind: 'domain', domain: subject.domain, dkimSelectors: subject.dkimSelectors };
    case 'server':
      return { kind: 'server', server: serverFrom(subject.server), incoming: incomingFrom(subject.incoming) };
    case 'account':
      return { ...subject, server: serverFrom(subject.server), incoming: incomingFrom(subject.incoming) };
  }
}

function serverFrom(server: EvidenceServer): AuditServer {
  const secret: LoginSecret | null =
    server.secret === null
      ? null
      : server.secret === 'password'
        ? { kind: 'password', password: '' }
        : { kind: 'xoauth2', token: '' };
  return { ...server, secret };
}

export function optionsFromRecipe(recipe: EvidenceAuditRecipe): AuditRunOptions {
  const limits = recipe.limits === null ? undefined : fromEvidenceJson<Partial<SmtpLimits>>(recipe.limits);
  return {
    areas: recipe.areas,
    relayTest: recipe.relayTest,
    allowCertificateFingerprint: recipe.allowCertificateFingerprint ?? undefined,
    extraCaPem: recipe.extraCaPem ?? undefined,
    ports: recipe.ports,
    ...(recipe.incomingPorts === undefined ? {} : { incomingPorts: recipe.incomingPorts }),
    ...(limits === undefined ? {} : { limits }),
    ...(recipe.overallDeadlineMs === null ? {} : { overallDeadlineMs: recipe.overallDeadlineMs }),
    ...(recipe.spfSenderIps === undefined ? {} : { spfSenderIps: recipe.spfSenderIps }),
    ...(recipe.parked === true ? { parked: true } : {}),
  };
}
