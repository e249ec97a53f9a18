/**
 * The run: an overall progress bar, every planned check with its state and time, what has been found so
 * far, and Cancel. One polite live region says how far the run is, so a screen reader hears progress
 * without each row talking at once.
 */
import { useEffect, useState } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import { SEVERITIES, type SeverityCounts } from '../../../preload/contract/findings';
import { Button } from '../../components/button';
import { LiveStatus } from '../../components/live-status';
import { PageHeading } from '../../components/page-heading';
import { SeverityCountList } from '../../components/severity-count-list';
import { strings } from '../../strings';
import type { CheckProgress } from './run-progress';

/** The running checks' timers tick this often. */
const TICK_MS = 500;

export interface RunScreenProps {
  readonly account: AccountView;
  /** Empty until main has planned the checks. */
  readonly checks: readonly CheckProgress[];
  readonly cancelling: boolean;
  readonly onCancel: () => void;
}

/** Date.now(), refreshed every TICK_MS while `active`. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, TICK_MS);
    return () => {
      clearInterval(timer);
    };
  }, [active]);
  return now;
}

export function RunScreen({ account, checks, cancelling, onCancel }: RunScreenProps) {
  const text = strings.audit.run;
  const total = checks.length;
  const done = checks.filter((check) => check.status === 'done').length;
  const found = checks.reduce((sum, check) => sum + (check.findings ?? 0), 0);
  const counts = sumCounts(checks);
  const now = useNow(checks.some((check) => check.status === 'running'));
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  const status =
    total === 0 ? text.preparing : cancelling ? text.statusCancelling : text.statusRunning(done, total);

  return (
    <div className="audit">
      <PageHeading focusOnMount>{text.title(account.label)}</PageHeading>
      <p className="lead">{text.lead}</p>

      {/* Sticky: however long the list of checks, progress and Cancel stay in view (1024x768 included). */}
      <div className="run-progress">
        <div className="run-progress__head">
          <span className="run-progress__label" id="run-progress-label">
            {text.progressLabel}
          </span>
          <span className="run-progress__count">{total === 0 ? '' : text.progressText(done, total)}</span>
        </div>
        <div
          className="progress"
          role="progressbar"
          aria-labelledby="run-progress-label"
          aria-valuemin={0}
          aria-valuemax={total === 0 ? 1 : total}
          aria-valuenow={done}
          aria-valuetext={total === 0 ? text.preparing : text.progressText(done, total)}
        >
          <span className="progress__fill" style={{ width: `${String(percent)}%` }} />
        </div>
        <LiveStatus message={status} />
        <div className="actions actions--compact run-progress__actions">
          <Button busy={cancelling} busyLabel={text.cancelling} onClick={onCancel}>
            {text.cancel}
          </Button>
        </div>
      </div>

      <div className="run-layout">
        <section className="run-checks" aria-labelledby="run-checks-title">
          <h2 id="run-checks-title" className="section-title">
            {text.checksTitle}
          </h2>
          {checks.length > 0 && (
            <ol className="check-list">
              {checks.map((check) => (
                <CheckRow key={check.checkId} check={check} now={now} />
              ))}
            </ol>
          )}
        </section>
        <section className="run-found" aria-labelledby="run-found-title">
          <h2 id="run-found-title" className="section-title">
            {text.soFarTitle}
          </h2>
          <p className="run-found__count">
            <span className="run-found__n">{strings.audit.findingsCount(found)}</span>{' '}
            <span className="run-found__in">{text.soFarIn(done)}</span>
          </p>
          <SeverityCountList counts={counts} label={text.soFarBySeverity} />
          <p className="run-found__hint">{text.soFarHint}</p>
        </section>
      </div>
    </div>
  );
}

/** The finished checks' findings by severity, added up. */
function sumCounts(checks: readonly CheckProgress[]): SeverityCounts {
  const total = { pass: 0, info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  for (const check of checks) {
    if (check.counts === null) continue;
    for (const severity of SEVERITIES) total[severity] += check.counts[severity];
  }
  return total;
}

function CheckRow({ check, now }: { readonly check: CheckProgress; readonly now: number }) {
  const text = strings.audit.run;
  // A check that ended without running (its prerequisite failed, it timed out, it was cancelled) gets
  // its own icon and words, never the green tick of one that ran.
  const outcome = check.status === 'done' && check.outcome !== 'ran' ? check.outcome : null;
  const unfinished = outcome !== null;
  const look = unfinished ? 'not-run' : check.status;
  const state =
    check.status === 'waiting'
      ? text.waiting
      : check.status === 'running'
        ? text.running(strings.audit.duration(Math.max(0, now - (check.startedAt ?? now))))
        : outcome !== null
          ? text.outcome[outcome]
          : text.done(strings.audit.duration(check.elapsedMs ?? 0));
  return (
    <li className={`check-row check-row--${look}`} data-check-id={check.checkId}>
      <span className={`status-icon status-icon--${look}`} aria-hidden="true" />
      <span className="check-row__title">{check.title}</span>
      <span className="check-row__state">{state}</span>
      {check.status === 'done' && !unfinished && check.findings !== null && (
        <span className="check-row__found">{strings.audit.findingsCount(check.findings)}</span>
      )}
    </li>
  );
}
