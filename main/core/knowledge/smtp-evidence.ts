/**
 * The evidence each SMTP finding carries, by id: what reachability-probe.ts, dialogue-probe.ts and
 * starttls-injection-probe.ts set, and all that the SMTP words (smtp-knowledge.ts,
 * starttls-injection-entries.ts) may read.
 */
type Text = string;

/** One planned port as the reachability probe tried it. */
export type Reached = {
  readonly host: Text;
  readonly address: Text;
  readonly port: number;
  /** 'submission', 'submissions' or 'mx'. */
  readonly role: Text;
  readonly security: Text;
  /** True for the port the account is set up with. */
  readonly accountPort: boolean;
};

/** The connection or the greeting failed: the channel's failure kind, message and time spent. */
export type ReachFailed = Reached & {
  readonly failure: Text;
  readonly message: Text;
  readonly elapsedMs: number;
};

/** The connection opened and the greeting failed; `partial` is what arrived before it did. */
export type GreetingFailed = ReachFailed & { readonly connectMs: number; readonly partial?: Text };

/** The server greeted, with 220 or otherwise. */
type Greeted = Reached & {
  readonly connectMs: number;
  readonly greetingMs: number;
  readonly code: number;
  readonly greeting: Text;
};

/** The host name did not resolve, so nothing was connected. */
type Unresolved = {
  readonly resolver: Text;
  readonly reason: Text;
  /** The resolver's code: NXDOMAIN, NODATA, a timeout... */
  readonly code: Text;
};

/** One port's dialogue, from the address the host resolved to. */
export type Dialogue = {
  readonly host: Text;
  readonly address: Text;
  readonly port: number;
  /** 'plain', 'starttls' or 'implicit-tls'. */
  readonly security: Text;
  readonly role: Text;
};

/** An SMTP reply to VRFY or EXPN, with the mailbox asked about. */
type Disclosure = Dialogue & {
  readonly query: Text;
  readonly code: number;
  readonly enhancedCode: Text | null;
  readonly text: Text;
};

type Capabilities = Dialogue & {
  readonly capabilities: readonly Text[];
  readonly count: number;
  readonly greetingLine: Text;
};

/** The STARTTLS-injection test of one port, and the command it slipped in before TLS. */
export type Injection = { readonly host: Text; readonly port: number; readonly injected: Text };
type InjectionAnswered = Injection & { readonly code: number; readonly text: Text };

/** The EHLO extensions Mailwarden reports on, by their lower-case keyword (RFC 5321 section 4.1.1.1). */
export type SmtpExtension =
  'size' | 'pipelining' | '8bitmime' | 'smtputf8' | 'chunking' | 'dsn' | 'requiretls' | 'enhancedstatuscodes';

/** An advertised extension: its keyword and EHLO line; SIZE adds its limit in octets (0: none stated). */
export type ExtensionOffered = Dialogue & {
  readonly keyword: Text;
  readonly line: Text;
  readonly limit?: number;
};

type ExtensionEvidence = {
  [N in Exclude<SmtpExtension, 'size'> as `smtp.ext.${N}.offered`]: Dialogue & {
    readonly keyword: Text;
    readonly line: Text;
  };
} & {
  [N in SmtpExtension as `smtp.ext.${N}.absent`]: Dialogue & { readonly keyword: Text };
} & {
  /** RFC 1870 section 4: SIZE [limit in octets]. */
  'smtp.ext.size.offered': Dialogue & { readonly keyword: Text; readonly line: Text; readonly limit: number };
};

export type SmtpEvidence = {
  'smtp.reach.unresolved': Unresolved & { readonly host: Text };
  'smtp.reach.ok': Greeted;
  'smtp.reach.refused': ReachFailed;
  'smtp.reach.connect-timeout': ReachFailed & { readonly timeoutMs: number };
  'smtp.reach.connect-failed': ReachFailed;
  'smtp.reach.no-greeting': GreetingFailed & { readonly timeoutMs: number };
  'smtp.reach.greeting-refused': Greeted;
  'smtp.reach.greeting-broken': GreetingFailed;
  'smtp.reach.slow-greeting': Greeted & { readonly slowThresholdMs: number };
  /** Cancelled while connecting (no connectMs) or while waiting for the greeting. */
  'smtp.reach.cancelled': ReachFailed & { readonly connectMs?: number; readonly partial?: Text };
  /** `reason` is the title of the port's own finding, `cause` its id. */
  'smtp.reach.account-port-unreachable': Reached & { readonly reason: Text; readonly cause: Text };

  'smtp.dialogue.unresolved': Omit<Dialogue, 'address'> & Unresolved;
  /** Stopped at connect or greeting; a refused greeting adds its code. */
  'smtp.dialogue.unreachable': Dialogue & {
    readonly step: Text;
    readonly failure: Text;
    readonly message: Text;
    readonly elapsedMs: number;
    readonly partial?: Text;
    readonly code?: number;
  };
  /** A channel failure (failure, elapsedMs, partial), a 421 (failure, code) or a refused EHLO after TLS. */
  'smtp.dialogue.interrupted': Dialogue & {
    readonly step: Text;
    readonly message: Text;
    readonly failure?: Text;
    readonly elapsedMs?: number;
    readonly partial?: Text;
    readonly code?: number;
  };
  'smtp.dialogue.banner': Dialogue & { readonly banner: Text; readonly code: number };
  'smtp.dialogue.helo-only': Dialogue & { readonly ehloCode: number; readonly ehloText: Text };
  'smtp.dialogue.ehlo-refused': Dialogue & {
    readonly ehloCode: number;
    readonly heloCode: number;
    readonly text: Text;
  };
  'smtp.dialogue.capabilities-plain': Capabilities;
  'smtp.dialogue.capabilities-tls': Capabilities;

  'smtp.starttls.offered': Dialogue & { readonly protocol: Text | null };
  'smtp.starttls.not-offered': Dialogue & { readonly capabilities: readonly Text[] };
  'smtp.starttls.not-offered-port25': Dialogue & { readonly capabilities: readonly Text[] };
  'smtp.starttls.refused': Dialogue & {
    readonly code: number;
    readonly enhancedCode: Text | null;
    readonly text: Text;
  };
  'smtp.starttls.failed': Dialogue & { readonly failure: Text; readonly message: Text };
  /** RFC 3207 section 4.2: what arrived in plain text after the server's 220. */
  'smtp.starttls.injection': Dialogue & { readonly message: Text; readonly discarded: Text };
  'smtp.starttls.command-injection': InjectionAnswered;
  'smtp.starttls.command-injection-safe': InjectionAnswered;
  'smtp.starttls.command-injection-untested': Injection & { readonly step: Text; readonly reason: Text };

  'smtp.vrfy.closed': Disclosure;
  'smtp.vrfy.discloses': Disclosure;
  'smtp.expn.closed': Disclosure;
  'smtp.expn.discloses': Disclosure;
} & ExtensionEvidence;
