/** Two stored runs compared: what was fixed, what is new, and what stayed the same. */
import type { RunComparison } from '../../../preload/contract/history';
import { PageHeading } from '../../components/page-heading';
import { strings } from '../../strings';
import { BackToAccounts } from '../audit/back-to-accounts';
import { sortFindings } from '../audit/audit-model';
import { CompareList } from './compare-list';
import { formatWhen } from './history-model';

export interface CompareViewProps {
  readonly comparison: RunComparison;
  readonly onBack: () => void;
}

export function CompareView({ comparison, onBack }: CompareViewProps) {
  const text = strings.history;
  const plain = (findings: RunComparison['fixed']) =>
    sortFindings(findings).map((finding) => ({ finding, previousSeverity: null }));
  // Problems first: unchanged passes would otherwise bury an unchanged critical finding.
  const unchangedOrder = sortFindings(comparison.unchanged.map((item) => item.finding));
  const unchanged = unchangedOrder.map(
    (finding) =>
      comparison.unchanged.find((item) => item.finding === finding) ?? { finding, previousSeverity: null },
  );

  // Notes and passes that stayed as they were are folded away, as on the results screen. A finding whose
  // severity moved stays in view, even when it now passes.
  const stayed = (severity: 'pass' | 'info') =>
    unchanged.filter((item) => item.finding.severity === severity && item.previousSeverity === null);
  const stillPassing = stayed('pass');
  const stillNotes = stayed('info');

  return (
    <div className="history">
      <BackToAccounts onBack={onBack} label={text.back} />
      <div className="page-head">
        <div>
          <PageHeading focusOnMount>{text.compareTitle}</PageHeading>
          <p className="page-head__meta">
            {text.compareMeta(
              formatWhen(comparison.older.finishedAt),
              formatWhen(comparison.newer.finishedAt),
            )}
          </p>
        </div>
      </div>
      <CompareList
        group="fixed"
        title={text.fixedTitle(comparison.fixed.length)}
        empty={text.fixedNone}
        items={plain(comparison.fixed)}
      />
      <CompareList
        group="new"
        title={text.newTitle(comparison.new.length)}
        empty={text.newNone}
        items={plain(comparison.new)}
      />
      <CompareList
        group="unchanged"
        title={text.unchangedTitle(comparison.unchanged.length)}
        empty={text.unchangedNone}
        items={unchanged.filter((item) => !stillPassing.includes(item) && !stillNotes.includes(item))}
        folds={[
          {
            key: 'unchanged-notes',
            summary: strings.audit.results.notesTitle(stillNotes.length),
            items: stillNotes,
          },
          {
            key: 'unchanged-passed',
            summary: strings.audit.results.passedTitle(stillPassing.length),
            items: stillPassing,
          },
        ]}
      />
    </div>
  );
}
