/**
 * Catalogue findings no integration test produces, each with the reason. The coverage check at the end of
 * a full integration run (catalogue-coverage.ts) fails for any other finding no test produced, and for an
 * id listed here that a test did produce: both lists only shrink.
 *
 * Found by full runs of test/integration (2026-12-06: 82 files, 928 tests; after merging issues 11-17, 97
 * files), which produced every other id in the catalogue.
 */

/** Findings that cannot be produced on this machine's loopback, whatever test is written. */
export const NEVER_PRODUCED_HERE: ReadonlyMap<string, string> = new Map([
  [
    'smtp.reach.connect-failed',
    'a connect error other than refused or timed out (host or network unreachable) needs a routing failure loopback never has',
  ],
  [
    'tls.protocol.version-unknown',
    'Node names only the TLS versions it knows; an unnamed version cannot be negotiated',
  ],
  [
    'tls.key.unknown',
    'Node reads the key type of every certificate OpenSSL 3 can load, so no key is "unknown" here',
  ],
  ['tls.signature.unknown', "every signature algorithm Debian's OpenSSL 3 can make is one Mailwarden names"],
  [
    'audit.check.failed',
    'only a check that throws (a programming error) produces it; test/unit/core/audit covers run-checks with a throwing check',
  ],
]);

/**
 * Findings a loopback test could produce but none does yet, each with the test that would: debt, listed
 * so the full run stays green while it is paid off. Write the test, then delete the line.
 */
export const NOT_YET_PRODUCED: ReadonlyMap<string, string> = new Map([]);
