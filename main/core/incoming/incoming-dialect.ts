/**
 * The steps every incoming-server probe takes, in either grammar: greeting, capabilities, STARTTLS / STLS,
 * logout. The probes are written once against this; imap-dialect.ts and pop3-dialect.ts speak the wire.
 */
import type { LineChannel, LineFailure } from './line-channel';

export type DialectStep<T> =
  | { readonly kind: 'ok'; readonly value: T }
  /** The server said no (IMAP NO/BAD, POP3 -ERR): its words. */
  | { readonly kind: 'refused'; readonly reply: string }
  | {
      readonly kind: 'failure';
      readonly failure: LineFailure;
      /**
       * The session ended by the server (IMAP untagged BYE; POP3 -ERR [SYS/TEMP] or [SYS/PERM], RFC 3206),
       * or (IMAP only) answered with a tag never sent.
       */
      readonly grammar?: 'bye' | 'wrong-tag';
    };

export interface Greeting {
  readonly status: 'ok' | 'preauth' | 'bye';
  readonly text: string;
  /** IMAP may send `[CAPABILITY ...]` in the greeting; POP3 never does. */
  readonly capabilities: readonly string[] | null;
}

export interface Dialect {
  readonly channel: LineChannel;
  greeting(): Promise<DialectStep<Greeting>>;
  /** Upper-cased capability words (IMAP CAPABILITY, RFC 9051 section 6.1.1; POP3 CAPA, RFC 2449 section 5). */
  capabilities(): Promise<DialectStep<readonly string[]>>;
  /** Asks to start TLS; `ok` means the server agreed and the caller now calls channel.upgradeToTls(). */
  startTls(): Promise<DialectStep<null>>;
  /** The ways to send a password these capabilities offer, in words (empty: none). */
  passwordMethods(capabilities: readonly string[]): string[];
  /** The words a server's STARTTLS capability goes by. */
  readonly startTlsWord: string;
  /** Server software these capabilities name (POP3 CAPA IMPLEMENTATION, RFC 2449 section 6.9); null otherwise. */
  softwareIn(capabilities: readonly string[]): string | null;
  /** Server software from an IMAP ID exchange (RFC 2971) or softwareIn, when offered; null otherwise. */
  softwareId(capabilities: readonly string[]): Promise<string | null>;
  /** Where softwareId reads it, for the evidence: "ID" or "CAPA IMPLEMENTATION". */
  readonly softwareSource: string;
  logout(): Promise<void>;
}

/** Capability words that carry a password (or its equivalent) readable by anyone on the path. */
export const CLEARTEXT_SASL = new Set(['PLAIN', 'LOGIN']);

/** A logout is a courtesy: a server that does not answer quickly is simply disconnected. */
export const LOGOUT_TIMEOUT_MS = 1_000;
