/** A run's findings counted by severity, worst first, as small labelled chips. */
import { SEVERITIES, type Severity } from '../../../preload/contract/findings';
import { strings } from '../../strings';

export function RunCounts({ counts }: { readonly counts: { readonly [S in Severity]: number } }) {
  return (
    <ul className="run-counts" aria-label={strings.history.countsLabel}>
      {[...SEVERITIES].reverse().map((severity) => (
        <li
          key={severity}
          className={`run-count severity-count--${severity}${counts[severity] === 0 ? ' severity-count--zero' : ''}`}
          data-severity={severity}
        >
          <span className="run-count__n">{counts[severity]}</span> {strings.audit.severity[severity]}
        </li>
      ))}
    </ul>
  );
}
