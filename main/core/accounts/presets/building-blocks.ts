/**
 * Small builders shared by the preset data files, so each preset reads as data.
 *
 * Confidence follows the marks in shared/reference/providers.md: ✔ -> 'documented', ◐ -> 'secondary',
 * "(unconfirmed)" -> 'unconfirmed'.
 */
import type { SecurityMode } from '../../../../preload/contract/accounts';
import {
  UNCONFIRMED_MARK,
  type Confidence,
  type SubmissionEndpoint,
} from '../../../../preload/contract/providers';

/** RFC 8314 section 7.3: "submissions", message submission over implicit TLS. */
export const SUBMISSIONS_PORT = 465;
/** RFC 6409 section 3.1: message submission, upgraded with STARTTLS (RFC 3207). */
export const SUBMISSION_PORT = 587;
/** An alternative submission port several sending services offer where 587 is blocked. */
export const ALT_SUBMISSION_PORT = 2525;

/**
 * Appended to a quirk whose fact the reference could not confirm, so the UI and CLI show it as such.
 *
 * Endpoints carry their own `confidence`; quirks are sentences, so the mark travels in the text.
 */
export { UNCONFIRMED_MARK };

/** Marks a quirk sentence as resting on an unconfirmed fact. */
export function unconfirmed(sentence: string): string {
  return `${sentence} ${UNCONFIRMED_MARK}`;
}

/** One endpoint; `label` is left out, not set to undefined (exactOptionalPropertyTypes). */
export function endpoint(
  host: string,
  port: number,
  security: SecurityMode,
  confidence: Confidence,
  label?: string,
): SubmissionEndpoint {
  return label === undefined
    ? { host, port, security, confidence }
    : { host, port, security, confidence, label };
}

/**
 * The usual pair: implicit TLS on 465 first, STARTTLS on 587 second.
 *
 * Implicit TLS comes first because RFC 8314 section 3.3 prefers it: nothing is said in clear text.
 */
export function implicitThenStarttls(
  host: string,
  confidence465: Confidence,
  confidence587: Confidence,
  label?: string,
): SubmissionEndpoint[] {
  return [
    endpoint(host, SUBMISSIONS_PORT, 'tls', confidence465, label),
    endpoint(host, SUBMISSION_PORT, 'starttls', confidence587, label),
  ];
}
