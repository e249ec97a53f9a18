/**
 * The object the page sees as `window.mailwarden`: named methods only, one per contract channel.
 *
 * It is built from a transport so the very same code runs in the preload (over ipcRenderer.invoke)
 * and in the end-to-end tests (over a Playwright binding to the real main-process handlers).
 * Nothing here validates or trusts anything: main does that. A transport failure becomes an
 * Outcome too, so the renderer has exactly one way to handle errors.
 */
import type { AccountDesk } from './contract/account-desk';
import type { AccountInput, AccountView } from './contract/accounts';
import type { AuditEvent, AuditOptions, AuditTargetRequest } from './contract/audit';
import type { Channel, EventChannel, EventMap, RequestOf, ResponseOf } from './contract/channels';
import type { ExportFormat, PaperSize, ReportExportResult } from './contract/export';
import type { HistoryEntry, HistoryListing, HistoryTarget, RunComparison } from './contract/history';
import type { AnalysisEntry, MessageCheckResult } from './contract/message-check';
import { failure, type Outcome } from './contract/outcome';
import type { ProofEvent } from './contract/proof';
import type { DiscoveryResult, ProviderPreset } from './contract/providers';
import type {
  ClientRenameResult,
  ClientRun,
  ClientRunListing,
  ClientRunRecordRequest,
} from './contract/clients';
import type { SettingsChange, SettingsView } from './contract/settings';
import type { AccountUpdateResult, SignInResult, SignInStatus, SignOutResult } from './contract/sign-in';

export interface BridgeTransport {
  invoke(channel: Channel, payload: unknown): Promise<unknown>;
  /** Listens for pushes from main on one event channel; returns the function that stops listening. */
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

export interface MailwardenBridge {
  readonly accounts: {
    list(): Promise<Outcome<AccountDesk>>;
    add(account: AccountInput, password?: string): Promise<Outcome<AccountView>>;
    /** Leaving OAuth for a password also revokes the sign-in; `signOut` then says how that went. */
    update(id: string, account: AccountInput): Promise<Outcome<AccountUpdateResult>>;
    remove(id: string): Promise<Outcome<{ readonly removed: true }>>;
    /** Sets or replaces the password in the OS keychain. There is deliberately no way to read it back. */
    setPassword(id: string, password: string): Promise<Outcome<AccountView>>;
    /** The incoming server's own password, when it does not read with the sending one; never read back. */
    setIncomingPassword(id: string, password: string): Promise<Outcome<AccountView>>;
    deletePassword(id: string): Promise<Outcome<AccountView>>;
    /**
     * OAuth: opens the provider's page in the system browser and resolves once the sign-in is over
     * (signed in, refused, cancelled, or five minutes passed). No token ever comes back.
     */
    signIn(id: string): Promise<Outcome<SignInResult>>;
    /** Stops the sign-in that waits for the browser; its signIn() then fails with nothing stored. */
    cancelSignIn(id: string): Promise<Outcome<{ readonly cancelled: boolean }>>;
    signInStatus(id: string): Promise<Outcome<SignInStatus>>;
    /** Revokes the refresh token at the provider where it can, and deletes it from the keychain. */
    signOut(id: string): Promise<Outcome<SignOutResult>>;
  };
  readonly presets: {
    list(): Promise<Outcome<readonly ProviderPreset[]>>;
  };
  readonly discovery: {
    run(domain: string): Promise<Outcome<DiscoveryResult>>;
  };
  readonly settings: {
    get(): Promise<Outcome<SettingsView>>;
    /** Saves the fields given (the others keep their values); the answer shows what is now in force. */
    update(change: SettingsChange): Promise<Outcome<SettingsView>>;
  };
  readonly audit: {
    /** Starts an audit; progress and the report arrive through onEvent. */
    start(target: AuditTargetRequest, options?: AuditOptions): Promise<Outcome<{ readonly runId: string }>>;
    cancel(runId: string): Promise<Outcome<{ readonly cancelled: boolean }>>;
    /** Returns the function that unsubscribes: call it when the screen goes away. */
    onEvent(listener: (event: AuditEvent) => void): () => void;
  };
  readonly history: {
    /** Stored runs, newest first: all, or one account's or domain's. */
    list(target?: HistoryTarget): Promise<Outcome<HistoryListing>>;
    get(runId: string): Promise<Outcome<HistoryEntry>>;
    /** Fixed, new and unchanged findings, older run against newer whatever the order given. */
    compare(runIdA: string, runIdB: string): Promise<Outcome<RunComparison>>;
    delete(runId: string): Promise<Outcome<{ readonly deleted: true }>>;
  };
  readonly message: {
    /** Main's open dialog picks the file and main reads it; `kind: 'cancelled'` when the dialog was. */
    checkFile(offline: boolean): Promise<Outcome<MessageCheckResult>>;
    /** A pasted message (or just its header); it goes to main and never comes back. */
    checkPaste(text: string, offline: boolean): Promise<Outcome<MessageCheckResult>>;
    get(runId: string): Promise<Outcome<AnalysisEntry>>;
    /** Saves a stored analysis through the save dialog; `saved: false` when cancelled. */
    export(runId: string, format: ExportFormat, paper?: PaperSize): Promise<Outcome<ReportExportResult>>;
    /** Saves a kept test message run through the save dialog; `saved: false` when cancelled. */
    exportProof(runId: string, format: ExportFormat, paper?: PaperSize): Promise<Outcome<ReportExportResult>>;
    /**
     * Sends one test message through the account (the only method that sends mail: call it after the
     * consent panel) and watches its mailbox; progress and the verdict arrive through onProofEvent.
     */
    prove(accountId: string, to?: string): Promise<Outcome<{ readonly proofId: string }>>;
    cancelProof(proofId: string): Promise<Outcome<{ readonly cancelled: boolean }>>;
    /** Returns the function that unsubscribes: call it when the screen goes away. */
    onProofEvent(listener: (event: ProofEvent) => void): () => void;
  };
  readonly clients: {
    /** Stored client runs, newest first: every client's, or one client's. */
    runs(client?: string): Promise<Outcome<ClientRunListing>>;
    /** Keeps a finished client run; main reads each account's summary from its stored run. */
    recordRun(request: ClientRunRecordRequest): Promise<Outcome<ClientRun>>;
    /** Renames a client on every account and on its stored client runs. */
    rename(from: string, to: string): Promise<Outcome<ClientRenameResult>>;
  };
  readonly report: {
    /** Asks where to save (the OS dialog) and saves a stored run's report; `saved: false` when cancelled. */
    export(runId: string, format: ExportFormat, paper?: PaperSize): Promise<Outcome<ReportExportResult>>;
    /** Saves one report for a client's stored runs (one per account, in this order) through the save dialog. */
    exportClient(
      client: string,
      runIds: readonly string[],
      format: ExportFormat,
      paper?: PaperSize,
    ): Promise<Outcome<ReportExportResult>>;
  };
}

export function createBridge(transport: BridgeTransport): MailwardenBridge {
  async function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Outcome<ResponseOf<C>>> {
    try {
      return (await transport.invoke(channel, payload)) as Outcome<ResponseOf<C>>;
    } catch {
      // The transport's own error text may echo the payload (which can hold a password): never pass it on.
      return failure(
        'INTERNAL',
        'Mailwarden could not reach its main process. Restart the app and try again.',
      );
    }
  }

  function subscribe<E extends EventChannel>(
    channel: E,
    listener: (payload: EventMap[E]) => void,
  ): () => void {
    // Main is the only sender on this channel and validates what it sends; the page trusts its shape.
    return transport.subscribe(channel, (payload) => {
      listener(payload as EventMap[E]);
    });
  }

  return Object.freeze({
    accounts: Object.freeze({
      list: () => call('accounts:list', null),
      add: (account: AccountInput, password?: string) =>
        call('accounts:add', password === undefined ? { account } : { account, password }),
      update: (id: string, account: AccountInput) => call('accounts:update', { id, account }),
      remove: (id: string) => call('accounts:remove', { id }),
      setPassword: (id: string, password: string) => call('accounts:set-password', { id, password }),
      setIncomingPassword: (id: string, password: string) =>
        call('accounts:set-incoming-password', { id, password }),
      deletePassword: (id: string) => call('accounts:delete-password', { id }),
      signIn: (id: string) => call('accounts:sign-in', { id }),
      cancelSignIn: (id: string) => call('accounts:cancel-sign-in', { id }),
      signInStatus: (id: string) => call('accounts:sign-in-status', { id }),
      signOut: (id: string) => call('accounts:sign-out', { id }),
    }),
    presets: Object.freeze({ list: () => call('presets:list', null) }),
    discovery: Object.freeze({ run: (domain: string) => call('discovery:run', { domain }) }),
    settings: Object.freeze({
      get: () => call('settings:get', null),
      update: (change: SettingsChange) => call('settings:update', change),
    }),
    audit: Object.freeze({
      start: (target: AuditTargetRequest, options?: AuditOptions) =>
        call('audit:start', options === undefined ? { target } : { target, options }),
      cancel: (runId: string) => call('audit:cancel', { runId }),
      onEvent: (listener: (event: AuditEvent) => void) => subscribe('audit:event', listener),
    }),
    history: Object.freeze({
      list: (target?: HistoryTarget) => call('history:list', target === undefined ? {} : { target }),
      get: (runId: string) => call('history:get', { runId }),
      compare: (runIdA: string, runIdB: string) => call('history:compare', { runIdA, runIdB }),
      delete: (runId: string) => call('history:delete', { runId }),
    }),
    message: Object.freeze({
      checkFile: (offline: boolean) => call('message:check', { source: { kind: 'file' }, offline }),
      checkPaste: (text: string, offline: boolean) =>
        call('message:check', { source: { kind: 'paste', text }, offline }),
      get: (runId: string) => call('message:get', { runId }),
      export: (runId: string, format: ExportFormat, paper?: PaperSize) =>
        call('message:export', paper === undefined ? { runId, format } : { runId, format, paper }),
      exportProof: (runId: string, format: ExportFormat, paper?: PaperSize) =>
        call('message:export-proof', paper === undefined ? { runId, format } : { runId, format, paper }),
      prove: (accountId: string, to?: string) =>
        call('message:prove', to === undefined ? { accountId } : { accountId, to }),
      cancelProof: (proofId: string) => call('message:cancel-proof', { proofId }),
      onProofEvent: (listener: (event: ProofEvent) => void) => subscribe('message:proof-event', listener),
    }),
    clients: Object.freeze({
      runs: (client?: string) => call('clients:runs', client === undefined ? {} : { client }),
      recordRun: (request: ClientRunRecordRequest) => call('clients:record-run', request),
      rename: (from: string, to: string) => call('clients:rename', { from, to }),
    }),
    report: Object.freeze({
      export: (runId: string, format: ExportFormat, paper?: PaperSize) =>
        call('report:export', paper === undefined ? { runId, format } : { runId, format, paper }),
      exportClient: (client: string, runIds: readonly string[], format: ExportFormat, paper?: PaperSize) =>
        call(
          'report:export-client',
          paper === undefined ? { client, runIds, format } : { client, runIds, format, paper },
        ),
    }),
  });
}
