/**
 * The SASL messages that carry an OAuth access token to a mail server: OAUTHBEARER (RFC 7628) and
 * Google's and Microsoft's older XOAUTH2, both base64 as SMTP (RFC 4954), IMAP and POP3 (RFC 5034) send
 * them; and the error a server returns in a challenge when it refuses the token (RFC 7628 section 3.2.2).
 */

/** Mechanisms that take an access token, best first: OAUTHBEARER is the standard one. */
export const BEARER_MECHANISMS = ['OAUTHBEARER', 'XOAUTH2'] as const;
export type BearerMechanism = (typeof BEARER_MECHANISMS)[number];

/** The first of BEARER_MECHANISMS the server offers (names compared without case), or null. */
export function chooseBearerMechanism(offered: Iterable<string>): BearerMechanism | null {
  const names = new Set([...offered].map((name) => name.toUpperCase()));
  return BEARER_MECHANISMS.find((mechanism) => names.has(mechanism)) ?? null;
}

/** Where the token is sent, for OAUTHBEARER's optional host and port keys (RFC 7628 section 3.1). */
export interface BearerTarget {
  readonly host: string;
  readonly port: number;
}

/** The client's one message of `mechanism`, base64. */
export function bearerInitialResponse(
  mechanism: BearerMechanism,
  username: string,
  token: string,
  target?: BearerTarget,
): string {
  return mechanism === 'OAUTHBEARER'
    ? oauthBearerInitialResponse(username, token, target)
    : xoauth2InitialResponse(username, token);
}

/**
 * RFC 7628 section 3.1: a GS2 header naming the user ("n,a=user,"), then key=value pairs each ended by
 * ^A, and a final ^A. The user name is a GS2 saslname: "," and "=" are escaped (RFC 5801 section 4).
 */
export function oauthBearerInitialResponse(username: string, token: string, target?: BearerTarget): string {
  const saslname = username.replace(/=/g, '=3D').replace(/,/g, '=2C');
  const pairs = [
    ...(target === undefined ? [] : [`host=${target.host}`, `port=${String(target.port)}`]),
    `auth=Bearer ${token}`,
  ];
  return base64(`n,a=${saslname},\u0001${pairs.map((pair) => `${pair}\u0001`).join('')}\u0001`);
}

/** https://developers.google.com/gmail/imap/xoauth2-protocol: "user=U^Aauth=Bearer T^A^A". */
export function xoauth2InitialResponse(username: string, token: string): string {
  return base64(`user=${username}\u0001auth=Bearer ${token}\u0001\u0001`);
}

/**
 * What the client answers a refusal challenge with, so the server can end the exchange with its failure
 * reply: ^A for OAUTHBEARER (RFC 7628 section 3.2.3), an empty line for XOAUTH2 (Google's description).
 */
export function bearerAbortResponse(mechanism: BearerMechanism): string {
  return mechanism === 'OAUTHBEARER' ? base64('\u0001') : '';
}

/** Longest challenge decoded for its error; a server's error JSON is a few dozen bytes. */
const MAX_CHALLENGE_CHARS = 2_048;

/**
 * The `status` of the JSON error in a refusal challenge (RFC 7628 section 3.2.2), e.g. "invalid_token",
 * or null when the challenge is not such a JSON object. Only a known-safe word is returned: the challenge
 * is the server's text, shown to the user.
 */
export function bearerErrorStatus(challengeBase64: string): string | null {
  if (challengeBase64.length > MAX_CHALLENGE_CHARS) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(challengeBase64, 'base64').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const status = (parsed as { status?: unknown }).status;
    return typeof status === 'string' && /^[\w.-]{1,40}$/.test(status) ? status : null;
  } catch {
    return null;
  }
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
