/**
 * Findings counted by severity, worst first, as labelled chips: the results summary, the live run and
 * the history rows all read the same way.
 */
import { SEVERITIES, type SeverityCounts } from '../../preload/contract/findings';
import { strings } from '../strings';

export interface SeverityCountListProps {
  readonly counts: SeverityCounts;
  /** Names the list for screen readers where no heading does. */
  readonly label?: string;
  /** Smaller chips for lists of runs. */
  readonly compact?: boolean;
}

export function SeverityCountList({ counts, label, compact = false }: SeverityCountListProps) {
  return (
    <ul className={`severity-counts${compact ? ' severity-counts--compact' : ''}`} aria-label={label}>
      {[...SEVERITIES].reverse().map((severity) => (
        <li
          key={severity}
          className={`severity-count severity-count--${severity}${counts[severity] === 0 ? ' severity-count--zero' : ''}`}
          data-severity={severity}
        >
          <span className="severity-count__n">{counts[severity]}</span>{' '}
          <span className="severity-count__label">{strings.audit.severity[severity]}</span>
        </li>
      ))}
    </ul>
  );
}
