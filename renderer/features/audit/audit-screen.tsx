/**
 * Testing one account, from plan to results: "What will be tested", the run, and the results.
 *
 * The plan's switches start from the default tests saved in Settings (or all on, when those cannot be
 * read); the choices made on the plan are kept, so "Test this again" repeats the same test.
 */
import type { AccountView } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { strings } from '../../strings';
import { auditOptionsFor, DEFAULT_CHOICES } from './audit-model';
import { BackToAccounts } from './back-to-accounts';
import { PlanScreen } from './plan-screen';
import { ResultsScreen } from './results-screen';
import { RunScreen } from './run-screen';
import { usePlanChoices } from './use-plan-choices';
import { useAuditRun } from './use-audit-run';

export interface AuditScreenProps {
  readonly account: AccountView;
  readonly onClose: () => void;
}

export function AuditScreen({ account, onClose }: AuditScreenProps) {
  const run = useAuditRun();
  const [choices, setChoices] = usePlanChoices();
  const { phase } = run;

  const start = (allowCertificateFingerprint?: string) => {
    const options = auditOptionsFor(choices ?? DEFAULT_CHOICES, account);
    void run.start(
      { kind: 'account', accountId: account.id },
      allowCertificateFingerprint === undefined ? options : { ...options, allowCertificateFingerprint },
    );
  };
  /** A locked keychain: test everything that needs no password; the login is inspected, not used. */
  const startWithoutSignIn = () => {
    const options = auditOptionsFor(choices ?? DEFAULT_CHOICES, account);
    void run.start({ kind: 'account', accountId: account.id }, { ...options, withoutSignIn: true });
  };
  const startAgain = () => {
    start();
  };

  switch (phase.kind) {
    case 'idle':
      if (choices === null) return <div className="audit" />;
      return (
        <PlanScreen
          account={account}
          choices={choices}
          onChange={setChoices}
          onStart={startAgain}
          onBack={onClose}
        />
      );
    case 'starting':
    case 'running':
      return (
        <RunScreen
          account={account}
          checks={phase.kind === 'running' ? phase.checks : []}
          cancelling={phase.kind === 'running' && phase.cancelling}
          onCancel={() => void run.cancel()}
        />
      );
    case 'finished':
      return (
        <ResultsScreen
          account={account}
          runId={phase.runId}
          report={phase.report}
          notSavedReason={phase.history.status === 'failed' ? phase.history.message : undefined}
          onTestAgain={startAgain}
          onTestWithCertificate={start}
          onBack={onClose}
        />
      );
    case 'failed':
      return (
        <div className="audit">
          <BackToAccounts onBack={onClose} />
          <PageHeading focusOnMount>{strings.audit.run.title(account.label)}</PageHeading>
          <Notice tone="error" role="alert" title={strings.audit.run.failedTitle}>
            <p>{phase.message}</p>
            {phase.code === 'KEYCHAIN_LOCKED' && <p>{strings.audit.run.withoutSignInExplain}</p>}
          </Notice>
          <div className="actions">
            {phase.code === 'KEYCHAIN_LOCKED' && (
              <Button variant="primary" onClick={startWithoutSignIn}>
                {strings.audit.run.withoutSignIn}
              </Button>
            )}
            <Button variant={phase.code === 'KEYCHAIN_LOCKED' ? 'secondary' : 'primary'} onClick={startAgain}>
              {strings.audit.run.retry}
            </Button>
          </div>
        </div>
      );
  }
}
