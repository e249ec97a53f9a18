/** The CLI's exit codes (documented in the README and in `mailwarden --help`). */
import type { ErrorCode } from '../../preload/contract/outcome';

export const EXIT_OK = 0;
/** `mailwarden audit --fail-on SEVERITY`: the audit ran and found something at or above SEVERITY. */
export const EXIT_FINDINGS = 1;
/** The command line or its input was wrong: fix the command and run it again. */
export const EXIT_USAGE = 2;
/** Mailwarden could not do it: keychain, disk, DNS or an unexpected error. */
export const EXIT_COULD_NOT_RUN = 3;

const USAGE_CODES: ReadonlySet<ErrorCode> = new Set([
  'INVALID_INPUT',
  'NOT_FOUND',
  'DUPLICATE',
  'UNKNOWN_CHANNEL',
]);

export function exitCodeFor(code: ErrorCode): number {
  return USAGE_CODES.has(code) ? EXIT_USAGE : EXIT_COULD_NOT_RUN;
}
