/**
 * The core's view of the outside world.
 *
 * main/core never imports keytar, node:dns, node:fs or Electron; it is handed these ports instead.
 * main/adapters implements them for real; tests use the same real adapters against real services.
 */
import type { Account } from '../../preload/contract/accounts';
import type { Settings } from '../../preload/contract/settings';

// ---------------------------------------------------------------------------------------------------
// Secrets

export type SecretStoreErrorCode = 'KEYCHAIN_UNAVAILABLE' | 'KEYCHAIN_LOCKED';

/** Raised by a SecretStore when the keychain cannot be used. The message says what to do; it never contains a secret. */
export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
  constructor(
    readonly code: SecretStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The OS keychain, one secret per account id. */
export interface SecretStore {
  get(accountId: string): Promise<string | null>;
  set(accountId: string, secret: string): Promise<void>;
  /** True when a secret was there and is now gone. */
  delete(accountId: string): Promise<boolean>;
  /** Ids of every account that has a secret stored (one keychain query, for listing). */
  accountIdsWithSecrets(): Promise<ReadonlySet<string>>;
}

// ---------------------------------------------------------------------------------------------------
// DNS

/** Why a lookup gave no records. Outcomes are data, not exceptions (as in mailauth). */
export type DnsFailureCode =
  | 'NXDOMAIN' // the name does not exist
  | 'NODATA' // the name exists but has no records of this type
  | 'TIMEOUT'
  | 'UNREACHABLE' // the resolver itself could not be reached (connection refused, no route)
  | 'SERVFAIL'
  | 'REFUSED'
  | 'TOO_MANY_ANSWERS'
  | 'BAD_NAME'
  | 'OTHER';

export type DnsResult<T> =
  | { readonly ok: true; readonly records: readonly T[] }
  | { readonly ok: false; readonly code: DnsFailureCode; readonly message: string };

export interface MxRecord {
  readonly exchange: string;
  readonly priority: number;
}

export interface SrvRecord {
  readonly name: string;
  readonly port: number;
  readonly priority: number;
  readonly weight: number;
}

/** Every lookup Mailwarden makes, including the SMTP host's own address, goes through one of these. */
export interface DnsResolver {
  /** "system" or the `host:port` the user chose; shown in results so people know which resolver spoke. */
  readonly description: string;
  resolveA(name: string): Promise<DnsResult<string>>;
  resolveAaaa(name: string): Promise<DnsResult<string>>;
  resolveMx(name: string): Promise<DnsResult<MxRecord>>;
  resolveSrv(name: string): Promise<DnsResult<SrvRecord>>;
  /** Each TXT record's character-strings joined, as RFC 7208 section 3.3 asks. */
  resolveTxt(name: string): Promise<DnsResult<string>>;
  resolveCname(name: string): Promise<DnsResult<string>>;
  resolvePtr(name: string): Promise<DnsResult<string>>;
}

// ---------------------------------------------------------------------------------------------------
// Stored documents

/** What loading a versioned JSON document found. */
export type DocumentLoad<T> =
  | { readonly kind: 'missing' }
  | { readonly kind: 'loaded'; readonly value: T }
  /** Unreadable: it has been moved to `movedTo` and the caller starts afresh, telling the user. */
  | { readonly kind: 'corrupt'; readonly movedTo: string; readonly reason: string }
  /** Written by a newer Mailwarden: left untouched, and not overwritten. */
  | { readonly kind: 'too-new'; readonly version: number };

export interface DocumentStore<T> {
  /** Where the document lives, for messages. */
  readonly path: string;
  load(): Promise<DocumentLoad<T>>;
  /** Atomic: a crash leaves either the old or the new document, never a mix. */
  save(value: T): Promise<void>;
}

/** What a writer of the accounts was doing, recorded while it holds the lock. */
export type AccountsIntent =
  | { readonly op: 'read' }
  | { readonly op: 'write' }
  /** The password for `accountId` may be in the keychain before the account is in the document. */
  | { readonly op: 'add'; readonly accountId: string }
  /** The password for `accountId` may be gone from the keychain while the account is still in the document. */
  | { readonly op: 'remove'; readonly accountId: string };

/**
 * One writer at a time across processes (the CLI in several shells, the desktop app).
 *
 * `operation` receives the intent of a holder that died while holding the lock (kill -9, a power cut),
 * so it can finish or undo that half-done change first; null when the last holder let go normally.
 */
export interface ExclusiveLock {
  hold<T>(intent: AccountsIntent, operation: (interrupted: AccountsIntent | null) => Promise<T>): Promise<T>;
}

export interface AccountsDocument {
  readonly accounts: readonly Account[];
}

export type SettingsDocument = Settings;

// ---------------------------------------------------------------------------------------------------
// Time and identity

export interface Clock {
  now(): Date;
}

export interface IdSource {
  newId(): string;
}
