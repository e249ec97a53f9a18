/** Whether two descriptions name the same server, for main, the CLI and the renderer alike. */

/** A saved account's server, or the one a stored run tested (its security as recorded). */
export interface ServerOf {
  readonly host: string;
  readonly port: number;
  readonly security: string;
}

/**
 * True when `after` points at another server than `before`: another host (names compared without
 * case, RFC 4343), port or security mode. Runs of `before` then tested another server.
 */
export function serverChanged(before: ServerOf, after: ServerOf): boolean {
  return (
    before.host.toLowerCase() !== after.host.toLowerCase() ||
    before.port !== after.port ||
    before.security !== after.security
  );
}
