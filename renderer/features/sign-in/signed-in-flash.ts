/**
 * What the list says once an OAuth account is signed in. Signed in at the provider as another mailbox,
 * "signed in" alone would be untrue for what the tests then prove (they log in to that other mailbox):
 * the flash is a warning instead, saying who it is signed in as and what to do, in the words the
 * account facts use.
 */
import { signedInElsewhere, type AccountView } from '../../../preload/contract/accounts';
import type { FlashWarning } from '../../lib/flash-warning';
import { strings } from '../../strings';

/** A plain confirmation, or (signed in as another mailbox) a warning that says it all. */
export type SignedInFlash =
  | { readonly message: string; readonly warning?: undefined }
  | { readonly message: null; readonly warning: FlashWarning };

/**
 * `confirmation`: what is said when the account signed in as itself; `signedInAs`: the same news naming
 * the other mailbox it signed in as.
 */
export function signedInFlash(
  account: AccountView,
  confirmation: string,
  signedInAs: (address: string) => string,
): SignedInFlash {
  const other = signedInElsewhere(account);
  if (other === null) return { message: confirmation };
  return {
    message: null,
    warning: { title: signedInAs(other), paragraphs: [strings.signIn.otherMailbox(account.email)] },
  };
}
