/**
 * The core's port to a real IMAP login (the imapflow adapter), and the outcomes it reports as data.
 *
 * The adapter must only ever send the password (or token) over TLS whose chain and name verified (RFC 8314 section
 * 4.1), and then read counts only: it opens INBOX read-only (EXAMINE, RFC 9051 section 6.3.3, the
 * read-only SELECT) and fetches no message.
 */

/**
 * What the login proves: the password, or an OAuth access token for the account's stored sign-in, sent
 * with SASL OAUTHBEARER (RFC 7628) where the server offers it, else XOAUTH2.
 */
export type IncomingSecret =
  | { readonly kind: 'password'; readonly password: string }
  | { readonly kind: 'access-token'; readonly token: string };

export interface IncomingLoginRequest {
  /** SNI and the certificate's name. */
  readonly host: string;
  /** Where to connect: resolved by the core through the user's resolver. */
  readonly address: string;
  readonly port: number;
  readonly security: 'implicit-tls' | 'starttls';
  readonly username: string;
  readonly secret: IncomingSecret;
  readonly extraCaPem?: string;
  /** The whole login, connect to logout. */
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

export type IncomingLoginOutcome =
  | { readonly kind: 'accepted'; readonly messages: number }
  | { readonly kind: 'mailbox-unavailable'; readonly reply: string }
  | { readonly kind: 'rejected'; readonly reply: string }
  /** The password was not sent: the TLS did not verify (or could not be set up). */
  | { readonly kind: 'tls-unverified'; readonly message: string }
  | { readonly kind: 'failure'; readonly message: string };

export interface IncomingLoginPort {
  login(request: IncomingLoginRequest): Promise<IncomingLoginOutcome>;
}
