/**
 * Keychain keys: an account's (sending) password under its id, and an incoming server's own password
 * under the same service with its own key, `<id>/incoming`. Account ids never contain "/".
 */
const INCOMING_SUFFIX = '/incoming';

export function incomingSecretKey(accountId: string): string {
  return `${accountId}${INCOMING_SUFFIX}`;
}

/** The account a keychain key belongs to: the id itself, or the id before `/incoming`. */
export function accountIdOfSecretKey(key: string): string {
  return key.endsWith(INCOMING_SUFFIX) ? key.slice(0, -INCOMING_SUFFIX.length) : key;
}
