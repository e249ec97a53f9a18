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
import { NoticeableTests } from './noticeable-tests';
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

      <NoticeableTests
        idPrefix="plan"
        choices={choices}
        onChange={onChange}
        canLogIn={login}
        loginReason={text.loginReason}
        noPasswordText={text.noPassword}
      />

      <div className="actions">
        <Button variant="primary" onClick={onStart}>
          {text.start}
        </Button>
      </div>
    </div>
  );
}
