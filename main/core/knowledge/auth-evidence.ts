/**
 * The evidence each login finding carries, by id: what auth-probe.ts sets, and all that the login words
 * (auth-knowledge.ts) may read.
 */
import type { ReplyEvidence } from './reply-evidence';
import type { ScopeMissingEvidence } from './scope-words';

/** The server and port the login was tried on, and how it was secured ('starttls', 'implicit-tls'...). */
export type AuthTarget = { readonly host: string; readonly port: number; readonly security: string };

/** Everything the login saw, kept so the report can be judged again offline. */
export type LoginEvidence = AuthTarget & {
  readonly address: string;
  readonly outcome: string;
  readonly mechanism: string | null;
  readonly reply: ReplyEvidence | null;
  /** The AUTH methods listed before and after STARTTLS; null when that EHLO was not reached. */
  readonly mechanismsBeforeTls: readonly string[] | null;
  readonly mechanismsAfterTls: readonly string[] | null;
  readonly startTlsOffered: boolean | null;
  readonly tlsAuthorized: boolean | null;
  readonly authorizationError: string | null;
  readonly fingerprintSha256: string | null;
  readonly tlsProtocol: string | null;
  readonly failure: string | null;
  readonly failureKind: string | null;
  readonly elapsedMs: number;
  readonly presetId: string | null;
};

/** A rejected login, and whose wording (which provider) its reply matched. */
type Rejected = LoginEvidence & { readonly provider: string | null };

/** The findings a rejected login's reply can be classified as (AUTH_REPLY_RULES). */
export type AuthRejectionId =
  | 'auth.login.bad-credentials'
  | 'auth.login.temporary-failure'
  | 'auth.login.tls-required'
  | 'auth.login.mechanism-too-weak'
  | 'auth.login.encryption-required'
  | 'auth.login.token-rejected'
  | 'auth.login.gmail-app-password-required'
  | 'auth.login.gmail-web-login-required'
  | 'auth.login.gmail-bad-credentials'
  | 'auth.login.m365-smtp-auth-disabled'
  | 'auth.login.oauth-required'
  | 'auth.login.m365-conditional-access'
  | 'auth.login.m365-security-defaults'
  | 'auth.login.m365-bad-credentials'
  | 'auth.login.m365-auth-failed'
  | 'auth.login.yahoo-app-password'
  | 'auth.login.ses-credentials-invalid'
  | 'auth.login.sendgrid-bad-credentials'
  | 'auth.login.brevo-bad-credentials'
  | 'auth.login.rejected';

/** The findings judged from a login that ran (or was withheld) rather than rejected. */
export type AuthLoginId =
  | 'auth.cleartext.offered'
  | 'auth.cleartext.not-offered'
  | 'auth.tls.unavailable'
  | 'auth.tls.untrusted'
  | 'auth.tls.fingerprint-allowed'
  | 'auth.mechanisms.none'
  | 'auth.login.skipped'
  | 'auth.login.accepted'
  | 'auth.login.endless-challenges'
  | 'auth.login.failed';

/** A password Microsoft still accepted after its Basic cut-off, and the audit's day (YYYY-MM-DD). */
type BasicReenabled = LoginEvidence & { readonly auditDay: string };

export type AuthEvidence = {
  readonly [Id in AuthRejectionId]: Rejected;
} & {
  readonly [Id in AuthLoginId]: LoginEvidence;
} & {
  'auth.host.unresolved': AuthTarget & { readonly reason: string; readonly resolver: string };
  'auth.login.m365-basic-reenabled': BasicReenabled;
  /** The OAuth sign-in lacks the sending scope: no login was sent (the mechanisms were still read). */
  'auth.login.scope-missing': LoginEvidence & ScopeMissingEvidence;
};
