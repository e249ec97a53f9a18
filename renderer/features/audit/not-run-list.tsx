/**
 * The checks that did not run, listed under their cause with their own icon: never a green tick, never
 * a finding about the user's mail.
 */
import type { AuditCoverage } from '../../../preload/contract/coverage';
import { strings } from '../../strings';

export function NotRunList({ coverage }: { readonly coverage: AuditCoverage }) {
  const text = strings.audit;
  const blockers = new Map(coverage.blockers.map((blocker) => [blocker.id, blocker]));
  const groups = new Map<string, { title: string; state: string }[]>();
  for (const check of coverage.checks) {
    if (check.status === 'ran') continue;
    const blocker = check.blockedBy === null ? undefined : blockers.get(check.blockedBy);
    const why = blocker?.message ?? text.run.outcome[check.status];
    groups.set(why, [
      ...(groups.get(why) ?? []),
      { title: check.title, state: text.run.outcome[check.status] },
    ]);
  }
  const count = [...groups.values()].reduce((sum, checks) => sum + checks.length, 0);
  if (count === 0) return null;
  return (
    <details className="folded" data-fold="not-run">
      <summary className="folded__summary">{text.results.notRunTitle(count)}</summary>
      {[...groups.entries()].map(([why, checks]) => (
        <div className="not-run" key={why}>
          <p className="not-run__why">{why}</p>
          <ul className="check-list">
            {checks.map((check) => (
              <li className="check-row check-row--not-run" key={check.title}>
                <span className="status-icon status-icon--not-run" aria-hidden="true" />
                <span className="check-row__title">{check.title}</span>
                <span className="check-row__state">{check.state}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
