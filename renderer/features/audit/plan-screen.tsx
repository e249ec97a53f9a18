/**
 * "What will be tested": the plan in plain words, a switch for each test an admin might notice, and Start.
 *
 * The switches default to on (the complete picture); each says in one line why it might be noticed, so
 * the person decides knowingly.
 */
import type { AccountView } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { PageHeading } from '../../components/page-heading';
import { strings } from '../../strings';
import { canLogIn, type PlanChoices } from './audit-model';
import { BackToAccounts } from './back-to-accounts';
import { Switch } from './switch';
import { WhatWillBeTested } from './what-will-be-tested';

export interface PlanScreenProps {
  readonly account: AccountView;
  readonly choices: PlanChoices;
  readonly onChange: (choices: PlanChoices) => void;
  readonly onStart: () => void;
  readonly onBack: () => void;
}

export function PlanScreen({ account, choices, onChange, onStart, onBack }: PlanScreenProps) {
  const text = strings.audit.plan;
  const login = canLogIn(account);
  return (
    <div className="audit">
      <BackToAccounts onBack={onBack} />
      <PageHeading focusOnMount>{text.title(account.label)}</PageHeading>
      <p className="lead">{text.lead(account.host, account.port, account.domain)}</p>

      <WhatWillBeTested headingId="plan-what" />

      <section className="audit__section notice-tests" aria-labelledby="plan-notice">
        <h2 id="plan-notice" className="section-title">
          {text.noticeTitle}
        </h2>
        <p className="notice-tests__lead">{text.noticeLead}</p>
        <div className="switch-list">
          <Switch
            id="plan-relay"
            label={text.relay}
            reason={text.relayReason}
            checked={choices.relayTest && (!login || choices.login)}
            disabled={login && !choices.login}
            note={login && !choices.login ? text.loginOffNote : undefined}
            onChange={(relayTest) => {
              onChange({ ...choices, relayTest });
            }}
          />
          {login ? (
            <Switch
              id="plan-login"
              label={text.login}
              reason={text.loginReason}
              checked={choices.login}
              onChange={(on) => {
                onChange({ ...choices, login: on });
              }}
            />
          ) : (
            <div className="switch-row switch-row--static">
              <div className="switch-row__text">
                <p className="switch-row__label">{text.noPasswordTitle}</p>
                <p className="switch-row__reason">{text.noPassword}</p>
              </div>
            </div>
          )}
        </div>
      </section>

      <div className="actions">
        <Button variant="primary" onClick={onStart}>
          {text.start}
        </Button>
      </div>
    </div>
  );
}
