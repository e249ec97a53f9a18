/**
 * "Test all accounts of <client>": the accounts that will be tested, the plan in plain words, the same
 * two switches as the single-account plan (applied to every account), and Start.
 */
import type { AccountView } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { PageHeading } from '../../components/page-heading';
import { strings } from '../../strings';
import { canLogIn, type PlanChoices } from '../audit/audit-model';
import { BackToAccounts } from '../audit/back-to-accounts';
import { NoticeableTests } from '../audit/noticeable-tests';
import { WhatWillBeTested } from '../audit/what-will-be-tested';

export interface ClientPlanProps {
  readonly client: string;
  readonly accounts: readonly AccountView[];
  readonly choices: PlanChoices;
  readonly onChange: (choices: PlanChoices) => void;
  readonly onStart: () => void;
  readonly onBack: () => void;
  /** The way back, when not to the account list (the client's page). */
  readonly backLabel?: string | undefined;
}

/** What the switches show is what runs: with the login off, no account runs the relay test either. */
export function effectiveChoices(choices: PlanChoices, accounts: readonly AccountView[]): PlanChoices {
  const anyLogin = accounts.some(canLogIn);
  return { ...choices, relayTest: choices.relayTest && (!anyLogin || choices.login) };
}

export function ClientPlan({
  client,
  accounts,
  choices,
  onChange,
  onStart,
  onBack,
  backLabel,
}: ClientPlanProps) {
  const text = strings.clients.plan;
  // The login switch matters only for accounts with a stored password; the others never sign in.
  const anyLogin = accounts.some(canLogIn);
  return (
    <div className="audit client-plan">
      <BackToAccounts onBack={onBack} label={backLabel} />
      <PageHeading focusOnMount>{text.title(client)}</PageHeading>
      <p className="lead">{text.lead(accounts.length)}</p>

      <section className="audit__section" aria-labelledby="client-plan-accounts">
        <h2 id="client-plan-accounts" className="section-title">
          {text.accountsTitle}
        </h2>
        <ul className="client-plan__accounts">
          {accounts.map((account) => (
            <li className="client-plan__account" key={account.id}>
              <span className="client-plan__label">{account.label}</span>
              <span className="client-plan__server">
                {strings.accounts.hostPort(account.host, account.port)}
              </span>
              <span
                className={`client-plan__login${canLogIn(account) ? '' : ' client-plan__login--skipped'}`}
              >
                {canLogIn(account)
                  ? choices.login
                    ? text.loginWithPassword
                    : text.loginOff
                  : text.loginSkipped}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <WhatWillBeTested headingId="client-plan-what" />

      <NoticeableTests
        idPrefix="client-plan"
        choices={choices}
        onChange={onChange}
        canLogIn={anyLogin}
        loginReason={text.loginReason}
        noPasswordText={text.noPasswordAtAll}
      />

      <div className="actions">
        <Button variant="primary" onClick={onStart}>
          {text.start(accounts.length)}
        </Button>
      </div>
    </div>
  );
}
