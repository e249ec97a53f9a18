/**
 * Why an OAuth sign-in or token refresh did not work, as a stable reason and a sentence a person can act
 * on. Messages never contain a token, a code or a verifier; the provider's own error text is hostile
 * input and is only quoted as a short, printable excerpt.
 */
import { excerpt } from '../../../preload/contract/untrusted-text';
import { MailwardenError } from '../errors/mailwarden-error';

export type OAuthFailureReason =
  /** The person did not finish in the browser before the deadline. */
  | 'timeout'
  /** The person (or the program) cancelled. */
  | 'cancelled'
  /** The provider answered the redirect with an error, such as access_denied. */
  | 'refused'
  /** The redirect's `state` was not the one this sign-in sent (RFC 6749 section 10.12). */
  | 'state-mismatch'
  /** Discovery, the token endpoint or revocation could not be reached or answered nonsense. */
  | 'unreachable'
  /** The token endpoint did not return a refresh token. */
  | 'no-refresh-token'
  /** The provider offers no device authorization grant (RFC 8628), and the person asked for it. */
  | 'device-not-offered'
  /** invalid_grant on refresh, or no refresh token stored: the person must sign in again. */
  | 'sign-in-again';

const PROVIDER_TEXT_MAX_CHARS = 200;

export class OAuthError extends MailwardenError {
  constructor(
    readonly reason: OAuthFailureReason,
    message: string,
  ) {
    super(reason === 'sign-in-again' ? 'SIGN_IN_AGAIN' : 'SIGN_IN_FAILED', message);
  }
}

/** A provider's `error` / `error_description` as a short, printable quotation. */
export function providerSaid(error: string, description: string | undefined): string {
  const code = excerpt(error, PROVIDER_TEXT_MAX_CHARS);
  if (description === undefined || description.trim() === '') return code;
  return `${code}: ${excerpt(description, PROVIDER_TEXT_MAX_CHARS)}`;
}
