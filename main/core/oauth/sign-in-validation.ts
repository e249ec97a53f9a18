/**
 * Checks what a person typed for an account's sign-in method: a password, or OAuth with a provider, an
 * issuer URL and a client ID.
 *
 * The issuer is where the endpoints are discovered, so it must be https: (RFC 8414 section 2: "a URL that
 * uses the https scheme and has no query or fragment components"). The client ID is the provider's opaque
 * string: printable ASCII without spaces (RFC 6749 appendix A.1 allows VSCHAR; spaces would break the
 * authorization URL's readers in the wild).
 */
import {
  OAUTH_PROVIDERS,
  type OAuthProviderName,
  type SignInMethod,
  type SignInMethodInput,
} from '../../../preload/contract/accounts';
import { excerpt } from '../../../preload/contract/untrusted-text';
import { PROVIDER_PROFILES } from './oauth-providers';

const ISSUER_MAX_CHARS = 2048;
const CLIENT_ID_MAX_CHARS = 256;
const QUOTE_MAX_CHARS = 60;
const CLIENT_ID_SHAPE = /^[\x21-\x7e]+$/;

export type CheckedSignIn =
  | { readonly ok: true; readonly value: SignInMethod }
  | { readonly ok: false; readonly messages: readonly string[] };

function isProvider(value: string): value is OAuthProviderName {
  return (OAUTH_PROVIDERS as readonly string[]).includes(value);
}

/** An issuer URL as RFC 8414 section 2 defines one, or the reason it is not. */
export function checkIssuer(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const quoted = `"${excerpt(text, QUOTE_MAX_CHARS)}"`;
  if (text.length > ISSUER_MAX_CHARS)
    return { ok: false, message: `Issuer URL is longer than ${String(ISSUER_MAX_CHARS)} characters.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: `Issuer ${quoted} is not a URL; give one such as https://login.example.com.`,
    };
  }
  if (url.protocol !== 'https:')
    return {
      ok: false,
      message: `Issuer ${quoted} must start with https:, so the sign-in cannot be read on the way.`,
    };
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    return { ok: false, message: `Issuer ${quoted} must not carry a query, a fragment or a user name.` };
  // The issuer is compared as a string with the one in the discovery document: keep what was typed,
  // only dropping the slash URL adds to a bare origin.
  return { ok: true, value: text.endsWith('/') && url.pathname === '/' ? text.slice(0, -1) : text };
}

export function checkSignInMethod(input: SignInMethodInput | undefined): CheckedSignIn {
  if (input === undefined || input.method === 'password') return { ok: true, value: { method: 'password' } };
  const messages: string[] = [];
  const provider = input.provider.trim().toLowerCase();
  if (!isProvider(provider)) {
    messages.push(
      `Provider "${excerpt(input.provider, QUOTE_MAX_CHARS)}" is not known; use one of: ${OAUTH_PROVIDERS.join(', ')}.`,
    );
    return { ok: false, messages };
  }
  const given = input.issuer?.trim() ?? '';
  const issuerText = given === '' ? PROVIDER_PROFILES[provider].defaultIssuer : given;
  let issuer: string | null = null;
  if (issuerText === null) {
    messages.push('An OpenID provider needs its issuer URL, such as https://login.example.com/realms/mail.');
  } else {
    const checked = checkIssuer(issuerText);
    if (checked.ok) issuer = checked.value;
    else messages.push(checked.message);
  }
  const clientId = input.clientId.trim();
  if (clientId === '') {
    messages.push(
      `Signing in with ${PROVIDER_PROFILES[provider].displayName} needs the client ID you registered with it ` +
        '(see docs/oauth.md); Mailwarden ships none of its own.',
    );
  } else if (clientId.length > CLIENT_ID_MAX_CHARS || !CLIENT_ID_SHAPE.test(clientId)) {
    messages.push(
      `Client ID must be at most ${String(CLIENT_ID_MAX_CHARS)} printable characters without spaces.`,
    );
  }
  if (messages.length > 0 || issuer === null) return { ok: false, messages };
  return { ok: true, value: { method: 'oauth', provider, issuer, clientId } };
}
