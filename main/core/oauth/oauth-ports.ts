/**
 * What the OAuth core needs from the outside world: HTTPS requests to the provider, and a one-shot
 * listener for the browser's redirect on the loopback interface. Both are adapters (main/adapters/oauth).
 */
import type { CustomFetch } from 'openid-client';

/**
 * A Fetch-compatible function for the provider's endpoints (discovery, token, revocation): https only,
 * certificates verified, a deadline and a byte cap on every exchange, redirects never followed.
 */
export type ProviderFetch = CustomFetch;

/** One listener, waiting for exactly one redirect. */
export interface LoopbackRedirect {
  /** `http://127.0.0.1:PORT/` (RFC 8252 section 7.3), to send as redirect_uri. */
  readonly redirectUri: string;
  /**
   * The full URL of the first request to `/`, after which the listener closes. Rejects with the
   * signal's reason when it aborts (deadline or cancel); the listener is closed then too.
   */
  next(signal: AbortSignal): Promise<URL>;
  /** Closes the listener if it is still open; safe to call twice. */
  close(): void;
}

export interface LoopbackRedirectListener {
  /** Binds an ephemeral port on 127.0.0.1 only. */
  open(): Promise<LoopbackRedirect>;
}

/** Shows the authorization URL to the person: the system browser, or a line of the CLI's output. */
export type AuthorizationUrlOpener = (url: string) => Promise<void>;
