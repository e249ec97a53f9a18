/** How an account is set up (server, security, sign-in name, password), shown under the row's More. */
import type { AccountView, KeychainState } from '../../../preload/contract/accounts';
import { strings } from '../../strings';
import { PasswordBadge } from './password-badge';

export interface AccountFactsProps {
  readonly account: AccountView;
  readonly keychain: KeychainState;
}

export function AccountFacts({ account, keychain }: AccountFactsProps) {
  const text = strings.accounts;
  return (
    <dl className="account-facts">
      <div>
        <dt>{text.server}</dt>
        <dd className="mono">{text.hostPort(account.host, account.port)}</dd>
      </div>
      <div>
        <dt>{text.security}</dt>
        <dd className={account.security === 'none' ? 'text-warning' : undefined}>
          {strings.security.short[account.security]}
        </dd>
      </div>
      <div>
        <dt>{text.username}</dt>
        <dd>{account.username}</dd>
      </div>
      <div>
        <dt>{text.password}</dt>
        <dd>
          <PasswordBadge state={account.hasPassword} keychain={keychain} />
        </dd>
      </div>
    </dl>
  );
}
