/**
 * A finished test message: the verdict, its journey (accepted, where it landed, how long it took), then
 * the same authentication, path and finding components as "Check a message".
 */
import { useState } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import type { ProofEntry } from '../../../preload/contract/proof';
import { Notice } from '../../components/notice';
import { strings } from '../../strings';
import { sortFindings } from '../audit/audit-model';
import { ExportPanel } from '../audit/export-panel';
import { ActionItem } from '../audit/fix-plan';
import { formatWhen } from '../history/history-model';
import { AuthenticationSection } from '../message-check/authentication-section';
import { MessageFindingList } from '../message-check/message-finding-list';
import { ReceivedPath } from '../message-check/received-path';
import { AddLearnedSelectors } from './add-learned-selectors';
import { unlistedSelectors } from './learned-selectors';
import { landingName } from './proof-model';

export interface ProofResultsProps {
  readonly entry: ProofEntry;
  readonly notSavedReason: string | undefined;
  readonly account: AccountView;
  /** The account was saved with a selector this message taught. */
  readonly onAccountChanged: (account: AccountView) => void;
}

export function ProofResults({ entry, notSavedReason, account, onAccountChanged }: ProofResultsProps) {
  const text = strings.sendTest;
  const { proof } = entry;
  // Worded in main (main/core/prove/proof-verdict.ts): the CLI and the reports say the same.
  const { verdict } = proof;
  const findings = sortFindings(proof.findings);
  const { submission, delivery } = proof;
  // Read once: the offer stays (as its confirmation) after the account lists the selectors.
  const [offered] = useState(() => unlistedSelectors(proof.findings, account));

  return (
    <>
      <p className="page-head__meta">
        {[
          text.meta(formatWhen(proof.provedAt), proof.to),
          ...(notSavedReason === undefined ? [text.savedInHistory] : []),
        ].join(' · ')}
      </p>
      <section className="verdict" aria-labelledby="proof-verdict-title">
        <h2 id="proof-verdict-title" className="visually-hidden">
          {strings.messageCheck.verdictTitle}
        </h2>
        <p className={`verdict__sentence verdict__sentence--${verdict.tone}`} data-tone={verdict.tone}>
          {verdict.sentence}
        </p>
      </section>
      {notSavedReason !== undefined && (
        <Notice tone="warning" title={strings.messageCheck.notSavedTitle} className="audit__notice">
          <p>{notSavedReason}</p>
        </Notice>
      )}

      <section className="audit__section" aria-labelledby="proof-journey-title">
        <h2 id="proof-journey-title" className="section-title">
          {text.journeyTitle}
        </h2>
        <ul className="check-list" data-testid="proof-journey">
          <li className="check-row">
            {submission.outcome === 'accepted'
              ? text.journeySent(submission.reply ?? '')
              : text.journeyRefused(submission.refusedAt ?? '', submission.reply ?? '')}
          </li>
          {submission.outcome === 'accepted' && (
            <li className="check-row">
              {delivery.landing === null
                ? text.journeyNotLanded(delivery.waitedSeconds)
                : text.journeyLanded(
                    landingName(delivery.landing, delivery.mailbox ?? ''),
                    delivery.waitedSeconds,
                  )}
            </li>
          )}
          {delivery.deleted && <li className="check-row">{text.journeyDeleted}</li>}
        </ul>
      </section>

      {proof.plan !== undefined && proof.plan.length > 0 && (
        <section
          className="audit__section fix-plan"
          aria-labelledby="proof-plan-title"
          data-testid="proof-plan"
        >
          <h2 id="proof-plan-title" className="section-title">
            {text.planTitle}
          </h2>
          <p className="fix-plan__lead">{text.planLead}</p>
          <ol className="action-list">
            {proof.plan.map((action) => (
              <ActionItem key={action.id} action={action} />
            ))}
          </ol>
        </section>
      )}

      {offered.length > 0 && (
        <AddLearnedSelectors account={account} selectors={offered} onAdded={onAccountChanged} />
      )}

      {proof.analysis !== null && <AuthenticationSection record={proof.analysis} />}
      {proof.analysis !== null && <ReceivedPath chain={proof.analysis.received} />}

      {findings.length > 0 && (
        <section className="audit__section" aria-labelledby="proof-findings-title">
          <h2 id="proof-findings-title" className="section-title">
            {strings.messageCheck.findingsTitle(findings.length)}
          </h2>
          <MessageFindingList findings={findings} />
        </section>
      )}

      {/* Only a kept run can be exported: main reads it from the history by its id. */}
      {notSavedReason === undefined && <ExportPanel proofRunId={entry.runId} />}
    </>
  );
}
