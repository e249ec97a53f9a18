/**
 * Re-judges a saved report from the evidence it embeds: the same checks, planned from the report's own
 * audit recipe, answered by replayed ports on the report's own clock. No network, no password.
 *
 * With unchanged rules the findings come out the same; with improved rules they show what today's
 * Mailwarden makes of what the servers said then.
 */
import type { AuditReport } from '../../../preload/contract/audit';
import { EVIDENCE_VERSION, type ReportEvidence } from '../../../preload/contract/evidence';
import { runAudit } from '../audit/audit-runner';
import { MailwardenError } from '../errors/mailwarden-error';
import { optionsFromRecipe, subjectFromRecipe } from './audit-recipe';
import { replayDeps } from './replay-deps';

const EVIDENCE_LISTS = ['https', 'smtp', 'logins'] as const;

export async function reevaluateReport(
  report: AuditReport,
  options: { readonly toolVersion: string; readonly runId?: string },
): Promise<AuditReport> {
  const evidence = checkedEvidence(report);
  const again = await runAudit(
    subjectFromRecipe(evidence.audit),
    optionsFromRecipe(evidence.audit),
    replayDeps(evidence, options.toolVersion),
    { runId: options.runId ?? 'reevaluate', signal: new AbortController().signal },
  );
  // A run the user cancelled stays a cancelled run: its evidence stops where they stopped it.
  return report.cancelled ? { ...again, cancelled: true } : again;
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
  for (const name of ['dns', 'wire'] as const) {
    const section = fields[name];
    if (
      typeof section !== 'object' ||
      section === null ||
      !Array.isArray((section as Record<string, unknown>)['queries'])
    )
      throw broken(`the ${name} answers are missing`);
  }
  for (const name of EVIDENCE_LISTS) {
    if (!Array.isArray(fields[name])) throw broken(`the ${name} records are missing`);
  }
  return evidence as ReportEvidence;
}
