/**
 * Keychain keys: an account's (sending) password under its id, an incoming server's own password under
 * the same service with its own key, `<id>/incoming`, and an OAuth account's refresh token under
 * `<id>/oauth`. Account ids never contain "/".
 */
const INCOMING_SUFFIX = '/incoming';
const OAUTH_SUFFIX = '/oauth';
const SUFFIXES = [INCOMING_SUFFIX, OAUTH_SUFFIX] as const;

export function incomingSecretKey(accountId: string): string {
  return `${accountId}${INCOMING_SUFFIX}`;
}

/** Where an account that signs in with OAuth keeps its refresh token, and nothing else. */
export function oauthSecretKey(accountId: string): string {
  return `${accountId}${OAUTH_SUFFIX}`;
}

/** The account a keychain key belongs to: the id itself, or the id before `/incoming` or `/oauth`. */
export function accountIdOfSecretKey(key: string): string {
  const suffix = SUFFIXES.find((candidate) => key.endsWith(candidate));
  return suffix === undefined ? key : key.slice(0, -suffix.length);
}
