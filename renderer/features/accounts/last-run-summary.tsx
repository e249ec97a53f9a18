/**
 * An account's last run as the desk shows it: grade and date, the worst open problem, and the change
 * since the run before ("not tested yet" when there is none). The grade is the one the run was given.
 */
import type { AccountRunDigest, RunChange } from '../../../preload/contract/account-desk';
import { strings } from '../../strings';

/** To the minute: a desk row has room for a date, not for seconds (History shows those). */
const DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

export function LastRunSummary({ digest }: { readonly digest: AccountRunDigest | undefined }) {
  const text = strings.desk;
  if (digest === undefined)
    return (
      <p className="account-row__last account-row__last--none" data-grade="">
        {text.notTested}
      </p>
    );
  const { last, change } = digest;
  const grade = last.overall?.grade ?? null;
  const when = new Date(last.finishedAt).toLocaleString(undefined, DATE_FORMAT);
  return (
    <>
      <p className="account-row__last" data-grade={grade ?? ''}>
        <span
          className={`account-row__grade${grade === null ? ' account-row__grade--none' : ` grade--${grade}`}`}
          aria-hidden="true"
        >
          {grade ?? '–'}
        </span>
        <span className="account-row__when">
          <span className="visually-hidden">{`${grade === null ? text.noGrade : text.grade(grade)}, `}</span>
          <time dateTime={last.finishedAt}>{when}</time>
          {last.cancelled && <span className="account-row__tag">{text.cancelledRun}</span>}
        </span>
      </p>
      <p className="account-row__problem">
        <span className="visually-hidden">{text.worstLabel}: </span>
        {last.worst === null ? (
          <span className="muted">{text.noProblems}</span>
        ) : (
          <>
            <span className={`account-row__severity severity-text--${last.worst.severity}`}>
              {strings.audit.severity[last.worst.severity]}
            </span>{' '}
            {last.worst.title}
          </>
        )}
      </p>
      <ChangeNote change={change} />
    </>
  );
}

function ChangeNote({ change }: { readonly change: RunChange | null }) {
  const text = strings.desk.change;
  if (change === null) return <p className="account-row__change muted">{text.first}</p>;
  const parts = [
    change.score === null ? null : text[change.score],
    change.new > 0 ? text.newProblems(change.new) : null,
    change.fixed > 0 ? text.fixed(change.fixed) : null,
  ].filter((part): part is string => part !== null);
  const tone =
    change.score === 'worse' || change.new > 0 ? 'worse' : change.score === 'better' ? 'better' : 'same';
  return (
    <p className={`account-row__change account-row__change--${tone}`}>
      {parts.length === 0 ? text.same : parts.join(', ')}
    </p>
  );
}
