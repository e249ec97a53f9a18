/**
 * The one error type the core throws on purpose.
 *
 * It carries a stable code from the IPC contract, so main/ipc and the CLI turn it into an Outcome or an
 * exit code without parsing text. Messages are written for the person using Mailwarden and must never
 * contain a secret.
 */
import type { ErrorCode, Failure, FieldError } from '../../../preload/contract/outcome';
import { SecretStoreError } from '../ports';

export class MailwardenError extends Error {
  override readonly name = 'MailwardenError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: readonly FieldError[],
  ) {
    super(message);
  }
}

const UNEXPECTED_MESSAGE =
  'Something unexpected went wrong inside Mailwarden. Nothing was changed; please try again.';

/**
 * Turns anything thrown into a Failure a person can read.
 *
 * Only errors we raised ourselves keep their message: the text of an unexpected error (a library's,
 * the OS's) may echo input, so it is replaced by a generic sentence and left for the log.
 */
export function toFailure(error: unknown): Failure {
  if (error instanceof MailwardenError) {
    return error.fields === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, fields: error.fields };
  }
  if (error instanceof SecretStoreError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: UNEXPECTED_MESSAGE };
}
