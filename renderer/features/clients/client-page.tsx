/**
 * A client as a place: its accounts with their last grade, the last client run's summary, every
 * client run (each reopens as the client report it made), Test all and Rename.
 *
 * What the page shows is one value: the overview, or one stored client run reopened.
 */
import { useState } from 'react';
import type { AccountRunDigest } from '../../../preload/contract/account-desk';
import type { AccountView } from '../../../preload/contract/accounts';
import { worstGrade, type ClientRun } from '../../../preload/contract/clients';
import { Button } from '../../components/button';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { strings } from '../../strings';
import { LastRunSummary } from '../accounts/last-run-summary';
import { BackToAccounts } from '../audit/back-to-accounts';
import { ClientRenameForm } from './client-rename-form';
import { StoredClientRunView } from './stored-client-run-view';
import { useClientRuns } from './use-client-runs';

export interface ClientPageProps {
  readonly client: string;
  /** The client's accounts, in desk order. */
  readonly accounts: readonly AccountView[];
  readonly lastRuns: { readonly [accountId: string]: AccountRunDigest };
  readonly focusOnMount: boolean;
  readonly onBack: () => void;
  readonly onTestAll: () => void;
  readonly onTest: (account: AccountView) => void;
  readonly onHistory: (account: AccountView) => void;
  readonly onRenamed: (name: string, accounts: number) => void;
}

type View =
  | { readonly kind: 'overview'; readonly renaming: boolean }
  | { readonly kind: 'run'; readonly run: ClientRun };

export function ClientPage(props: ClientPageProps) {
  const { client, accounts, focusOnMount } = props;
  const text = strings.clientPage;
  const runs = useClientRuns(client);
  const [view, setView] = useState<View>({ kind: 'overview', renaming: false });

  if (view.kind === 'run')
    return (
      <StoredClientRunView
        run={view.run}
        accounts={accounts}
        onBack={() => {
          setView({ kind: 'overview', renaming: false });
        }}
      />
    );

  const open = (run: ClientRun) => {
    setView({ kind: 'run', run });
  };
  const last = runs.kind === 'loaded' ? (runs.listing.runs[0] ?? null) : null;

  return (
    <div className="client-page">
      <BackToAccounts onBack={props.onBack} />
      <div className="page-head page-head--compact">
        <div>
          <PageHeading focusOnMount={focusOnMount}>{client}</PageHeading>
          <p className="page-head__meta">{text.meta(accounts.length)}</p>
        </div>
        <div className="actions actions--compact">
          <Button variant="primary" onClick={props.onTestAll}>
            {strings.clients.testAll(accounts.length)}
          </Button>
          <Button
            aria-expanded={view.renaming}
            onClick={() => {
              setView({ kind: 'overview', renaming: !view.renaming });
            }}
          >
            {text.rename.open}
          </Button>
        </div>
      </div>
      {view.renaming && (
        <ClientRenameForm
          client={client}
          onRenamed={props.onRenamed}
          onCancel={() => {
            setView({ kind: 'overview', renaming: false });
          }}
        />
      )}

      <section className="audit__section" aria-labelledby="client-last-title">
        <h2 id="client-last-title" className="section-title">
          {text.lastTitle}
        </h2>
        {runs.kind === 'loading' && <LiveStatus message={text.loading} />}
        {runs.kind === 'failed' && (
          <Notice tone="error" role="alert">
            <p>{runs.message}</p>
          </Notice>
        )}
        {runs.kind === 'loaded' &&
          runs.listing.warnings.map((warning) => (
            <Notice tone="warning" key={warning}>
              <p>{warning}</p>
            </Notice>
          ))}
        {runs.kind === 'loaded' &&
          (last === null ? (
            <p className="muted">{text.noRuns}</p>
          ) : (
            <LastClientRun run={last} onOpen={open} />
          ))}
      </section>

      <section className="audit__section" aria-labelledby="client-page-accounts-title">
        <h2 id="client-page-accounts-title" className="section-title">
          {text.accountsTitle}
        </h2>
        <ul className="account-list client-page__accounts">
          {accounts.map((account) => (
            <li
              className="account-row"
              key={account.id}
              data-account-id={account.id}
              aria-labelledby={`client-account-${account.id}`}
            >
              <div className="account-row__main">
                <div className="account-row__who">
                  <h3 className="account-row__title" id={`client-account-${account.id}`}>
                    {account.label}
                  </h3>
                  <p className="account-row__email">{account.email}</p>
                </div>
                <LastRunSummary digest={props.lastRuns[account.id]} />
                <div className="actions actions--compact account-row__actions">
                  <Button
                    aria-label={text.testLabel(account.label)}
                    onClick={() => {
                      props.onTest(account);
                    }}
                  >
                    {strings.desk.test}
                  </Button>
                  <Button
                    aria-label={text.historyLabel(account.label)}
                    onClick={() => {
                      props.onHistory(account);
                    }}
                  >
                    {strings.history.open}
                  </Button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>

      {runs.kind === 'loaded' && runs.listing.runs.length > 0 && (
        <section className="audit__section" aria-labelledby="client-runs-title">
          <h2 id="client-runs-title" className="section-title">
            {text.runsTitle(runs.listing.runs.length)}
          </h2>
          <ol className="client-runs">
            {runs.listing.runs.map((run) => (
              <ClientRunLine key={run.id} run={run} onOpen={open} />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

/** To the minute, as the desk dates a run: a list line has room for a date, not for seconds. */
function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function tested(run: ClientRun): number {
  return run.accounts.filter((account) => account.runId !== null).length;
}

function problems(run: ClientRun): number {
  return run.accounts.reduce((sum, account) => sum + account.problems, 0);
}

function GradeBadge({ run }: { readonly run: ClientRun }) {
  const grade = worstGrade(run);
  return (
    <p
      className={`run-row__grade${grade === null ? ' run-row__grade--none' : ` grade--${grade}`}`}
      data-grade={grade ?? ''}
    >
      {grade === null ? strings.clients.summary.noGrade : strings.clientPage.worstGrade(grade)}
    </p>
  );
}

/** The newest client run, summed up: when, how many accounts were tested, the worst grade and problems. */
function LastClientRun({
  run,
  onOpen,
}: {
  readonly run: ClientRun;
  readonly onOpen: (run: ClientRun) => void;
}) {
  const text = strings.clientPage;
  const when = formatWhen(run.startedAt);
  const notRun = run.accounts.filter((account) => account.runId === null);
  return (
    <div className="client-last" data-client-run-id={run.id}>
      <div className="client-last__what">
        <p className="client-last__when">
          <time dateTime={run.startedAt}>{when}</time>
        </p>
        <p>{text.testedOf(tested(run), run.accounts.length)}</p>
        <p>{text.problems(problems(run))}</p>
        {notRun.length > 0 && <p className="muted">{text.notRun(notRun.map((account) => account.label))}</p>}
      </div>
      <GradeBadge run={run} />
      <Button
        aria-label={text.openLabel(when)}
        onClick={() => {
          onOpen(run);
        }}
      >
        {text.open}
      </Button>
    </div>
  );
}

function ClientRunLine({
  run,
  onOpen,
}: {
  readonly run: ClientRun;
  readonly onOpen: (run: ClientRun) => void;
}) {
  const text = strings.clientPage;
  const when = formatWhen(run.startedAt);
  return (
    <li className="run-row" data-client-run-id={run.id}>
      <div className="run-row__main">
        <div className="run-row__what">
          <p className="run-row__when">
            <time dateTime={run.startedAt}>{when}</time>
          </p>
          <p className="muted">
            {text.testedOf(tested(run), run.accounts.length)} · {text.problems(problems(run))}
          </p>
        </div>
        <GradeBadge run={run} />
        <div className="actions actions--compact run-row__actions">
          <Button
            aria-label={text.openLabel(when)}
            onClick={() => {
              onOpen(run);
            }}
          >
            {text.open}
          </Button>
        </div>
      </div>
    </li>
  );
}
