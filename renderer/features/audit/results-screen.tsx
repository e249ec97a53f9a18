/**
 * Results: the grades (when the report has a score), a count per severity, the findings that need
 * attention worst first, and the passing checks folded away underneath.
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
import { sortFindings } from './audit-model';
import { BackToAccounts } from './back-to-accounts';
import { ExportPanel } from './export-panel';
import { FindingItem } from './finding-item';
import { ScoreSummary } from './score-summary';

export interface ResultsScreenProps {
  readonly account: AccountView;
  /** The stored run the report was saved as, for the export. */
  readonly runId: string;
  readonly report: AuditReport;
  /** Left out for a stored run opened from History: it is read-only. */
  readonly onTestAgain?: (() => void) | undefined;
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
  onBack,
  backLabel,
  notSavedReason,
}: ResultsScreenProps) {
  const text = strings.audit.results;
  const preset = findPreset(usePresets(), account.presetId);
  const sorted = sortFindings(report.findings);
  const attention = sorted.filter((finding) => finding.severity !== 'pass' && finding.severity !== 'info');
  const notes = sorted.filter((finding) => finding.severity === 'info');
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

      {report.cancelled && (
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

      {report.score !== undefined && <ScoreSummary score={report.score} />}

      <section className="audit__section" aria-labelledby="results-summary">
        <h2 id="results-summary" className="visually-hidden">
          {text.summary}
        </h2>
        <SeverityCountList counts={counts} />
      </section>

      <section className="audit__section" aria-labelledby="results-attention">
        <h2 id="results-attention" className="section-title">
          {text.toLookAt}
        </h2>
        {attention.length === 0 ? (
          <Notice tone="success">{text.nothingToFix}</Notice>
        ) : (
          <ul className="finding-list">{attention.map((finding, index) => item(finding, index))}</ul>
        )}
      </section>

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

      {notSavedReason === undefined && <ExportPanel runId={runId} />}
    </div>
  );
}
