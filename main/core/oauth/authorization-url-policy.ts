/**
 * Which URLs Mailwarden hands to the system browser: https: only (an authorization page over http:
 * could be read or changed on the way), with no user name or password in the URL.
 */
export function isOpenableAuthorizationUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '';
}
