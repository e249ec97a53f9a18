/** App settings shared by the CLI and the desktop app (stored in the data directory). */

export interface Settings {
  /** `host:port` of the DNS resolver every lookup uses; null means the system's resolver. */
  readonly dnsServer: string | null;
}

export const DEFAULT_SETTINGS: Settings = { dnsServer: null };
