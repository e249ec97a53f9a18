/**
 * The HttpsFetcher port: one HTTPS GET with hard limits, for the MTA-STS policy (RFC 8461 section 3.3).
 *
 * Kept beside the MTA-STS check rather than in ports.ts while several areas are being written at once;
 * main/adapters/https-fetcher.ts implements it with node:https. Outcomes are data, never exceptions.
 */

/** What the fetch is for: it decides the User-Agent and Accept headers, so a server's log says why we came. */
export type HttpsFetchPurpose = 'mta-sts-policy' | 'autoconfig';

export interface HttpsFetchRequest {
  /** An https:// URL. */
  readonly url: string;
  /** A body longer than this is not read (RFC 8461 section 3.2 suggests 64 KB for policies). */
  readonly maxBytes: number;
  /** Deadline for the whole exchange: lookup, connect, TLS, headers and body. */
  readonly timeoutMs: number;
  /** An MTA-STS policy when not given. */
  readonly purpose?: HttpsFetchPurpose;
}

export type HttpsFetchFailureCode =
  | 'BAD_URL'
  /** The host name did not resolve through the user's resolver. */
  | 'DNS'
  | 'CONNECT'
  /** The certificate did not verify (untrusted, expired, wrong name). */
  | 'CERTIFICATE'
  | 'TLS'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'PROTOCOL';

/** Any HTTP answer is `ok` (redirects and errors included): what a status means is the caller's business. */
export type HttpsFetchResult =
  | {
      readonly ok: true;
      readonly status: number;
      /** The Content-Type header as sent, or null. */
      readonly contentType: string | null;
      /** The Location header of a redirect, or null; never followed. */
      readonly location: string | null;
      readonly body: string;
      /** The IP address connected to. */
      readonly address: string;
    }
  | { readonly ok: false; readonly code: HttpsFetchFailureCode; readonly message: string };

export interface HttpsFetcher {
  fetchText(request: HttpsFetchRequest): Promise<HttpsFetchResult>;
}
