/**
 * A message's findings (a checked message's or a test message's): counts by severity, then each finding.
 * A message has no account, preset or session transcript to show beside them.
 */
import { countBySeverity, type Finding } from '../../../preload/contract/findings';
import { SeverityCountList } from '../../components/severity-count-list';
import { FindingItem } from '../audit/finding-item';

export function MessageFindingList({
  findings,
  className,
}: {
  readonly findings: readonly Finding[];
  readonly className?: string;
}) {
  return (
    <>
      <SeverityCountList counts={countBySeverity(findings)} />
      <ul className={className === undefined ? 'finding-list' : `finding-list ${className}`}>
        {findings.map((finding, index) => (
          <FindingItem
            key={`${finding.checkId}|${finding.id}|${String(index)}`}
            index={index}
            finding={finding}
            transcript={[]}
            account={null}
            preset={null}
          />
        ))}
      </ul>
    </>
  );
}
