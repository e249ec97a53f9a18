/**
 * The top of the results: one sentence that says whether the account can be used as it is, and, when
 * part of the audit could not run, one banner per cause with the way out ("DNS settings", "Test again").
 *
 * A cause is said once here, so the checks it stopped are not mistaken for faults of the user's mail.
 */
import type { AuditReport } from '../../../preload/contract/audit';
import { bannerBlockers, type Blocker } from '../../../preload/contract/coverage';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { useOpenSettings } from '../../app/open-settings';
import { strings } from '../../strings';

export interface VerdictBannerProps {
  readonly report: AuditReport;
  readonly onTestAgain?: (() => void) | undefined;
}

export function VerdictBanner({ report, onTestAgain }: VerdictBannerProps) {
  const text = strings.audit.results;
  const openSettings = useOpenSettings();
  const { verdict } = report.plan;
  const banners = bannerBlockers(report.coverage?.blockers ?? []);
  const wayOut = (blocker: Blocker) => {
    if (blocker.kind === 'dns-unreachable' && openSettings !== null)
      return <Button onClick={openSettings}>{text.dnsSettings}</Button>;
    if (onTestAgain !== undefined) return <Button onClick={onTestAgain}>{text.testAgain}</Button>;
    return null;
  };
  return (
    <section className="verdict" aria-labelledby="verdict-title">
      <h2 id="verdict-title" className="visually-hidden">
        {text.verdictTitle}
      </h2>
      <p className={`verdict__sentence verdict__sentence--${verdict.tone}`} data-tone={verdict.tone}>
        {verdict.sentence}
      </p>
      {banners.map((blocker) => (
        <Notice key={blocker.id} tone="warning" className={`audit__notice blocker blocker--${blocker.kind}`}>
          <p>{blocker.message}</p>
          {wayOut(blocker)}
        </Notice>
      ))}
    </section>
  );
}
