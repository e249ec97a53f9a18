/** App settings shared by the CLI and the desktop app (stored in the data directory). */

/**
 * How long Mailwarden waits, in words a non-expert can set.
 *
 * `serverWaitSeconds` scales every SMTP step's timeout (connect, greeting, each reply, the TLS handshake)
 * so that the default, 15, gives exactly the built-in limits; `auditLimitSeconds` caps the whole audit.
 */
export interface AuditTimeouts {
  /** How long to wait for a server's answer, in seconds (the greeting and each reply wait this long). */
  readonly serverWaitSeconds: number;
  /** How long a whole audit may take, in seconds, before the checks still running are stopped. */
  readonly auditLimitSeconds: number;
}

/**
 * The bounds of each timeout, in seconds, inclusive; the app's inputs and main's checks use the same.
 * A wait stays under the 30-second deadline each server check has, so a slow greeting is still told
 * apart from a check that ran out of time.
 */
export const TIMEOUT_BOUNDS = {
  serverWaitSeconds: { min: 2, max: 25 },
  auditLimitSeconds: { min: 10, max: 600 },
} as const;

export const DEFAULT_TIMEOUTS: AuditTimeouts = { serverWaitSeconds: 15, auditLimitSeconds: 120 };

/** The plan screen's switches, as the app starts them for every audit. */
export interface DefaultTests {
  /** The open-relay and spoofing tests, which a server's admin may notice. */
  readonly relayTest: boolean;
  /** A real login with the stored password. */
  readonly login: boolean;
}

export const DEFAULT_TESTS: DefaultTests = { relayTest: true, login: true };

export interface Settings {
  /** `host:port` of the DNS resolver every lookup uses; null means the system's resolver. */
  readonly dnsServer: string | null;
  /**
   * PEM text of CA certificates trusted in addition to the system's (a company's private CA); null for
   * none. Only certificates: never a private key.
   */
  readonly extraCaPem: string | null;
  readonly timeouts: AuditTimeouts;
  readonly defaultTests: DefaultTests;
}

export const DEFAULT_SETTINGS: Settings = {
  dnsServer: null,
  extraCaPem: null,
  timeouts: DEFAULT_TIMEOUTS,
  defaultTests: DEFAULT_TESTS,
};

/** A change to some settings; the fields left out keep their saved values. */
export type SettingsChange = { readonly [K in keyof Settings]?: Settings[K] | undefined };

/** What the user trusts when they trust one certificate of `extraCaPem`. */
export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  /** ISO 8601. */
  readonly validFrom: string;
  /** ISO 8601. */
  readonly validTo: string;
  /** SHA-256 of the DER certificate, as colon-separated hex pairs (what browsers show). */
  readonly fingerprintSha256: string;
  /** Accepted, but worth telling the user (the app words them). */
  readonly warnings: readonly CertificateWarning[];
}

/** Why a certificate the user chose to trust may not do what they expect. */
export type CertificateWarning = 'not-a-ca' | 'expired' | 'not-yet-valid';

/** What Settings shows: the settings, what the trusted CA text holds, and problems loading the file. */
export interface SettingsView {
  readonly settings: Settings;
  readonly certificates: readonly CertificateSummary[];
  /** Sentences for the user, e.g. that an unreadable settings file was moved aside. */
  readonly warnings: readonly string[];
}
