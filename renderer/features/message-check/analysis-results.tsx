/**
 * One checked message, in the order of the reports: the verdict, what to do, what could not be checked,
 * sender authentication beside the receiver's, the path, then every finding one click away, and export.
 */
import type { Finding } from '../../../preload/contract/findings';
import type { AnalysisEntry } from '../../../preload/contract/message-check';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { strings } from '../../strings';
import { sortFindings } from '../audit/audit-model';
import { BackToAccounts } from '../audit/back-to-accounts';
import { ExportPanel } from '../audit/export-panel';
import { RecordCopy } from '../audit/record-copy';
import { formatWhen } from '../history/history-model';
import { AuthenticationSection } from './authentication-section';
import { MessageFindingList } from './message-finding-list';
import { ReceivedPath } from './received-path';

export interface AnalysisResultsProps {
  readonly entry: AnalysisEntry;
  readonly onBack: () => void;
  /** Why the analysis could not be kept in the history, when it could not: then it cannot be exported. */
  readonly notSavedReason?: string | undefined;
}

export function AnalysisResults({ entry, onBack, notSavedReason }: AnalysisResultsProps) {
  const text = strings.messageCheck;
  const record = entry.analysis;
  // Worded in main (main/core/message/message-verdict.ts): the CLI and the reports say the same.
  const { verdict } = record;
  const missing = verdict.couldNotCheck;
  const findings = sortFindings(record.findings);
  const facts = [
    text.meta(formatWhen(record.analysedAt), text.source[record.source]),
    record.dns === null ? text.dnsOff : text.dnsUsed(record.dns),
    ...(record.message?.hasBody === false ? [text.headerOnly] : []),
  ];

  return (
    <div className="audit message-results">
      <BackToAccounts onBack={onBack} label={text.back} />
      <div className="page-head">
        <div>
          <PageHeading focusOnMount>
            {text.resultsTitle(record.authentication?.fromDomain ?? null)}
          </PageHeading>
          <p className="page-head__meta">{facts.join(' · ')}</p>
        </div>
      </div>

      <section className="verdict" aria-labelledby="verdict-title">
        <h2 id="verdict-title" className="visually-hidden">
          {text.verdictTitle}
        </h2>
        <p className={`verdict__sentence verdict__sentence--${verdict.tone}`} data-tone={verdict.tone}>
          {verdict.sentence}
        </p>
      </section>

      {notSavedReason !== undefined && (
        <Notice tone="warning" title={text.notSavedTitle} className="audit__notice">
          <p>{notSavedReason}</p>
          <p>{text.notSaved}</p>
        </Notice>
      )}

      <ToDo problems={verdict.problems} />

      {missing.length > 0 && (
        <section className="audit__section could-not" aria-labelledby="could-not-title">
          <h2 id="could-not-title" className="section-title">
            {text.couldNotTitle}
          </h2>
          <ul className="check-list">
            {/* Two signatures by one domain give the same line: the index keeps their keys apart. */}
            {missing.map((line, index) => (
              <li className="check-row check-row--not-run" key={`${String(index)}|${line}`}>
                <span className="status-icon status-icon--not-run" aria-hidden="true" />
                <span className="check-row__title">{line}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <AuthenticationSection record={record} />
      <ReceivedPath chain={record.received} />

      {findings.length > 0 && (
        <details className="folded" data-fold="all">
          <summary className="folded__summary">{text.findingsTitle(findings.length)}</summary>
          <MessageFindingList findings={findings} className="folded__list" />
        </details>
      )}

      {notSavedReason === undefined && <ExportPanel analysisRunId={entry.runId} />}
    </div>
  );
}

/** "What to do": each problem once, with its fix steps and the record to publish, worst first. */
function ToDo({ problems }: { readonly problems: readonly Finding[] }) {
  const text = strings.messageCheck;
  return (
    <section className="audit__section fix-plan" aria-labelledby="message-todo-title">
      <h2 id="message-todo-title" className="section-title">
        {text.toDoTitle}
      </h2>
      {problems.length === 0 ? (
        <p>{text.toDoNone}</p>
      ) : (
        <>
          <p className="fix-plan__lead">{text.toDoLead}</p>
          <ol className="action-list">
            {problems.map((finding, index) => (
              <li
                key={`${finding.id}|${String(index)}`}
                className={`action action--${finding.severity}`}
                data-action={finding.id}
              >
                <p className="action__head">
                  <span className={`severity severity--${finding.severity}`}>
                    {strings.audit.severity[finding.severity]}
                  </span>
                  <span className="action__title">{finding.title}</span>
                </p>
                <p>{finding.explanation}</p>
                {finding.fix.steps.length > 0 && (
                  <ol className="fix-steps">
                    {finding.fix.steps.map((step) => (
                      <li key={step}>{step}</li>
                    ))}
                  </ol>
                )}
                {finding.fix.record !== undefined && (
                  <RecordCopy id={`todo-${String(index)}`} record={finding.fix.record} />
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
