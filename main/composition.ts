/**
 * Wires the core to the real adapters. The desktop app, the CLI and the end-to-end tests all build
 * their services here, so they run the same code against the same files and keychain.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DiscoveryResult, ProviderPreset } from '../preload/contract/providers';
import {
  createDnsResolver,
  formatDnsServer,
  parseDnsServer,
  type DnsServerAddress,
} from './adapters/dns-resolver';
import { createCaPemChecker } from './adapters/ca-certificates';
import { createJsonDocumentStore } from './adapters/json-document-store';
import { createKeytarSecretStore } from './adapters/keytar-secret-store';
import { createFileHistoryStore } from './adapters/file-history-store';
import { HISTORY_DIR_NAME } from './core/history/history-document';
import { createHistoryService, type HistoryService } from './core/history/history-service';
import { createFileLock } from './adapters/file-lock';
import {
  ACCOUNTS_FILE_NAME,
  ACCOUNTS_FORMAT,
  ACCOUNTS_LOCK_FILE_NAME,
} from './core/accounts/accounts-document';
import { createAccountService, type AccountService } from './core/accounts/account-service';
import { PROVIDER_PRESETS } from './core/accounts/provider-presets';
import type { PdfPrinter, SaveTarget } from './core/export/export-ports';
import type { MessageChecker } from './core/message/check-message';
import type { OpenTarget } from './core/message/message-file-port';
import { MailwardenError } from './core/errors/mailwarden-error';
import type { DnsResolver, SecretStore } from './core/ports';
import type { AuditService } from './core/audit/audit-service';
import type { ReportExporter } from './core/export/export-report';
import type { ProofService } from './core/prove/proof-service';
import { createAppProofs, type AppProofs } from './core/prove/app-proofs';
import { lazyAuditService, lazyReportExporter, loadOnce } from './lazy-services';
import { SETTINGS_FILE_NAME, SETTINGS_FORMAT } from './core/settings/settings-document';
import {
  CLIENT_RUNS_FILE_NAME,
  CLIENT_RUNS_FORMAT,
  CLIENT_RUNS_LOCK_FILE_NAME,
} from './core/clients/client-runs-document';
import { createClientRunService, type ClientRunService } from './core/clients/client-run-service';
import { createSettingsService, type SettingsService } from './core/settings/settings-service';
import { createLoopbackRedirectListener } from './adapters/oauth/loopback-redirect-listener';
import { createOAuthService, type OAuthService } from './core/oauth/oauth-service';
import { createAppSignIns, type AppSignIns } from './core/oauth/app-sign-ins';
import type { AuthorizationUrlOpener } from './core/oauth/oauth-ports';

export interface MainServicesOptions {
  readonly dataDir: string;
  /** Keychain service name; tests use their own so they never touch a real user's entries. */
  readonly keychainService?: string;
  readonly secretStore?: SecretStore;
  /** `host:port` that overrides the saved DNS setting for this process (the CLI's --dns). */
  readonly dnsServer?: string | null;
  /** Where exports are saved (the app's save dialog); without it, exporting is refused. */
  readonly saveTarget?: SaveTarget;
  /** Prints the HTML report to PDF (the app's Chromium); without it, PDF export is refused. */
  readonly pdfPrinter?: PdfPrinter;
  /** Where a message to check is picked (the app's open dialog); without it, only a paste is checked. */
  readonly openTarget?: OpenTarget;
  /** How long an OAuth sign-in waits for the browser; five minutes unless a test shortens it. */
  readonly signInDeadlineMs?: number;
  /**
   * Opens an authorization URL in the person's own browser (the app: shell.openExternal behind the
   * https-only policy). Without it, the app's sign-in is refused; the CLI opens its own.
   */
  readonly systemBrowser?: AuthorizationUrlOpener;
}

export interface MainServices {
  readonly dataDir: string;
  readonly accounts: AccountService;
  readonly settings: SettingsService;
  readonly presets: readonly ProviderPreset[];
  readonly discovery: { run(domain: string): Promise<DiscoveryResult> };
  readonly audits: AuditService;
  /** Every audit run's report, kept in the data folder's history/ (one file per run). */
  readonly history: HistoryService;
  /** Each time all of a client's accounts were tested together (client-runs.json), and renaming a client. */
  readonly clients: ClientRunService;
  /** Saves a stored run's report as HTML, PDF, Markdown, JSON or CSV where the user chooses. */
  readonly exports: ReportExporter;
  /** "Check a message": judges an opened or pasted message and keeps the verdict in the history. */
  readonly messages: MessageChecker;
  /** OAuth sign-in, access tokens (memory only) and sign-out; refresh tokens only in the keychain. */
  readonly oauth: OAuthService;
  /** The app's sign-ins in the system browser, cancellable, one per account at a time. */
  readonly signIns: AppSignIns;
  /** The resolver every lookup uses right now: the override, else the saved setting, else the system's. */
  resolver(): Promise<DnsResolver>;
  /** `mailwarden prove`: sends one test message through an account and judges what arrives. */
  readonly proofs: ProofService;
  /** "Send a test message" in the app: started, pushed as events, cancelled by id, kept in the history. */
  readonly appProofs: AppProofs;
}

/** Validates a `--dns` / setting value once, with the same rules everywhere. */
export function checkDnsServer(
  text: string,
): { ok: true; canonical: string } | { ok: false; message: string } {
  const parsed = parseDnsServer(text);
  return parsed.ok ? { ok: true, canonical: formatDnsServer(parsed.value) } : parsed;
}

export function createMainServices(options: MainServicesOptions): MainServices {
  const { dataDir } = options;
  const secrets =
    options.secretStore ??
    createKeytarSecretStore(
      options.keychainService === undefined ? {} : { service: options.keychainService },
    );
  const accountsLock = createFileLock(join(dataDir, ACCOUNTS_LOCK_FILE_NAME));
  const accounts = createAccountService({
    store: createJsonDocumentStore(join(dataDir, ACCOUNTS_FILE_NAME), ACCOUNTS_FORMAT),
    secrets,
    clock: { now: () => new Date() },
    ids: { newId: () => randomUUID() },
    lock: accountsLock,
  });
  const settings = createSettingsService({
    store: createJsonDocumentStore(join(dataDir, SETTINGS_FILE_NAME), SETTINGS_FORMAT),
    checkDnsServer,
    checkCaPem: createCaPemChecker(),
  });

  /** The DNS server every lookup goes to: the override, else the saved setting; null for the system's. */
  async function chosenDnsServer(): Promise<DnsServerAddress | null> {
    const chosen = options.dnsServer ?? (await settings.get()).dnsServer;
    if (chosen === null) return null;
    const parsed = parseDnsServer(chosen);
    if (!parsed.ok) {
      throw new MailwardenError('INVALID_INPUT', parsed.message, [
        { field: 'dnsServer', message: parsed.message },
      ]);
    }
    return parsed.value;
  }

  async function resolver(): Promise<DnsResolver> {
    const server = await chosenDnsServer();
    return createDnsResolver(server === null ? {} : { server });
  }

  const oauth = createOAuthService({
    accounts,
    secrets,
    lock: accountsLock,
    clock: { now: () => new Date() },
    redirects: createLoopbackRedirectListener(),
    // The provider is reached like the audits' HTTPS fetches: the chosen resolver, the trusted CAs.
    connect: async (signIn, clientSecret) => {
      const { extraCaPem } = await settings.get();
      // The OpenID client library loads only when a sign-in or a token refresh needs it (cold start).
      const [{ connectToProvider }, { createProviderFetch }] = await Promise.all([
        import('./core/oauth/provider-connection'),
        import('./adapters/oauth/provider-fetch'),
      ]);
      return connectToProvider(
        signIn,
        createProviderFetch({ resolver: await resolver(), extraCaPem }),
        clientSecret,
      );
    },
    ...(options.signInDeadlineMs === undefined ? {} : { signInDeadlineMs: options.signInDeadlineMs }),
  });

  const signIns = createAppSignIns({
    oauth,
    accounts,
    openUrl:
      options.systemBrowser ??
      (() =>
        Promise.reject(
          new MailwardenError(
            'SIGN_IN_FAILED',
            'This Mailwarden has no browser to open the sign-in page in.',
          ),
        )),
  });

  const historyStore = createFileHistoryStore(join(dataDir, HISTORY_DIR_NAME));
  const history = createHistoryService(historyStore);
  const clients = createClientRunService({
    store: createJsonDocumentStore(join(dataDir, CLIENT_RUNS_FILE_NAME), CLIENT_RUNS_FORMAT),
    accounts,
    history,
    clock: { now: () => new Date() },
    ids: { newId: () => randomUUID() },
    lock: createFileLock(join(dataDir, CLIENT_RUNS_LOCK_FILE_NAME)),
  });
  // The audit, discovery and export code (probes, nodemailer, imapflow, the catalogue, the report
  // renderers) loads on first use: `accounts list` and the other commands that only read files then
  // start in about the time Node itself takes (issue 15, cold start).
  const wiring = loadOnce(async () =>
    (await import('./audit-composition')).createAuditWiring({
      accounts,
      secrets,
      settings,
      history,
      historyStore,
      chosenDnsServer,
      oauthAccessToken: (accountId) => oauth.accessToken(accountId),
      saveTarget: options.saveTarget,
      pdfPrinter: options.pdfPrinter,
    }),
  );
  const audits = lazyAuditService(async () => (await wiring()).audits);
  const exports = lazyReportExporter(async () => (await wiring()).exports);
  // mailauth and the message code load on the first check, like the audit code (cold start).
  const messageChecker = loadOnce(async () =>
    (await import('./message-composition')).createMessageWiring({
      history,
      resolver,
      openTarget: options.openTarget,
    }),
  );
  const messages: MessageChecker = {
    check: async (request) => (await messageChecker()).check(request),
  };

  const proofs: ProofService = {
    run: async (request) => (await wiring()).proofs.run(request),
    prepare: async (request) => (await wiring()).proofs.prepare(request),
  };
  const appProofs = createAppProofs({
    proofs,
    history,
    extraCaPem: async () => (await settings.forAudit()).extraCaPem,
    ids: { newId: () => randomUUID() },
  });

  return {
    dataDir,
    accounts,
    settings,
    oauth,
    signIns,
    presets: PROVIDER_PRESETS,
    discovery: { run: async (domain) => (await wiring()).discovery.run(domain) },
    audits,
    history,
    clients,
    exports,
    messages,
    resolver,
    proofs,
    appProofs,
  };
}
