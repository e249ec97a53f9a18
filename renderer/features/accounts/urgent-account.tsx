/** The account that most needs a look, named above the desk: one click from the start screen. */
import type { AccountRunDigest } from '../../../preload/contract/account-desk';
import type { AccountView } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { strings } from '../../strings';

export interface UrgentAccountProps {
  readonly account: AccountView;
  readonly digest: AccountRunDigest | undefined;
  /** Opens the account's history, where its last run is. */
  readonly onOpen: (account: AccountView) => void;
}

export function UrgentAccount({ account, digest, onOpen }: UrgentAccountProps) {
  const text = strings.desk;
  const grade = digest?.last.overall?.grade ?? null;
  const worst = digest?.last.worst ?? null;
  return (
    <div className="urgent" role="group" aria-labelledby="urgent-title">
      <span className="urgent__title" id="urgent-title">
        {text.urgentTitle}
      </span>
      <Button
        variant="quiet"
        title={text.urgent(account.label)}
        onClick={() => {
          onOpen(account);
        }}
      >
        {account.label}
      </Button>
      <span className="urgent__what">
        {grade === null ? text.noGrade : text.grade(grade)}
        {worst !== null && ` · ${strings.audit.severity[worst.severity]}: ${worst.title}`}
      </span>
    </div>
  );
}
