/**
 * Re-judges a saved report from the evidence it embeds: the same checks, planned from the report's own
 * audit recipe, answered by replayed ports on the report's own clock. No network, no password.
 *
 * With unchanged rules the findings come out the same; with improved rules they show what today's
 * Mailwarden makes of what the servers said then. The test message the report's plan joined (`proof`,
 * docs/scoring.md "What a test message adds") is joined again, so its actions are not silently lost.
 */
import type { AuditReport, JoinedProof } from '../../../preload/contract/audit';
import { EVIDENCE_VERSION, type ReportEvidence } from '../../../preload/contract/evidence';
import { runAudit } from '../audit/audit-runner';
import { planWithProof } from '../audit/join-recent-proof';
import { MailwardenError } from '../errors/mailwarden-error';
import { REPORT_EVIDENCE_SCHEMA } from '../report/report-evidence-schema';
import { JOINED_PROOF_SCHEMA } from '../report/report-schema';
import { terminalText } from '../../../preload/contract/untrusted-text';
import { optionsFromRecipe, subjectFromRecipe } from './audit-recipe';
import { replayDeps } from './replay-deps';

export async function reevaluateReport(
  report: AuditReport,
  options: { readonly toolVersion: string; readonly runId?: string },
): Promise<AuditReport> {
  const evidence = checkedEvidence(report);
  const proof = checkedProof(report);
  const again = await runAudit(
    subjectFromRecipe(evidence.audit),
    optionsFromRecipe(evidence.audit),
    replayDeps(evidence, options.toolVersion),
    { runId: options.runId ?? 'reevaluate', signal: new AbortController().signal },
  );
  // A run the user cancelled stays a cancelled run: its evidence stops where they stopped it.
  const judged = report.cancelled ? { ...again, cancelled: true } : again;
  // Joined as it was, not looked up again: the report says which test message its plan stood on.
  return proof === null ? judged : planWithProof(judged, proof);
}

/** The test message the report's plan joined, null when it joined none; INVALID_INPUT when damaged. */
function checkedProof(report: AuditReport): JoinedProof | null {
  const proof: unknown = report.proof;
  if (proof === undefined) return null;
  const broken = (what: string) =>
    new MailwardenError('INVALID_INPUT', `The report's test message (proof) is damaged: ${what}.`);
  const tooDeep = firstTooDeep(proof, MAX_EVIDENCE_DEPTH);
  if (tooDeep !== null)
    throw broken(
      `at ${pathText(tooDeep, 'proof')} it is nested more than ${String(MAX_EVIDENCE_DEPTH)} levels deep`,
    );
  const parsed = JOINED_PROOF_SCHEMA.safeParse(proof);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw broken(
      `at ${pathText(issue?.path ?? [], 'proof')} ${terminalText(issue?.message ?? 'the value is not valid')}`,
    );
  }
  return parsed.data;
}

/** The report's evidence, or a clear INVALID_INPUT when it has none or it is not what we wrote. */
function checkedEvidence(report: AuditReport): ReportEvidence {
  const evidence: unknown = report.evidence;
  if (evidence === undefined || evidence === null)
    throw new MailwardenError(
      'INVALID_INPUT',
      'This report carries no evidence (it was made by an older Mailwarden), so it cannot be re-evaluated. Run the audit again.',
    );
  const fields = typeof evidence === 'object' ? (evidence as Record<string, unknown>) : {};
  const broken = (what: string) =>
    new MailwardenError('INVALID_INPUT', `The report's evidence is damaged: ${what}.`);
  if (fields['version'] !== EVIDENCE_VERSION)
    throw broken(
      `its version is ${JSON.stringify(fields['version'] ?? null)}, this Mailwarden reads ${String(EVIDENCE_VERSION)}`,
    );
  if (typeof fields['startedAtMs'] !== 'number') throw broken('startedAtMs is missing');
  const audit = fields['audit'];
  if (
    typeof audit !== 'object' ||
    audit === null ||
    typeof (audit as Record<string, unknown>)['subject'] !== 'object'
  )
    throw broken('the audit recipe is missing');
  // Nesting is measured before the schema walks it: a deeply nested value would overflow the stack there.
  const tooDeep = firstTooDeep(evidence, MAX_EVIDENCE_DEPTH);
  if (tooDeep !== null)
    throw broken(`at ${pathText(tooDeep)} it is nested more than ${String(MAX_EVIDENCE_DEPTH)} levels deep`);
  const parsed = REPORT_EVIDENCE_SCHEMA.safeParse(evidence);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw broken(
      `at ${pathText(issue?.path ?? [])} ${terminalText(issue?.message ?? 'the value is not valid')}`,
    );
  }
  const checked = parsed.data as ReportEvidence;
  // Dates outside what a Date can hold (±8.64e15 ms, ECMA-262 section 21.4.1.1) or times before the start.
  if (!Number.isFinite(new Date(checked.startedAtMs).getTime()))
    throw broken('at evidence.startedAtMs the start time is outside the range of dates');
  const outOfRange = firstTimeOutOfRange(checked);
  if (outOfRange !== null)
    throw broken(
      `at evidence.${outOfRange} the time is not between 0 and ${String(MAX_EVIDENCE_MS)} ms after the start`,
    );
  return checked;
}

/** Deeper than anything Mailwarden records (a certificate chain or a DNS answer is a few levels). */
const MAX_EVIDENCE_DEPTH = 64;
/** A week: far beyond any audit's overall deadline, far below what would overflow the virtual clock. */
const MAX_EVIDENCE_MS = 7 * 24 * 60 * 60 * 1000;

interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Visit | null;
  readonly key: PropertyKey;
}

/** The path of the first value nested deeper than `limit`, or null; iterative, so it cannot overflow. */
function firstTooDeep(root: unknown, limit: number): PropertyKey[] | null {
  const stack: Visit[] = [{ value: root, depth: 0, parent: null, key: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= limit) {
      const path: PropertyKey[] = [];
      for (let at: Visit = item; at.parent !== null; at = at.parent) path.unshift(at.key);
      return path;
    }
    for (const [key, value] of Object.entries(item.value))
      stack.push({ value, depth: item.depth + 1, parent: item, key });
  }
  return null;
}

/** The first recorded moment (atMs, closedAtMs) that is negative or later than a week after the start. */
function firstTimeOutOfRange(evidence: ReportEvidence): string | null {
  const bad = (ms: number | null) => ms !== null && (ms < 0 || ms > MAX_EVIDENCE_MS);
  const lists: [string, readonly { atMs: number }[]][] = [
    ['dns.queries', evidence.dns.queries],
    ['wire.queries', evidence.wire.queries],
    ['https', evidence.https],
    ['smtp', evidence.smtp],
    ['logins', evidence.logins],
  ];
  for (const [name, list] of lists) {
    const index = list.findIndex((entry) => bad(entry.atMs));
    if (index !== -1) return `${name}.${String(index)}.atMs`;
  }
  for (const [index, connection] of evidence.smtp.entries()) {
    const op = connection.operations.findIndex((operation) => bad(operation.atMs));
    if (op !== -1) return `smtp.${String(index)}.operations.${String(op)}.atMs`;
  }
  for (const [index, login] of evidence.logins.entries()) {
    if (bad(login.session?.closedAtMs ?? null)) return `logins.${String(index)}.session.closedAtMs`;
    const trial = login.session?.trials.findIndex((each) => bad(each.atMs)) ?? -1;
    if (trial !== -1) return `logins.${String(index)}.session.trials.${String(trial)}.atMs`;
  }
  return null;
}

/** `evidence.dns.queries.3.atMs`: where in the report's JSON the damage is; keys shown terminal-safe. */
function pathText(path: readonly PropertyKey[], field: 'evidence' | 'proof' = 'evidence'): string {
  return [field, ...path.map((key) => terminalText(String(key)))].join('.');
}
