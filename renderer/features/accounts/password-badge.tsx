/**
 * Whether the keychain holds this account's password. The password itself is never available here.
 * When the keychain could not be asked, the badge says why: locked is not the same as missing.
 */
import type { KeychainState, PasswordState } from '../../../preload/contract/accounts';
import { strings } from '../../strings';

export interface PasswordBadgeProps {
  readonly state: PasswordState;
  readonly keychain: KeychainState;
  /** An OAuth account: its keychain entry is the sign-in (the refresh token), not a password. */
  readonly oauth?: boolean;
}

export function PasswordBadge({ state, keychain, oauth = false }: PasswordBadgeProps) {
  const text = oauth ? strings.signIn.badge : strings.accounts.passwordBadge;
  const label = state !== 'unknown' ? text[state] : keychain === 'locked' ? text.locked : text.unknown;
  return (
    <span className={`badge badge--${state}`} data-password-state={state}>
      <span className="badge__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
