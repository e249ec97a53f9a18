/**
 * Results, in the order of every report: the verdict and what could not be tested, the grades with their
 * caps, the fix plan; then, one click away, every finding worst first, the notes and the passing checks.
 */
import type { AccountView } from '../../../preload/contract/accounts';
import type { AuditReport } from '../../../preload/contract/audit';
import { countBySeverity, type Finding } from '../../../preload/contract/findings';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { SeverityCountList } from '../../components/severity-count-list';
import { findPreset, usePresets } from '../add-account/use-presets';
import { strings } from '../../strings';
import { isProtocolDetail, sortFindings } from './audit-model';
import { BackToAccounts } from './back-to-accounts';
import { ExportPanel } from './export-panel';
import { FindingItem } from './finding-item';
import { FixPlanSection } from './fix-plan';
import { NotRunList } from './not-run-list';
import { ScoreSummary } from './score-summary';
import { VerdictBanner } from './verdict-banner';

export interface ResultsScreenProps {
  readonly account: AccountView;
  /** The stored run the report was saved as, for the export. */
  readonly runId: string;
  readonly report: AuditReport;
  /** Left out for a stored run opened from History: it is read-only. */
  readonly onTestAgain?: (() => void) | undefined;
  /** Test again trusting exactly this certificate once (what the CLI's --allow-fingerprint does). */
  readonly onTestWithCertificate?: ((fingerprint: string) => void) | undefined;
  readonly onBack: () => void;
  /** Where "back" goes, when not to the account list. */
  readonly backLabel?: string | undefined;
  /** Why the run could not be kept in the history, when it could not: then it cannot be exported either. */
  readonly notSavedReason?: string | undefined;
}

const DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

export function ResultsScreen({
  account,
  runId,
  report,
  onTestAgain,
  onTestWithCertificate,
  onBack,
  backLabel,
  notSavedReason,
}: ResultsScreenProps) {
  const text = strings.audit.results;
  const preset = findPreset(usePresets(), account.presetId);
  const sorted = sortFindings(report.findings);
  const attention = sorted.filter((finding) => finding.severity !== 'pass' && finding.severity !== 'info');
  const notes = sorted.filter((finding) => finding.severity === 'info' && !isProtocolDetail(finding));
  const protocol = sorted.filter((finding) => finding.severity === 'info' && isProtocolDetail(finding));
  const passed = sorted.filter((finding) => finding.severity === 'pass');
  const counts = countBySeverity(report.findings);
  const target =
    report.target.host === null
      ? report.target.label
      : `${report.target.host}:${String(report.target.port ?? '')}`;
  const when = new Date(report.finishedAt).toLocaleString(undefined, DATE_FORMAT);

  const item = (finding: Finding, index: number) => (
    <FindingItem
      key={`${finding.checkId}|${finding.id}|${String(index)}`}
      index={index}
      finding={finding}
      transcript={report.transcript}
      account={account}
      preset={preset}
      onTestAgain={onTestAgain}
      onTestWithCertificate={onTestWithCertificate}
    />
  );

  return (
    <div className="audit">
      <BackToAccounts onBack={onBack} label={backLabel} />
      <div className="page-head">
        <div>
          <PageHeading focusOnMount>{text.title(account.label)}</PageHeading>
          <p className="page-head__meta">{text.meta(when, target)}</p>
        </div>
        {onTestAgain !== undefined && (
          <Button variant="primary" onClick={onTestAgain}>
            {text.testAgain}
          </Button>
        )}
      </div>

      <VerdictBanner report={report} onTestAgain={onTestAgain} />

      {/* Reports from before coverage was recorded say a cancelled run in their own words. */}
      {report.cancelled && report.coverage === null && (
        <Notice tone="warning" title={text.cancelledTitle} className="audit__notice">
          <p>{text.cancelled}</p>
        </Notice>
      )}

      {notSavedReason !== undefined && (
        <Notice tone="warning" title={text.notSavedTitle} className="audit__notice">
          <p>{notSavedReason}</p>
          <p>{text.notSaved}</p>
        </Notice>
      )}

      <ScoreSummary score={report.score} />

      <FixPlanSection plan={report.plan} />

      {report.coverage !== null && <NotRunList coverage={report.coverage} />}

      {attention.length > 0 && (
        <details className="folded" data-fold="all">
          <summary className="folded__summary">{text.allFindingsTitle(attention.length)}</summary>
          <SeverityCountList counts={counts} />
          <ul className="finding-list folded__list">
            {attention.map((finding, index) => item(finding, index))}
          </ul>
        </details>
      )}

      {notes.length > 0 && (
        <details className="folded" data-fold="notes">
          <summary className="folded__summary">{text.notesTitle(notes.length)}</summary>
          <ul className="finding-list folded__list">
            {notes.map((finding, index) => item(finding, attention.length + index))}
          </ul>
        </details>
      )}
      {passed.length > 0 && (
        <details className="folded" data-fold="passed">
          <summary className="folded__summary">{text.passedTitle(passed.length)}</summary>
          <ul className="finding-list folded__list">
            {passed.map((finding, index) => item(finding, attention.length + notes.length + index))}
          </ul>
        </details>
      )}
      {protocol.length > 0 && (
        <details className="folded" data-fold="protocol">
          <summary className="folded__summary">{text.protocolTitle(protocol.length)}</summary>
          <ul className="finding-list folded__list">
            {protocol.map((finding, index) =>
              item(finding, attention.length + notes.length + passed.length + index),
            )}
          </ul>
        </details>
      )}

      {notSavedReason === undefined && <ExportPanel runId={runId} />}
    </div>
  );
}
