/** Whether the keychain holds this account's password. The password itself is never available here. */
import type { PasswordState } from '../../../preload/contract/accounts';
import { strings } from '../../strings';

export function PasswordBadge({ state }: { readonly state: PasswordState }) {
  return (
    <span className={`badge badge--${state}`} data-password-state={state}>
      <span className="badge__dot" aria-hidden="true" />
      {strings.accounts.passwordBadge[state]}
    </span>
  );
}
