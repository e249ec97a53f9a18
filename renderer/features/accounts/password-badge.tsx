/**
 * Whether the keychain holds this account's password. The password itself is never available here.
 * When the keychain could not be asked, the badge says why: locked is not the same as missing.
 */
import type { KeychainState, PasswordState } from '../../../preload/contract/accounts';
import { strings } from '../../strings';

export interface PasswordBadgeProps {
  readonly state: PasswordState;
  readonly keychain: KeychainState;
}

export function PasswordBadge({ state, keychain }: PasswordBadgeProps) {
  const text = strings.accounts.passwordBadge;
  const label = state !== 'unknown' ? text[state] : keychain === 'locked' ? text.locked : text.unknown;
  return (
    <span className={`badge badge--${state}`} data-password-state={state}>
      <span className="badge__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
