/**
 * Keychain keys: an account's (sending) password under its id, an incoming server's own password under
 * the same service with its own key, `<id>/incoming`, an OAuth account's refresh token under
 * `<id>/oauth`, and the client secret of its OAuth client, when the provider wants one, under
 * `<id>/oauth-client`. Account ids never contain "/".
 */
const INCOMING_SUFFIX = '/incoming';
const OAUTH_SUFFIX = '/oauth';
const OAUTH_CLIENT_SUFFIX = '/oauth-client';
const SUFFIXES = [INCOMING_SUFFIX, OAUTH_SUFFIX, OAUTH_CLIENT_SUFFIX] as const;

export function incomingSecretKey(accountId: string): string {
  return `${accountId}${INCOMING_SUFFIX}`;
}

/** Where an account that signs in with OAuth keeps its refresh token, and nothing else. */
export function oauthSecretKey(accountId: string): string {
  return `${accountId}${OAUTH_SUFFIX}`;
}

/**
 * Where an OAuth account keeps its client's secret (Google's "Desktop app" clients need one at the token
 * endpoint): in the keychain, never in the accounts file.
 */
export function oauthClientSecretKey(accountId: string): string {
  return `${accountId}${OAUTH_CLIENT_SUFFIX}`;
}

/** The account a keychain key belongs to: the id itself, or the id before `/incoming`, `/oauth` or `/oauth-client`. */
export function accountIdOfSecretKey(key: string): string {
  const suffix = SUFFIXES.find((candidate) => key.endsWith(candidate));
  return suffix === undefined ? key : key.slice(0, -suffix.length);
}
