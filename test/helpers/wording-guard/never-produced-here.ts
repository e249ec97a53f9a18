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
export const NOT_YET_PRODUCED: ReadonlyMap<string, string> = new Map([
  ['tls.cipher.weak', "Postfix with 3DES allowed at security level 0, if Debian's OpenSSL still offers it"],
  ['tls.cipher.no-forward-secrecy', 'a TLS 1.2 server that negotiates a static-RSA suite first'],
  ['tls.certificate.missing', 'a server that completes a handshake with an anonymous suite only'],
  ['tls.expiry.not-yet-valid', 'a test certificate whose notBefore is in the future (test-certificates.ts)'],
  ['tls.signature.md5', 'a test certificate signed with MD5, served at security level 0'],
  ['tls.dh.broken', 'Postfix with 512-bit DH parameters at security level 0'],
  ['tls.curve.weak', 'a server limited to a weak named curve'],
  ['relay.inconclusive', 'a scripted server answering RCPT with 450 (greylisting)'],
  ['spoofing.inconclusive', 'a scripted server answering the control MAIL FROM with 451'],
  ['imap.login.failed', 'a raw IMAP server that closes during LOGIN'],
  ['imap.mailbox.unavailable', 'Dovecot with an INBOX the user cannot select'],
  ['pop3.reach.account-port-unreachable', 'a POP3 account whose configured port is closed'],
  ['pop3.dialogue.bye', 'a raw POP3 server that says -ERR and closes mid-dialogue'],
  ['pop3.login.failed', 'a raw POP3 server that closes during PASS'],
  ['pop3.mailbox.unavailable', 'Dovecot with a mailbox POP3 cannot open'],
  ['mx.target.lookup-failed', 'a Knot zone whose MX target sits behind a silent DNS server'],
  ['spf.include.lookup-failed', 'an include: pointing at a zone served by silent-dns-server.ts'],
  ['spf.provider.include-present', 'an SPF check with a provider preset whose include the record has'],
  ['spf.evaluation.softfail', 'evaluating an address that reaches ~all in the SPF evaluation test'],
  ['spf.evaluation.neutral', 'evaluating an address that reaches ?all'],
  ['spf.evaluation.none', 'evaluating an address for a domain with no SPF record'],
  ['spf.evaluation.temperror', 'evaluating against a silent DNS server'],
  ['dkim.key.no-public-key', 'a Knot DKIM record with an empty p= (a revoked key)'],
  ['dkim.key.unreadable', 'a Knot DKIM record whose p= is not a key'],
  ['dkim.key.type-mismatch', 'a Knot DKIM record with k=ed25519 and an RSA key'],
  ['audit.check.timed-out', "an audit with a check deadline shorter than a silent server's answer"],
  [
    'message.header.long-lines',
    'an analysed message with a header line over 998 characters (RFC 5322 section 2.1.1)',
  ],
  ['message.header.oversized-field', 'an analysed message with one header field over 64 KB'],
  [
    'message.dkim.signature-failed',
    'an analysed message whose DKIM header signature no longer verifies (a signed header changed)',
  ],
  ['message.dkim.key-too-weak', 'an analysed message signed with a 512-bit key published in Knot'],
  [
    'message.dkim.key-invalid',
    'an analysed message whose selector record in Knot holds a p= that is not a key',
  ],
  ['message.dkim.expired', 'an analysed message with a DKIM signature whose x= is in the past'],
  ['message.spf.softfail', 'an analysed message from an address a ~all record in Knot does not list'],
  ['message.spf.neutral', 'an analysed message from an address a ?all record in Knot does not list'],
  ['message.arc.not-verified', 'an analysed message whose ARC chain cannot be checked (keys not found)'],
]);
