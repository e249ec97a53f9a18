/**
 * The IPC contract: every channel, what it takes and what it answers.
 *
 * main/ipc registers exactly these channels (with the schemas in ./schemas.ts) and preload/bridge.ts
 * exposes exactly these as named methods. Nothing else crosses the bridge.
 */
import type { AccountDesk } from './account-desk';
import type { AccountInput, AccountView } from './accounts';
import type {
  ClientRenameRequest,
  ClientRenameResult,
  ClientRun,
  ClientRunListing,
  ClientRunRecordRequest,
} from './clients';
import type { AuditEvent, AuditOptions, AuditTargetRequest } from './audit';
import type { ExportFormat, PaperSize, ReportExportResult } from './export';
import type { HistoryEntry, HistoryListing, HistoryTarget, RunComparison } from './history';
import type { AnalysisEntry, MessageCheckRequest, MessageCheckResult } from './message-check';
import type { ProofCancelRequest, ProofEvent, ProofStartRequest } from './proof';
import type { DiscoveryResult, ProviderPreset } from './providers';
import type { SettingsChange, SettingsView } from './settings';
import type { AccountUpdateResult, SignInResult, SignInStatus, SignOutResult } from './sign-in';

export interface AccountAddRequest {
  readonly account: AccountInput;
  /** Goes straight to the OS keychain; never stored elsewhere, never sent back. */
  readonly password?: string | undefined;
}

export interface AccountUpdateRequest {
  readonly id: string;
  readonly account: AccountInput;
}

export interface AccountIdRequest {
  readonly id: string;
}

export interface SetPasswordRequest {
  readonly id: string;
  readonly password: string;
}

export interface DiscoverRequest {
  readonly domain: string;
}

export interface AuditStartRequest {
  readonly target: AuditTargetRequest;
  readonly options?: AuditOptions | undefined;
}

export interface AuditRunRequest {
  readonly runId: string;
}

export interface HistoryListRequest {
  /** All runs when absent. */
  readonly target?: HistoryTarget | undefined;
}

export interface HistoryCompareRequest {
  /** Compared in time order, whichever is named first. */
  readonly runIdA: string;
  readonly runIdB: string;
}

export interface ReportExportRequest {
  /** A stored run: the report is read from the history, never sent by the page. */
  readonly runId: string;
  readonly format: ExportFormat;
  /** For PDF only; A4 when absent. */
  readonly paper?: PaperSize | undefined;
}

export interface ClientReportExportRequest {
  /** The client's name as it heads the report and the suggested file name. */
  readonly client: string;
  /** Stored runs, one per account, in the order the report lists them: main reads each from the history. */
  readonly runIds: readonly string[];
  readonly format: ExportFormat;
  /** For PDF only; A4 when absent. */
  readonly paper?: PaperSize | undefined;
}

export interface ClientRunsRequest {
  /** Every client's runs when absent. */
  readonly client?: string | undefined;
}

export interface AnalysisExportRequest {
  /** A stored analysis: the record is read from the history, never sent by the page. */
  readonly runId: string;
  readonly format: ExportFormat;
  /** For PDF only; A4 when absent. */
  readonly paper?: PaperSize | undefined;
}

/** A stored test message run, exported as `message:export` exports a checked message. */
export interface ProofExportRequest {
  /** The run's id in the history: the record is read there, never sent by the page. */
  readonly runId: string;
  readonly format: ExportFormat;
  /** For PDF only; A4 when absent. */
  readonly paper?: PaperSize | undefined;
}

export interface ChannelMap {
  'accounts:list': { request: null; response: AccountDesk };
  'accounts:add': { request: AccountAddRequest; response: AccountView };
  /** Leaving OAuth for a password also ends the sign-in; the answer says how that went at the provider. */
  'accounts:update': { request: AccountUpdateRequest; response: AccountUpdateResult };
  'accounts:remove': { request: AccountIdRequest; response: { readonly removed: true } };
  'accounts:set-password': { request: SetPasswordRequest; response: AccountView };
  /** The incoming server's own password (its own keychain entry, `<id>/incoming`). */
  'accounts:set-incoming-password': { request: SetPasswordRequest; response: AccountView };
  'accounts:delete-password': { request: AccountIdRequest; response: AccountView };
  /** OAuth: opens the provider's page in the system browser and answers once the sign-in is over. */
  'accounts:sign-in': { request: AccountIdRequest; response: SignInResult };
  'accounts:cancel-sign-in': { request: AccountIdRequest; response: { readonly cancelled: boolean } };
  'accounts:sign-in-status': { request: AccountIdRequest; response: SignInStatus };
  /** OAuth: revokes the refresh token at the provider where it can (RFC 7009), then deletes it. */
  'accounts:sign-out': { request: AccountIdRequest; response: SignOutResult };
  'presets:list': { request: null; response: readonly ProviderPreset[] };
  'discovery:run': { request: DiscoverRequest; response: DiscoveryResult };
  'settings:get': { request: null; response: SettingsView };
  'settings:update': { request: SettingsChange; response: SettingsView };
  'audit:start': { request: AuditStartRequest; response: { readonly runId: string } };
  'audit:cancel': { request: AuditRunRequest; response: { readonly cancelled: boolean } };
  'history:list': { request: HistoryListRequest; response: HistoryListing };
  'history:get': { request: AuditRunRequest; response: HistoryEntry };
  'history:compare': { request: HistoryCompareRequest; response: RunComparison };
  'history:delete': { request: AuditRunRequest; response: { readonly deleted: true } };
  'report:export': { request: ReportExportRequest; response: ReportExportResult };
  'report:export-client': { request: ClientReportExportRequest; response: ReportExportResult };
  /** Opens (main's own dialog) or takes a pasted message, judges it and keeps the verdict in the history. */
  'message:check': { request: MessageCheckRequest; response: MessageCheckResult };
  'message:get': { request: AuditRunRequest; response: AnalysisEntry };
  'message:export': { request: AnalysisExportRequest; response: ReportExportResult };
  'message:export-proof': { request: ProofExportRequest; response: ReportExportResult };
  /**
   * "Send a test message": the one request that makes Mailwarden send mail (after the consent panel).
   * Progress, the verdict or the cancellation arrive as `message:proof-event`.
   */
  'message:prove': { request: ProofStartRequest; response: { readonly proofId: string } };
  'message:cancel-proof': { request: ProofCancelRequest; response: { readonly cancelled: boolean } };
  'clients:runs': { request: ClientRunsRequest; response: ClientRunListing };
  'clients:record-run': { request: ClientRunRecordRequest; response: ClientRun };
  'clients:rename': { request: ClientRenameRequest; response: ClientRenameResult };
}

/** Pushes from main to the page that asked: audit progress and the finished report. */
export interface EventMap {
  'audit:event': AuditEvent;
  'message:proof-event': ProofEvent;
}

export type EventChannel = keyof EventMap;

export const EVENT_CHANNELS = [
  'audit:event',
  'message:proof-event',
] as const satisfies readonly EventChannel[];

export type Channel = keyof ChannelMap;
export type RequestOf<C extends Channel> = ChannelMap[C]['request'];
export type ResponseOf<C extends Channel> = ChannelMap[C]['response'];

/** Every channel name, for registration and for the test that proves each one is guarded. */
export const CHANNELS = [
  'accounts:list',
  'accounts:add',
  'accounts:update',
  'accounts:remove',
  'accounts:set-password',
  'accounts:set-incoming-password',
  'accounts:delete-password',
  'accounts:sign-in',
  'accounts:cancel-sign-in',
  'accounts:sign-in-status',
  'accounts:sign-out',
  'presets:list',
  'discovery:run',
  'settings:get',
  'settings:update',
  'audit:start',
  'audit:cancel',
  'history:list',
  'history:get',
  'history:compare',
  'history:delete',
  'report:export',
  'report:export-client',
  'message:check',
  'message:get',
  'message:export',
  'message:export-proof',
  'message:prove',
  'message:cancel-proof',
  'clients:runs',
  'clients:record-run',
  'clients:rename',
] as const satisfies readonly Channel[];
