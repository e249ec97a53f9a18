/** The header field that marks Mailwarden's test message (RFC 6648 allows any name; this one is ours). */
export const PROOF_TAG_FIELD = 'X-Mailwarden-Proof';
