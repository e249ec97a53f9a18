/**
 * The fix plan: the report's problems grouped into actions by root cause, most important first, with a
 * verdict sentence on top (docs/scoring.md, "The fix plan").
 *
 * Built once here from the findings and the score; the app, the CLI and every report format show it as
 * it is, so the words a bakery owner reads are the same everywhere.
 */
import type { AuditTargetDescription } from '../../../preload/contract/audit';
import { severityRank, type Finding, type RecordToPublish } from '../../../preload/contract/findings';
import type { FixPlan, PlanAction } from '../../../preload/contract/plan';
import type { AuditScore } from '../../../preload/contract/score';
import { SCORE_AREA_TABLE, scoreAreaOf } from '../score/score-areas';
import { messageFor } from './copy-message';
import { actorOf, GRANT_MAIL_SCOPES, rootCauseOf, SWITCH_TO_OAUTH } from './plan-rules';
import { verdictOf } from './verdict';

export interface PlanInput {
  readonly target: AuditTargetDescription;
  readonly startedAt: string;
  readonly findings: readonly Finding[];
  readonly score: AuditScore;
}

/** Passes and notes need no action; findings about the audit itself are not the user's to fix. */
const needsAction = (finding: Finding): boolean =>
  severityRank(finding.severity) >= severityRank('low') && !finding.id.startsWith('audit.');

export function buildFixPlan(input: PlanInput): FixPlan {
  const groups = new Map<string, Finding[]>();
  for (const finding of input.findings.filter(needsAction)) {
    const key = rootCauseOf(finding.id);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const actions = [...groups.entries()].map(([id, findings]) => toAction(id, findings, input)).sort(byImpact);
  return { verdict: verdictOf(input.score, actions), actions };
}

function toAction(id: string, findings: readonly Finding[], input: PlanInput): PlanAction {
  const worstFirst = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const lead = worstFirst[0] as Finding;
  const where = [...new Set(findings.flatMap(whereSeen))].sort(byPortNumber);
  const steps = [...new Set(worstFirst.flatMap((finding) => finding.fix.steps))];
  const record: RecordToPublish | undefined = worstFirst.find((f) => f.fix.record !== undefined)?.fix.record;
  const draft = {
    id,
    title: titleOf(id, worstFirst, where),
    severity: lead.severity,
    who: actorOf(lead.id),
    where,
    findings: [
      ...new Map(findings.map((f) => [`${f.id} ${f.checkId}`, { id: f.id, checkId: f.checkId }])).values(),
    ],
    why: lead.explanation,
    steps,
    ...(record === undefined ? {} : { record }),
  };
  return { ...draft, message: messageFor(draft, input) };
}

/** "port 465" when the finding names a port (its check's last part or its evidence); nothing for the domain. */
function whereSeen(finding: Finding): string[] {
  const last = finding.checkId.slice(finding.checkId.lastIndexOf(':') + 1);
  if (/^\d{1,5}$/.test(last)) return [`port ${last}`];
  const port = finding.evidence['port'];
  return typeof port === 'number' ? [`port ${String(port)}`] : [];
}

const byPortNumber = (a: string, b: string): number =>
  Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')) || a.localeCompare(b);

const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;

function titleOf(id: string, worstFirst: readonly Finding[], where: readonly string[]): string {
  const ids = new Set(worstFirst.map((f) => f.id));
  const ports = where.map((w) => w.replace(/^port /, ''));
  const on =
    ports.length === 0
      ? ''
      : ports.length === 1
        ? ` on port ${ports[0] ?? ''}`
        : ` on ports ${listed(ports)}`;
  switch (id) {
    case 'tls.old-versions': {
      const versions = [
        ...(ids.has('tls.protocol.tls1_0-accepted') ? ['1.0'] : []),
        ...(ids.has('tls.protocol.tls1_1-accepted') ? ['1.1'] : []),
      ];
      const subject = ports.length === 1 ? `Port ${ports[0] ?? ''} accepts` : `Ports ${listed(ports)} accept`;
      return `${subject} TLS ${listed(versions)}: switch ${versions.length === 1 ? 'it' : 'them'} off`;
    }
    case 'tls.cipher-suites': {
      if (ids.size === 1 || ports.length === 0) break;
      const subject = ports.length === 1 ? `Port ${ports[0] ?? ''} accepts` : `Ports ${listed(ports)} accept`;
      return `${subject} weak cipher suites: remove them from the server’s cipher list`;
    }
    case 'dmarc':
      if (ids.has('dmarc.record.missing')) return 'Publish a DMARC record';
      break;
    case SWITCH_TO_OAUTH:
      return 'Switch this account’s sign-in to OAuth';
    case GRANT_MAIL_SCOPES:
      return 'Grant the mail permissions to the sign-in, then sign in again';
    default:
      break;
  }
  const lead = worstFirst[0]?.title ?? id;
  return ports.length > 1 ? `${lead}${on}` : lead;
}

const areaWeight = (action: PlanAction): number =>
  SCORE_AREA_TABLE.find((info) => info.area === scoreAreaOf(action.findings[0]?.id ?? ''))?.weight ?? 0;

/** Worst first; among equals, the area that matters more, then the action that fixes more. */
function byImpact(a: PlanAction, b: PlanAction): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    areaWeight(b) - areaWeight(a) ||
    b.findings.length - a.findings.length ||
    a.id.localeCompare(b.id)
  );
}
