/**
 * Who fixes what, and which findings share one root cause: the tables the fix plan is built from.
 *
 * By default the same finding id is one action however many ports or addresses it was seen on. The
 * groups below join different ids that one change fixes (publishing a DMARC record fixes the missing
 * record, the bulk-sender DMARC rule and the alignment rule at once).
 */
import type { Actor } from '../../../preload/contract/plan';

/** Longest prefix wins. Anything not listed is the server's or provider's business. */
const ACTOR_BY_PREFIX: readonly (readonly [string, Actor])[] = [
  ['spf.', 'dns'],
  ['dkim.', 'dns'],
  ['dmarc.', 'dns'],
  ['bimi.', 'dns'],
  ['mx.', 'dns'],
  ['mta-sts.', 'dns'],
  ['tls-rpt.', 'dns'],
  ['dane.', 'dns'],
  ['bulk.', 'dns'],
  // A PTR record is set by whoever owns the sending address, which is the provider, not the domain owner.
  ['rdns.', 'provider'],
  ['bulk.reverse-dns.', 'provider'],
  ['bulk.tls.', 'provider'],
  // A wrong password or a missing app password is fixed in the mail program or the account's settings...
  ['auth.login.', 'you'],
  // ...but SMTP AUTH switched off for a Microsoft 365 tenant is the administrator's switch.
  [`auth.login.m365-`, 'provider'], // a prefix, not a finding id
  // Signing in with OAuth instead of a password is changed in each mail program, reading ones included.
  ['imap.login.oauth-required', 'you'],
  ['pop3.login.oauth-required', 'you'],
  // A sign-in without the mail permission is fixed on the app registration and by signing in again.
  ['imap.login.scope-missing', 'you'],
  ['pop3.login.scope-missing', 'you'],
];

export function actorOf(findingId: string): Actor {
  let best: { actor: Actor; length: number } = { actor: 'provider', length: 0 };
  for (const [prefix, actor] of ACTOR_BY_PREFIX)
    if (findingId.startsWith(prefix) && prefix.length > best.length) best = { actor, length: prefix.length };
  return best.actor;
}

/** The action "Switch this account's sign-in to OAuth", and the findings it fixes. */
export const SWITCH_TO_OAUTH = 'sign-in.oauth';
const SWITCH_TO_OAUTH_IDS: ReadonlySet<string> = new Set([
  'auth.login.oauth-required',
  'auth.login.gmail-app-password-required',
  'auth.login.gmail-bad-credentials',
  'imap.login.oauth-required',
  'pop3.login.oauth-required',
]);

/** The action "Sign in again with permission to send and read mail", and the findings it fixes. */
export const GRANT_MAIL_SCOPES = 'sign-in.scopes';
const GRANT_MAIL_SCOPES_IDS: ReadonlySet<string> = new Set([
  'auth.login.scope-missing',
  'imap.login.scope-missing',
  'pop3.login.scope-missing',
]);

/** The action "Turn on DKIM signing", joining a test message's signature findings with the DNS key's. */
export const DKIM_SIGNING = 'dkim-signing';
const DKIM_SIGNING_IDS: ReadonlySet<string> = new Set([
  'dkim.discovery.none-found',
  'dkim.selector.not-found',
  'message.dkim.unsigned',
  'message.dkim.not-aligned',
  'message.dkim.key-missing',
]);

export interface RootCause {
  /** The action's id. */
  readonly id: string;
  readonly matches: (findingId: string) => boolean;
}

/** Explicit root causes; a finding matching none is its own action, keyed by its id. */
export const ROOT_CAUSES: readonly RootCause[] = [
  {
    // One record fixes them all: missing, broken or weak DMARC, and the rules that depend on it.
    id: 'dmarc',
    matches: (id) =>
      id.startsWith('dmarc.') ||
      id === 'bulk.dmarc-policy.fail' ||
      id === 'bulk.dmarc-alignment.fail' ||
      id === 'bimi.dmarc.too-weak',
  },
  {
    // RFC 8996 retired both; switching them off is one setting per server.
    id: 'tls.old-versions',
    matches: (id) => id === 'tls.protocol.tls1_0-accepted' || id === 'tls.protocol.tls1_1-accepted',
  },
  {
    // One cipher setting on the server removes every weak class at once (RFC 9325 section 4).
    id: 'tls.cipher-suites',
    matches: (id) =>
      id.startsWith('tls.suites.') ||
      id === 'tls.cipher.weak' ||
      id === 'tls.cipher.cbc' ||
      id === 'tls.cipher.no-forward-secrecy',
  },
  {
    // Microsoft and Google refuse the password as the kind of sign-in, for sending and for reading alike:
    // one change (OAuth, or Google's app password) in each mail program fixes them all.
    id: SWITCH_TO_OAUTH,
    matches: (id) => SWITCH_TO_OAUTH_IDS.has(id),
  },
  {
    // One sign-in with the missing permissions granted fixes sending and reading together.
    id: GRANT_MAIL_SCOPES,
    matches: (id) => GRANT_MAIL_SCOPES_IDS.has(id),
  },
  {
    // The bulk-sender SPF/DKIM rules fail because SPF or DKIM is missing: fixing those fixes these.
    id: 'spf',
    matches: (id) => id.startsWith('spf.'),
  },
  {
    // A test message that arrives unsigned, or signed only by another domain, and an audit that finds no
    // DKIM key under the account's domain are one cause: signing with the account's own domain is not set
    // up (RFC 6376 section 3.1; DMARC alignment, RFC 7489 section 3.1.1). Landing in Junk stays its own action.
    id: DKIM_SIGNING,
    matches: (id) => DKIM_SIGNING_IDS.has(id),
  },
  {
    id: 'reverse-dns',
    matches: (id) => id.startsWith('rdns.') || id === 'bulk.reverse-dns.fail',
  },
];

export function rootCauseOf(findingId: string): string {
  return ROOT_CAUSES.find((cause) => cause.matches(findingId))?.id ?? findingId;
}
