/**
 * Results that cross IPC.
 *
 * Handlers never throw across the bridge: every answer is an Outcome, and a failure carries a stable
 * code the renderer (and the CLI) can branch on plus a sentence a person can act on.
 */

export const ERROR_CODES = [
  /** The payload did not have the right shape or a field failed validation (see `fields`). */
  'INVALID_INPUT',
  /** The request came from a frame that is not Mailwarden's own page. */
  'FORBIDDEN_SENDER',
  /** The channel is not part of the contract. */
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'DUPLICATE',
  /** No OS keychain could be reached (no Secret Service, no D-Bus session, ...). */
  'KEYCHAIN_UNAVAILABLE',
  /** The keychain exists but is locked and the user did not unlock it. */
  'KEYCHAIN_LOCKED',
  /** A data file was unreadable and has been moved aside (see the message for where). */
  'STORAGE_CORRUPT',
  /** A data file was written by a newer Mailwarden; it is left untouched. */
  'STORAGE_TOO_NEW',
  'STORAGE_FAILED',
  'DNS_FAILED',
  /** An OAuth sign-in did not finish: refused, timed out, cancelled or the provider unreachable. */
  'SIGN_IN_FAILED',
  /** The stored OAuth sign-in no longer works (revoked, expired, consent withdrawn): sign in again. */
  'SIGN_IN_AGAIN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A validation message tied to the input field it is about, so a form can show it in place. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface Failure {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fields?: readonly FieldError[];
}

export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Failure };

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failure<T = never>(
  code: ErrorCode,
  message: string,
  fields?: readonly FieldError[],
): Outcome<T> {
  return { ok: false, error: fields === undefined ? { code, message } : { code, message, fields } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
