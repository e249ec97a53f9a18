/**
 * How an account is set up (server, security, sign-in name, how it signs in and whether the keychain
 * holds its password or OAuth sign-in, and the address it signed in to, with a warning when that is
 * another mailbox than the account's), shown under the row's More.
 */
import { signedInElsewhere, type AccountView, type KeychainState } from '../../../preload/contract/accounts';
import { strings } from '../../strings';
import { PasswordBadge } from './password-badge';

export interface AccountFactsProps {
  readonly account: AccountView;
  readonly keychain: KeychainState;
}

export function AccountFacts({ account, keychain }: AccountFactsProps) {
  const text = strings.accounts;
  const signedInAs = account.signIn?.method === 'oauth' ? account.signIn.signedInAs : undefined;
  const elsewhere = signedInElsewhere(account);
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
        <dt>{strings.signIn.methodFact}</dt>
        <dd data-sign-in-method={account.signIn?.method ?? 'password'}>
          {account.signIn?.method === 'oauth'
            ? strings.signIn.method(account.signIn.provider)
            : strings.accounts.password}
        </dd>
      </div>
      <div>
        <dt>{account.signIn?.method === 'oauth' ? strings.signIn.keychainFact : text.password}</dt>
        <dd>
          <PasswordBadge
            state={account.hasPassword}
            keychain={keychain}
            oauth={account.signIn?.method === 'oauth'}
          />
        </dd>
      </div>
      {signedInAs === undefined ? null : (
        <div>
          <dt>{strings.signIn.signedInAsFact}</dt>
          <dd data-signed-in-as={elsewhere === null ? 'this-account' : 'another-mailbox'}>
            {signedInAs}
            {elsewhere === null ? null : (
              <p className="text-warning">{strings.signIn.otherMailbox(account.email)}</p>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}
