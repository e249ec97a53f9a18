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
import { actorOf, DKIM_SIGNING, GRANT_MAIL_SCOPES, rootCauseOf, SWITCH_TO_OAUTH } from './plan-rules';
import { verdictOf } from './verdict';

export interface PlanInput {
  readonly target: AuditTargetDescription;
  readonly startedAt: string;
  readonly findings: readonly Finding[];
  readonly score: AuditScore;
  /**
   * The account's recent test message (docs/scoring.md, "The fix plan"): its findings join the actions,
   * each naming the test message; the score above never counts them.
   */
  readonly proof?: ProofInPlan | null;
}

/** What a test message proved, as the plan takes it in. */
export interface ProofInPlan {
  readonly provedAt: string;
  readonly findings: readonly Finding[];
}

/** Passes and notes need no action; findings about the audit itself are not the user's to fix. */
const needsAction = (finding: Finding): boolean =>
  severityRank(finding.severity) >= severityRank('low') && !finding.id.startsWith('audit.');

export function buildFixPlan(input: PlanInput): FixPlan {
  const actions = planActions(input);
  return { verdict: verdictOf(input.score, actions), actions };
}

/**
 * The actions alone, most important first: for a test message's own short plan, which has no score
 * and so no verdict sentence (its verdict is the message's own).
 */
export function planActions(input: Omit<PlanInput, 'score'>): PlanAction[] {
  const proofFindings = new Set(input.proof?.findings ?? []);
  const groups = new Map<string, Finding[]>();
  for (const finding of [...input.findings, ...proofFindings].filter(needsAction)) {
    const key = rootCauseOf(finding.id);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const fromProof = (finding: Finding): string[] =>
    input.proof !== undefined && input.proof !== null && proofFindings.has(finding)
      ? [testMessageOf(input.proof.provedAt)]
      : [];
  return [...groups.entries()]
    .map(([id, findings]) => toAction(id, findings, input, fromProof))
    .sort(byImpact);
}

/** Where a test message's finding was seen: "the test message of 2026-12-06" (its UTC day). */
export const testMessageOf = (provedAt: string): string => `the test message of ${provedAt.slice(0, 10)}`;

function toAction(
  id: string,
  findings: readonly Finding[],
  input: Omit<PlanInput, 'score'>,
  fromProof: (finding: Finding) => string[],
): PlanAction {
  const worstFirst = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const lead = worstFirst[0] as Finding;
  // The ports first, then the test message that showed it.
  const where = [
    ...[...new Set(findings.flatMap(whereSeen))].sort(byPortNumber),
    ...new Set(findings.flatMap(fromProof)),
  ];
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
    case DKIM_SIGNING:
      // One title for "the message arrived unsigned" and "no key in DNS": the change is the same.
      if (ids.size > 1) return 'Turn on DKIM signing for your domain and publish its key';
      break;
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
