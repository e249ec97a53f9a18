/**
 * The evidence each IMAP/POP3 finding carries, by id suffix (imap.<suffix> and pop3.<suffix> carry the
 * same): what incoming-reachability.ts, incoming-dialogue-probe.ts and incoming-login-probe.ts set, and all
 * that the incoming words (incoming-knowledge.ts) may read.
 */
import type { ScopeMissingEvidence } from './scope-words';

type Text = string;
type Texts = readonly string[];

/**
 * A port the dialogue probe talks to: 'plain', 'starttls' or 'implicit-tls'. `software` is what the
 * greeting named (software-banner.ts), when it named something: the fixes name that software's settings.
 */
export type IncomingServed = {
  readonly host: Text;
  readonly port: number;
  readonly security: Text;
  readonly software?: Text;
};

/** A port the reachability probe tried; `accountPort` is true for the port the account uses. */
export type IncomingReached = IncomingServed & { readonly accountPort: boolean };

/** The port and user name the login probe used, and the software the server's greeting named. */
export type IncomingLogin = {
  readonly host: Text;
  readonly port: number;
  readonly username: Text;
  readonly software?: Text;
};

/** A line channel that failed: its kind, message, time spent and what arrived before it did. */
export type LineFailureEvidence = {
  readonly failure: Text;
  readonly message: Text;
  readonly elapsedMs: number;
  readonly partial?: Text;
};

/** Did not connect: a name that did not resolve (message alone) or a channel failure. */
export type IncomingNotConnected = { readonly message: Text } & Partial<LineFailureEvidence>;

type DialogueBroken = IncomingServed & LineFailureEvidence;

/** The ways a server can break the dialogue, each its own finding. */
export type IncomingDialogueFailureSuffix =
  | 'dialogue.no-greeting'
  | 'dialogue.line-too-long'
  | 'dialogue.literal-too-large'
  | 'dialogue.flood'
  | 'dialogue.wrong-tag'
  | 'dialogue.bye'
  | 'dialogue.malformed'
  | 'dialogue.timeout'
  | 'dialogue.closed';

export type IncomingEvidence = {
  'reach.ok': IncomingReached & { readonly greetingMs: number; readonly greeting: Text };
  'reach.closed': IncomingReached & IncomingNotConnected;
  /** Set by the reachability probe (with accountPort) and by the dialogue on the account's port. */
  'reach.account-port-unreachable': IncomingServed & {
    readonly accountPort?: boolean;
  } & IncomingNotConnected;
  'greeting.preauth': IncomingServed & { readonly greeting: Text };
  'greeting.refused': IncomingServed & { readonly greeting: Text };
  /** `source`: 'greeting', 'ID' (RFC 2971) or 'CAPA IMPLEMENTATION' (RFC 2449 section 6.9). */
  'software.disclosed': IncomingServed & { readonly software: Text; readonly source: Text };
  'login.cleartext-offered': IncomingServed & {
    readonly cleartextMethods: Texts;
    readonly capabilities: Texts;
  };
  /** The capability list before TLS, joined with spaces. */
  'login.disabled-before-tls': IncomingServed & { readonly capabilities: Text };
  'starttls.not-offered': IncomingServed & { readonly capabilities: Texts };
  'starttls.refused': IncomingServed & { readonly reply: Text };
  'starttls.plaintext-injected': IncomingServed & LineFailureEvidence;
  'starttls.failed': IncomingServed & LineFailureEvidence;
  /** `before` is null when the server did not list its capabilities before TLS. */
  'capability.after-tls': IncomingServed & { readonly before: Texts | null; readonly after: Texts };
  'login.accepted': IncomingLogin;
  'login.rejected': IncomingLogin & { readonly reply: Text };
  'login.oauth-required': IncomingLogin & { readonly reply: Text };
  'login.token-rejected': IncomingLogin & { readonly reply: Text };
  'login.not-attempted': IncomingLogin & { readonly reason: Text };
  /** The OAuth sign-in lacks the scope this protocol needs: no login was sent. */
  'login.scope-missing': IncomingLogin & ScopeMissingEvidence;
  'login.failed': IncomingLogin & { readonly message: Text };
  'mailbox.reachable': IncomingLogin & { readonly messages: number };
  'mailbox.unavailable': IncomingLogin & { readonly reply: Text };
} & { readonly [S in IncomingDialogueFailureSuffix]: DialogueBroken };

export type IncomingFindingSuffix = keyof IncomingEvidence;

/** The findings of a real login (incoming-login-probe.ts): each names the user name it logged in as. */
export type IncomingLoginSuffix = {
  [S in IncomingFindingSuffix]: IncomingEvidence[S] extends IncomingLogin ? S : never;
}[IncomingFindingSuffix];

/** The same evidence under one protocol's prefix: imap.reach.ok, pop3.reach.ok... */
export type PrefixedIncomingEvidence<P extends 'imap' | 'pop3', S extends IncomingFindingSuffix> = {
  readonly [Suffix in S as `${P}.${Suffix}`]: IncomingEvidence[Suffix];
};
